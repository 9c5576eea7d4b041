import { describe, expect, it } from 'vitest';
import { Association } from '../../../server/extract/terms/association.ts';

describe('Association', () => {
  const assoc = new Association(
    [['网络', '安全', '网络'], ['网络', '治理'], ['安全'], ['网络', '安全'], ['治理']],
    [['cyber', 'secur'], ['cyber', 'govern'], ['secur'], ['cyber', 'secur', 'network'], ['govern']],
  );

  it('counts a word once per sentence', () => {
    expect(assoc.frequency('网络')).toBe(3);
    expect(assoc.frequency('无')).toBe(0);
  });

  it('scores Dice over sentence pairs, and 0 for a pair met once', () => {
    expect(assoc.dice('网络', 'cyber')).toBe(1);
    expect(assoc.dice('网络', 'secur')).toBeCloseTo(2 / 3);
    expect(assoc.dice('治理', 'govern')).toBe(1);
    expect(assoc.dice('网络', 'network')).toBe(0);
    expect(assoc.dice('无', 'cyber')).toBe(0);
  });

  it('counts co-occurrences per sentence pair', () => {
    expect(assoc.cooccurrences('网络').get('cyber')).toBe(3);
    expect(assoc.cooccurrences('网络').get('secur') ?? 0).toBe(2);
  });

  it('samples a frequent word and scales the English frequency to the sample', () => {
    const zh: string[][] = [];
    const en: string[][] = [];
    for (let i = 0; i < 1000; i++) {
      zh.push(['词']);
      en.push([...(i % 3 === 0 ? ['term'] : []), ...(i % 5 === 0 ? ['other'] : []), `filler${i % 7}`]);
    }
    for (let i = 0; i < 200; i++) {
      zh.push(['别']);
      en.push(['term']);
    }
    const sampled = new Association(zh, en);
    expect(sampled.dice('词', 'term')).toBe(0.4335071707953064);
    expect(sampled.dice('词', 'other')).toBe(0.8333333333333334);
    expect(sampled.dice('词', 'filler3')).toBe(0.2537182852143482);
    expect(sampled.dice('别', 'term')).toBe(0.5449591280653951);
  });
});
