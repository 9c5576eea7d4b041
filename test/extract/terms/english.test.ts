import { describe, expect, it } from 'vitest';
import { contentStemSet, contentStems, englishWords, FUNCTION_WORDS, stem, SUFFIXES } from '../../../server/extract/terms/english.ts';

// The regular-expression readings the character scanners replaced, kept as the specification.
const WORD = /[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*/g;

function wordsByRegex(text: string): { text: string; start: number; end: number }[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

function contentStemSetByRegex(text: string): string[] {
  const out = new Set<string>();
  for (let w of text.toLowerCase().split(/[^a-z0-9'’-]+/)) {
    if (!w) continue;
    if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
    w = w.replace(/^['’-]+|['’-]+$/g, '');
    if (w && !FUNCTION_WORDS.has(w)) out.add(stem(w));
  }
  return [...out];
}

// Seeded, so a failure reproduces: sentences of the characters the scanners treat specially.
function randomSentences(count: number): string[] {
  const alphabet = ['a', 'e', 's', 'y', 'l', 'Z', 'S', 'L', '7', '0', "'", '’', '-', ' ', ' ', '.', '"', 'İ', 'K', 'é', '网', '😀'];
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
}

const CASES = [
  "China's long-term cyber-security strategy, don’t 'quote' it -- well- -done",
  'The İstanbul KELVIN 5 Kelvin (with a Kelvin sign) and A1-B2’s',
  "Mr. O'Neill's rock'n'roll: state-of-the-art, 2018-19 rates; it's ’tis '90s",
  '',
  '网络生态治理',
  'x'.repeat(700) + ' ' + 'y-'.repeat(400) + 'z',
];

describe('englishWords', () => {
  it.each(CASES)('finds the words the regular expression finds: %s', (text) => {
    expect(englishWords(text).map(({ text, start, end }) => ({ text, start, end }))).toEqual(wordsByRegex(text));
  });

  it('agrees with the regular expression on random text', () => {
    for (const text of randomSentences(2000)) {
      expect(englishWords(text).map(({ text, start, end }) => ({ text, start, end }))).toEqual(wordsByRegex(text));
    }
  });

  it('reads a possessive, a hyphenated word and a function word', () => {
    const [china, , longTerm] = englishWords("China's new long-term plan");
    expect(china).toMatchObject({ stem: 'china', possessive: true, function: false });
    expect(longTerm).toMatchObject({ stem: 'long-term', parts: ['long', 'term'] });
    expect(englishWords('the')[0].function).toBe(true);
  });
});

describe('contentStemSet', () => {
  it.each(CASES)('matches lowercasing and splitting: %s', (text) => {
    expect(contentStemSet(text)).toEqual(contentStemSetByRegex(text));
  });

  it('agrees with lowercasing and splitting on random text', () => {
    for (const text of randomSentences(2000)) expect(contentStemSet(text)).toEqual(contentStemSetByRegex(text));
  });
});

describe('contentStems', () => {
  it('keeps content stems and hyphen parts of a gloss', () => {
    expect(contentStems('the long-term governance of cyberspace')).toEqual(['long-term', 'long', 'term', 'govern', 'cyberspac']);
  });
});

// The stemmer as it was written with regular expressions (over the same suffix list): the
// specification its loop follows.

function stemByRegex(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 3 && !/^\d/.test(w)) {
    w = w.replace(/^(.{3,})ie[sd]$/, '$1y');
    for (let round = 0; round < 2; round++) {
      const suffix = SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= 3);
      if (!suffix) break;
      w = w.slice(0, -suffix.length);
      if (/(.)\1$/.test(w) && !/(ss|ll)$/.test(w)) w = w.slice(0, -1);
    }
  }
  return w;
}

describe('stem', () => {
  it.each([
    ['batteries', 'battery'],
    ['policies', 'policy'],
    ['strategies', 'strategy'],
    ['studied', 'study'],
  ])('stems %s as %s', (form, word) => {
    expect(stem(form)).toBe(stem(word));
  });

  it.each([
    ['governance', 'govern'],
    ['governing', 'govern'],
    ['innovation', 'innov'],
    ['policies', 'pol'],
    ['ties', 'tie'],
    ['planned', 'plan'],
    ['installed', 'install'],
    ['2018s', '2018s'],
    ['Cybersecurity', 'cybersecur'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('reads every word as the regular expressions did', () => {
    const letters = 'aeilnostyzdgcmr1';
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 5000; k++) {
      const word = Array.from({ length: 1 + Math.floor(next() * 12) }, () => letters[Math.floor(next() * letters.length)]).join('');
      expect(stem(word), word).toBe(stemByRegex(word));
    }
  });
});
