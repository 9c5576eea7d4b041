import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../server/errors.ts';
import type { Settings } from '../../server/http/api-types.ts';
import { getSettings, updateSettings } from '../../server/settings/index.ts';
import { openDatabase } from '../../server/store/index.ts';

const dirs: string[] = [];
function dbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'duizhao-settings-'));
  dirs.push(dir);
  return join(dir, 'd.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('settings', () => {
  it('starts from the documented defaults', () => {
    const db = openDatabase(dbPath());
    const s = getSettings(db);
    expect(s).toMatchObject({
      desiredRetention: 0.9,
      newCardsPerDay: 20,
      reviewCap: 200,
      learningSteps: ['1m', '10m'],
      relearningSteps: ['10m'],
      enableFuzz: true,
      dayStartHour: 4,
      cardKinds: { termZhEn: true, termEnZh: true, cloze: true, sentenceZhEn: true, sentenceEnZh: true },
      leechThreshold: 8,
      weights: null,
    });
    expect(typeof s.timeZone).toBe('string');
    db.close();
  });

  it('keeps an update across restarts, merging card kinds', () => {
    const path = dbPath();
    const db = openDatabase(path);
    const updated = updateSettings(db, { newCardsPerDay: 35, timeZone: 'Asia/Shanghai', cardKinds: { cloze: false } as Settings['cardKinds'] });
    expect(updated.cardKinds).toEqual({ termZhEn: true, termEnZh: true, cloze: false, sentenceZhEn: true, sentenceEnZh: true });
    db.close();
    const reopened = openDatabase(path);
    expect(getSettings(reopened)).toMatchObject({ newCardsPerDay: 35, timeZone: 'Asia/Shanghai', reviewCap: 200 });
    expect(getSettings(reopened).cardKinds.cloze).toBe(false);
    reopened.close();
  });

  it.each<[string, Record<string, unknown>]>([
    ['retention above 0.99', { desiredRetention: 1 }],
    ['retention below 0.7', { desiredRetention: 0.5 }],
    ['negative new cards', { newCardsPerDay: -1 }],
    ['fractional review cap', { reviewCap: 10.5 }],
    ['a malformed step', { learningSteps: ['1 minute'] }],
    ['a zero step', { relearningSteps: ['0m'] }],
    ['hour 24', { dayStartHour: 24 }],
    ['an unknown zone', { timeZone: 'Mars/Olympus' }],
    ['a non-boolean kind', { cardKinds: { cloze: 'yes' } }],
    ['leech threshold 0', { leechThreshold: 0 }],
    ['weights of the wrong length', { weights: [1, 2, 3] }],
    ['an unknown key', { dailyGoal: 5 }],
  ])('refuses %s and keeps the old settings', (_name, partial) => {
    const db = openDatabase(dbPath());
    const before = getSettings(db);
    expect(() => updateSettings(db, partial as Partial<Settings>)).toThrow(InvalidInputError);
    expect(getSettings(db)).toEqual(before);
    db.close();
  });

  it('accepts 21 FSRS-6 weights and clears them with null', () => {
    const db = openDatabase(dbPath());
    const w = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];
    expect(updateSettings(db, { weights: w }).weights).toEqual(w);
    expect(updateSettings(db, { weights: null }).weights).toBeNull();
    db.close();
  });
});

describe('settings shared between processes', () => {
  it('sees an update made through another connection', () => {
    const path = dbPath();
    const server = openDatabase(path);
    expect(getSettings(server).newCardsPerDay).toBe(20);
    const cli = openDatabase(path);
    updateSettings(cli, { newCardsPerDay: 7 });
    cli.close();
    expect(getSettings(server).newCardsPerDay).toBe(7);
    server.close();
  });
});
