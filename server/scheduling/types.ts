// The scheduler's view of a card: ts-fsrs's Card in our naming, so no other module sees ts-fsrs.
import type { CardState, Rating } from '../http/api-types.ts';

export interface SchedCard {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardState;
  lastReview: Date | null;
}

/** One answer as FSRS logs it: the card's memory state before the answer, and when. */
export interface SchedLog {
  rating: Rating;
  state: CardState;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  review: Date;
}

export interface Scheduled {
  card: SchedCard;
  log: SchedLog;
}

/** What the scheduler needs from the user's settings. */
export interface SchedSettings {
  desiredRetention: number;
  learningSteps: string[];
  relearningSteps: string[];
  enableFuzz: boolean;
  weights: number[] | null;
}

/** Day boundaries under the settings' time zone and day start. */
export interface DaySettings {
  dayStartHour: number;
  timeZone: string;
}
