// A card's answers replayed under other settings: the card as it would stand had every answer
// been given under them. What rescheduling after new FSRS parameters or a new desired retention
// computes (Anki recomputes memory states from the revlog the same way).
import type { Rating } from '../http/api-types.ts';
import { answeredMemory, newCard, schedule } from './fsrs.ts';
import type { SchedCard, SchedSettings } from './types.ts';

/** One answer of a card: its rating and when it was given (ms). */
export interface Answer {
  rating: Rating;
  at: number;
}

/**
 * The card after `answers` (oldest first), each scheduled by the drill's own `schedule` at the
 * time it was given: with the settings a card was answered under, exactly its stored state.
 */
export function replay(answers: readonly Answer[], settings: SchedSettings): SchedCard {
  let card = newCard(new Date(answers.length ? answers[0]!.at : 0));
  // Every answer but the last moves the memory state; the last also sets the due date.
  for (let k = 0; k < answers.length - 1; k++) card = answeredMemory(card, answers[k]!.rating, new Date(answers[k]!.at), settings);
  const last = answers[answers.length - 1];
  return last ? schedule(card, last.rating, new Date(last.at), settings).card : card;
}
