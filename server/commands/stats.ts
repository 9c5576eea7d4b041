// `cli stats [--json]`: today's work, what is due, the streak and true retention, read from the
// database at DUIZHAO_DB; --json prints the same StatsResponse the API serves.
import type { StatsResponse } from '../http/api-types.ts';
import { getStats } from '../stats/index.ts';
import { CliError } from './cli-error.ts';
import { databaseConfig, plural, processIo, withDatabase, type CommandIo } from './io.ts';

function percent(x: number | null): string {
  return x === null ? '–' : `${Math.round(x * 100)}%`;
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}


export function formatStats(stats: StatsResponse): string {
  const { today, counts, retention, cardsByState: c } = stats;
  const lines: [string, string][] = [
    [
      'today',
      `${plural(today.reviews, 'review')} (${today.again} again), ${today.newCards} new, ${duration(today.timeMs)}`,
    ],
    ['due', `${today.due} today · now: ${counts.new} new, ${counts.learning} learning, ${counts.review} review`],
    ['streak', plural(stats.streak, 'day')],
    [
      'retention',
      `${percent(retention.last7)} last 7 days · ${percent(retention.last30)} last 30 days (desired ${percent(retention.desired)})`,
    ],
    [
      'cards',
      `${c.new} new · ${c.learning} learning · ${c.review} review · ${c.relearning} relearning · ${c.suspended} suspended`,
    ],
  ];
  // What is sticking: true retention per kind of card over 30 days, and the terms forgotten most.
  const kinds = stats.byKind.filter((k) => k.reviewAnswers > 0);
  if (kinds.length) {
    lines.push([
      'by kind',
      kinds.map((k) => `${k.kind} ${k.direction} ${percent(k.retention)} of ${k.reviewAnswers}`).join(' · '),
    ]);
  }
  if (stats.forgotten.length) lines.push(['forgotten', stats.forgotten.slice(0, 5).map((t) => `${t.zh} ×${t.again}`).join(' · ')]);
  for (const source of stats.sources) {
    const now = source.counts;
    lines.push([
      lines.some(([k]) => k === 'sources') ? '' : 'sources',
      `${source.title} (#${source.id}): ${source.mastered}/${source.terms} terms mastered` +
        (source.reviewAnswers ? ` · retention ${percent(source.retention)} of ${source.reviewAnswers}` : '') +
        ` · now: ${now.new} new, ${now.learning} learning, ${now.review} review`,
    ]);
  }
  if (stats.sources.length === 0) lines.push(['sources', 'none yet: `import FILE` adds one']);
  return lines.map(([k, v]) => `${k.padEnd(10)}${v}`).join('\n') + '\n';
}

export async function run(args: string[], io: CommandIo = processIo): Promise<void> {
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length) throw new CliError(`unknown argument ${unknown[0]} (usage: stats [--json])`);
  const { dbPath, now } = databaseConfig(io.env);
  const stats = await withDatabase(dbPath, (db) => getStats(db, now()));
  io.out(args.includes('--json') ? JSON.stringify(stats) + '\n' : formatStats(stats));
}
