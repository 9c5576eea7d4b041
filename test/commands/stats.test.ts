// `cli stats`: a readable summary or the API's StatsResponse as JSON, from DUIZHAO_DB.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError } from '../../server/commands/cli-error.ts';
import type { CommandIo } from '../../server/commands/io.ts';
import { formatStats, run } from '../../server/commands/stats.ts';
import type { StatsResponse } from '../../server/http/api-types.ts';
import { openDatabase } from '../../server/store/index.ts';

let dir: string;
let out: string;
let io: CommandIo;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duizhao-stats-'));
  out = '';
  io = { out: (s) => (out += s), err: () => {}, errIsTty: false, env: { DUIZHAO_DB: join(dir, 'duizhao.db'), DUIZHAO_NOW: '2026-03-02T09:00:00Z' } };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const stats: StatsResponse = {
  today: { reviews: 42, newCards: 12, again: 5, timeMs: 754_000, due: 30 },
  counts: { new: 8, learning: 2, review: 18 },
  streak: 6,
  heatmap: [],
  forecast: [],
  retention: { desired: 0.9, today: 0.8, last7: 0.873, last30: null, byDay: [], byWeek: [] },
  cardsByState: { new: 300, learning: 4, review: 120, relearning: 1, suspended: 3 },
  timeByDay: [],
  byKind: [
    { kind: 'term', direction: 'zh-en', cards: 95, inReview: 40, mastered: 14, answers: 60, retention: 0.9, reviewAnswers: 30, medianMs: 3200 },
    { kind: 'term', direction: 'en-zh', cards: 95, inReview: 30, mastered: 9, answers: 50, retention: 0.75, reviewAnswers: 20, medianMs: 5100 },
    { kind: 'sentence', direction: 'zh-en', cards: 27, inReview: 0, mastered: 0, answers: 4, retention: null, reviewAnswers: 0, medianMs: 30000 },
  ],
  forgotten: [{ id: 7, zh: '网络生态治理', en: 'cyber ecosystem governance', again: 3, answers: 5, leech: false }],
  sources: [
    { id: 1, title: 'Cyber ecosystem governance', format: 'interleaved', importedAt: '2026-02-01T00:00:00Z', sentences: 27, terms: 95, cards: 339, mastered: 14, counts: { new: 6, learning: 1, review: 3 }, reviewAnswers: 40, retention: 0.825 },
    { id: 2, title: '第二篇', format: 'glossary', importedAt: '2026-02-02T00:00:00Z', sentences: 0, terms: 5, cards: 10, mastered: 0, counts: { new: 10, learning: 0, review: 0 }, reviewAnswers: 0, retention: null },
  ],
};

describe('cli stats', () => {
  it('formats a readable summary', () => {
    expect(formatStats(stats)).toBe(
      [
        'today     42 reviews (5 again), 12 new, 12m 34s',
        'due       30 today · now: 8 new, 2 learning, 18 review',
        'streak    6 days',
        'retention 87% last 7 days · – last 30 days (desired 90%)',
        'cards     300 new · 4 learning · 120 review · 1 relearning · 3 suspended',
        'by kind   term zh-en 90% of 30 · term en-zh 75% of 20',
        'forgotten 网络生态治理 ×3',
        'sources   Cyber ecosystem governance (#1): 14/95 terms mastered · retention 83% of 40 · now: 6 new, 1 learning, 3 review',
        '          第二篇 (#2): 0/5 terms mastered · now: 10 new, 0 learning, 0 review',
        '',
      ].join('\n'),
    );
  });

  it('reads an empty database', async () => {
    openDatabase(io.env.DUIZHAO_DB!).close();
    await run([], io);
    expect(out).toContain('today     0 reviews (0 again), 0 new, 0s');
    expect(out).toContain('streak    0 days');
    expect(out).toContain('sources   none yet');
  });

  it('prints the StatsResponse as JSON with --json', async () => {
    openDatabase(io.env.DUIZHAO_DB!).close();
    await run(['--json'], io);
    const parsed = JSON.parse(out) as StatsResponse;
    expect(parsed.today).toEqual({ reviews: 0, newCards: 0, again: 0, timeMs: 0, due: 0 });
    expect(out.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a missing database without creating one, and unknown arguments', async () => {
    await expect(run([], io)).rejects.toThrow(/no database at .*duizhao\.db/);
    expect(existsSync(io.env.DUIZHAO_DB!)).toBe(false);
    await expect(run(['--yaml'], io)).rejects.toThrow(CliError);
  });
});
