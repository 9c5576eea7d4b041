import { beforeAll, describe, expect, it } from 'vitest';
import { cut, idf, tag, tagWithoutLatin } from '../../server/extract/segment.ts';

// Dictionaries load once per test file, in seconds on a busy machine: not inside a test's time.
beforeAll(() => {
  cut('预热');
}, 60_000);

describe('cut', () => {
  it.each([
    // Set phrases jieba alone breaks into fragments (风清气/正).
    ['持续营造风清气正的网络空间', ['持续', '营造', '风清气正', '的', '网络空间']],
    ['坚持守正创新', ['坚持', '守正创新']],
    // A name jieba glues wrongly (时 + 建中): the given name must not swallow the surname's neighbour.
    ['教授时建中同志', ['教授', '时', '建', '中', '同志']],
    // "manage and govern the internet", not 管网 "pipe network"; elsewhere 管网 stays a pipe network.
    ['管网治网的政治责任', ['管网治网', '的', '政治责任']],
    ['天然气管网', ['天然气', '管网']],
    // Nominal suffixes stay with their stem so enumeration members come out whole.
    ['前瞻性、精准性、系统性、协同性', ['前瞻性', '、', '精准性', '、', '系统性', '、', '协同性']],
    // User words jieba's own dictionary outweighs.
    ['网络平台、自媒体和多频道网络机构', ['网络平台', '、', '自媒体', '和', '多频道', '网络', '机构']],
    ['人工智能、大数据等新技术', ['人工智能', '、', '大数据', '等', '新', '技术']],
    // Words and numbers jieba's dictionary lacks, which it spells letter by letter (N/H/S, 6/./9).
    ['英国NHS首席执行官', ['英国', 'NHS', '首席', '执行官']],
    ['iPhone手机和5G网络', ['iPhone', '手机', '和', '5G', '网络']],
    ['GDP增长6.9%', ['GDP', '增长', '6.9', '%']],
    ['AI, big data', ['AI', ',', ' ', 'big', ' ', 'data']],
  ])('%s', (text, words) => {
    expect(cut(text)).toEqual(words);
  });

  it('loses no character of the input', () => {
    const text = '中共中央政治局11月28日下午就加强网络生态治理进行第二十三次集体学习。AI, big data!';
    expect(cut(text).join('')).toBe(text);
    expect(cut('')).toEqual([]);
  });

  it('gives each word its offsets in the text', () => {
    const text = '精准性、AI与网络生态治理';
    for (const t of tag(text)) expect(text.slice(t.start, t.end)).toBe(t.word);
  });
});

describe('tag', () => {
  it('gives parts of speech a term filter can use', () => {
    const tags = Object.fromEntries(tag('中国政法大学教授时建中同志就这个问题进行讲解').map((t) => [t.word, t.tag]));
    expect(tags['中国政法大学']).toBe('nt');
    expect(tags['就']).toBe('d');
    expect(tags['这个']).toBe('r');
  });

  it('tags a word of Latin letters as English and a decimal number as a number', () => {
    const tags = Object.fromEntries(tag('GDP增长6.9%，5G网络').map((t) => [t.word, t.tag]));
    expect(tags['GDP']).toBe('eng');
    expect(tags['5G']).toBe('eng');
    expect(tags['6.9']).toBe('m');
  });
});

describe('tagWithoutLatin', () => {
  it.each([
    // Alignment wants the Chinese words only; numbers and Latin tokens it reads from the text.
    ['2018年G20峰会在阿根廷举行', ['年', '峰会', '在', '阿根廷', '举行']],
    ['网络生态治理是一项系统工程', cut('网络生态治理是一项系统工程')],
  ])('%s', (text, words) => {
    expect(tagWithoutLatin(text).map((t) => t.word)).toEqual(words);
  });

  it('gives the words jieba finds in the text with its letters and digits blanked', () => {
    const text = '中共中央政治局11月28日下午就加强网络生态治理进行第23次集体学习,AI与大数据';
    const chinese = (words: readonly { word: string; tag: string }[]) =>
      words.filter((t) => /\p{Script=Han}/u.test(t.word)).map((t) => `${t.word}/${t.tag}`);
    expect(chinese(tagWithoutLatin(text))).toEqual(chinese(tag(text.replace(/[A-Za-z0-9]/g, ' '))));
  });
});

describe('idf', () => {
  it('rates a content word rarer than a function word, and unknown words at the median', () => {
    expect(idf('乱象')).toBeGreaterThan(idf('网络'));
    expect(idf('网络')).toBeGreaterThan(0);
    expect(idf('qqqq不存在的词')).toBeGreaterThan(5);
  });
});
