// Choosing the next card and counting what is left today.
import type { Counts, Settings } from '../http/api-types.ts';
import { choosePile, dayWindow, learnAheadMs, type DayWindow } from '../scheduling/index.ts';
import { cardsStore, reviewsStore, type Db } from '../store/index.ts';

export interface QueueView {
  cardId: number | null;
  counts: Counts;
  /** Until this instant (ms), with no write in between, the same card and counts hold. */
  validUntil: number;
}

interface Limits {
  window: DayWindow;
  reviewsDone: number;
  newDone: number;
  reviewsAllowed: number;
  newAllowed: number;
}

function limits(db: Db, now: Date, settings: Settings): Limits {
  const window = dayWindow(now, settings);
  const { newDone, reviewsDone } = reviewsStore.doneBetween(db, window.start.getTime(), window.end.getTime());
  return {
    window,
    reviewsDone,
    newDone,
    reviewsAllowed: Math.max(0, settings.reviewCap - reviewsDone),
    newAllowed: Math.max(0, settings.newCardsPerDay - newDone),
  };
}

function counts(db: Db, now: number, l: Limits): Counts {
  const end = l.window.end.getTime();
  return {
    new: cardsStore.countNewAvailable(db, now, l.newAllowed),
    learning: cardsStore.countLearningBefore(db, end),
    review: cardsStore.countReviewsDue(db, end, now, l.reviewsAllowed),
  };
}

export function queueCounts(db: Db, now: Date, settings: Settings): Counts {
  return counts(db, now.getTime(), limits(db, now, settings));
}

export function chooseNext(db: Db, now: Date, settings: Settings): QueueView {
  const t = now.getTime();
  const l = limits(db, now, settings);
  const c = counts(db, t, l);
  const learningId = cardsStore.firstLearningDue(db, t);
  const pile = choosePile({
    learningDue: learningId !== null,
    reviewsLeft: c.review,
    newLeft: c.new,
    reviewsDone: l.reviewsDone,
    newDone: l.newDone,
  });
  let cardId: number | null = null;
  if (pile === 'learning') cardId = learningId;
  else if (pile === 'review') cardId = cardsStore.firstReviewDue(db, l.window.end.getTime(), t);
  else if (pile === 'new') cardId = cardsStore.firstNew(db, t);
  // Time alone changes the answer at the day's end and when the next learning card falls due
  // (counts depend only on the day: burials end at day boundaries).
  let validUntil = Math.min(l.window.end.getTime(), cardsStore.firstLearningAfter(db, t) ?? Infinity);
  if (cardId === null) {
    // Nothing else left today: a learning step due within the learn-ahead limit comes early.
    cardId = cardsStore.firstLearningDue(db, t + learnAheadMs);
    validUntil = Math.min(validUntil, (cardsStore.firstLearningAfter(db, t + learnAheadMs) ?? Infinity) - learnAheadMs);
  }
  return { cardId, counts: c, validUntil };
}

/** Whether a card is one the queue could serve now (due, or learning within the learn-ahead limit). */
export function isServable(state: string, due: number, now: Date, settings: Settings): boolean {
  if (state === 'new') return true;
  if (state === 'review') return due < dayWindow(now, settings).end.getTime();
  return due <= now.getTime() + learnAheadMs;
}
