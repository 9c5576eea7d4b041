import { Hono } from 'hono';
import { createReadStream, fstatSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { NotFoundError } from '../../errors.ts';
import { restoreBackup } from '../../settings/index.ts';
import { backupName, backupTo, backupsDir, listBackups } from '../../store/index.ts';
import type { BackupsResponse } from '../api-types.ts';
import { attachment } from '../attachment.ts';
import type { Deps } from '../deps.ts';
import { requireJson, restoreSchema, valid } from '../validation.ts';

/**
 * GET /api/backup: a consistent copy of the whole database, to download and keep; /list: the
 * automatic ones; POST /restore: one of them put back.
 */
export function backupRoutes({ db, now }: Deps) {
  return new Hono()
    .get('/list', (c) => {
      const found = db.memory ? [] : listBackups(backupsDir(db.name));
      return c.json({
        backups: found.map((b) => ({ name: basename(b.path), takenAt: b.takenAt.toISOString(), bytes: b.bytes })),
      } satisfies BackupsResponse);
    })
    .post('/restore', requireJson, valid('json', restoreSchema), async (c) => {
      const { name } = c.req.valid('json');
      const found = db.memory ? undefined : listBackups(backupsDir(db.name)).find((b) => basename(b.path) === name);
      if (!found) throw new NotFoundError(`no backup ${name}`);
      return c.json(await restoreBackup(db, db.name, found.path, now()));
    })
    .get('/', async (c) => {
      const dir = mkdtempSync(join(tmpdir(), 'duizhao-backup-'));
      let fd: number;
      const name = backupName(now());
      try {
        const path = join(dir, name);
        await backupTo(db, path);
        // Streamed from the open file, which is already gone from the directory: years of reviews
        // are not read into memory, and nothing is left behind however the download ends.
        fd = openSync(path, 'r');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const size = fstatSync(fd).size;
      const stream = Readable.toWeb(createReadStream('', { fd, autoClose: true })) as ReadableStream<Uint8Array>;
      return c.body(stream, 200, { ...attachment('application/vnd.sqlite3', name), 'content-length': String(size) });
    });
}
