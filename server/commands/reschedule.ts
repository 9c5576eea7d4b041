// `cli reschedule [--apply] [--json]`: what bringing the cards in review to the settings in use
// (desired retention, FSRS parameters) would move, and with --apply moving them, as the Settings
// page's "Due dates" does. --json prints the RescheduleResponse the API serves.
import type { RescheduleResponse } from '../http/api-types.ts';
import { getSettings, rescheduleCards, reschedulePreview } from '../settings/index.ts';
import { CliError } from './cli-error.ts';
import { databaseConfig, plural, processIo, withDatabase, type CommandIo } from './io.ts';

const usage = 'usage: reschedule [--apply] [--json]';

const horizon = (days: number) => (days === 1 ? 'today' : `in ${days} days`);

export function formatReschedule(r: RescheduleResponse, settings: { desiredRetention: number; weights: number[] | null }): string {
  const lines = [
    `settings in use: desired retention ${Math.round(settings.desiredRetention * 100)}%, ${settings.weights ? 'your own FSRS parameters' : 'the default FSRS parameters'}`,
    `${plural(r.cards, 'card')} studied; ${plural(r.moved, 'card')} in review ${r.applied ? 'moved' : r.moved ? 'would move' : 'to move: their due dates follow these settings'}`,
  ];
  if (r.memoryChanged) lines.push(`${plural(r.memoryChanged, 'memory state')} ${r.applied ? 'recomputed' : 'to recompute'}`);
  lines.push(`reviews due   ${r.applied ? 'before' : 'now'.padEnd(6)}  after`);
  for (const d of r.due) lines.push(`${horizon(d.days).padEnd(14)}${String(d.before).padEnd(8)}${d.after}`);
  if (!r.applied && r.moved) lines.push('run with --apply to move them (undo in the drill then stops at this point)');
  return lines.join('\n') + '\n';
}

export async function run(args: string[], io: CommandIo = processIo): Promise<void> {
  const unknown = args.filter((a) => a !== '--json' && a !== '--apply');
  if (unknown.length) throw new CliError(`unknown argument ${unknown[0]} (${usage})`);
  const { dbPath, now } = databaseConfig(io.env);
  const { result, settings } = await withDatabase(dbPath, (db) => ({
    result: args.includes('--apply') ? rescheduleCards(db, now()) : reschedulePreview(db, now()),
    settings: getSettings(db),
  }));
  io.out(args.includes('--json') ? JSON.stringify(result) + '\n' : formatReschedule(result, settings));
}
