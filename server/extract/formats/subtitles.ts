// Subtitles (SubRip .srt, WebVTT .vtt) as a bitext. Learners and interpreters study news clips,
// speeches and talks through their subtitles: bilingual ones (each cue a Chinese line over an
// English one, or both on one line), or a Chinese and an English file of the same video. Either
// way the cues' times pair the languages: every cue's lines go to a Chinese and an English stream
// by script, and a cue of one stream pairs with those of the other that share most of the shorter
// one's time (more than half: one English cue over two Chinese ones is one pair, while two files a
// half cue out of step never chain every cue into one). A cue left without a partner (a caption in
// one language only) joins the pair before it; when most are left so, the two were not subtitles
// of the same video in step, and that is said. A sentence spoken over several cues is one pair:
// cues follow each other into it until the English ends a sentence.
import { InvalidInputError } from '../../errors.ts';
import { hanCount, latinCount, scriptOf } from './script.ts';
import type { BitextPair } from './types.ts';

export interface Cue {
  start: number;
  end: number;
  lines: string[];
  /** 1-based line of the input where the cue's text starts. */
  line: number;
}

const TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{2})[,.](\d{1,3})`;
const TIMING = new RegExp(`^\\s*${TIME}\\s*-->\\s*${TIME}`);
const CUE_NUMBER = /^\s*\d+\s*$/;

/**
 * Whether a text is subtitles: a WebVTT header, or an SRT timing among its first lines (after a
 * few lines of credits at most), followed by more timings unless the text is one cue.
 */
export function looksLikeSubtitles(text: string): boolean {
  const head = text.slice(0, 8192).replace(/^\uFEFF/, '');
  if (/^\s*WEBVTT\b/.test(head)) return true;
  const lines = head.split('\n').filter((l) => l.trim()).slice(0, 60);
  const first = lines.findIndex((l) => TIMING.test(l));
  if (first < 0 || first > 8 || (first > 0 && !CUE_NUMBER.test(lines[first - 1]))) return false;
  const timings = lines.filter((l) => TIMING.test(l)).length;
  return timings >= 2 || lines.length - first <= 6;
}

function ms(m: RegExpExecArray, at: number): number {
  const [h, min, s, frac] = [m[at], m[at + 1], m[at + 2], m[at + 3]];
  return (Number(h ?? 0) * 3600 + Number(min) * 60 + Number(s)) * 1000 + Number(frac.padEnd(3, '0'));
}

/** A cue's text without markup: <i>, <font …>, <c.yellow>, {\an8}, and the common entities. */
function plain(line: string): string {
  return line
    .replace(/<[^>]*>/g, '')
    .replace(/\{\\[^}]*\}/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The cues of an SRT or WebVTT text, in the order given. A block without a timing after a cue is
 * more of its text (a blank line inside a cue); before the first cue, a title or credits, left
 * out. A timing that cannot be read is named by its line (`where` prefixes it: which file).
 */
export function readCues(text: string, where = ''): Cue[] {
  const lines = text.split('\n');
  const cues: Cue[] = [];
  const fail = (message: string, line: number): never => {
    throw where ? new InvalidInputError(`${where}, line ${line}: ${message}`) : new InvalidInputError(message, line);
  };
  let i = 0;
  // WebVTT: the header block (WEBVTT and its metadata) first.
  if (/^\uFEFF?\s*WEBVTT\b/.test(lines[0] ?? '')) while (i < lines.length && lines[i].trim()) i++;
  while (i < lines.length) {
    if (!lines[i].trim()) {
      i++;
      continue;
    }
    const from = i;
    while (i < lines.length && lines[i].trim()) i++;
    const block = lines.slice(from, i);
    // WebVTT comments, styles and regions are no cues.
    if (/^(NOTE|STYLE|REGION)\b/.test(block[0].trim())) continue;
    const at = TIMING.test(block[0]) ? 0 : TIMING.test(block[1] ?? '') ? 1 : -1;
    if (at < 0) {
      const arrow = block.findIndex((l) => l.includes('-->'));
      if (arrow >= 0 && arrow <= 1) fail('a cue timing reads 00:00:01,000 --> 00:00:03,500 (hours optional in WebVTT)', from + arrow + 1);
      const last = cues[cues.length - 1];
      if (last) last.lines.push(...block.map(plain).filter(Boolean));
      continue;
    }
    const m = TIMING.exec(block[at])!;
    const start = ms(m, 1);
    const end = ms(m, 5);
    if (end < start) fail('the cue ends before it starts', from + at + 1);
    cues.push({ start, end, lines: block.slice(at + 1).map(plain).filter(Boolean), line: from + at + 2 });
  }
  return cues;
}

interface Half {
  start: number;
  end: number;
  text: string;
  line: number;
  lang: 'zh' | 'en';
}

const HAN_END = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]$/u;
const HAN_START = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Pieces of one language's text joined: Chinese broken across lines (气候 / 变化) without a space. */
function join(pieces: string[], lang: 'zh' | 'en'): string {
  let out = '';
  for (const p of pieces) out += !out || (lang === 'zh' && HAN_END.test(out) && HAN_START.test(p)) ? p : ` ${p}`;
  return out;
}

// A line holding both languages, one after the other ("你好 Hello", "Hello 你好").
const ZH_THEN_EN = /^([^A-Za-z]*\p{Script=Han}[^A-Za-z]*?)\s+([A-Za-z"'‘“(].*)$/u;
const EN_THEN_ZH = /^([^\p{Script=Han}]*[A-Za-z][^\p{Script=Han}]*?)\s+([\p{Script=Han}“‘（(].*)$/u;

/** A cue's Chinese and English, each language's lines joined: a line's language is scriptOf's. */
function halves(cue: Cue): Half[] {
  const zh: string[] = [];
  const en: string[] = [];
  for (const line of cue.lines) {
    const script = scriptOf(line);
    if (script === 'none') continue;
    const both = hanCount(line, 1) && latinCount(line, 2) >= 2 ? (ZH_THEN_EN.exec(line) ?? EN_THEN_ZH.exec(line)) : null;
    if (both) {
      const [first, second] = [both[1].trim(), both[2].trim()];
      if (hanCount(first, 1)) (zh.push(first), en.push(second));
      else (en.push(first), zh.push(second));
    } else (script === 'zh' ? zh : en).push(line);
  }
  const out: Half[] = [];
  if (zh.length) out.push({ start: cue.start, end: cue.end, text: join(zh, 'zh'), line: cue.line, lang: 'zh' });
  if (en.length) out.push({ start: cue.start, end: cue.end, text: join(en, 'en'), line: cue.line, lang: 'en' });
  return out;
}

// The share of the shorter cue's time two cues must share to pair: more than half, so a cue never
// pairs with two cues of the other language that are as long as it (which would chain them all).
const SHARED = 0.6;

/** Whether two halves share most of the shorter one's time (an instant, inside the other). */
function overlap(a: Half, b: Half): boolean {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  if (shorter <= 0) return a.end - a.start <= 0 ? a.start >= b.start && a.start <= b.end : b.start >= a.start && b.start <= a.end;
  return shared >= shorter * SHARED;
}

/**
 * Sentence pairs of bilingual subtitles, or of a Chinese and an English subtitle file (in either
 * order).
 */
export function readSubtitles(text: string, text2?: string): BitextPair[] {
  const cues = readCues(text);
  if (text2 !== undefined) cues.push(...readCues(text2, 'the second file'));
  if (!cues.length) throw new InvalidInputError('the subtitles have no cues');
  const all = cues.flatMap(halves).sort((a, b) => a.start - b.start || a.end - b.end);
  const zh: number[] = [];
  const en: number[] = [];
  all.forEach((h, k) => (h.lang === 'zh' ? zh : en).push(k));
  if (!zh.length || !en.length) {
    throw new InvalidInputError(`the subtitles are all ${zh.length ? 'Chinese' : 'English'}: give bilingual subtitles, or the ${zh.length ? 'English' : 'Chinese'} file beside them`);
  }
  // Union–find (by size, iterative) over halves of the two languages that share their time; both
  // lists are in time order, so each Chinese half is compared with the English halves from the
  // first that can still overlap it.
  const parent = all.map((_, k) => k);
  const size = all.map(() => 1);
  const find = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k]];
    return k;
  };
  const unite = (a: number, b: number) => {
    let [ra, rb] = [find(a), find(b)];
    if (ra === rb) return;
    if (size[ra] < size[rb]) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    size[ra] += size[rb];
  };
  let from = 0;
  for (const z of zh) {
    const cue = all[z];
    while (from < en.length && all[en[from]].end < cue.start) from++;
    for (let j = from; j < en.length && all[en[j]].start <= cue.end; j++) if (overlap(cue, all[en[j]])) unite(z, en[j]);
  }
  // Groups in time order; one language only joins the group before (or the first after).
  const groups = new Map<number, Half[]>();
  for (let k = 0; k < all.length; k++) {
    const root = find(k);
    const group = groups.get(root);
    if (group) group.push(all[k]);
    else groups.set(root, [all[k]]);
  }
  const pairs: { zh: string[]; en: string[]; line: number; start: number; end: number }[] = [];
  let alone = 0;
  let pending: Half[] = [];
  for (const group of groups.values()) {
    let line = Infinity;
    let hasZh = false;
    let hasEn = false;
    let start = Infinity;
    let end = -Infinity;
    for (const h of group) {
      if (h.lang === 'zh') (hasZh = true), (line = Math.min(line, h.line));
      else hasEn = true;
      start = Math.min(start, h.start);
      end = Math.max(end, h.end);
    }
    if (!hasZh || !hasEn) {
      alone += group.length;
      const last = pairs[pairs.length - 1];
      if (last) for (const h of group) last[h.lang].push(h.text);
      else pending.push(...group);
      continue;
    }
    const pair = { zh: [] as string[], en: [] as string[], line, start, end };
    for (const h of [...pending, ...group]) pair[h.lang].push(h.text);
    pending = [];
    pairs.push(pair);
  }
  if (alone * 2 > all.length) {
    throw new InvalidInputError(
      `${alone} of the ${all.length} Chinese and English cues have no cue of the other language at the same time: are these subtitles of the same video, in step?`,
    );
  }
  return sentencesOf(pairs).map((p) => ({ zh: join(p.zh, 'zh'), en: join(p.en, 'en'), line: p.line }));
}

// A sentence runs over several cues ("All countries must" / "meet the challenge."): cues follow
// each other into one pair until the English ends a sentence (English subtitles punctuate; Chinese
// ones often do not), while they follow closely, up to a few cues; unless the English is not
// punctuated at all.
const SENTENCE_END = /[.!?…]["”’')\]]*$/;
const MAX_GAP = 2000;
const MAX_CUES = 6;

function sentencesOf<P extends { zh: string[]; en: string[]; start: number; end: number }>(pairs: P[]): P[] {
  // Subtitles whose English is not punctuated (made by speech recognition) end no sentence
  // anywhere: their cues stay as they are.
  const ends = pairs.filter((p) => SENTENCE_END.test(p.en[p.en.length - 1] ?? '')).length;
  if (ends * 5 < pairs.length) return pairs;
  const out: P[] = [];
  let joined = 0;
  for (const p of pairs) {
    const last = out[out.length - 1];
    if (last && joined < MAX_CUES && p.start - last.end <= MAX_GAP && !SENTENCE_END.test(last.en[last.en.length - 1] ?? '')) {
      last.zh.push(...p.zh);
      last.en.push(...p.en);
      last.end = Math.max(last.end, p.end);
      joined++;
    } else {
      out.push(p);
      joined = 1;
    }
  }
  return out;
}
