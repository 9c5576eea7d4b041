import type Database from 'better-sqlite3';
import type { Extractions } from '../library/index.ts';

/** What every route needs: the open database and the clock (fixed in tests). */
export interface Deps {
  db: Database.Database;
  now: () => Date;
  /** The app's extraction queue (imports and previews), with the last result kept. */
  extractions: Extractions;
  /** Where unexpected errors are reported when the response has already started. */
  onInternalError: (err: unknown) => void;
}
