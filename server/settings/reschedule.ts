// "Reschedule my cards": due dates of the cards in review brought to the settings in use (new FSRS
// parameters, another desired retention), as Anki's "reschedule cards on change" does. Without
// it a card keeps the interval it was given under the settings of its last answer.
import type { RescheduleResponse } from '../http/api-types.ts';
import { inTransaction, type Db } from '../store/index.ts';
import { previewReplan, replanCards } from './memory.ts';
import { getSettings } from './settings.ts';

/** What rescheduling would change now: the cards that move, and the reviews due before and after. */
export function reschedulePreview(db: Db, now: Date): RescheduleResponse {
  return { ...previewReplan(db, getSettings(db), true, now), applied: false };
}

/** Reschedules every card in review to the settings in use, in one transaction; the figures say what moved. */
export function rescheduleCards(db: Db, now: Date): RescheduleResponse {
  return inTransaction(db, () => ({ ...replanCards(db, getSettings(db), true, now), applied: true }));
}
