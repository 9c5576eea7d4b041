import type Database from 'better-sqlite3';

/** What every route needs: the open database and the clock (fixed in tests). */
export interface Deps {
  db: Database.Database;
  now: () => Date;
}
