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
