import { afterEach, describe, expect, it } from 'vitest';
import type { Extraction } from '../../server/extract/types.ts';
import { importExtraction, listSources } from '../../server/library/index.ts';
import { updateSettings } from '../../server/settings/index.ts';
import { addTerm, getTerm, listTerms, patchTerm } from '../../server/terms/index.ts';
import { extraction, governance, secondExtraction, tempDb, type TempDb } from './fixtures.ts';

const now = new Date('2026-03-02T08:00:00Z');
let t: TempDb;
afterEach(() => t?.close());

function rowCounts(db: TempDb['db']) {
  const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { sources: n('sources'), segments: n('segments'), terms: n('terms'), occurrences: n('occurrences'), cards: n('cards') };
}

function cardKinds(db: TempDb['db']): string[] {
  return (db.prepare('SELECT kind, direction FROM cards ORDER BY new_order').all() as { kind: string; direction: string }[]).map(
    (c) => `${c.kind}:${c.direction}`,
  );
}

const input = (over: Partial<Parameters<typeof importExtraction>[1]> = {}) => ({
  title: 'Cyber governance',
  format: 'interleaved',
  contentHash: 'hash-1',
  extraction,
  now,
  ...over,
});

describe('importExtraction', () => {
  it('stores segments, terms, occurrences and all five card kinds', () => {
    t = tempDb();
    const result = importExtraction(t.db, input());
    expect(result.duplicate).toBe(false);
    expect(result.counts).toEqual({ sentences: 3, terms: 4, newTerms: 4, cards: 4 * 3 + 3 * 2 });
    expect(result.source).toMatchObject({ title: 'Cyber governance', sentences: 3, terms: 4, cards: 18, mastered: 0 });
    expect(rowCounts(t.db)).toEqual({ sources: 1, segments: 3, terms: 4, occurrences: 5, cards: 18 });
    const kinds = cardKinds(t.db);
    expect(new Set(kinds)).toEqual(new Set(['term:zh-en', 'term:en-zh', 'cloze:zh-en', 'sentence:zh-en', 'sentence:en-zh']));
    // New cards interleave terms and sentences instead of all terms first.
    expect(kinds.slice(0, 4)).toEqual(['term:zh-en', 'sentence:zh-en', 'term:zh-en', 'sentence:zh-en']);
  });

  it('re-importing the same content changes nothing and says so', () => {
    t = tempDb();
    importExtraction(t.db, input());
    const before = rowCounts(t.db);
    const again = importExtraction(t.db, input({ title: 'Another title', now: new Date('2026-03-05T00:00:00Z') }));
    expect(again.duplicate).toBe(true);
    expect(again.source.title).toBe('Cyber governance');
    expect(again.counts.cards).toBe(0);
    expect(rowCounts(t.db)).toEqual(before);
  });

  it('gives a known term the new rendering as a variant, and no duplicate cards', () => {
    t = tempDb();
    importExtraction(t.db, input());
    const second = importExtraction(t.db, input({ contentHash: 'hash-2', extraction: secondExtraction }));
    expect(second.counts).toMatchObject({ terms: 1, newTerms: 0 });
    const term = listTerms(t.db, { q: '网络生态治理' }, now).terms[0];
    expect(term.en).toBe('cyber ecosystem governance');
    expect(term.variants).toEqual(['online ecosystem governance', 'cyberspace governance']);
    expect(getTerm(t.db, term.id).occurrences).toHaveLength(3);
    expect(rowCounts(t.db).cards).toBe(18 + 2);
  });

  it("keeps the user's rendering of an edited term", () => {
    t = tempDb();
    importExtraction(t.db, input());
    const id = listTerms(t.db, { q: '网络生态治理' }, now).terms[0].id;
    patchTerm(t.db, id, { en: 'cyberspace ecosystem governance', variants: [] }, now);
    importExtraction(t.db, input({ contentHash: 'hash-2', extraction: secondExtraction }));
    const term = getTerm(t.db, id).term;
    expect(term).toMatchObject({ en: 'cyberspace ecosystem governance', variants: [], origin: 'user' });
  });

  it('keeps an ignored term ignored, with no cards made for it', () => {
    t = tempDb();
    importExtraction(t.db, input());
    const id = listTerms(t.db, { q: '网络生态治理' }, now).terms[0].id;
    patchTerm(t.db, id, { status: 'ignored' }, now);
    const cardsBefore = rowCounts(t.db).cards;
    const second = importExtraction(t.db, input({ contentHash: 'hash-2', extraction: secondExtraction }));
    expect(getTerm(t.db, id).term.status).toBe('ignored');
    // Only the new sentence's two cards; the ignored term is not counted as one of its terms.
    expect(second.counts).toMatchObject({ cards: 2, terms: 0, newTerms: 0 });
    expect(second.source.terms).toBe(0);
    expect(rowCounts(t.db).cards).toBe(cardsBefore + 2);
  });

  it('skips the terms the user unticked', () => {
    t = tempDb();
    const result = importExtraction(t.db, input({ excludeTerms: ['网络生态治理', '长效机制'] }));
    expect(result.counts).toMatchObject({ terms: 2, newTerms: 2 });
    expect(listTerms(t.db, {}, now).terms.map((x) => x.zh).sort()).toEqual(['依法管网治网', '网络强国'].sort());
  });

  it('stores the terms the user knows as known: in the termbase, their cards made but out of the drill', () => {
    t = tempDb();
    importExtraction(t.db, input({ knownTerms: ['长效机制', '不在文中'], excludeTerms: ['网络强国'] }));
    const known = listTerms(t.db, { status: 'known' }, now).terms;
    expect(known.map((x) => x.zh)).toEqual(['长效机制']);
    const cards = t.db.prepare("SELECT hidden FROM cards WHERE subject_id = ? AND kind != 'sentence'").pluck().all(known[0]!.id) as number[];
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((h) => (h & 4) === 4)).toBe(true);
    // The other terms are drilled as ever.
    const other = listTerms(t.db, { q: '网络生态治理' }, now).terms[0]!;
    expect(other.known).toBe(false);
    expect(t.db.prepare("SELECT max(hidden) FROM cards WHERE subject_id = ? AND kind != 'sentence'").pluck().get(other.id)).toBe(0);
  });

  it('makes only the card kinds switched on in the settings', () => {
    t = tempDb();
    updateSettings(t.db, { cardKinds: { termZhEn: true, termEnZh: false, cloze: false, sentenceZhEn: false, sentenceEnZh: true } });
    importExtraction(t.db, input());
    expect(new Set(cardKinds(t.db))).toEqual(new Set(['term:zh-en', 'sentence:en-zh']));
    expect(rowCounts(t.db).cards).toBe(4 + 3);
  });

  it('makes no cloze for a term without an English span', () => {
    t = tempDb();
    const unaligned: Extraction = {
      sentences: extraction.sentences,
      terms: [{ ...governance, occurrences: governance.occurrences.map((o) => ({ ...o, enStart: null, enEnd: null })) }],
    };
    importExtraction(t.db, input({ extraction: unaligned }));
    expect(cardKinds(t.db).filter((k) => k.startsWith('cloze'))).toEqual([]);
  });

  it('is atomic: a failure halfway leaves the database as it was', () => {
    t = tempDb();
    importExtraction(t.db, input());
    const before = rowCounts(t.db);
    // The third sentence breaks a NOT NULL constraint after the source and two segments are written.
    const broken: Extraction = {
      sentences: [...secondExtraction.sentences, { paragraph: 1, sentence: 0, zh: '好。', en: null as unknown as string, score: 1 }],
      terms: secondExtraction.terms,
    };
    expect(() => importExtraction(t.db, input({ contentHash: 'hash-3', extraction: broken }))).toThrow();
    expect(rowCounts(t.db)).toEqual(before);
    expect(listSources(t.db, now)).toHaveLength(1);
  });

  it('leaves out an occurrence that does not fit its sentence, keeping the term and the rest', () => {
    t = tempDb();
    const bad: Extraction = {
      sentences: extraction.sentences,
      terms: [
        {
          ...governance,
          occurrences: [
            { sentence: 0, zhStart: 5, zhEnd: 500, enStart: null, enEnd: null },
            { sentence: 9, zhStart: 0, zhEnd: 6, enStart: null, enEnd: null },
            ...governance.occurrences,
          ],
        },
      ],
    };
    const result = importExtraction(t.db, input({ extraction: bad }));
    expect(result.counts.terms).toBe(1);
    expect(rowCounts(t.db).occurrences).toBe(2);
  });
});

describe('listSources', () => {
  it('lists sources newest first with their counts', () => {
    t = tempDb();
    importExtraction(t.db, input());
    importExtraction(t.db, input({ title: 'Second', contentHash: 'hash-2', extraction: secondExtraction, now: new Date('2026-03-03T08:00:00Z') }));
    const sources = listSources(t.db, now);
    expect(sources.map((s) => [s.title, s.sentences, s.terms])).toEqual([
      ['Second', 1, 1],
      ['Cyber governance', 3, 4],
    ]);
    expect(sources[0].importedAt).toBe('2026-03-03T08:00:00.000Z');
  });
});

describe('known terms found in text (as a CAT tool finds its termbase terms)', () => {
  const occurrencesOf = (db: TempDb['db'], zh: string) => {
    const term = listTerms(db, { q: zh }, now).terms.find((x) => x.zh === zh)!;
    return getTerm(db, term.id);
  };

  it("finds the user's own terms in a new text, with the English span, and gives them a cloze", () => {
    t = tempDb();
    addTerm(t.db, { zh: '重要任务', en: 'crucial task' }, now);
    expect(occurrencesOf(t.db, '重要任务').cards.map((c) => c.kind)).toEqual(['term', 'term']);
    const result = importExtraction(t.db, input());
    // The extraction's 4 terms, and the user's term met in the text; its cloze is the one more card.
    expect(result.counts).toMatchObject({ terms: 5, newTerms: 4, cards: 4 * 3 + 3 * 2 + 1 });
    const detail = occurrencesOf(t.db, '重要任务');
    expect(detail.occurrences.map((o) => [o.zh.slice(o.zhStart, o.zhEnd), o.en.slice(o.enStart!, o.enEnd!)])).toEqual([['重要任务', 'crucial task']]);
    expect(detail.cards.map((c) => c.kind)).toEqual(['term', 'term', 'cloze']);
    expect(result.source.terms).toBe(5);
  });

  it("finds a termbase's terms in the texts already imported", () => {
    t = tempDb();
    importExtraction(t.db, input());
    const termbase = importExtraction(t.db, {
      title: 'Glossary',
      format: 'tbx',
      contentHash: 'tbx',
      termOrigin: 'user',
      now,
      extraction: { sentences: [], terms: [{ zh: '重要任务', en: 'crucial task', variants: ['key task'], pinyin: '', count: 0, score: 1, occurrences: [] }] },
    });
    expect(termbase.counts).toMatchObject({ terms: 1, newTerms: 1, cards: 3 });
    const detail = occurrencesOf(t.db, '重要任务');
    expect(detail.occurrences.map((o) => o.sourceTitle)).toEqual(['Cyber governance']);
    expect(detail.cards.map((c) => c.kind)).toEqual(['term', 'term', 'cloze']);
  });

  it('finds a term known from one text in a later text whose extraction did not name it', () => {
    t = tempDb();
    importExtraction(t.db, input());
    const later = importExtraction(t.db, {
      ...input({ contentHash: 'later', title: 'Later' }),
      extraction: {
        sentences: [{ paragraph: 0, sentence: 0, zh: '要完善长效机制。', en: 'We must improve long-term mechanisms.', score: 0.9 }],
        terms: [],
      },
    });
    expect(later.counts).toMatchObject({ terms: 1, newTerms: 0 });
    const detail = occurrencesOf(t.db, '长效机制');
    expect(detail.occurrences.map((o) => [o.sourceTitle, o.en.slice(o.enStart!, o.enEnd!)])).toEqual([
      ['Cyber governance', 'long-term mechanisms'],
      ['Later', 'long-term mechanisms'],
    ]);
  });

  it('finds a new term of a later text in the texts before it', () => {
    t = tempDb();
    // The first text holds 重要任务, but its extraction did not name it.
    importExtraction(t.db, input());
    const task = 'crucial task';
    importExtraction(t.db, {
      ...input({ contentHash: 'later', title: 'Later' }),
      extraction: {
        sentences: [{ paragraph: 0, sentence: 0, zh: '这是一项重要任务。', en: 'This is a crucial task.', score: 0.9 }],
        terms: [{ zh: '重要任务', en: task, variants: [], pinyin: '', count: 1, score: 0.8, occurrences: [{ sentence: 0, zhStart: 4, zhEnd: 8, enStart: 10, enEnd: 22 }] }],
      },
    });
    const detail = occurrencesOf(t.db, '重要任务');
    expect(detail.occurrences.map((o) => [o.sourceTitle, o.en.slice(o.enStart!, o.enEnd!)])).toEqual([
      ['Cyber governance', task],
      ['Later', task],
    ]);
  });

  it('leaves the extractor’s choice of occurrences in its own text as it is', () => {
    t = tempDb();
    // 网络生态治理 is in both of the first text's first two sentences; the extraction names one.
    importExtraction(t.db, input({ extraction: { ...extraction, terms: [{ ...governance, occurrences: governance.occurrences.slice(0, 1) }] } }));
    expect(occurrencesOf(t.db, '网络生态治理').occurrences).toHaveLength(1);
  });

  it('keeps the extractor’s occurrence of a term that is also the user’s, once', () => {
    t = tempDb();
    addTerm(t.db, { zh: '长效机制', en: 'long-term mechanism' }, now);
    importExtraction(t.db, input());
    const detail = occurrencesOf(t.db, '长效机制');
    expect(detail.occurrences).toHaveLength(1);
    expect(detail.term.en).toBe('long-term mechanism');
  });
});

describe('editing a rendering', () => {
  it('moves each occurrence’s English span to where the sentence has the new rendering, and keeps it where it has none', () => {
    t = tempDb();
    importExtraction(t.db, input());
    const term = listTerms(t.db, { q: '依法管网治网' }, now).terms[0]!;
    const spanText = () => getTerm(t.db, term.id).occurrences.map((o) => o.en.slice(o.enStart!, o.enEnd!));
    expect(spanText()).toEqual(['manage and govern cyberspace in accordance with the law']);
    patchTerm(t.db, term.id, { en: 'govern cyberspace', variants: ['in accordance with the law'] }, now);
    expect(spanText()).toEqual(['govern cyberspace']);
    // A rendering the sentence does not have leaves the span where it was.
    patchTerm(t.db, term.id, { en: 'law-based internet governance', variants: [] }, now);
    expect(spanText()).toEqual(['govern cyberspace']);
  });
});
