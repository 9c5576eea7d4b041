// Paragraph pairs on alternate lines, like the seed: either language first (the first pair sets
// the order for the file), blank lines allowed anywhere.
import { InvalidInputError } from '../../errors.ts';
import { languageName, scriptOf } from './script.ts';
import type { BitextPair } from './types.ts';

export function readInterleaved(text: string): BitextPair[] {
  const lines = text.split('\n');
  const paragraphs: { text: string; line: number; lang: 'zh' | 'en' }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    const lang = scriptOf(trimmed);
    // Separators and page numbers ("***", "3") carry no text to translate.
    if (lang === 'none') continue;
    paragraphs.push({ text: trimmed, line: i + 1, lang });
  }
  if (paragraphs.length === 0) throw new InvalidInputError('the input has no English or Chinese text');
  const first = paragraphs[0].lang;
  const second = first === 'zh' ? 'en' : 'zh';
  const order = `${languageName[first]} then ${languageName[second]}`;
  const pairs: BitextPair[] = [];
  for (let k = 0; k < paragraphs.length; k += 2) {
    const a = paragraphs[k];
    const b = paragraphs[k + 1];
    if (a.lang !== first) {
      throw new InvalidInputError(
        `${languageName[a.lang]} paragraph where ${languageName[first]} was expected (this file pairs ${order}); is a translation missing above?`,
        a.line,
      );
    }
    if (!b) {
      throw new InvalidInputError(`${languageName[a.lang]} paragraph has no ${languageName[second]} translation after it`, a.line);
    }
    if (b.lang !== second) {
      throw new InvalidInputError(
        `${languageName[a.lang]} paragraph has no ${languageName[second]} translation (line ${b.line} is ${languageName[b.lang]} too)`,
        a.line,
      );
    }
    pairs.push(first === 'zh' ? { zh: a.text, en: b.text, line: a.line } : { zh: b.text, en: a.text, line: a.line });
  }
  return pairs;
}
