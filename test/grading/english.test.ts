import { describe, expect, it } from 'vitest';
import { contentKey, keysMatch, roughStem } from '../../server/grading/english.ts';

describe('English keys for dictionary matching', () => {
  it.each([
    ['went', 'go'],
    ['fell', 'fall'],
    ["doesn't", 'not'],
    ['nobody', 'not'],
    ['me', 'i'],
    ['their', 'they'],
    ['policies', 'policy'],
    ['sleeping', 'sleep'],
    ['planned', 'plan'],
    ['governance', 'governanc'],
  ])('roughStem(%j) = %j', (word, stem) => {
    expect(roughStem(word)).toBe(stem);
  });

  it('drops words any translation may add or leave out, keeps negation and pronouns', () => {
    expect(['the', 'of', 'is', 'would', 'this', '.', 'not', 'they', 'reform'].map(contentKey)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      'not',
      'they',
      'reform',
    ]);
  });

  it.each([
    ['discuss', 'discussion', true],
    ['recommend', 'recommendation', true],
    ['explain', 'explan', true],
    ['govern', 'governanc', true],
    ['present', 'president', false],
    ['constitution', 'construction', false],
    ['law', 'lawn', false],
  ])('keysMatch(%j, %j) = %s', (a, b, same) => {
    expect(keysMatch(a, b)).toBe(same);
  });
});
