// User settings: defaults, validation, and a per-database cache (the drill reads them on every
// card; they change only through updateSettings).
import { InvalidInputError } from '../errors.ts';
import type { Settings } from '../http/api-types.ts';
import { isStep, isTimeZone } from '../scheduling/index.ts';
import { externalVersion, inTransaction, type Db } from '../store/index.ts';
import { applyCardKinds } from '../library/index.ts';
import { readSettingsJson, writeSettingsJson } from '../store/settings.ts';
import { replanCards } from './memory.ts';

function defaultTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : 'UTC';
}

export function defaultSettings(): Settings {
  return {
    desiredRetention: 0.9,
    newCardsPerDay: 20,
    reviewCap: 200,
    learningSteps: ['1m', '10m'],
    relearningSteps: ['10m'],
    enableFuzz: true,
    dayStartHour: 4,
    timeZone: defaultTimeZone(),
    cardKinds: { termZhEn: true, termEnZh: true, cloze: true, sentenceZhEn: true, sentenceEnZh: true },
    leechThreshold: 8,
    weights: null,
  };
}

// Re-read when another connection has committed (settings changed by another process).
const cache = new WeakMap<Db, { settings: Settings; version: number }>();

function isInt(x: unknown, min: number, max: number): boolean {
  return typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
}

/** Throws InvalidInputError naming the first bad field. */
function validate(s: Settings): void {
  const bad = (field: string, why: string): never => {
    throw new InvalidInputError(`${field}: ${why}`);
  };
  if (typeof s.desiredRetention !== 'number' || !(s.desiredRetention >= 0.7 && s.desiredRetention <= 0.99))
    bad('desiredRetention', 'must be between 0.7 and 0.99');
  if (!isInt(s.newCardsPerDay, 0, 9999)) bad('newCardsPerDay', 'must be a whole number from 0 to 9999');
  if (!isInt(s.reviewCap, 0, 99999)) bad('reviewCap', 'must be a whole number from 0 to 99999');
  for (const field of ['learningSteps', 'relearningSteps'] as const) {
    const steps = s[field];
    if (!Array.isArray(steps) || steps.length > 10 || !steps.every((x) => typeof x === 'string' && isStep(x)))
      bad(field, 'must be a list of up to 10 steps like "1m", "10m", "1h", "1d"');
  }
  if (typeof s.enableFuzz !== 'boolean') bad('enableFuzz', 'must be true or false');
  if (!isInt(s.dayStartHour, 0, 23)) bad('dayStartHour', 'must be a whole hour from 0 to 23');
  if (typeof s.timeZone !== 'string' || !isTimeZone(s.timeZone)) bad('timeZone', 'must be an IANA time zone such as Asia/Shanghai');
  const kinds = s.cardKinds;
  if (typeof kinds !== 'object' || kinds === null) bad('cardKinds', 'must be an object');
  for (const key of ['termZhEn', 'termEnZh', 'cloze', 'sentenceZhEn', 'sentenceEnZh'] as const) {
    if (typeof kinds[key] !== 'boolean') bad(`cardKinds.${key}`, 'must be true or false');
  }
  if (!isInt(s.leechThreshold, 1, 99)) bad('leechThreshold', 'must be a whole number from 1 to 99');
  if (s.weights !== null) {
    if (!Array.isArray(s.weights) || ![17, 19, 21].includes(s.weights.length) || !s.weights.every((w) => Number.isFinite(w)))
      bad('weights', 'must be null or a list of 17, 19 or 21 FSRS parameters');
  }
}

/** Drops the cached settings: the settings row was replaced by this connection (a restore). */
export function forgetSettings(db: Db): void {
  cache.delete(db);
}

export function getSettings(db: Db): Settings {
  return settingsAt(db, externalVersion(db));
}

/** getSettings for a caller that has just read the database's data_version (readVersions). */
export function settingsAt(db: Db, version: number): Settings {
  const cached = cache.get(db);
  if (cached && cached.version === version) return cached.settings;
  const stored = readSettingsJson(db) as Partial<Settings> | null;
  const defaults = defaultSettings();
  const settings: Settings = stored
    ? { ...defaults, ...stored, cardKinds: { ...defaults.cardKinds, ...(stored.cardKinds ?? {}) } }
    : defaults;
  cache.set(db, { settings, version });
  return settings;
}

/**
 * Validates and stores a partial update. Changing cardKinds hides or shows cards of those kinds
 * and makes missing ones (new cards are stamped `now`); changing the FSRS weights recomputes the
 * memory states of the cards studied.
 */
export function updateSettings(db: Db, partial: Partial<Settings>, now: Date = new Date()): Settings {
  if (typeof partial !== 'object' || partial === null) throw new InvalidInputError('settings must be an object');
  const known = new Set(Object.keys(defaultSettings()));
  for (const key of Object.keys(partial)) {
    if (!known.has(key)) throw new InvalidInputError(`unknown setting "${key}"`);
  }
  const current = getSettings(db);
  const next: Settings = {
    ...current,
    ...partial,
    cardKinds: { ...current.cardKinds, ...(partial.cardKinds ?? {}) },
  };
  validate(next);
  const kindsChanged = JSON.stringify(next.cardKinds) !== JSON.stringify(current.cardKinds);
  const weightsChanged = JSON.stringify(next.weights) !== JSON.stringify(current.weights);
  inTransaction(db, () => {
    writeSettingsJson(db, next);
    if (kindsChanged) applyCardKinds(db, next.cardKinds, now);
    // New parameters read the same answers differently: every studied card's memory state is
    // computed again from its answers (due dates stay until the user reschedules).
    if (weightsChanged) replanCards(db, next, false, now);
  });
  // A new object: the scheduler caches its FSRS instance per settings object.
  cache.set(db, { settings: next, version: externalVersion(db) });
  return next;
}
