// Cards brought in line with the scheduler's settings: each studied card's answers replayed under
// them (scheduling/replay), its memory state (stability, difficulty) and, on request, its review's
// due date taken from the replay. Used when new FSRS parameters come into use (memory states
// only, as Anki recomputes them) and when the user reschedules (due dates too).
import type { RescheduleResponse } from '../http/api-types.ts';
import { dayWindow, replay, type SchedCard, type SchedSettings, type DaySettings } from '../scheduling/index.ts';
import { cardsStore, reviewsStore, type Db } from '../store/index.ts';
import { writeUndoBarrier } from '../store/settings.ts';

/** What the replay changes about one card. */
interface Change {
  id: number;
  card: SchedCard;
  /** The due date moves too (a card in review before and after). */
  due: boolean;
}

/** The horizons the due counts are given for, in study days from today. */
const horizons = [1, 7, 30];
const dayMs = 86_400_000;
// Stabilities and difficulties are doubles computed the same way: a replay under the same
// parameters gives the very same numbers, and anything else differs by far more than this.
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/**
 * The changes replaying every studied card under `settings` makes; with `dues`, review due dates
 * included. A card whose answers do not account for its state (fewer or more repetitions than
 * answers, which no path of the app leaves) is left as it is.
 */
function plan(db: Db, settings: SchedSettings & DaySettings, dues: boolean, now: Date): Omit<RescheduleResponse, 'applied'> & { changes: Change[] } {
  const today = dayWindow(now, settings).end.getTime();
  const ends = horizons.map((days) => today + (days - 1) * dayMs);
  const due = horizons.map((days) => ({ days, before: 0, after: 0 }));
  const changes: Change[] = [];
  let cards = 0;
  let memoryChanged = 0;
  let moved = 0;
  cardsStore.forEachStudiedCard(db, (card, answers) => {
    cards++;
    const was = card.sched;
    const next = replay(answers, settings);
    const accounted = next.reps === was.reps;
    const memory = accounted && !(same(next.stability, was.stability) && same(next.difficulty, was.difficulty));
    const move = accounted && dues && was.state === 'review' && next.state === 'review' && next.due.getTime() !== was.due.getTime();
    if (memory) memoryChanged++;
    if (move) moved++;
    if (memory || move) changes.push({ id: card.id, card: next, due: move });
    if (card.served && was.state === 'review') {
      const after = move ? next.due.getTime() : was.due.getTime();
      for (let k = 0; k < ends.length; k++) {
        if (was.due.getTime() < ends[k]!) due[k]!.before++;
        if (after < ends[k]!) due[k]!.after++;
      }
    }
  });
  return { cards, memoryChanged, moved, due, changes };
}

/**
 * Replays every studied card under `settings` and writes what changes: memory states, and with
 * `dues` the due dates of cards in review. Call inside the transaction that makes the settings
 * the ones in use. Undo no longer reaches the answers given before.
 */
export function replanCards(db: Db, settings: SchedSettings & DaySettings, dues: boolean, now: Date): Omit<RescheduleResponse, 'applied'> {
  const { changes, ...figures } = plan(db, settings, dues, now);
  for (const c of changes) cardsStore.saveMemoryState(db, c.id, c.card, c.due);
  if (changes.length) writeUndoBarrier(db, reviewsStore.lastReview(db)?.seq ?? 0);
  return figures;
}

/** What replanCards would change, nothing written. */
export function previewReplan(db: Db, settings: SchedSettings & DaySettings, dues: boolean, now: Date): Omit<RescheduleResponse, 'applied'> {
  const { changes: _, ...figures } = plan(db, settings, dues, now);
  return figures;
}
