import { describe, expect, it } from 'vitest';
import { markMatches, markNeedles, markRange, markSpans, type Piece } from '../../client/src/lib/marks.ts';

const marked = (pieces: Piece[]) => pieces.filter((p) => p.marked).map((p) => p.text);
const joined = (pieces: Piece[]) => pieces.map((p) => p.text).join('');

describe('markRange: the concordance marks the term by its offsets', () => {
  const zh = '要健全网络生态治理长效机制。';
  it.each<[number | null, number | null, string[]]>([
    [3, 9, ['网络生态治理']],
    [0, 1, ['要']],
    [13, 14, ['。']],
    [null, null, []],
    [5, 3, []],
    [0, 99, []],
    [-1, 2, []],
  ])('[%s, %s)', (start, end, expected) => {
    const pieces = markRange(zh, start, end);
    expect(marked(pieces)).toEqual(expected);
    expect(joined(pieces)).toBe(zh);
  });

  it('keeps markup-looking user text as plain text pieces', () => {
    const text = '<img src=x onerror=alert(1)> cyber governance';
    const pieces = markRange(text, 29, 34);
    expect(joined(pieces)).toBe(text);
    expect(marked(pieces)).toEqual(['cyber']);
  });
});

describe('markNeedles: key terms marked in a card sentence', () => {
  it('prefers the longest term where terms nest', () => {
    const pieces = markNeedles('抓网络生态治理必须坚持党的领导', ['网络', '网络生态治理', '党的领导'], 'zh');
    expect(marked(pieces)).toEqual(['网络生态治理', '党的领导']);
  });

  it('marks every occurrence', () => {
    expect(marked(markNeedles('事关国家发展和安全,事关人民群众切身利益', ['事关'], 'zh'))).toEqual(['事关', '事关']);
  });

  it('matches English case-insensitively, at word boundaries only', () => {
    const text = 'Cyber ecosystem governance matters; cybersecurity is another term.';
    const pieces = markNeedles(text, ['cyber ecosystem governance', 'cyber'], 'en');
    expect(marked(pieces)).toEqual(['Cyber ecosystem governance']);
    expect(joined(pieces)).toBe(text);
  });

  it('ignores empty needles and leaves text without matches whole', () => {
    expect(markNeedles('no match here', ['', '  ', 'absent'], 'en')).toEqual([{ text: 'no match here', marked: false }]);
    expect(markNeedles('', ['x'], 'en')).toEqual([]);
  });
});

describe('markSpans: the reader marks every term of a sentence by its offsets', () => {
  const zh = '要健全网络生态治理长效机制。';
  const spansOf = (pieces: { text: string; marks: number[] }[]) => pieces.filter((p) => p.marks.length).map((p) => [p.marks, p.text]);

  it('marks each span with its index, in reading order, and gives the text back whole', () => {
    const pieces = markSpans(zh, [
      { start: 9, end: 13 },
      { start: 3, end: 9 },
    ]);
    expect(spansOf(pieces)).toEqual([
      [[1], '网络生态治理'],
      [[0], '长效机制'],
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(zh);
  });

  it.each<[string, { start: number | null; end: number | null }[], (string | number[])[][]]>([
    ['a term inside a longer one: covered by both, the longer first', [{ start: 3, end: 5 }, { start: 3, end: 9 }], [[[1, 0], '网络'], [[1], '生态治理']]],
    ['two spans crossing: each part by what covers it', [{ start: 3, end: 9 }, { start: 7, end: 11 }], [[[0], '网络生态'], [[0, 1], '治理'], [[1], '长效']]],
    ['an English span not aligned (null)', [{ start: null, end: null }, { start: 0, end: 1 }], [[[1], '要']]],
    ['spans out of range or empty', [{ start: 5, end: 3 }, { start: 0, end: 99 }, { start: -1, end: 2 }, { start: 4, end: 4 }], []],
    ['no spans', [], []],
  ])('%s', (_name, spans, expected) => {
    const pieces = markSpans(zh, spans);
    expect(spansOf(pieces)).toEqual(expected);
    expect(pieces.map((p) => p.text).join('')).toBe(zh);
  });
});

describe('markMatches: a search marks what it found, case aside, inside words too', () => {
  it.each<[string, string, string[]]>([
    ['Cyberspace governance and cyber governance', 'CYBER', ['Cyber', 'cyber']],
    ['网络生态治理与网络治理', '网络', ['网络', '网络']],
    ['governance', 'govern', ['govern']],
    ['aaaa', 'aa', ['aa', 'aa']],
    ['no match here', 'xyz', []],
    ['anything', '  ', []],
  ])('%s / %s', (text, words, expected) => {
    const pieces = markMatches(text, words);
    expect(marked(pieces)).toEqual(expected);
    expect(joined(pieces)).toBe(text);
  });
});
