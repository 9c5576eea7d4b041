import { beforeAll, describe, expect, it } from 'vitest';
import { bestSpan, candidateEvidence, renumberStems, type SpanChoice } from '../../../server/extract/terms/align.ts';
import { collectCandidates, tokenize } from '../../../server/extract/terms/candidates.ts';
import { englishWords, FUNCTION_WORDS } from '../../../server/extract/terms/english.ts';

// Dictionaries load once per test file, in seconds on a busy machine: not inside a test's time.
beforeAll(() => {
  candidateEvidence(collectCandidates([tokenize('网络治理')]).get('网络治理')!);
}, 60_000);

function spanOf(zh: string, term: string, en: string): SpanChoice | null {
  const cand = collectCandidates([tokenize(zh)]).get(term);
  if (!cand) throw new Error(`${term} is not a candidate of ${zh}`);
  return bestSpan(candidateEvidence(cand), en, englishWords(en), null, 0.3);
}

function align(zh: string, term: string, en: string): string | null {
  const cand = collectCandidates([tokenize(zh)]).get(term);
  if (!cand) throw new Error(`${term} is not a candidate of ${zh}`);
  return bestSpan(candidateEvidence(cand), en, englishWords(en), null, 0.3)?.text ?? null;
}

describe('bestSpan', () => {
  it.each([
    // The seed's three renderings of one term.
    ['我们把网络生态治理摆在重要位置', '网络生态治理', 'the Party has prioritized cyber ecosystem governance, continuously strengthened', 'cyber ecosystem governance'],
    ['网络生态治理在国家治理中占有重要地位', '网络生态治理', 'Xi Jinping emphasized that online ecosystem governance holds a vital position in national governance.', 'online ecosystem governance'],
    ['网络生态治理是网络强国建设的重要任务', '网络生态治理', 'cyberspace governance is a crucial task in building a cyber power', 'cyberspace governance'],
    // Names through pinyin.
    ['中国政法大学教授时建中同志就这个问题进行讲解', '时建中', 'Comrade Shi Jianzhong, a professor at China University of Political Science and Law, delivered an explanation', 'Shi Jianzhong'],
    ['中国政法大学教授时建中同志就这个问题进行讲解', '中国政法大学', 'Comrade Shi Jianzhong, a professor at China University of Political Science and Law, delivered an explanation', 'China University of Political Science and Law'],
    // Set phrases and reordered compounds.
    ['持续营造风清气正的网络空间', '风清气正', 'and continuously foster a clean and upright cyberspace.', 'clean and upright'],
    ['坚持守正创新', '守正创新', 'putting the people first, maintaining integrity while innovating, safeguarding rule of law', 'maintaining integrity while innovating'],
    ['健全网络综合治理格局', '网络综合治理格局', 'we must improve the comprehensive online governance framework and form a concerted effort', 'comprehensive online governance framework'],
    ['加强对网络平台、自媒体和多频道网络机构的引导', '多频道网络机构', 'strengthen guidance for online platforms, self-media, and multi-channel online institutions, urging them', 'multi-channel online institutions'],
    ['推动构建网络空间命运共同体', '网络空间命运共同体', 'and promote the building of a community with a shared future in cyberspace.', 'community with a shared future in cyberspace'],
    ['着力提升治理的前瞻性、精准性、系统性、协同性', '系统性', 'enhancing the foresight, precision, systematic nature, and coordination of governance', 'systematic nature'],
    // English compounds of two glosses.
    ['筑牢网络安全和数据安全防线', '网络安全', 'to fortify the defenses of cybersecurity and data security', 'cybersecurity'],
    ['筑牢网络安全和数据安全防线', '数据安全', 'to fortify the defenses of cybersecurity and data security', 'data security'],
  ])('%s: %s', (zh, term, en, expected) => {
    expect(align(zh, term, en)).toBe(expected);
  });

  // News (WMT18): a phrase's rendering is a phrase too, and renders its head.
  it.each([
    // An auxiliary makes a clause.
    ['船员涉嫌走私', '船员涉嫌', 'the crew is suspected of smuggling'],
    // A past form ends no noun phrase; a participle before "by" is a passive clause.
    ['火情引发爆炸', '火情引发', 'the explosion was caused by the fire'],
    ['卫视播出', '卫视播出', 'the show was broadcast by satellite TV'],
    ['茅台发布公告', '茅台发布公告', 'Moutai announced on Monday'],
    // The subject alone leaves the head (the verb) unrendered: "Colin", "19th".
    ['科林写道', '科林写道', 'Colin wrote in his letter'],
    ['十九大开启新时代', '十九大开启', 'the 19th National Congress has started a new era'],
    // So does the modifier alone: "security" is not 安保措施.
    ['安保措施', '安保措施', 'security was tight'],
  ])('%s: no rendering of %s in "%s"', (zh, term, en) => {
    expect(align(zh, term, en)).toBeNull();
  });

  it('does not run a final verb on into its object: 风险率降低 is not "reduce the risk"', () => {
    expect(align('风险率降低', '风险率降低', 'this would reduce the risk')).not.toContain('the risk');
  });

  it.each([
    ['货币政策紧缩', '货币政策紧缩', 'the tightening of monetary policy', 'tightening of monetary policy'],
    ['全球变暖', '全球变暖', 'global warming is real', 'global warming'],
    ['主旨演讲', '主旨演讲', 'he gave a keynote speech', 'keynote speech'],
    ['高等法院裁决', '高等法院裁决', 'a High Court ruling said', 'High Court ruling'],
    // Verb phrases keep their objects, determiners included.
    ['牢记使命', '牢记使命', 'we must keep our mission firmly in mind', 'keep our mission firmly in mind'],
    ['全面建成小康社会', '全面建成小康社会', 'finish building a moderately prosperous society in all respects', 'building a moderately prosperous society'],
    // A head of one character is often inside an English word.
    ['自杀式炸弹手', '自杀式炸弹手', 'a suicide bomber attacked', 'suicide bomber'],
    // Nouns in -ed are no past forms.
    ['反对种族仇恨', '种族仇恨', 'we oppose racial hatred', 'racial hatred'],
    ['深海海床', '深海海床', 'mining the deep seabed', 'deep seabed'],
  ])('%s: %s still rendered in "%s"', (zh, term, en, expected) => {
    expect(align(zh, term, en)).toBe(expected);
  });

  // A one-word candidate rendered by half of it or less, that half a part of it: the span is
  // found, and marked for extraction to refuse.
  it.each([
    // Characters not rendered at all: 关税 of 进口关税, 普通 of 普通家庭.
    ['冰岛三文鱼进口关税上涨', '进口关税', 'Iceland salmon import rose', 'import', true],
    ['普通家庭压力很大', '普通家庭', 'households are under pressure', 'households', true],
    // Rendered whole.
    ['冰岛三文鱼进口关税上涨', '进口关税', 'the import tariff on Icelandic salmon rose', 'import tariff', false],
    ['普通家庭压力很大', '普通家庭', 'ordinary households are under pressure', 'ordinary households', false],
    // A light part left out: a situation noun, a causative.
    ['地区紧张局势加剧', '紧张局势', 'regional tensions have escalated', 'tensions', false],
    ['这令人鼓舞', '令人鼓舞', 'This is encouraging', 'encouraging', false],
    // Half of a word's gloss, its head: "Glasgow, Scotland".
    ['他在格拉斯哥工作', '格拉斯哥', 'He works in Glasgow', 'Glasgow', false],
    // A word's own final character, its head, left out: 设计界 is "design circles".
    ['设计界人士表示', '设计界', 'people in design said', 'design', true],
    // A suffix English renders inside the word, and a head that is a known word of its own.
    ['他去密西西比州旅行', '密西西比州', 'he travelled to Mississippi', 'Mississippi', false],
    ['培育主导产业', '主导产业', 'foster leading industries', 'leading industries', false],
    // A final character that ends a known word (报社) is no suffix of its own; a suffix English
    // leaves inside its word (国 of 出口国) needs no rendering.
    ['人民日报社记者报道', '人民日报社', "a People's Daily reporter said", "People's Daily", false],
    ['中国是最大的出口国', '出口国', 'China is the largest exporter', 'exporter', false],
  ])('%s: %s as "%s" → %s, a part: %s', (zh, term, en, text, part) => {
    const span = spanOf(zh, term, en);
    expect(span?.text).toBe(text);
    expect(span?.part).toBe(part);
  });

  it('stems plurals in -ies as their singular: 锂电池 is "lithium batteries"', () => {
    expect(align('三元锂电池暂停使用', '锂电池', 'ternary lithium batteries suspended from use')).toBe('lithium batteries');
  });

  it('prefers a whole run of capitalized words to a span cutting it, and still finds a title before a name', () => {
    // "Commission" adds little evidence for 军委; a span stopping before it cuts the name.
    expect(align('中央军委发布命令', '中央军委', 'The Central Military Commission issued an order')).toBe('Central Military Commission');
    expect(align('英国首相特雷莎·梅表示', '英国首相', 'British Prime Minister Theresa May said')).toBe('British Prime Minister');
  });

  it('finds nothing when the English does not render the term', () => {
    expect(align('要深化党的创新理论网上宣传', '创新理论', 'Mainstream media should play a leading role.')).toBeNull();
  });

  it('never starts or ends a span with a function word, nor crosses a comma', () => {
    const cases: [string, string, string][] = [
      ['要健全网络生态治理长效机制', '长效机制', 'We must improve the long-term mechanisms for cyber ecosystem governance, focusing on'],
      ['切断利益链和产业链', '利益链', 'sever the chains of interest and industrial chains, and eliminate'],
      ['党的领导', '党的领导', 'upholding the Party leadership, putting the people first'],
    ];
    for (const [zh, term, en] of cases) {
      const span = align(zh, term, en);
      expect(span).not.toBeNull();
      const words = span!.toLowerCase().split(/\s+/);
      expect(FUNCTION_WORDS.has(words[0])).toBe(false);
      expect(FUNCTION_WORDS.has(words[words.length - 1])).toBe(false);
      expect(span).not.toContain(',');
    }
  });

  // Candidates share one stem index, rebuilt when bestSpan is handed another's evidence.
  it('aligns two candidates alike when their occurrences interleave', () => {
    const cands = collectCandidates([tokenize('筑牢网络安全和数据安全防线')]);
    const network = candidateEvidence(cands.get('网络安全')!);
    const data = candidateEvidence(cands.get('数据安全')!);
    const en = 'to fortify the defenses of cybersecurity and data security';
    const words = englishWords(en);
    for (let round = 0; round < 2; round++) {
      expect(bestSpan(network, en, words, null, 0.3)?.text).toBe('cybersecurity');
      expect(bestSpan(data, en, words, null, 0.3)?.text).toBe('data security');
    }
  });

  it('aligns evidence built before the stems were numbered again', () => {
    const cand = collectCandidates([tokenize('健全网络综合治理格局')]).get('网络综合治理格局')!;
    const en = 'we must improve the comprehensive online governance framework and form a concerted effort';
    const words = englishWords(en);
    const ev = candidateEvidence(cand);
    expect(bestSpan(ev, en, words, null, 0.3)?.text).toBe('comprehensive online governance framework');
    renumberStems();
    // The same evidence and the same sentence's words, both numbered in the old epoch.
    expect(bestSpan(ev, en, words, null, 0.3)?.text).toBe('comprehensive online governance framework');
    const fresh = candidateEvidence(cand);
    expect(bestSpan(fresh, en, englishWords(en), null, 0.3)?.text).toBe('comprehensive online governance framework');
  });

  it('gives a second occurrence in the same sentence a different span', () => {
    const cand = collectCandidates([tokenize('网络乱象和网络乱象')]).get('网络乱象')!;
    const en = 'online chaos and more online chaos';
    const ev = candidateEvidence(cand);
    const first = bestSpan(ev, en, englishWords(en), null, 0.3)!;
    const second = bestSpan(ev, en, englishWords(en), null, 0.3, [first])!;
    expect(first.text).toBe('online chaos');
    expect(second.text).toBe('online chaos');
    expect(second.start).not.toBe(first.start);
  });
});
