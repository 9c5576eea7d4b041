// A glossary (a term per row of a two-column table) is a termbase, as a TBX file is: each row a
// term with the user's own renderings, no sentence pairs. Told from a table of sentence pairs by
// its rows, unless the user names the format.
import { afterEach, describe, expect, it } from 'vitest';
import { extract } from '../../server/extract/index.ts';
import { looksLikeGlossary } from '../../server/extract/formats/index.ts';
import { importText } from '../../server/library/index.ts';
import { tempDb, type TempDb } from '../library/fixtures.ts';

const glossary = [
  '网络生态治理\tcyber ecosystem governance; online ecosystem governance',
  '风清气正\ta clean and righteous cyberspace',
  '自媒体\twe media',
  '多频道网络机构\tmulti-channel network agencies',
  '美国\tthe U.S.',
].join('\n');

const pair = (zh: string, en: string) => ({ zh, en, line: 1 });

let t: TempDb | undefined;
afterEach(() => t?.close());

describe('glossaries', () => {
  it('reads a table of terms as a termbase: the renderings as written, alternatives as variants', () => {
    const result = extract({ text: glossary });
    expect(result.format).toBe('glossary');
    expect(result.sentences).toEqual([]);
    expect(result.terms.map(({ zh, en, variants }) => ({ zh, en, variants }))).toEqual([
      { zh: '网络生态治理', en: 'cyber ecosystem governance', variants: ['online ecosystem governance'] },
      { zh: '风清气正', en: 'a clean and righteous cyberspace', variants: [] },
      { zh: '自媒体', en: 'we media', variants: [] },
      { zh: '多频道网络机构', en: 'multi-channel network agencies', variants: [] },
      { zh: '美国', en: 'the U.S.', variants: [] },
    ]);
    expect(result.terms[0]).toMatchObject({ pinyin: 'wǎng luò shēng tài zhì lǐ', score: 1, occurrences: [] });
  });

  it('reads a CSV with a header row, English first, the same way', () => {
    const csv = 'English,Chinese\n"cyber ecosystem governance",网络生态治理\nwe media,自媒体\n';
    expect(extract({ text: csv }).terms.map((x) => [x.zh, x.en])).toEqual([
      ['网络生态治理', 'cyber ecosystem governance'],
      ['自媒体', 'we media'],
    ]);
  });

  it.each([
    ['a TSV with a header row naming the columns in Chinese', '术语\t译名\t备注\n自媒体\twe media\tcore\n网络\tcyberspace\t\n'],
    ['a CSV with a header row in Chinese', '术语,译名\n自媒体,we media\n网络,cyberspace\n'],
    ['a TSV with a header row in both languages', '中文\tEnglish\n自媒体\twe media\n网络\tcyberspace\n'],
  ])('leaves out %s', (_, text) => {
    const result = extract({ text });
    expect(result.format).toBe('glossary');
    expect(result.terms.map((x) => [x.zh, x.en])).toEqual([
      ['自媒体', 'we media'],
      ['网络', 'cyberspace'],
    ]);
    expect(extract({ text, format: 'glossary' }).terms.map((x) => x.zh)).toEqual(['自媒体', '网络']);
    // A third column is the term's note.
    expect(result.terms.map((x) => x.note)).toEqual(text.includes('备注') ? ['core', undefined] : [undefined, undefined]);
  });

  it.each<[string, { zh: string; en: string; line: number }[], boolean]>([
    ['terms', [pair('网络', 'cyberspace'), pair('治理', 'governance')], true],
    ['short sentences, as Tatoeba has them', [pair('我们走吧。', "Let's go."), pair('你好！', 'Hello!'), pair('谢谢', 'Thank you')], false],
    ['a single row', [pair('网络', 'cyberspace')], false],
    ['long phrases', [pair('网络生态治理是网络强国建设的重要任务', 'a crucial task in building a cyber power'), pair('网络', 'cyberspace')], false],
    ['headlines, their punctuation dropped', [pair('习近平会见法国总统', 'Xi Jinping meets French President'), pair('国务院召开常务会议', 'State Council holds executive meeting'), pair('中方回应美方关税措施', 'China responds to US tariff measures')], false],
    ['subtitles', [pair('你在干什么呢', 'What are you doing'), pair('我们走吧', "Let's go"), pair('好的', 'OK')], false],
    ['long terms given with alternatives', [pair('全过程人民民主制度建设', 'whole-process people’s democracy; whole-process democracy'), pair('网络综合治理体系建设', 'comprehensive cyberspace governance system'), pair('新质生产力发展', 'new quality productive forces')], true],
    ['renderings of many words', [pair('网络', 'the network of computers that spans the world and carries all of the traffic'), pair('治理', 'governance')], false],
  ])('tells %s apart', (_, pairs, expected) => {
    expect(looksLikeGlossary(pairs)).toBe(expected);
  });

  it('keeps a table of sentence pairs a bitext, and the format the user names wins', () => {
    const sentences = '网络生态治理是一项系统工程。\tCyber ecosystem governance is a systematic project.\n要加强引导。\tWe must strengthen guidance.\n';
    expect(extract({ text: sentences }).format).toBe('tsv');
    const forced = extract({ text: glossary, format: 'tsv' });
    expect(forced.format).toBe('tsv');
    expect(forced.sentences).toHaveLength(5);
    expect(extract({ text: sentences, format: 'glossary' }).terms.map((x) => x.zh)).toEqual(['网络生态治理是一项系统工程。', '要加强引导。']);
    expect(() => extract({ text: 'We value data.\n我们重视数据。\n', format: 'glossary' })).toThrow(/a glossary is a table of two columns/);
  });

  it('imports as the user’s own terms: their renderings win over a text extracted later', () => {
    t = tempDb();
    const now = new Date('2026-03-02T09:00:00Z');
    const imported = importText(t.db, { title: 'My glossary', text: glossary, now });
    expect(imported.source.format).toBe('glossary');
    // Term cards both ways, no sentence or cloze cards (no sentences).
    expect(imported.counts).toMatchObject({ sentences: 0, terms: 5, newTerms: 5, cards: 10 });
    const origin = t.db.prepare("SELECT origin FROM terms WHERE zh = '自媒体'").get() as { origin: string };
    expect(origin.origin).toBe('user');
    // A note column goes to the terms' notes.
    const noted = importText(t.db, { title: 'With notes', text: '数据安全\tdata security\tfrom the 2024 white paper\n网络\tcyberspace\t\n', now });
    expect(noted.source.format).toBe('glossary');
    expect(t.db.prepare("SELECT zh, note FROM terms WHERE zh IN ('数据安全', '网络') ORDER BY zh").all()).toEqual([
      { zh: '数据安全', note: 'from the 2024 white paper' },
      { zh: '网络', note: '' },
    ]);
    const text = 'We must strengthen the guidance of we media.\n要加强对自媒体的引导。\n';
    importText(t.db, { title: 'A text', text, now });
    const term = t.db.prepare("SELECT en FROM terms WHERE zh = '自媒体'").get() as { en: string };
    expect(term.en).toBe('we media');
  });
});
