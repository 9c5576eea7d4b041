import { afterEach, describe, expect, it } from 'vitest';
import { drillCardById } from '../../server/drill/index.ts';
import { importExtraction } from '../../server/library/index.ts';
import { getSettings } from '../../server/settings/index.ts';
import { extraction, tempDb, type TempDb } from '../library/fixtures.ts';

const now = new Date('2026-03-02T01:00:00Z');
let t: TempDb;
afterEach(() => t?.close());

function cardOf(db: TempDb['db'], kind: string, direction: string, where: string) {
  const row = db
    .prepare(`SELECT c.id FROM cards c LEFT JOIN terms t ON t.id = c.subject_id AND c.kind != 'sentence'
              LEFT JOIN segments g ON g.id = c.subject_id AND c.kind = 'sentence'
              WHERE c.kind = ? AND c.direction = ? AND ${where}`)
    .get(kind, direction) as { id: number };
  return drillCardById(db, row.id, now, getSettings(db))!;
}

describe('the card as the drill shows it', () => {
  it.each([
    {
      name: 'term zh->en accepts every rendering and keeps an example for after the answer',
      kind: 'term', direction: 'zh-en', where: "t.zh = '网络生态治理'",
      expected: {
        prompt: '网络生态治理', promptLang: 'zh', answerLang: 'en', reference: 'cyber ecosystem governance',
        accepted: ['cyber ecosystem governance', 'online ecosystem governance'], pinyin: 'wǎng luò shēng tài zhì lǐ', context: null,
        example: { zh: '我们要完善网络生态治理长效机制。', en: 'We must improve the long-term mechanisms for cyber ecosystem governance.' },
      },
    },
    {
      name: 'term en->zh asks for the Chinese',
      kind: 'term', direction: 'en-zh', where: "t.zh = '网络强国'",
      expected: { prompt: 'cyber power', promptLang: 'en', answerLang: 'zh', reference: '网络强国', accepted: ['网络强国'] },
    },
    {
      name: 'cloze blanks the rendering used in its sentence, and accepts the other renderings too',
      kind: 'cloze', direction: 'zh-en', where: "t.zh = '网络生态治理'",
      expected: {
        prompt: 'We must improve the long-term mechanisms for ____.',
        reference: 'cyber ecosystem governance',
        accepted: ['cyber ecosystem governance', 'online ecosystem governance'],
        context: { zh: '我们要完善网络生态治理长效机制。', en: 'We must improve the long-term mechanisms for cyber ecosystem governance.' },
      },
    },
    {
      name: 'sentence zh->en carries the pair, its pinyin and the known terms in it',
      kind: 'sentence', direction: 'zh-en', where: "g.zh = '网络生态治理是建设网络强国的重要任务。'",
      expected: {
        prompt: '网络生态治理是建设网络强国的重要任务。', promptLang: 'zh', answerLang: 'en',
        reference: 'Online ecosystem governance is a crucial task in building a cyber power.',
        context: { zh: '网络生态治理是建设网络强国的重要任务。', en: 'Online ecosystem governance is a crucial task in building a cyber power.' },
        term: null,
      },
    },
  ])('$name', ({ kind, direction, where, expected }) => {
    t = tempDb();
    importExtraction(t.db, { title: 'Cyber governance', format: 'interleaved', contentHash: 'h', extraction, now });
    const card = cardOf(t.db, kind, direction, where);
    expect(card).toMatchObject(expected);
    expect(card.intervals.map((i) => i.rating)).toEqual([1, 2, 3, 4]);
    expect(card.source).toMatchObject({ title: 'Cyber governance' });
    // A sentence or cloze card names its pair, for a link to fix it in its text; a term card none.
    const pair = t.db.prepare('SELECT segment_id FROM cards WHERE id = ?').pluck().get(card.id) as number | null;
    expect(card.source!.pairId).toBe(kind === 'term' ? null : pair);
    if (kind !== 'term') expect(t.db.prepare('SELECT zh FROM segments WHERE id = ?').pluck().get(pair)).toBe(card.context!.zh);
    if (kind === 'sentence') {
      expect(card.terms.map((x) => x.zh)).toEqual(['网络生态治理', '网络强国']);
      expect(card.pinyin).toMatch(/^wǎng luò shēng tài zhì lǐ/);
    }
  });
});

describe('the blank of a cloze card', () => {
  it('blanks the first occurrence by position that has an English span, when the term comes more than once', () => {
    t = tempDb();
    const zh = '我们发展经济，经济要高质量发展。';
    const en = 'We develop the economy; the economy must grow with high quality.';
    importExtraction(t.db, {
      title: 'Economy',
      format: 'tsv',
      contentHash: 'economy',
      now,
      extraction: {
        sentences: [{ paragraph: 0, sentence: 0, zh, en, score: 0.9 }],
        terms: [
          {
            zh: '经济',
            en: 'economy',
            variants: [],
            pinyin: 'jīng jì',
            count: 2,
            score: 0.8,
            occurrences: [
              // Listed out of position order; the later one has no English span.
              { sentence: 0, zhStart: 7, zhEnd: 9, enStart: en.lastIndexOf('economy'), enEnd: en.lastIndexOf('economy') + 7 },
              { sentence: 0, zhStart: 4, zhEnd: 6, enStart: null, enEnd: null },
            ],
          },
        ],
      },
    });
    const card = cardOf(t.db, 'cloze', 'zh-en', "t.zh = '经济'");
    expect(card.prompt).toBe('We develop the economy; the ____ must grow with high quality.');
    expect(card.reference).toBe('economy');
  });
});
