import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readInterleaved } from '../../../server/extract/formats/interleaved.ts';
import { alignPairs } from '../../../server/extract/sentences/pairs.ts';
import { alignUnits, defaultModel, lengthCost, toUnits } from '../../../server/extract/sentences/align.ts';

const seedText = readFileSync(new URL('../../../seeds/cyber-ecosystem-governance.en-zh.txt', import.meta.url), 'utf8');

describe('sentence alignment on the seed', () => {
  const sentences = alignPairs(readInterleaved(seedText));

  it('finds every bead: 27 sentence pairs in the nine paragraphs', () => {
    const perParagraph = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((p) => sentences.filter((s) => s.paragraph === p).length);
    expect(perParagraph).toEqual([3, 2, 3, 4, 3, 4, 2, 3, 3]);
    // Every Chinese sentence is one bead of its own, in order.
    for (const s of sentences) expect(s.zh.match(/。/g)).toHaveLength(1);
  });

  // Each row: a bead's Chinese start, and how its English starts and ends.
  it.each([
    ['中共中央政治局11月28日', 'On the afternoon of November 28', 'collective study session on strengthening cyberspace governance.'],
    ['中共中央总书记习近平', 'Presiding over the session, Xi Jinping', 'the vital interests of the people.'],
    ['中国政法大学教授时建中', 'Comrade Shi Jianzhong', 'put forward work recommendations.'],
    // The three pairs where two English sentences render one Chinese sentence:
    ['他指出,党的十八大以来', 'He noted that since the 18th CPC National Congress', 'The overall cyber ecosystem has shown positive development.'],
    ['习近平指出,源清则流清', 'Xi Jinping pointed out that clear water sources ensure clear streams. We must shape', 'cultural inheritance.'],
    ['习近平指出,网络乱象污染社会风气', 'Xi Jinping pointed out that online chaos pollutes social morals', 'conditions for their proliferation.'],
    ['要统筹推进网络领域立法执法司法普法。', 'Legislation, law enforcement', 'advanced in a coordinated manner.'],
    ['要积极参与国际规则制定', 'China should actively participate', 'a shared future in cyberspace.'],
  ])('%s… ↔ %s…', (zhStart, enStart, enEnd) => {
    const bead = sentences.find((s) => s.zh.startsWith(zhStart));
    expect(bead).toBeDefined();
    expect(bead!.en.startsWith(enStart)).toBe(true);
    expect(bead!.en.endsWith(enEnd)).toBe(true);
  });

  it('gives every bead a confidence in [0, 1] and numbers paragraphs and sentences from 0', () => {
    for (const s of sentences) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(sentences.slice(0, 4).map((s) => [s.paragraph, s.sentence])).toEqual([[0, 0], [0, 1], [0, 2], [1, 0]]);
  });
});

describe('alignUnits', () => {
  const shapes = (zh: string[], en: string[]) =>
    alignUnits(toUnits(zh), toUnits(en), defaultModel).map((b) => `${b.zh[1] - b.zh[0]}-${b.en[1] - b.en[0]}`);

  it.each([
    [
      'a Chinese sentence the translator left out (1–0)',
      ['今天早上八点，代表团抵达北京首都国际机场。', '当天天气晴朗，气温适宜，许多市民早早来到街头，挥舞着鲜花和彩旗表示热烈欢迎。', '下午三点，双方在人民大会堂举行了第一轮会谈，讨论了贸易和投资问题。'],
      ['At eight this morning the delegation arrived at Beijing Capital International Airport.', 'At three in the afternoon the two sides held their first round of talks at the Great Hall of the People on trade and investment.'],
      ['1-1', '1-0', '1-1'],
    ],
    [
      'a short aside left out joins its neighbour instead (cheaper than an omission)',
      ['今天早上八点，代表团抵达北京首都国际机场。', '天气晴朗。', '下午三点，双方在人民大会堂举行了第一轮会谈，讨论了贸易和投资问题。'],
      ['At eight this morning the delegation arrived at Beijing Capital International Airport.', 'At three in the afternoon the two sides held their first round of talks at the Great Hall of the People on trade and investment.'],
      ['2-1', '1-1'],
    ],
    [
      'an English sentence with no Chinese source (0–1)',
      ['2023年，中国的国内生产总值增长了5.2%。', '消费是主要动力。'],
      ['In 2023, China’s gross domestic product grew by 5.2 percent.', 'This figure was released by the National Bureau of Statistics on Wednesday after weeks of speculation among foreign analysts.', 'Consumption was the main driver.'],
      ['1-1', '0-1', '1-1'],
    ],
    [
      'numbers decide between two sentences of similar length',
      ['第一季度出口增长了12%。', '进口下降了3%。'],
      ['Exports grew by 12 percent in the first quarter.', 'Imports fell by 3 percent.'],
      ['1-1', '1-1'],
    ],
    [
      'one Chinese sentence rendered as two English ones (1–2)',
      ['习近平在听取讲解和讨论后发表重要讲话。', '他指出，网络乱象污染社会风气，侵犯群众利益，要敢于亮剑、坚决打击。'],
      ['Xi Jinping delivered an important speech after listening to the report and discussion.', 'He noted that online chaos pollutes social morals and infringes upon public interests.', 'We must be bold in taking decisive action to crack down on such chaos.'],
      ['1-1', '1-2'],
    ],
  ])('%s', (_, zh, en, expected) => {
    expect(shapes(zh, en)).toEqual(expected);
  });

  it('makes a length mismatch cost more, and a perfect match cost nothing', () => {
    expect(lengthCost(20, 62, defaultModel)).toBe(0);
    expect(lengthCost(20, 30, defaultModel)).toBeGreaterThan(lengthCost(20, 50, defaultModel));
    expect(lengthCost(20, 200, defaultModel)).toBeGreaterThan(lengthCost(20, 100, defaultModel));
  });

  it('aligns long inputs inside a band, in order, covering every unit once', () => {
    const zh = Array.from({ length: 900 }, (_, k) => `第${k + 1}条规定适用于所有成员。`);
    const en = Array.from({ length: 900 }, (_, k) => `Article ${k + 1} applies to all members.`);
    const beads = alignUnits(toUnits(zh), toUnits(en), defaultModel);
    expect(beads).toHaveLength(900);
    expect(beads.every((b, k) => b.zh[0] === k && b.en[0] === k)).toBe(true);
  });
});
