// Two monolingual files, one per language, a paragraph (or a sentence) per line. The paragraphs
// are aligned first with the sentence aligner's own machinery; the sentences inside each
// paragraph bead are aligned later, like any other pair.
import { InvalidInputError } from '../../errors.ts';
import { alignUnits, defaultModel, estimateModel, toUnits, type Bead, type Unit } from '../sentences/align.ts';
import { foldEmpty } from '../sentences/pairs.ts';
import { hanCount, latinCount } from './script.ts';
import type { BitextPair } from './types.ts';

export interface Line {
  text: string;
  /** 1-based line number in its file. */
  line: number;
}

export interface ParagraphAlignment {
  zh: Line[];
  en: Line[];
  /** Beads over indexes of `zh` and `en`; 1–0 and 0–1 beads kept. */
  beads: Bead[];
}

function nonBlankLines(text: string): Line[] {
  const out: Line[] = [];
  text.split('\n').forEach((raw, k) => {
    const t = raw.trim();
    if (t) out.push({ text: t, line: k + 1 });
  });
  return out;
}

/** Which of the two texts is the Chinese one; both in one language is the user's mistake. */
export function orderTexts(text: string, text2: string): { zh: string; en: string } {
  const chinese = (t: string) => hanCount(t.slice(0, 200000)) * 4 >= latinCount(t.slice(0, 200000));
  const first = chinese(text);
  const second = chinese(text2);
  if (first === second) {
    throw new InvalidInputError(`both files are ${first ? 'Chinese' : 'English'}; give one Chinese and one English file`);
  }
  return first ? { zh: text, en: text2 } : { zh: text2, en: text };
}

export function alignParagraphs(zhText: string, enText: string): ParagraphAlignment {
  const zh = nonBlankLines(zhText);
  const en = nonBlankLines(enText);
  if (zh.length === 0) throw new InvalidInputError('the Chinese file is empty');
  if (en.length === 0) throw new InvalidInputError('the English file is empty');
  const zhUnits = toUnits(zh.map((l) => l.text));
  const enUnits = toUnits(en.map((l) => l.text));
  // Two passes: the first with the document's overall length ratio, the second with the variance
  // the first alignment shows. Its beads fit better than the truth (the aligner picked the
  // best-fitting ones), so their variance is scaled up by half.
  const total = estimateModel([[sum(zhUnits), sum(enUnits)]]);
  const first = alignUnits(zhUnits, enUnits, { ratio: total.ratio, variance: defaultModel.variance });
  const paired = first.filter((b) => b.zh[1] > b.zh[0] && b.en[1] > b.en[0]);
  const fit = estimateModel(paired.map((b) => [sum(zhUnits, b.zh), sum(enUnits, b.en)]), total);
  const beads = alignUnits(zhUnits, enUnits, { ratio: fit.ratio, variance: fit.variance * 1.5 });
  return { zh, en, beads };
}

export function readTwoFiles(text: string, text2: string): BitextPair[] {
  const { zh: zhText, en: enText } = orderTexts(text, text2);
  const { zh, en, beads } = alignParagraphs(zhText, enText);
  return foldEmpty(beads).map((b) => ({
    zh: zh.slice(b.zh[0], b.zh[1]).map((l) => l.text).join('\n'),
    en: en.slice(b.en[0], b.en[1]).map((l) => l.text).join('\n'),
    line: zh[b.zh[0]]?.line ?? 1,
  }));
}

function sum(units: Unit[], range: [number, number] = [0, units.length]): number {
  let total = 0;
  for (let k = range[0]; k < range[1]; k++) total += units[k].length;
  return total;
}
