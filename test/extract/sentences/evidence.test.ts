import { describe, expect, it } from 'vitest';
import { chineseItems, chineseNumber, englishKeys, stem } from '../../../server/extract/sentences/evidence.ts';

describe('chineseNumber', () => {
  it.each([
    ['二十三', 23],
    ['十八', 18],
    ['十', 10],
    ['一百零五', 105],
    ['三千五百万', 35000000],
    ['两万', 20000],
    ['二〇二四', 2024],
  ])('%s → %d', (text, value) => {
    expect(chineseNumber(text)).toBe(value);
  });
});

describe('lexical evidence', () => {
  const matched = (zh: string, en: string) => {
    const keys = englishKeys(en);
    return chineseItems(zh).filter((item) => item.keys.some((k) => keys.has(k))).length;
  };

  it.each([
    ['an ordinal written in Chinese meets its English digits', '进行第二十三次集体学习。', 'held its 23rd collective study session', 1],
    ['a date in digits', '中共中央政治局11月28日下午', 'On the afternoon of November 28', 1],
    ['a number word', '三个代表团', 'three delegations', 1],
    ['a name through pinyin', '中国政法大学教授时建中同志', 'Comrade Shi Jianzhong, a professor', 2],
    ['a Latin token kept in the Chinese', '下载华尔街见闻APP。', 'download the Wallstreetcn APP.', 1],
  ])('%s', (_, zh, en, atLeast) => {
    expect(matched(zh, en)).toBeGreaterThanOrEqual(atLeast);
  });

  it('finds nothing between unrelated sentences', () => {
    expect(matched('今天天气很好。', 'The committee approved the budget.')).toBe(0);
  });

  it('marks a number as hard evidence: its absence in the English counts against a pair', () => {
    expect(chineseItems('出口增长了12%。').find((i) => i.keys.includes('#12'))?.hard).toBe(true);
  });

  it.each([
    ['governance', 'govern'],
    ['governing', 'govern'],
    ['policies', 'policy'],
    ['countries', 'country'],
    ['development', 'develop'],
    ["China's", 'china'],
  ])('stems %s like its relatives (%s)', (word, base) => {
    expect(stem(word)).toBe(stem(base));
  });
});

describe('stem', () => {
  // stem drops a possessive with endsWith, not with the regular expression it once ran.
  it("drops 's and ’s as replace(/['’]s$/, '') does", () => {
    const words = ["china's", 'china’s', "'s", '’s', "s's", "it's'", "o's's", 'ss', "x'", 'İs', "İ's", 'boss’S', "BOSS'S", ''];
    for (const word of words) {
      const lower = word.toLowerCase();
      const expected = lower.replace(/['’]s$/, '');
      expect(stem(word)).toBe(expected.length <= 3 ? expected : stem(expected));
    }
  });
});
