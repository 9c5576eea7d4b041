// Settings are one JSON document under the key 'settings'; unknown keys are kept by the service.
import { sql, type Db } from './db.ts';

export function readSettingsJson(db: Db): unknown | null {
  const row = sql(db, "SELECT value FROM settings WHERE key = 'settings'").get() as { value: string } | undefined;
  return row ? JSON.parse(row.value) : null;
}

export function writeSettingsJson(db: Db, value: unknown): void {
  sql(db, "INSERT INTO settings (key, value) VALUES ('settings', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
    JSON.stringify(value),
  );
}

/** Extra new cards allowed on one study day (Anki's "increase today's new card limit"). */
export interface DayExtension {
  /** The study day, YYYY-MM-DD. */
  day: string;
  newCards: number;
}

/** The extra new cards allowed on `day`: 0 unless the stored extension is that day's. */
export function newCardsExtension(db: Db, day: string): number {
  const row = sql(db, "SELECT value FROM settings WHERE key = 'day-extension'").get() as { value: string } | undefined;
  if (!row) return 0;
  const stored = JSON.parse(row.value) as DayExtension;
  return stored.day === day ? stored.newCards : 0;
}

export function writeNewCardsExtension(db: Db, value: DayExtension): void {
  sql(db, "INSERT INTO settings (key, value) VALUES ('day-extension', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
    JSON.stringify(value),
  );
}

/**
 * The last answer recorded when cards were last rescheduled (its seq), or 0: undo does not take
 * back that answer or any before it, whose cards' stored states no longer follow from them.
 */
export function undoBarrier(db: Db): number {
  const row = sql(db, "SELECT value FROM settings WHERE key = 'undo-barrier'").get() as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as { seq: number }).seq : 0;
}

export function writeUndoBarrier(db: Db, seq: number): void {
  sql(db, "INSERT INTO settings (key, value) VALUES ('undo-barrier', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
    JSON.stringify({ seq }),
  );
}
