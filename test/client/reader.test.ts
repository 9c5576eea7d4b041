import { describe, expect, it } from 'vitest';
import { nextToCheck } from '../../client/src/lib/reader.ts';

describe('nextToCheck: a walk through the pairs the aligner was unsure of', () => {
  const toCheck = [
    { id: 11, rank: 3 },
    { id: 40, rank: 120 },
    { id: 77, rank: 250 },
  ];
  it.each<[string, number, number | null, number]>([
    ['from the first page: the first', 0, null, 11],
    ['from a later page: the first on or after it', 100, null, 40],
    ['after one shown: the next', 100, 40, 77],
    ['after the last: the first again', 200, 77, 11],
    ['past every one: the first again', 300, null, 11],
    ['after a pair that is no pair to check: from its page', 100, 55, 40],
  ])('%s', (_name, offset, shown, expected) => {
    expect(nextToCheck(toCheck, offset, shown)).toBe(expected);
  });
});
