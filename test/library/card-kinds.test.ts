import { afterEach, describe, expect, it } from 'vitest';
import { nextCard, answerCard } from '../../server/drill/index.ts';
import { importExtraction } from '../../server/library/index.ts';
import { updateSettings } from '../../server/settings/index.ts';
import { patchTerm } from '../../server/terms/index.ts';
import { extraction, tempDb, type TempDb } from './fixtures.ts';

const now = new Date('2026-03-02T01:00:00Z');
let t: TempDb;
afterEach(() => t?.close());

const allOn = { termZhEn: true, termEnZh: true, cloze: true, sentenceZhEn: true, sentenceEnZh: true };

function servable(db: TempDb['db']): string[] {
  return (db.prepare('SELECT kind, direction FROM cards WHERE hidden = 0 AND suspended = 0').all() as { kind: string; direction: string }[]).map(
    (c) => `${c.kind}:${c.direction}`,
  );
}

/** Every card the drill serves over a long day with no limits, answering Easy. */
function drillAll(db: TempDb['db']): string[] {
  const seen: string[] = [];
  let clock = now.getTime();
  for (let i = 0; i < 200; i++) {
    const { card } = nextCard(db, new Date(clock));
    if (!card) break;
    seen.push(`${card.kind}:${card.direction}`);
    answerCard(db, { cardId: card.id, rating: 4, reviewId: `k-${i}`, reps: card.reps }, new Date(clock));
    clock += 60_000;
  }
  return seen;
}

describe('card kinds in the settings', () => {
  it('hides the cards of a kind switched off, and shows them again when switched on', () => {
    t = tempDb();
    importExtraction(t.db, { title: 't', format: 'interleaved', contentHash: 'h', extraction, now });
    updateSettings(t.db, { cardKinds: { ...allOn, cloze: false, sentenceEnZh: false }, newCardsPerDay: 100 }, now);
    expect(servable(t.db).filter((k) => k === 'cloze:zh-en' || k === 'sentence:en-zh')).toEqual([]);
    const served = drillAll(t.db);
    expect(served).not.toContain('cloze:zh-en');
    expect(served).not.toContain('sentence:en-zh');
    updateSettings(t.db, { cardKinds: allOn }, now);
    expect(servable(t.db).filter((k) => k === 'cloze:zh-en')).toHaveLength(4);
  });

  it('makes the cards a kind never had when it is switched on, except for ignored terms', () => {
    t = tempDb();
    updateSettings(t.db, { cardKinds: { ...allOn, termEnZh: false, cloze: false } }, now);
    importExtraction(t.db, { title: 't', format: 'interleaved', contentHash: 'h', extraction, now });
    const count = () => (t.db.prepare('SELECT count(*) AS n FROM cards').get() as { n: number }).n;
    expect(count()).toBe(4 + 6);
    const ignored = (t.db.prepare("SELECT id FROM terms WHERE zh = '长效机制'").get() as { id: number }).id;
    patchTerm(t.db, ignored, { status: 'ignored' }, now);
    updateSettings(t.db, { cardKinds: allOn }, now);
    // en->zh and cloze for the three active terms.
    expect(count()).toBe(4 + 6 + 3 + 3);
    const cloze = t.db.prepare("SELECT c.segment_id AS segmentId, g.zh FROM cards c JOIN segments g ON g.id = c.segment_id WHERE c.kind = 'cloze'").all() as {
      zh: string;
    }[];
    expect(cloze).toHaveLength(3);
    // Switching on again changes nothing.
    updateSettings(t.db, { cardKinds: { ...allOn, cloze: false } }, now);
    updateSettings(t.db, { cardKinds: allOn }, now);
    expect(count()).toBe(16);
  });
});
