import { Hono } from 'hono';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { backupName, backupTo, backupsDir, listBackups } from '../../store/index.ts';
import type { BackupsResponse } from '../api-types.ts';
import { attachment } from '../attachment.ts';
import type { Deps } from '../deps.ts';

/** GET /api/backup: a consistent copy of the whole database, to download and keep; /list: the automatic ones. */
export function backupRoutes({ db, now }: Deps) {
  return new Hono()
    .get('/list', (c) => {
      const found = db.memory ? [] : listBackups(backupsDir(db.name));
      return c.json({
        backups: found.map((b) => ({ name: basename(b.path), takenAt: b.takenAt.toISOString(), bytes: b.bytes })),
      } satisfies BackupsResponse);
    })
    .get('/', async (c) => {
      const dir = mkdtempSync(join(tmpdir(), 'duizhao-backup-'));
      try {
        const name = backupName(now());
        const path = join(dir, name);
        await backupTo(db, path);
        return c.body(readFileSync(path), 200, attachment('application/vnd.sqlite3', name));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
}
