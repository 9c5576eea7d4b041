import { afterEach, describe, expect, it } from 'vitest';
import { answerCard, nextCard } from '../../server/drill/index.ts';
import { InvalidInputError, NotFoundError } from '../../server/errors.ts';
import { importExtraction } from '../../server/library/index.ts';
import { getTerm, listTerms, patchTerm } from '../../server/terms/index.ts';
import { extraction, tempDb, type TempDb } from '../library/fixtures.ts';

const now = new Date('2026-03-02T01:00:00Z');
let t: TempDb;
afterEach(() => t?.close());

function setup() {
  t = tempDb();
  importExtraction(t.db, { title: 'Cyber governance', format: 'interleaved', contentHash: 'h', extraction, now });
  return t.db;
}

const idOf = (db: TempDb['db'], zh: string) => listTerms(db, { q: zh }, now).terms.find((x) => x.zh === zh)!.id;

describe('listTerms', () => {
  it.each([
    ['Chinese', '生态', ['网络生态治理']],
    ['English, any case', 'CYBER POWER', ['网络强国']],
    ['a variant', 'online ecosystem', ['网络生态治理']],
    ['pinyin without tones', 'changxiao', ['长效机制']],
    ['pinyin with spaces', 'wang luo', ['网络生态治理', '网络强国']],
    ['pinyin with tone marks', 'qiáng guó', ['网络强国']],
    ['a LIKE wildcard taken literally', '%', []],
  ])('finds terms by %s', (_name, q, zhs) => {
    const db = setup();
    expect(listTerms(db, { q }, now).terms.map((x) => x.zh).sort()).toEqual([...zhs].sort());
  });

  it('orders by frequency, pages, and reports the total', () => {
    const db = setup();
    const page1 = listTerms(db, { limit: 2, offset: 0 }, now);
    const page2 = listTerms(db, { limit: 2, offset: 2 }, now);
    expect(page1.total).toBe(4);
    expect(page1.terms[0]).toMatchObject({ zh: '网络生态治理', count: 2, state: 'new', status: 'active', origin: 'extracted' });
    expect([...page1.terms, ...page2.terms].map((x) => x.id)).toHaveLength(4);
    expect(new Set([...page1.terms, ...page2.terms].map((x) => x.id)).size).toBe(4);
  });

  it('filters by status', () => {
    const db = setup();
    patchTerm(db, idOf(db, '长效机制'), { status: 'ignored' }, now);
    expect(listTerms(db, { status: 'ignored' }, now).terms.map((x) => x.zh)).toEqual(['长效机制']);
    expect(listTerms(db, { status: 'active' }, now).total).toBe(3);
  });

  it.each([
    [{ limit: 0 }],
    [{ limit: 501 }],
    [{ offset: -1 }],
    [{ status: 'deleted' as 'active' }],
  ])('refuses %o', (bad) => {
    const db = setup();
    expect(() => listTerms(db, bad, now)).toThrow(InvalidInputError);
  });
});

describe('getTerm', () => {
  it('gives the concordance: every sentence with the offsets of the term on both sides', () => {
    const db = setup();
    const { term, occurrences } = getTerm(db, idOf(db, '网络生态治理'));
    expect(term.zh).toBe('网络生态治理');
    expect(occurrences).toHaveLength(2);
    for (const o of occurrences) {
      expect(o.zh.slice(o.zhStart, o.zhEnd)).toBe('网络生态治理');
      expect(o.sourceTitle).toBe('Cyber governance');
    }
    expect(occurrences.map((o) => o.en.slice(o.enStart!, o.enEnd!))).toEqual(['cyber ecosystem governance', 'Online ecosystem governance']);
  });

  it('reports an unknown term', () => {
    const db = setup();
    expect(() => getTerm(db, 9999)).toThrow(NotFoundError);
  });

  it('lists the answers given to its cards, newest first, with what was typed', () => {
    const db = setup();
    const id = idOf(db, '网络生态治理');
    expect(getTerm(db, id).history).toEqual([]);
    const card = db.prepare("SELECT id FROM cards WHERE subject_id = ? AND kind = 'term' AND direction = 'zh-en'").pluck().get(id) as number;
    // Another term's answer is not this one's.
    const other = db.prepare("SELECT id FROM cards WHERE subject_id = ? AND kind = 'term'").pluck().get(idOf(db, '网络强国')) as number;
    answerCard(db, { cardId: other, rating: 3, reviewId: 'o-1', reps: 0, answer: 'cyber power' }, now);
    const typed = ['online governance', 'cyber ecosystem governance'];
    const at = [now, new Date(now.getTime() + 10 * 60_000)];
    answerCard(db, { cardId: card, rating: 1, reviewId: 'h-1', reps: 0, answer: typed[0], durationMs: 5000 }, at[0]);
    answerCard(db, { cardId: card, rating: 3, reviewId: 'h-2', reps: 1, answer: typed[1] }, at[1]);
    const history = getTerm(db, id).history;
    expect(history.map((h) => [h.cardId, h.kind, h.direction, h.reviewedAt, h.rating, h.answer, h.durationMs])).toEqual([
      [card, 'term', 'zh-en', at[1].toISOString(), 3, typed[1], null],
      [card, 'term', 'zh-en', at[0].toISOString(), 1, typed[0], 5000],
    ]);
    // Scored against the reference: the right rendering scores higher than the near miss.
    expect(history[0].score!).toBeGreaterThan(history[1].score!);
  });
});

describe('patchTerm', () => {
  it('makes an edited rendering the user’s own, and the drill accepts it', () => {
    const db = setup();
    const id = idOf(db, '网络生态治理');
    const row = patchTerm(db, id, { en: '  cyberspace   ecosystem governance ', variants: ['online ecosystem governance', 'Online Ecosystem Governance'] }, now);
    expect(row).toMatchObject({ en: 'cyberspace ecosystem governance', variants: ['online ecosystem governance'], origin: 'user' });
    const card = nextCard(db, now).card!;
    expect(card.term?.id).toBe(id);
    expect(card.accepted).toEqual(['cyberspace ecosystem governance', 'online ecosystem governance']);
  });

  it('keeps origin "extracted" for a note alone', () => {
    const db = setup();
    const row = patchTerm(db, idOf(db, '网络强国'), { note: 'Xi, 2014' }, now);
    expect(row).toMatchObject({ note: 'Xi, 2014', origin: 'extracted' });
  });

  it('takes an ignored term’s cards out of the drill and brings them back on reactivation', () => {
    const db = setup();
    const id = idOf(db, '网络生态治理');
    const servedTermIds = () => {
      // Terms with cards the queue may serve.
      return db
        .prepare("SELECT DISTINCT subject_id FROM cards WHERE kind != 'sentence' AND suspended = 0 AND hidden = 0")
        .all()
        .map((r) => (r as { subject_id: number }).subject_id);
    };
    expect(nextCard(db, now).card!.term!.id).toBe(id);
    const ignored = patchTerm(db, id, { status: 'ignored' }, now);
    expect(ignored.status).toBe('ignored');
    expect(ignored.due).toBeNull();
    expect(servedTermIds()).not.toContain(id);
    expect(nextCard(db, now).card!.term?.id).not.toBe(id);
    patchTerm(db, id, { status: 'active' }, now);
    expect(servedTermIds()).toContain(id);
    expect(nextCard(db, now).card!.term!.id).toBe(id);
  });

  it.each([
    [{ en: '' }],
    [{ en: 42 as unknown as string }],
    [{ variants: 'x' as unknown as string[] }],
    [{ status: 'gone' as 'active' }],
    [{ zh: '改' } as object],
  ])('refuses %o and changes nothing', (bad) => {
    const db = setup();
    const id = idOf(db, '网络强国');
    const before = getTerm(db, id).term;
    expect(() => patchTerm(db, id, bad, now)).toThrow(InvalidInputError);
    expect(getTerm(db, id).term).toEqual(before);
  });

  it('reports an unknown term', () => {
    const db = setup();
    expect(() => patchTerm(db, 9999, { note: 'x' }, now)).toThrow(NotFoundError);
  });
});
