// TMX (translation memory exchange): <tu> units holding one <tuv xml:lang="…"><seg> per language.
// Inline markup inside <seg> (<bpt>, <ept>, <ph>, <it>) holds native codes, not text, and is
// dropped (xml.ts textOf).
import { InvalidInputError } from '../../errors.ts';
import { scriptOf } from './script.ts';
import type { BitextPair } from './types.ts';
import { elements, parseXml, textOf } from './xml.ts';

export function readTmx(text: string): BitextPair[] {
  const root = parseXml(text);
  const pairs: BitextPair[] = [];
  for (const tu of elements(root, 'tu')) {
    let zh = '';
    let en = '';
    for (const tuv of elements(tu, 'tuv')) {
      const lang = (tuv.attrs['xml:lang'] ?? tuv.attrs.lang ?? '').toLowerCase();
      const seg = [...elements(tuv, 'seg')].map(textOf).join(' ').replace(/\s+/g, ' ').trim();
      // The language code decides; a missing or unusual code falls back to the script.
      const side = lang.startsWith('zh') || lang.startsWith('cmn') ? 'zh' : lang.startsWith('en') ? 'en' : scriptOf(seg);
      if (side === 'zh' && !zh) zh = seg;
      else if (side === 'en' && !en) en = seg;
    }
    if (!zh && !en) continue;
    if (!zh || !en) {
      throw new InvalidInputError(`translation unit has no ${zh ? 'English' : 'Chinese'} segment`, tu.line);
    }
    pairs.push({ zh, en, line: tu.line });
  }
  if (pairs.length === 0) throw new InvalidInputError('the TMX file has no <tu> with Chinese and English segments');
  return pairs;
}
