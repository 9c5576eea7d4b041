// Subtitles (SubRip .srt, WebVTT .vtt) as a bitext. Learners and interpreters study news clips,
// speeches and talks through their subtitles: bilingual ones (each cue a Chinese line over an
// English one), or a Chinese and an English file of the same video. Either way the cues' times
// pair the languages: every cue's lines go to a Chinese and an English stream by script, and cues
// of the two streams that overlap in time (by a third of the shorter at least) are one pair, a
// chain of them (one English cue over two Chinese ones) one pair too. A cue left without a
// partner (a caption in one language only) joins the pair before it; when most are left so, the
// two were not subtitles of the same video in step, and that is said.
import { InvalidInputError } from '../../errors.ts';
import { hanCount, latinCount } from './script.ts';
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

/** Whether a text is subtitles: a WebVTT header, or a cue timing among its first lines. */
export function looksLikeSubtitles(text: string): boolean {
  const head = text.slice(0, 8192).replace(/^\uFEFF/, '');
  if (/^\s*WEBVTT\b/.test(head)) return true;
  const lines = head.split('\n').filter((l) => l.trim()).slice(0, 40);
  const first = lines.findIndex((l) => TIMING.test(l));
  // SRT: the first cue's number, then its timing; and more timings after it.
  return first >= 0 && first <= 2 && lines.filter((l) => TIMING.test(l)).length >= Math.min(2, lines.length - first);
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

/** The cues of an SRT or WebVTT text, in the order given; a block that is no cue is named by its line. */
export function readCues(text: string): Cue[] {
  const lines = text.split('\n');
  const cues: Cue[] = [];
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
      throw new InvalidInputError(`not a subtitle cue: a cue is its number, then its timing (00:00:01,000 --> 00:00:03,500), then its text`, from + 1);
    }
    const m = TIMING.exec(block[at])!;
    const start = ms(m, 1);
    const end = ms(m, 5);
    if (end < start) throw new InvalidInputError('the cue ends before it starts', from + at + 1);
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

/** A cue's Chinese and English lines, each language's joined: a line is Chinese where Han letters are a fifth of its Latin ones or more. */
function halves(cue: Cue): Half[] {
  const zh: string[] = [];
  const en: string[] = [];
  for (const line of cue.lines) {
    const han = hanCount(line);
    const latin = latinCount(line);
    if (!han && !latin) continue;
    (han * 4 >= latin ? zh : en).push(line);
  }
  const out: Half[] = [];
  if (zh.length) out.push({ start: cue.start, end: cue.end, text: zh.join(' '), line: cue.line, lang: 'zh' });
  if (en.length) out.push({ start: cue.start, end: cue.end, text: en.join(' '), line: cue.line, lang: 'en' });
  return out;
}

/** Whether two halves overlap in time by a third of the shorter at least (a cue pairs with itself). */
function overlap(a: Half, b: Half): boolean {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  return shorter <= 0 ? a.start === b.start : shared >= shorter / 3;
}

/** Sentence pairs of bilingual subtitles, or of a Chinese and an English subtitle file (in either order). */
export function readSubtitles(text: string, text2?: string): BitextPair[] {
  const cues = readCues(text);
  if (text2 !== undefined) cues.push(...readCues(text2));
  if (!cues.length) throw new InvalidInputError('the subtitles have no cues');
  const all = cues.flatMap(halves).sort((a, b) => a.start - b.start || a.end - b.end);
  const zh = all.filter((h) => h.lang === 'zh');
  const en = all.filter((h) => h.lang === 'en');
  if (!zh.length || !en.length) {
    throw new InvalidInputError(`the subtitles are all ${zh.length ? 'Chinese' : 'English'}: give bilingual subtitles, or the ${zh.length ? 'English' : 'Chinese'} file beside them`);
  }
  // Union–find over overlapping halves of the two languages; both lists are in time order, so
  // each Chinese half is compared with the English halves from the first that can still overlap.
  const parent = all.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k])));
  const index = new Map(all.map((h, k) => [h, k]));
  let from = 0;
  for (const z of zh) {
    while (from < en.length && en[from].end <= z.start) from++;
    for (let j = from; j < en.length && en[j].start < z.end + 1; j++) {
      if (overlap(z, en[j])) parent[find(index.get(z)!)] = find(index.get(en[j])!);
    }
  }
  // Groups in time order; one language only joins the group before (or the first after).
  const groups = new Map<number, Half[]>();
  for (const h of all) {
    const root = find(index.get(h)!);
    const group = groups.get(root);
    if (group) group.push(h);
    else groups.set(root, [h]);
  }
  const pairs: { zh: string[]; en: string[]; line: number }[] = [];
  let alone = 0;
  let pending: Half[] = [];
  for (const group of groups.values()) {
    const both = group.some((h) => h.lang === 'zh') && group.some((h) => h.lang === 'en');
    if (!both) {
      alone += group.length;
      const last = pairs[pairs.length - 1];
      if (last) for (const h of group) last[h.lang].push(h.text);
      else pending.push(...group);
      continue;
    }
    const pair = { zh: [] as string[], en: [] as string[], line: Math.min(...group.filter((h) => h.lang === 'zh').map((h) => h.line)) };
    for (const h of [...pending, ...group]) pair[h.lang].push(h.text);
    pending = [];
    pairs.push(pair);
  }
  if (alone * 2 > all.length) {
    throw new InvalidInputError(
      `${alone} of the ${all.length} Chinese and English cues have no cue of the other language at the same time: are these subtitles of the same video, in step?`,
    );
  }
  return pairs.map((p) => ({ zh: p.zh.join(' '), en: p.en.join(' '), line: p.line }));
}
