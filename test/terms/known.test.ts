// Known terms (Lute's "well known"): kept in the termbase, found and marked in the texts and
// exported, but out of the drill until the user wants them drilled again.
import { afterEach, describe, expect, it } from 'vitest';
import { answerCard, nextCard, queueCounts } from '../../server/drill/index.ts';
import { importExtraction, markSourceTermsKnown, sourceDetail } from '../../server/library/index.ts';
import { getSettings, updateSettings } from '../../server/settings/index.ts';
import { exportTermbase, getTerm, listTerms, patchTerm, setTermsKnown, setTermsStatus } from '../../server/terms/index.ts';
import { cardsStore, sourcesStore } from '../../server/store/index.ts';
import { extraction, tempDb, type TempDb } from '../library/fixtures.ts';

const now = new Date('2026-03-02T01:00:00Z');
let t: TempDb;
afterEach(() => t?.close());

function setup() {
  t = tempDb();
  const { source } = importExtraction(t.db, { title: 'Cyber governance', format: 'interleaved', contentHash: 'h', extraction, now });
  return { db: t.db, sourceId: source.id };
}

const idOf = (db: TempDb['db'], zh: string) => listTerms(db, { q: zh }, now).terms.find((x) => x.zh === zh)!.id;

/** The ids of the cards the drill could serve of a term (term and cloze cards not hidden or suspended). */
function drillable(db: TempDb['db'], termId: number): number[] {
  return db
    .prepare("SELECT id FROM cards WHERE subject_id = ? AND kind != 'sentence' AND hidden = 0 AND suspended = 0 ORDER BY id")
    .pluck()
    .all(termId) as number[];
}

describe('a known term', () => {
  it('leaves the drill, stays in the termbase, the reader and the export, and comes back when asked', () => {
    const { db, sourceId } = setup();
    const id = idOf(db, '网络生态治理');
    const cards = drillable(db, id);
    expect(cards.length).toBeGreaterThan(0);
    const before = queueCounts(db, now, getSettings(db));

    const row = patchTerm(db, id, { known: true }, now);
    expect(row).toMatchObject({ zh: '网络生态治理', known: true, status: 'active' });
    expect(drillable(db, id)).toEqual([]);
    // Every new card of the term left the queue.
    expect(queueCounts(db, now, getSettings(db)).new).toBe(before.new - cards.length);
    for (let i = 0; i < 40; i++) {
      const next = nextCard(db, new Date(now.getTime() + i * 60_000));
      if (!next.card) break;
      expect(next.card.term?.zh).not.toBe('网络生态治理');
      answerCard(db, { cardId: next.card.id, rating: 4, reviewId: `k-${i}`, reps: next.card.reps }, new Date(now.getTime() + i * 60_000));
    }
    // Listed as known, marked as known in the reader, counted as mastered for its text, exported.
    expect(listTerms(db, { status: 'known' }, now).terms.map((x) => x.zh)).toEqual(['网络生态治理']);
    expect(listTerms(db, { status: 'active' }, now).terms.map((x) => x.zh)).toContain('网络生态治理');
    expect(sourceDetail(db, sourceId, {}).terms.find((x) => x.id === id)!.progress).toBe('known');
    expect(sourcesStore.sourceSummary(db, sourceId)!.mastered).toBe(1);
    expect(exportTermbase(db, { format: 'csv', includeIgnored: false, now }).body.toString()).toContain('网络生态治理');

    expect(patchTerm(db, id, { known: false }, now).known).toBe(false);
    expect(drillable(db, id)).toEqual(cards);
    expect(getTerm(db, id).term.known).toBe(false);
  });

  it('keeps a card made later for it out of the drill too', () => {
    t = tempDb();
    const db = t.db;
    // No clozes at the import: the term's cloze is made when they are switched on.
    updateSettings(db, { cardKinds: { ...getSettings(db).cardKinds, cloze: false } });
    importExtraction(db, { title: 'Cyber governance', format: 'interleaved', contentHash: 'h', extraction, now });
    const id = idOf(db, '长效机制');
    expect(db.prepare("SELECT count(*) FROM cards WHERE subject_id = ? AND kind = 'cloze'").pluck().get(id)).toBe(0);
    patchTerm(db, id, { known: true }, now);
    updateSettings(db, { cardKinds: { ...getSettings(db).cardKinds, cloze: true } }, now);
    const cloze = db.prepare("SELECT id, hidden FROM cards WHERE subject_id = ? AND kind = 'cloze'").get(id) as { id: number; hidden: number };
    expect(cloze.hidden & cardsStore.hiddenKnownTerm).toBe(cardsStore.hiddenKnownTerm);
    expect(drillable(db, id)).toEqual([]);
    // Another term's cloze, made at the same time, is drilled.
    expect(db.prepare("SELECT hidden FROM cards WHERE subject_id = ? AND kind = 'cloze'").pluck().get(idOf(db, '网络生态治理'))).toBe(0);
  });

  it('cannot be an ignored term', () => {
    const { db } = setup();
    const id = idOf(db, '网络强国');
    patchTerm(db, id, { status: 'ignored' }, now);
    expect(() => patchTerm(db, id, { known: true }, now)).toThrow(/ignored term cannot be known/);
    expect(getTerm(db, id).term.known).toBe(false);
  });
});

describe("a text's terms not yet started, marked known at once", () => {
  it('marks only the terms none of whose cards was answered, and is undone by their ids', () => {
    const { db, sourceId } = setup();
    // One term started: its card answered.
    const first = nextCard(db, now).card!;
    answerCard(db, { cardId: first.id, rating: 3, reviewId: 'started', reps: 0 }, now);
    const started = first.term?.id ?? null;
    const all = listTerms(db, {}, now).terms.map((x) => x.id);
    expect(sourceDetail(db, sourceId, {}).unstartedTerms).toBe(all.length - (started === null ? 0 : 1));

    const marked = markSourceTermsKnown(db, sourceId).terms;
    expect(marked.sort()).toEqual(all.filter((x) => x !== started).sort());
    expect(sourceDetail(db, sourceId, {}).unstartedTerms).toBe(0);
    expect(markSourceTermsKnown(db, sourceId).terms).toEqual([]);

    expect(setTermsKnown(db, marked, false).terms.sort()).toEqual(marked.sort());
    expect(listTerms(db, { status: 'known' }, now).total).toBe(0);
    expect(() => markSourceTermsKnown(db, sourceId + 1)).toThrow(/no source/);
    expect(() => setTermsKnown(db, [], true)).toThrow(/1 to 5000/);
  });
});

describe('terms ignored or restored many at once', () => {
  it('ignores several terms (their cards out of the drill), restores them, and leaves unknown ids alone', () => {
    const { db } = setup();
    const ids = ['网络强国', '长效机制'].map((zh) => idOf(db, zh));
    const drilledBefore = ids.map((id) => drillable(db, id));
    expect(setTermsStatus(db, [...ids, ids[0]!, 99_999], 'ignored', now).terms.sort()).toEqual([...ids].sort());
    expect(ids.map((id) => drillable(db, id))).toEqual([[], []]);
    expect(listTerms(db, { status: 'ignored' }, now).terms.map((x) => x.id).sort()).toEqual([...ids].sort());
    // Already so: nothing changes.
    expect(setTermsStatus(db, ids, 'ignored', now).terms).toEqual([]);
    expect(setTermsStatus(db, ids, 'active', now).terms.sort()).toEqual([...ids].sort());
    expect(ids.map((id) => drillable(db, id))).toEqual(drilledBefore);
    expect(() => setTermsStatus(db, [], 'ignored', now)).toThrow(/1 to 5000/);
  });
});
