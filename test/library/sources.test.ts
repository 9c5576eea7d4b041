import { afterEach, describe, expect, it } from 'vitest';
import { answerCard, nextCard, undoLast } from '../../server/drill/index.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../server/errors.ts';
import type { Extraction } from '../../server/extract/types.ts';
import type { Rating } from '../../server/http/api-types.ts';
import { deleteSource, editPair, importExtraction, learnSourceNext, listSources, mergeWithNext, sourceDetail, sourceRemoval, splitPair, splitPoints } from '../../server/library/index.ts';
import { getStats } from '../../server/stats/index.ts';
import { addTerm, getTerm, listTerms, patchTerm } from '../../server/terms/index.ts';
import { extraction, governance, secondExtraction, sentences, tempDb, type TempDb } from './fixtures.ts';

const now = new Date('2026-03-02T08:00:00Z');
let t: TempDb;
afterEach(() => t?.close());

type Db = TempDb['db'];
const count = (db: Db, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

function tables(db: Db) {
  const n = (table: string) => count(db, `SELECT count(*) AS n FROM ${table}`);
  return { sources: n('sources'), segments: n('segments'), terms: n('terms'), occurrences: n('occurrences'), cards: n('cards'), reviews: n('reviews') };
}

/** Two texts sharing 网络生态治理: the first brings it (and its cards), the second only meets it again. */
function twoSources(): { db: Db; first: number; second: number } {
  t = tempDb();
  const first = importExtraction(t.db, { title: 'Cyber governance', format: 'interleaved', contentHash: 'h1', extraction, now }).source.id;
  const second = importExtraction(t.db, { title: 'Society', format: 'interleaved', contentHash: 'h2', extraction: secondExtraction, now }).source.id;
  return { db: t.db, first, second };
}

/** One import under its title (the title is its content hash too). */
function importOne(db: Db, title: string, extraction: Extraction, extra: Partial<Parameters<typeof importExtraction>[1]> = {}) {
  return importExtraction(db, { title, format: 'interleaved', contentHash: title, extraction, now, ...extra });
}

let seq = 0;
function answer(db: Db, cardId: number, rating: Rating, at: Date) {
  return answerCard(db, { cardId, rating, reviewId: crypto.randomUUID(), durationMs: 3000, answer: `answer ${++seq}` }, at);
}

function cardOf(db: Db, kind: string, zh: string, direction = 'zh-en') {
  return db
    .prepare(
      `SELECT c.* FROM cards c JOIN terms t ON t.id = c.subject_id WHERE c.kind = ? AND c.direction = ? AND t.zh = ?`,
    )
    .get(kind, direction, zh) as { id: number; segment_id: number | null; source_id: number | null } | undefined;
}

describe('sourceDetail', () => {
  it('gives the sentence pairs in reading order with each term marked where it stands in both languages', () => {
    const { db, first } = twoSources();
    const detail = sourceDetail(db, first);
    expect(detail.total).toBe(3);
    expect(detail.sentences.map((s) => s.zh)).toEqual(sentences.map((s) => s.zh));
    const [s0] = detail.sentences;
    const byId = new Map(detail.terms.map((x) => [x.id, x]));
    const marked = s0.marks.map((m) => ({
      zh: s0.zh.slice(m.zhStart, m.zhEnd),
      en: m.enStart === null ? null : s0.en.slice(m.enStart, m.enEnd!),
      term: byId.get(m.termId)!.zh,
    }));
    expect(marked).toEqual([
      { zh: '网络生态治理', en: 'cyber ecosystem governance', term: '网络生态治理' },
      { zh: '长效机制', en: 'long-term mechanisms', term: '长效机制' },
    ]);
    expect(detail.terms.every((x) => x.progress === 'new')).toBe(true);
    expect(detail.source).toMatchObject({ id: first, title: 'Cyber governance', sentences: 3 });
  });

  it('pages through the sentences and names the terms of the page only', () => {
    const { db, first } = twoSources();
    const page = sourceDetail(db, first, { limit: 1, offset: 2 });
    expect(page).toMatchObject({ offset: 2, total: 3 });
    expect(page.sentences.map((s) => s.zh)).toEqual([sentences[2].zh]);
    expect(page.terms.map((x) => x.zh)).toEqual(['依法管网治网']);
    expect(sourceDetail(db, first, { offset: 3 }).sentences).toEqual([]);
  });

  it('shows how far each term has come, and leaves ignored terms unmarked', () => {
    const { db, first } = twoSources();
    const mech = cardOf(db, 'term', '长效机制')!;
    answer(db, mech.id, 3, now);
    const id = (zh: string) => listTerms(db, { q: zh }, now).terms[0].id;
    patchTerm(db, id('网络强国'), { status: 'ignored' }, now);
    const detail = sourceDetail(db, first);
    const progress = Object.fromEntries(detail.terms.map((x) => [x.zh, x.progress]));
    expect(progress).toEqual({ 网络生态治理: 'new', 长效机制: 'learning', 依法管网治网: 'new' });
    expect(detail.sentences[1].marks.map((m) => m.termId)).toEqual([id('网络生态治理')]);
  });

  it('tells what a deletion would take: the sentences, and the terms met in no other text', () => {
    const { db, first, second } = twoSources();
    answer(db, cardOf(db, 'term', '长效机制')!.id, 3, now);
    expect(sourceRemoval(db, first)).toEqual({
      sentences: 3,
      sentenceCards: 6,
      sentenceCardsReviewed: 0,
      // 网络生态治理 occurs in the second text too, so it is not the first one's alone.
      ownTerms: 3,
      ownTermCards: 9,
      ownTermCardsReviewed: 1,
    });
    // The second text brought no term of its own: 网络生态治理 came with the first.
    expect(sourceRemoval(db, second)).toMatchObject({ sentences: 1, sentenceCards: 2, ownTerms: 0, ownTermCards: 0 });
  });

  it('opens at the page holding a given sentence pair, for a line of a concordance', () => {
    const { db, first, second } = twoSources();
    const ids = sourceDetail(db, first).sentences.map((x) => x.id);
    expect(sourceDetail(db, first, { limit: 2, at: ids[2] })).toMatchObject({ offset: 2, sentences: [{ id: ids[2] }] });
    expect(sourceDetail(db, first, { limit: 2, at: ids[1] }).offset).toBe(0);
    const elsewhere = sourceDetail(db, second).sentences[0]!.id;
    expect(() => sourceDetail(db, first, { at: elsewhere })).toThrow(NotFoundError);
    // The concordance names each line's source, for the link to it.
    const term = getTerm(db, listTerms(db, { q: '网络生态治理' }, now).terms[0]!.id);
    expect(term.occurrences.map((o) => o.sourceId)).toEqual([first, first, second]);
  });

  it('refuses an unknown source and a page out of range', () => {
    const { db } = twoSources();
    expect(() => sourceDetail(db, 99)).toThrow(NotFoundError);
    expect(() => sourceDetail(db, 1, { limit: 0 })).toThrow(InvalidInputError);
    expect(() => sourceDetail(db, 1, { limit: 501 })).toThrow(InvalidInputError);
    expect(() => sourceDetail(db, 1, { offset: -1 })).toThrow(InvalidInputError);
  });
});

describe('deleteSource', () => {
  it('takes its sentences, their cards and the terms it alone brought; a shared term stays, its cloze moved to the other text', () => {
    const { db, first, second } = twoSources();
    const before = tables(db);
    const result = deleteSource(db, first);
    // 3 sentences × 2 cards, 3 own terms × 3 cards; 网络生态治理's cloze is moved, not deleted.
    expect(result).toEqual({ source: { id: first, title: 'Cyber governance' }, deleted: { sentences: 3, terms: 3, cards: 15 } });
    expect(tables(db)).toEqual({ ...before, sources: 1, segments: 1, terms: 1, occurrences: 1, cards: before.cards - 15 });
    expect(listTerms(db, {}, now).terms.map((x) => x.zh)).toEqual(['网络生态治理']);
    const secondSegment = count(db, 'SELECT id AS n FROM segments WHERE source_id = ?', second);
    expect(cardOf(db, 'cloze', '网络生态治理')).toMatchObject({ segment_id: secondSegment, source_id: second });
    expect(cardOf(db, 'term', '网络生态治理')).toMatchObject({ source_id: second });
    expect(listSources(db, now)).toEqual([expect.objectContaining({ id: second, sentences: 1, terms: 1, cards: 5 })]);
    // Its concordance keeps the other text's sentence only.
    const term = getTerm(db, listTerms(db, {}, now).terms[0].id);
    expect(term.occurrences.map((o) => o.sourceTitle)).toEqual(['Society']);
  });

  it('keeps the review history: the statistics still count the answers given to the deleted cards', () => {
    const { db, first } = twoSources();
    for (const zh of ['长效机制', '网络强国']) answer(db, cardOf(db, 'term', zh)!.id, 3, now);
    const statsBefore = getStats(db, now);
    expect(statsBefore.today.reviews).toBe(2);
    deleteSource(db, first);
    expect(count(db, 'SELECT count(*) AS n FROM reviews')).toBe(2);
    const statsAfter = getStats(db, now);
    const { due: _dueBefore, ...doneBefore } = statsBefore.today;
    const { due, ...doneAfter } = statsAfter.today;
    expect(doneAfter).toEqual(doneBefore);
    // What was due goes with the cards.
    expect(due).toBe(0);
    expect(statsAfter.streak).toBe(statsBefore.streak);
  });

  it('never gives a new card the id of a deleted card that has reviews', () => {
    const { db, second } = twoSources();
    // The newest cards are the second text's sentence cards: SQLite would hand the highest id out again.
    const newest = db.prepare('SELECT id, source_id FROM cards ORDER BY id DESC LIMIT 1').get() as { id: number; source_id: number };
    expect(newest.source_id).toBe(second);
    answer(db, newest.id, 3, now);
    deleteSource(db, second);
    const again = importExtraction(db, { title: 'Society again', format: 'interleaved', contentHash: 'h2', extraction: secondExtraction, now });
    expect(again.counts.cards).toBe(2);
    expect(count(db, 'SELECT min(id) AS n FROM cards WHERE source_id = ?', again.source.id)).toBeGreaterThan(newest.id);
    // The answer belongs to no card now, rather than to a stranger.
    expect(count(db, 'SELECT count(*) AS n FROM reviews r JOIN cards c ON c.id = r.card_id')).toBe(0);
  });

  it('frees its content for a new import of the same text', () => {
    const { db, first } = twoSources();
    deleteSource(db, first);
    const again = importExtraction(db, { title: 'Cyber governance', format: 'interleaved', contentHash: 'h1', extraction, now });
    expect(again.duplicate).toBe(false);
    expect(again.counts).toMatchObject({ sentences: 3, terms: 4, newTerms: 3 });
  });

  it('with keepTerms keeps the terms it alone brought and their term cards, without a cloze it has no sentence for', () => {
    const { db, first } = twoSources();
    const mech = cardOf(db, 'term', '长效机制')!;
    const result = deleteSource(db, first, { keepTerms: true });
    // 6 sentence cards, and the clozes of the three terms no other text has.
    expect(result.deleted).toEqual({ sentences: 3, terms: 0, cards: 9 });
    expect(listTerms(db, {}, now).terms.map((x) => x.zh).sort()).toEqual(['依法管网治网', '网络强国', '网络生态治理', '长效机制'].sort());
    expect(cardOf(db, 'term', '长效机制')).toMatchObject({ id: mech.id, source_id: null });
    expect(cardOf(db, 'cloze', '长效机制')).toBeUndefined();
  });

  it('leaves terms the user added by hand, and ignored terms, in place', () => {
    const { db, first } = twoSources();
    addTerm(db, { zh: '数字中国', en: 'Digital China' }, now);
    patchTerm(db, listTerms(db, { q: '网络强国' }, now).terms[0].id, { status: 'ignored' }, now);
    const result = deleteSource(db, first);
    expect(result.deleted.terms).toBe(2);
    expect(listTerms(db, { status: 'active' }, now).terms.map((x) => x.zh).sort()).toEqual(['数字中国', '网络生态治理'].sort());
    expect(listTerms(db, { status: 'ignored' }, now).terms.map((x) => x.zh)).toEqual(['网络强国']);
  });

  it('undo does not reach past a deleted card: the last answer is gone with it', () => {
    const { db, first } = twoSources();
    answer(db, cardOf(db, 'term', '网络生态治理')!.id, 3, now);
    answer(db, cardOf(db, 'term', '长效机制')!.id, 3, new Date(now.getTime() + 60_000));
    deleteSource(db, first);
    expect(() => undoLast(db, now)).toThrow(ConflictError);
    // The earlier answer, to a card that stays, is not undone in its place.
    expect(cardOf(db, 'term', '网络生态治理')).toMatchObject({ reps: 1 });
  });

  it('refuses an unknown source and changes nothing', () => {
    const { db } = twoSources();
    const before = tables(db);
    expect(() => deleteSource(db, 99)).toThrow(NotFoundError);
    expect(tables(db)).toEqual(before);
  });

  it('a termbase source takes its terms with it', () => {
    t = tempDb();
    const tbx = importOne(t.db, 'Glossary', { sentences: [], terms: [{ ...governance, occurrences: [] }] }, { format: 'tbx', termOrigin: 'user' });
    expect(sourceRemoval(t.db, tbx.source.id)).toMatchObject({ sentences: 0, ownTerms: 1, ownTermCards: 2 });
    expect(deleteSource(t.db, tbx.source.id).deleted).toEqual({ sentences: 0, terms: 1, cards: 2 });
    expect(tables(t.db)).toMatchObject({ sources: 0, terms: 0, cards: 0 });
  });
});

describe('learnSourceNext', () => {
  it("puts the source's new cards first in the drill, its shared terms' included", () => {
    const { db, first, second } = twoSources();
    const ids = (sql: string, ...params: unknown[]) => new Set((db.prepare(sql).all(...params) as { id: number }[]).map((r) => r.id));
    const secondCards = ids(
      `SELECT c.id FROM cards c JOIN segments g ON g.id = c.subject_id WHERE c.kind = 'sentence' AND g.source_id = ?
       UNION SELECT c.id FROM cards c JOIN terms t ON t.id = c.subject_id WHERE c.kind != 'sentence' AND t.zh = '网络生态治理'`,
      second,
    );
    // The second text's 2 sentence cards, and the 3 cards of 网络生态治理, which it shares.
    expect(secondCards.size).toBe(5);
    expect(sourceDetail(db, second).newCards).toBe(5);
    const secondSentences = ids(`SELECT c.id FROM cards c JOIN segments g ON g.id = c.subject_id WHERE c.kind = 'sentence' AND g.source_id = ?`, second);
    const drillThree = () => {
      const served: number[] = [];
      for (let i = 0, at = now; i < 3; i++, at = new Date(at.getTime() + 60_000)) {
        const card = nextCard(db, at).card!;
        served.push(card.id);
        answerCard(db, { cardId: card.id, rating: 4, reviewId: crypto.randomUUID() }, at);
      }
      return served;
    };
    const control = drillThree();
    // Without it the second text's sentences wait behind the first text's cards.
    expect(control.some((id) => secondSentences.has(id))).toBe(false);
    for (let i = 0; i < 3; i++) undoLast(db, now);

    expect(learnSourceNext(db, second)).toEqual({ moved: 5 });
    const served = drillThree();
    // One card of the term, one of the sentence; their siblings are buried for the day (as any
    // sibling is), so the first text's cards follow.
    expect(served.map((id) => secondCards.has(id))).toEqual([true, true, false]);
    expect(secondSentences.has(served[1]!)).toBe(true);
    expect(sourceDetail(db, first).newCards).toBeGreaterThan(0);
  });

  it('refuses an unknown source', () => {
    const { db } = twoSources();
    expect(() => learnSourceNext(db, 99)).toThrow(NotFoundError);
  });
});

describe('mergeWithNext', () => {
  it('makes a pair and the next one a single pair, its terms still marked on their words', () => {
    const { db, first } = twoSources();
    const [p0, p1, p2] = sourceDetail(db, first).sentences;
    expect(mergeWithNext(db, p0!.id, now)).toEqual({ merged: p0!.id, removed: p1!.id });
    const detail = sourceDetail(db, first);
    expect(detail.sentences.map((x) => x.id)).toEqual([p0!.id, p2!.id]);
    const merged = detail.sentences[0]!;
    expect(merged).toMatchObject({ zh: p0!.zh + p1!.zh, en: `${p0!.en} ${p1!.en}`, score: 1 });
    const names = new Map(detail.terms.map((x) => [x.id, x.zh]));
    const marked = merged.marks.map((m) => [names.get(m.termId), merged.zh.slice(m.zhStart, m.zhEnd), m.enStart === null ? null : merged.en.slice(m.enStart, m.enEnd!)]);
    expect(marked).toEqual([
      ['网络生态治理', '网络生态治理', 'cyber ecosystem governance'],
      ['长效机制', '长效机制', 'long-term mechanisms'],
      ['网络生态治理', '网络生态治理', 'Online ecosystem governance'],
      ['网络强国', '网络强国', 'cyber power'],
    ]);
  });

  it('keeps the sentence card with more answers in each direction, and moves the clozes along', () => {
    const { db, first } = twoSources();
    const [p0, p1] = sourceDetail(db, first).sentences;
    const card = (segment: number, direction: string) =>
      db.prepare("SELECT id, reps FROM cards WHERE kind = 'sentence' AND subject_id = ? AND direction = ?").get(segment, direction) as { id: number; reps: number } | undefined;
    const answered = card(p1!.id, 'zh-en')!;
    answer(db, answered.id, 3, now);
    const kept = card(p0!.id, 'en-zh')!;
    const cloze = cardOf(db, 'cloze', '网络强国')!;
    expect(cloze.segment_id).toBe(p1!.id);
    const before = tables(db);
    mergeWithNext(db, p0!.id, now);
    // zh→en: the second pair's card, answered once; en→zh: the first pair's. Two cards gone.
    expect(card(p0!.id, 'zh-en')).toEqual({ id: answered.id, reps: 1 });
    expect(card(p0!.id, 'en-zh')).toEqual(kept);
    expect(tables(db)).toMatchObject({ segments: before.segments - 1, cards: before.cards - 2, reviews: 1 });
    expect(cardOf(db, 'cloze', '网络强国')).toMatchObject({ id: cloze.id, segment_id: p0!.id });
  });

  it('gives a pair that now has both languages its sentence cards (a 1–0 and a 0–1 merged)', () => {
    t = tempDb();
    const lone = importOne(t.db, 'Split', {
      sentences: [
        { paragraph: 0, sentence: 0, zh: '网络生态治理是一项系统工程。', en: '', score: 0.2 },
        { paragraph: 0, sentence: 1, zh: '', en: 'Cyber ecosystem governance is a systematic project.', score: 0.2 },
      ],
      terms: [],
    });
    expect(lone.counts.cards).toBe(0);
    const before = sourceDetail(t.db, lone.source.id);
    const [p0, p1] = before.sentences;
    // Both pairs are ones to check; merged, the pair is confirmed.
    expect(before.toCheck).toEqual([
      { id: p0!.id, rank: 0 },
      { id: p1!.id, rank: 1 },
    ]);
    mergeWithNext(t.db, p0!.id, now);
    expect(sourceDetail(t.db, lone.source.id).toCheck).toEqual([]);
    const [merged] = sourceDetail(t.db, lone.source.id).sentences;
    expect(merged).toMatchObject({ zh: '网络生态治理是一项系统工程。', en: 'Cyber ecosystem governance is a systematic project.' });
    expect(count(t.db, "SELECT count(*) AS n FROM cards WHERE kind = 'sentence' AND subject_id = ?", p0!.id)).toBe(2);
  });

  it('refuses the last pair of a text (409) and an unknown pair, changing nothing', () => {
    const { db, first } = twoSources();
    const last = sourceDetail(db, first).sentences.at(-1)!;
    const before = tables(db);
    expect(() => mergeWithNext(db, last.id, now)).toThrow(ConflictError);
    expect(() => mergeWithNext(db, 999, now)).toThrow(NotFoundError);
    expect(tables(db)).toEqual(before);
  });
});

describe('splitPair', () => {
  it('undoes a merge: the two pairs again, their terms on their words, the cards where they were', () => {
    const { db, first } = twoSources();
    const original = sourceDetail(db, first);
    const [p0, p1] = original.sentences;
    const cardsBefore = tables(db).cards;
    mergeWithNext(db, p0!.id, now);
    const points = splitPoints(db, p0!.id);
    const merged = sourceDetail(db, first).sentences[0]!;
    expect(points).toEqual({ zh: [0, p0!.zh.length, merged.zh.length], en: [0, p0!.en.length + 1, merged.en.length] });
    const result = splitPair(db, p0!.id, { zh: p0!.zh.length, en: p0!.en.length + 1 }, now);
    expect(result.first).toBe(p0!.id);
    const again = sourceDetail(db, first);
    const strip = (d: typeof again) =>
      d.sentences.map((x) => ({ zh: x.zh, en: x.en, marks: x.marks.map((m) => [m.termId, m.zhStart, m.zhEnd, m.enStart, m.enEnd]) }));
    expect(strip(again)).toEqual(strip(original));
    expect(again.sentences[1]!.id).toBe(result.second);
    // The first part kept its cards; the second part got new sentence cards for the two merge took.
    expect(tables(db).cards).toBe(cardsBefore);
    expect(cardOf(db, 'cloze', '网络强国')).toMatchObject({ segment_id: result.second });
  });

  it('cuts off a sentence without its translation (a 1–0 part), and keeps the reading order', () => {
    const { db, first } = twoSources();
    const [p0, p1] = sourceDetail(db, first).sentences;
    mergeWithNext(db, p0!.id, now);
    const merged = sourceDetail(db, first).sentences[0]!;
    // The second Chinese sentence alone, all the English in the first part.
    splitPair(db, p0!.id, { zh: p0!.zh.length, en: merged.en.length }, now);
    const [a, b, c] = sourceDetail(db, first).sentences;
    expect([a!.zh, a!.en]).toEqual([p0!.zh, merged.en]);
    expect([b!.zh, b!.en]).toEqual([p1!.zh, '']);
    expect(c!.zh).toBe('要坚持依法管网治网。');
    // No sentence card for a pair with one language; the English span of its terms is gone with it.
    expect(count(db, "SELECT count(*) AS n FROM cards WHERE kind = 'sentence' AND subject_id = ?", b!.id)).toBe(0);
    expect(b!.marks.every((m) => m.enStart === null)).toBe(true);
  });

  it('refuses a cut that is not at a sentence, or leaves a pair empty, changing nothing', () => {
    const { db, first } = twoSources();
    const [p0] = sourceDetail(db, first).sentences;
    const before = tables(db);
    expect(() => splitPair(db, p0!.id, { zh: 3, en: 0 }, now)).toThrow(/zh: cut where a sentence begins/);
    expect(() => splitPair(db, p0!.id, { zh: 0, en: 5 }, now)).toThrow(/en: cut where a sentence begins/);
    expect(() => splitPair(db, p0!.id, { zh: 0, en: 0 }, now)).toThrow(/text in both pairs/);
    expect(() => splitPair(db, 999, { zh: 0, en: 0 }, now)).toThrow(NotFoundError);
    expect(tables(db)).toEqual(before);
  });
});

describe('editPair', () => {
  const pairOf = (db: Db, sourceId: number, index: number) =>
    (db.prepare('SELECT id FROM segments WHERE source_id = ? ORDER BY paragraph, ordinal').pluck().all(sourceId) as number[])[index]!;

  it('corrects a pair’s text: its terms found again, its sentence cards kept, a cloze whose term left it moved or gone', () => {
    t = tempDb();
    const sourceId = importOne(t.db, 'Cyber governance', extraction).source.id;
    const db = t.db;
    const pair = pairOf(db, sourceId, 0);
    const sentenceCards = () => db.prepare("SELECT id FROM cards WHERE kind = 'sentence' AND subject_id = ? ORDER BY id").pluck().all(pair) as number[];
    const before = sentenceCards();
    expect(before).toHaveLength(2);
    const mechanism = listTerms(db, { q: '长效机制' }, now).terms[0]!.id;
    const clozeOf = (termId: number) => db.prepare("SELECT segment_id FROM cards WHERE kind = 'cloze' AND subject_id = ?").pluck().get(termId) as number | undefined;
    expect(clozeOf(mechanism)).toBe(pair);

    // A better reference translation, without "long-term mechanisms".
    const en = 'We must perfect the lasting mechanisms of cyber ecosystem governance.';
    const edited = editPair(db, pair, { en }, now);
    expect(edited).toMatchObject({ id: pair, zh: sentences[0]!.zh, en });
    const detail = sourceDetail(db, sourceId, {}).sentences[0]!;
    expect(detail.en).toBe(en);
    // 网络生态治理 is marked on the new English; 长效机制 on its Chinese, with no English span.
    const spans = detail.marks.map((m) => [detail.zh.slice(m.zhStart, m.zhEnd), m.enStart === null ? null : en.slice(m.enStart, m.enEnd!)]);
    expect(spans).toContainEqual(['网络生态治理', 'cyber ecosystem governance']);
    expect(spans).toContainEqual(['长效机制', null]);
    // The sentence cards are the same cards; 长效机制 occurs nowhere else, so its cloze is gone.
    expect(sentenceCards()).toEqual(before);
    expect(clozeOf(mechanism)).toBeUndefined();

    // The Chinese corrected too: its pinyin follows.
    editPair(db, pair, { zh: '我们要完善网络生态治理。' }, now);
    expect(sourceDetail(db, sourceId, {}).sentences[0]!.marks.map((m) => m.termId)).not.toContain(mechanism);
    // One language left: no sentence cards; none at all: refused.
    editPair(db, pair, { en: '' }, now);
    expect(sentenceCards()).toEqual([]);
    expect(() => editPair(db, pair, { zh: '  ' }, now)).toThrow(InvalidInputError);
    expect(() => editPair(db, 99_999, { en: 'x' }, now)).toThrow(NotFoundError);
  });
});
