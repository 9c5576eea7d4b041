// `cli reschedule`: what moving the cards in review to the settings in use would do, and doing it
// with --apply; the figures are the service's, the database changes only with --apply.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../../server/commands/cli-error.ts';
import type { CommandIo } from '../../server/commands/io.ts';
import { run } from '../../server/commands/reschedule.ts';
import type { RescheduleResponse } from '../../server/http/api-types.ts';
import { importExtraction } from '../../server/library/index.ts';
import { reschedulePreview, updateSettings } from '../../server/settings/index.ts';
import { openDatabase } from '../../server/store/index.ts';
import { extraction } from '../library/fixtures.ts';
import { drillDays } from '../settings/history.ts';

const start = new Date('2026-03-02T01:00:00Z');
const later = '2026-04-11T01:00:00Z';
let dir: string;
let out = '';
let io: CommandIo;

/** Forty days drilled at the default retention, then the retention lowered to 80%. */
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duizhao-cli-reschedule-'));
  out = '';
  const env = { DUIZHAO_DB: join(dir, 'duizhao.db'), DUIZHAO_NOW: later };
  io = { out: (s) => (out += s), err: () => {}, errIsTty: false, env };
  const db = openDatabase(env.DUIZHAO_DB);
  updateSettings(db, { timeZone: 'Asia/Shanghai', newCardsPerDay: 6 });
  importExtraction(db, { title: 'Cyber governance', format: 'interleaved', contentHash: 'h', extraction, now: start });
  drillDays(db, start, 40);
  updateSettings(db, { desiredRetention: 0.8 });
  db.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function preview(): RescheduleResponse {
  const db = openDatabase(io.env.DUIZHAO_DB!);
  try {
    return reschedulePreview(db, new Date(later));
  } finally {
    db.close();
  }
}

describe('cli reschedule', () => {
  it('says what would move, moves it with --apply, and then finds nothing to move', async () => {
    const expected = preview();
    expect(expected.moved).toBeGreaterThan(0);
    await run([], io);
    expect(out).toContain('settings in use: desired retention 80%, the default FSRS parameters');
    expect(out).toContain(`cards studied; ${expected.moved} cards in review would move`);
    const today = expected.due[0]!;
    expect(out).toMatch(new RegExp(`^today +${today.before} +${today.after}$`, 'm'));
    expect(out).toContain('run with --apply to move them');
    expect(preview()).toEqual(expected); // a preview changes nothing

    out = '';
    await run(['--apply', '--json'], io);
    expect(JSON.parse(out)).toEqual({ ...expected, applied: true });

    out = '';
    await run([], io);
    expect(out).toContain('0 cards in review to move: their due dates follow these settings');
    expect(out).not.toContain('--apply');
  });

  it('refuses an unknown argument', async () => {
    await expect(run(['--force'], io)).rejects.toThrow(CliError);
    await expect(run(['--force'], io)).rejects.toThrow(/unknown argument --force \(usage: reschedule \[--apply\] \[--json\]\)/);
  });
});
