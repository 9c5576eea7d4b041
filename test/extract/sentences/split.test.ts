import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { splitEn, splitZh } from '../../../server/extract/sentences/split.ts';

const seed = readFileSync(new URL('../../../seeds/cyber-ecosystem-governance.en-zh.txt', import.meta.url), 'utf8').split('\n');

describe('splitZh', () => {
  it.each([
    ['the seed, with ASCII commas and a date: 11月28日', seed[1], 3],
    ['the seed: 十八大 and a long enumeration with 、', seed[5], 3],
    ['the seed: 源清则流清 opens a four-sentence paragraph', seed[9], 3],
  ])('%s', (_, text, count) => {
    const parts = splitZh(text);
    expect(parts).toHaveLength(count);
    expect(parts.join('')).toBe(text);
    for (const p of parts) expect(p).toMatch(/。$/);
  });

  it.each([
    ['full stop, exclamation and question marks', '你好！你是谁？我是学生。', ['你好！', '你是谁？', '我是学生。']],
    ['a closing quote stays with its sentence', '他说：“我来了。”然后走了。', ['他说：“我来了。”', '然后走了。']],
    ['closing brackets too', '会议结束（详见附件。）下午休息。', ['会议结束（详见附件。）', '下午休息。']],
    ['a decimal and a web address are not ends', '增长3.5个百分点。请访问wallstreetcn.com了解。', ['增长3.5个百分点。', '请访问wallstreetcn.com了解。']],
    ['an ASCII period after Han characters is an end', '他来了.我走了.', ['他来了.', '我走了.']],
    ['ASCII commas are not ends', '中央政治局11月28日下午,就加强治理进行学习。', ['中央政治局11月28日下午,就加强治理进行学习。']],
    ['doubled marks stay together', '真的吗？！不会吧……', ['真的吗？！', '不会吧……']],
    ['a hesitation inside a sentence goes on', '我……我不知道。', ['我……我不知道。']],
    ['an ellipsis closing a quote ends it', '“我叫……”他停住了。', ['“我叫……”', '他停住了。']],
    [
      'a semicolon between two long clauses splits (a translator starts a new sentence)',
      '要坚持以人民为中心的发展思想，不断增进人民福祉和社会公平；要坚持新发展理念，推动经济实现质的有效提升和量的合理增长。',
      ['要坚持以人民为中心的发展思想，不断增进人民福祉和社会公平；', '要坚持新发展理念，推动经济实现质的有效提升和量的合理增长。'],
    ],
    ['a semicolon between short items does not', '一是加强；二是完善。', ['一是加强；二是完善。']],
    ['a line break always ends a sentence', '第一行没有句号\n第二行。', ['第一行没有句号', '第二行。']],
  ])('%s', (_, text, expected) => {
    expect(splitZh(text)).toEqual(expected);
  });
});

describe('splitEn', () => {
  it('splits the seed paragraph whose two sentences render one Chinese sentence', () => {
    expect(splitEn(seed[4])).toHaveLength(4);
    expect(splitEn(seed[4])[2]).toBe('The overall cyber ecosystem has shown positive development.');
  });

  it.each([
    ['titles before names', 'Mr. Smith met Dr. Wang in Beijing. They talked.', ['Mr. Smith met Dr. Wang in Beijing.', 'They talked.']],
    ['U.S. inside a sentence', 'The U.S. economy grew 3.5 percent last year. Exports rose.', ['The U.S. economy grew 3.5 percent last year.', 'Exports rose.']],
    ['U.S. ending a sentence', 'He moved to the U.S. The weather there is mild.', ['He moved to the U.S.', 'The weather there is mild.']],
    ['initials', 'J. K. Rowling wrote it in Edinburgh. It sold well.', ['J. K. Rowling wrote it in Edinburgh.', 'It sold well.']],
    ['No. and e.g.', 'See Document No. 5, e.g. Table 2, for details. It is short.', ['See Document No. 5, e.g. Table 2, for details.', 'It is short.']],
    ['a month abbreviation before a day', 'The law took effect on Oct. 1 this year. Few noticed.', ['The law took effect on Oct. 1 this year.', 'Few noticed.']],
    ['i.e. before a lowercase word', 'Two sides, i.e. both parties, agreed. Talks ended.', ['Two sides, i.e. both parties, agreed.', 'Talks ended.']],
    ['a closing quote stays with its sentence', '"Go home." She left at once.', ['"Go home."', 'She left at once.']],
    ['curly quotes too', '‘Why, he’s just another scavenger!’ Trinket thought.', ['‘Why, he’s just another scavenger!’', 'Trinket thought.']],
    ['a quote followed by its speaker is one sentence', '"Go home!" she said.', ['"Go home!" she said.']],
    ['questions and exclamations', 'Really? Yes! We agree.', ['Really?', 'Yes!', 'We agree.']],
    ['an ellipsis before a lowercase word goes on', 'Wait... what is that?', ['Wait... what is that?']],
    ['decimals and numbered years', 'Growth was 6.5 percent in 2019. It slowed in 2020.', ['Growth was 6.5 percent in 2019.', 'It slowed in 2020.']],
    ['a sentence opening with a number', 'The vote was held. 23 members attended.', ['The vote was held.', '23 members attended.']],
  ])('%s', (_, text, expected) => {
    expect(splitEn(text)).toEqual(expected);
  });
});
