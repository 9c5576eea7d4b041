import { beforeAll, describe, expect, it } from 'vitest';
import { collectCandidates, tokenize } from '../../../server/extract/terms/candidates.ts';

// Dictionaries load once per test file, in seconds on a busy machine: not inside a test's time.
beforeAll(() => {
  collectCandidates([tokenize('时建中同志')]);
}, 60_000);

function candidatesOf(...sentences: string[]) {
  return collectCandidates(sentences.map(tokenize));
}

describe('collectCandidates', () => {
  it.each([
    // Nested terms: the whole and its parts are all candidates; selection happens later.
    ['要健全网络生态治理长效机制', ['网络生态治理', '长效机制', '网络生态'], ['要健全', '健全网络']],
    // Enumeration members come out one by one, never glued across 、.
    ['着力提升治理的前瞻性、精准性、系统性、协同性', ['前瞻性', '精准性', '系统性', '协同性'], ['前瞻性、精准性', '提升治理', '治理的前瞻性']],
    // A set phrase jieba alone would cut into 风清气/正.
    ['持续营造风清气正的网络空间', ['风清气正', '网络空间'], ['营造风清气正', '风清气正的网络空间']],
    // An institution and a name, without the title between them.
    ['中国政法大学教授时建中同志就这个问题进行讲解', ['中国政法大学', '时建中'], ['中国政法大学教授', '教授时建中', '时建中同志']],
    // Multi-word terms whole.
    ['健全网络综合治理格局，形成治理合力', ['网络综合治理格局', '治理合力'], ['健全网络', '形成治理']],
    ['要加强对网络平台、自媒体和多频道网络机构的引导', ['网络平台', '自媒体', '多频道网络机构'], ['自媒体和多频道网络机构', '机构的引导']],
    ['推动构建网络空间命运共同体', ['网络空间命运共同体', '命运共同体'], ['构建网络空间', '推动构建']],
    // A dictionary word jieba cuts (元/宇宙): whole, and never entered halfway.
    ['监管元宇宙平台', ['元宇宙平台', '元宇宙'], ['宇宙平台']],
    // Adverb-led fixed phrases describe actions: no terms.
    ['积极参与国际规则制定', ['国际规则'], ['积极参与']],
    // Names jieba cut into characters (梅/德/韦/杰夫, 马/尔/鲍): no pieces of them as terms.
    ['俄罗斯总理梅德韦杰夫说', ['俄罗斯总理', '杰夫'], ['德韦']],
    ['马尔鲍先生说', [], ['尔鲍']],
    // Latin words jieba spells letter by letter (C/E/O, i/P/h/o/n/e): whole, never a letter of them.
    ['公司CEO马克表示', ['CEO马克'], ['O马克', 'EO马克']],
    ['线粒体DNA序列分析', ['线粒体DNA序列', 'DNA序列'], ['A序列', 'NA序列']],
    // Names jieba cut into pieces, a piece left outside the run: 弗/林 "Flynn", 泰/瑞尔 "Tyrrell", 礼/嘉 "Lijia".
    ['国家安全事务助理弗林表示', ['安全事务助理'], ['安全事务助理弗', '助理弗']],
    ['皇家泰瑞尔博物馆科学家', ['博物馆科学家'], ['瑞尔博物馆']],
    ['龙湖打造的礼嘉滨水商圈', [], ['嘉滨水商圈']],
    // Everyday single characters keep their runs: 去/上厕所, 站/换火车.
    ['我要去上厕所', ['上厕所'], []],
    ['我在东京站换火车', ['换火车'], []],
    // A whole place, or a character of an everyday word, beside a lone name character stays.
    ['江苏省如皋市东陈镇发生爆炸', ['如皋市', '江苏省如皋市'], []],
    ['美国退出伊核协议', ['核协议', '伊核协议'], []],
    // A list written without 、: each member a term of its own, none glued to another or to the words before.
    ['要统筹推进网络领域立法执法司法普法', ['立法', '执法', '司法', '普法', '网络领域'], ['立法执法', '执法司法', '网络领域立法']],
    // Two words sharing a last character are no list: they still form a run.
    ['加强普法守法', ['普法守法'], []],
    // Words of letters and digits are words: 5G网络.
    ['加快5G网络建设', ['5G网络'], []],
  ])('%s', (sentence, present, absent) => {
    const found = candidatesOf(sentence);
    for (const zh of present) expect(found.has(zh), `${zh} missing`).toBe(true);
    for (const zh of absent) expect(found.has(zh), `${zh} should not be a candidate`).toBe(false);
  });

  it('never starts or ends a term with a function word', () => {
    const found = candidatesOf(
      '习近平强调，网络生态治理在国家治理中占有重要地位。',
      '要在党中央集中统一领导下，健全网络综合治理格局，形成治理合力。',
      '要加强对网络平台、自媒体和多频道网络机构的引导，促使其担负社会责任，自觉成为正能量传播者。',
    );
    for (const zh of found.keys()) expect(zh).not.toMatch(/^[的和对在与及是要把被了]|[的和对在与及了]$/);
  });

  it('records every occurrence with offsets into the sentence and marks list members', () => {
    const sentences = ['网络生态治理是网络强国建设的重要任务。', '抓网络生态治理必须坚持党的领导、坚持人民至上。'];
    const found = candidatesOf(...sentences);
    const c = found.get('网络生态治理')!;
    expect(c.occurrences.map((o) => o.sentence)).toEqual([0, 1]);
    for (const o of c.occurrences) expect(sentences[o.sentence].slice(o.zhStart, o.zhEnd)).toBe('网络生态治理');
    expect(found.get('党的领导')!.occurrences[0].listMember).toBe(true);
    expect(c.occurrences[0].listMember).toBe(false);
  });

  it('counts how often a candidate lies inside a longer one seen twice', () => {
    const found = candidatesOf('网络生态治理是重要任务', '推进网络生态治理', '网络生态总体向好');
    // 网络生态 twice inside 网络生态治理 (itself seen twice), once on its own.
    expect(found.get('网络生态')!.occurrences.length).toBe(3);
    expect(found.get('网络生态')!.nestedInFrequent).toBe(2);
    expect(found.get('网络生态治理')!.nestedInFrequent).toBe(0);
  });

  it('offers surname-led character runs as names', () => {
    const found = candidatesOf('中国政法大学教授时建中同志');
    expect(found.get('时建中')!.kind).toBe('name');
  });
});

describe('tokenize', () => {
  // The segmenter caches its word lists by sentence: a caller's list must not be that cache.
  it('gives each call its own token list', () => {
    const a = tokenize('网络生态治理是一项系统工程');
    const b = tokenize('网络生态治理是一项系统工程');
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
    a.pop();
    expect(tokenize('网络生态治理是一项系统工程')).toEqual(b);
  });
});
