// A glossary: two columns, a term per row (a translator's spreadsheet saved as CSV or tab-separated
// text, a Word table of terms). It is a termbase like a TBX file, not a bitext: each row is a
// term whose renderings are the user's, not sentence pairs to extract terms from. Told apart
// from sentence pairs by its rows: short, and without the punctuation that ends a sentence.
import type { GlossaryEntry } from './tbx.ts';
import type { BitextPair } from './types.ts';
import { hanCount } from './script.ts';

// A term of more than this many characters is a phrase or a sentence (人类命运共同体 is 7,
// 全过程人民民主 7, 网络综合治理格局 8).
const MAX_TERM_CHARS = 16;
const MAX_RENDERING_WORDS = 12;
// What ends a sentence, in either language; a glossary's rows end without it.
const ZH_SENTENCE_END = /[。！？；…]\s*$/;
const EN_SENTENCE_END = /[.!?;]["”’')]*\s*$/;
// Alternative renderings in one cell: "we media; self-media".
const ALTERNATIVES = /\s*[;；]\s*/;

// Sentence particles: a headline or a subtitle line without its full stop still has them
// (你在干什么呢, 我们走吧); a term does not.
const PARTICLES = /[了吗呢吧啊呀嘛]/;
// Terms are short: half a glossary's are four to six characters. Headlines, whose punctuation is
// dropped too, run to ten and more.
const MAX_MEDIAN_CHARS = 8;

function termLike(p: BitextPair): boolean {
  if (p.zh.length > MAX_TERM_CHARS || hanCount(p.zh) === 0 || ZH_SENTENCE_END.test(p.zh) || PARTICLES.test(p.zh)) return false;
  // "etc." and "U.S." end with a period without ending a sentence.
  const en = p.en.replace(/\b(etc|U\.S|U\.N|Inc|Ltd|Co)\.$/i, '$1');
  return !EN_SENTENCE_END.test(en) && en.split(/\s+/).length <= MAX_RENDERING_WORDS;
}

/**
 * Whether delimited rows are a glossary: nine in ten of them, and at least two, a term beside its
 * rendering; and the terms short, or renderings given with alternatives ("we media; self-media").
 */
export function looksLikeGlossary(pairs: readonly BitextPair[]): boolean {
  if (pairs.length < 2) return false;
  let terms = 0;
  for (const p of pairs) if (termLike(p)) terms++;
  if (terms < pairs.length * 0.9) return false;
  const lengths = pairs.map((p) => p.zh.length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)]! <= MAX_MEDIAN_CHARS || pairs.some((p) => ALTERNATIVES.test(p.en));
}

/** Each row a termbase entry; English cells holding several renderings (";") give the first as the preferred one. */
export function glossaryEntries(pairs: readonly BitextPair[]): GlossaryEntry[] {
  return pairs.map((p) => ({
    zh: [p.zh],
    en: [...new Set(p.en.split(ALTERNATIVES).filter(Boolean))],
    note: p.note ?? '',
    line: p.line,
  }));
}
