// Choosing the next card and counting what is left today.
import type { Counts, Settings } from '../http/api-types.ts';
import { choosePile, dayWindow, learnAheadMs, type DayWindow } from '../scheduling/index.ts';
import { cardsStore, reviewsStore, sourcesStore, type Db } from '../store/index.ts';
import type { Focus } from '../store/cards.ts';
import { newCardsExtension } from '../store/settings.ts';

/**
 * The size of a pile of cards the queue could serve today, counted only as far as needed: when
 * `exact`, the pile holds `size` cards; otherwise at least `size`. Shown counts are capped by the
 * day's limits, so counting past the limit (plus some slack for later answers) is wasted work.
 */
export interface Pile {
  size: number;
  exact: boolean;
}

/** What holds for a whole study day until the data changes: limits left, piles and counts. */
export interface DayQueue {
  /** The source whose cards alone are served, or null for all. */
  focus: Focus;
  window: DayWindow;
  /** Reviews due before this instant are served: the day's end, or later when reviewing ahead. */
  reviewsUntil: number;
  reviewsDone: number;
  newDone: number;
  reviewsAllowed: number;
  newAllowed: number;
  newPile: Pile;
  reviewPile: Pile;
  counts: Counts;
}

/**
 * How far past today's limit a pile is counted: each answer moves a pile and its limit down
 * together, and only a buried sibling shrinks the pile alone, so the count stays known for many
 * answers before the pile must be counted again.
 */
const slack = 64;

/** New cards held back by the day's limit, and reviews ahead, are counted up to this many. */
const maxWaiting = 1000;
const dayMs = 86_400_000;

/** Counts a pile up to its limit plus slack; a shorter pile is counted exactly. */
export function countPile(allowed: number, count: (limit: number) => number): Pile {
  if (allowed <= 0) return { size: 0, exact: false };
  const limit = allowed + slack;
  const size = count(limit);
  return { size, exact: size < limit };
}

/** The count shown for a pile under its limit; null when the pile must be counted again to know. */
export function shownCount(pile: Pile, allowed: number): number | null {
  if (allowed <= 0) return 0;
  if (pile.exact || pile.size >= allowed) return Math.min(pile.size, allowed);
  return null;
}

export interface QueueView {
  cardId: number | null;
  counts: Counts;
  day: DayQueue;
  /** Until this instant (ms), with no write in between, the same card holds. */
  validUntil: number;
}

/**
 * Counts and limits of the study day containing `now`. Within the day they do not depend on
 * the time: burials end at day boundaries and every cut-off is the day's end. Focused on a
 * source, the piles hold its cards alone; the day's limits stay the whole collection's (new
 * cards met in a focused drill count against the same daily limit, as under Anki's parent deck).
 */
export function dayQueue(db: Db, now: Date, settings: Settings, focus: Focus = null, aheadDays = 0): DayQueue {
  const window = dayWindow(now, settings);
  const t = now.getTime();
  const end = window.end.getTime();
  const reviewsUntil = end + aheadDays * dayMs;
  const { newDone, reviewsDone } = reviewsStore.doneBetween(db, window.start.getTime(), end);
  const reviewsAllowed = Math.max(0, settings.reviewCap - reviewsDone);
  const newAllowed = Math.max(0, settings.newCardsPerDay + newCardsExtension(db, window.day) - newDone);
  const newPile = countPile(newAllowed, (limit) => cardsStore.countNewAvailable(db, t, limit, focus));
  const reviewPile = countPile(reviewsAllowed, (limit) => cardsStore.countReviewsDue(db, reviewsUntil, t, limit, focus));
  return {
    focus,
    window,
    reviewsUntil,
    reviewsDone,
    newDone,
    reviewsAllowed,
    newAllowed,
    newPile,
    reviewPile,
    counts: {
      new: shownCount(newPile, newAllowed)!,
      learning: cardsStore.countLearningBefore(db, end, focus),
      review: shownCount(reviewPile, reviewsAllowed)!,
    },
  };
}

export function queueCounts(db: Db, now: Date, settings: Settings, focus: Focus = null, aheadDays = 0): Counts {
  return dayQueue(db, now, settings, focus, aheadDays).counts;
}

/**
 * queueCounts focused on each source in turn, for every source at once (Today's "Study · 3 due ·
 * 12 new" beside each text): each source's piles counted in one pass, under the collection's
 * limits for the day.
 */
export function sourcesCounts(db: Db, now: Date, settings: Settings): Map<number, Counts> {
  const day = dayQueue(db, now, settings);
  const piles = sourcesStore.focusedPiles(db, day.window.end.getTime(), now.getTime());
  // Each pile counted whole: its shown count is the one a focused queue shows.
  const shown = (size: number, allowed: number) => shownCount({ size, exact: true }, allowed)!;
  const out = new Map<number, Counts>();
  for (const [id, p] of piles) out.set(id, { new: shown(p.new, day.newAllowed), learning: p.learning, review: shown(p.review, day.reviewsAllowed) });
  return out;
}

/** Reviews falling due in the `days` after the study day (counted up to 1,000): what reviewing ahead would serve. */
export function reviewsAhead(db: Db, now: Date, settings: Settings, days: number, focus: Focus = null): number {
  const end = dayWindow(now, settings).end.getTime();
  const t = now.getTime();
  return cardsStore.countReviewsDueBetween(db, end, end + days * dayMs, t, maxWaiting, focus);
}

/** New cards the queue could serve now beyond what today's limit still lets in (counted up to 1,000). */
export function newCardsHeldBack(db: Db, now: Date, settings: Settings, focus: Focus = null): number {
  const day = dayQueue(db, now, settings, focus);
  return Math.max(0, cardsStore.countNewAvailable(db, now.getTime(), maxWaiting, focus) - day.counts.new);
}

/** The card to serve at `now`, given the day's queue; and until when that choice holds. */
export function pickCard(db: Db, now: Date, day: DayQueue): QueueView {
  const t = now.getTime();
  const c = day.counts;
  const focus = day.focus;
  const learningId = cardsStore.firstLearningDue(db, t, focus);
  const pile = choosePile({
    learningDue: learningId !== null,
    reviewsLeft: c.review,
    newLeft: c.new,
    reviewsDone: day.reviewsDone,
    newDone: day.newDone,
  });
  let cardId: number | null = null;
  if (pile === 'learning') cardId = learningId;
  else if (pile === 'review') cardId = cardsStore.firstReviewDue(db, day.reviewsUntil, t, focus);
  else if (pile === 'new') cardId = cardsStore.firstNew(db, t, focus);
  // Time alone changes the choice at the day's end and when the next learning card falls due.
  let validUntil = Math.min(day.window.end.getTime(), cardsStore.firstLearningAfter(db, t, focus) ?? Infinity);
  if (cardId === null) {
    // Nothing else left today: a learning step due within the learn-ahead limit comes early.
    cardId = cardsStore.firstLearningDue(db, t + learnAheadMs, focus);
    validUntil = Math.min(validUntil, (cardsStore.firstLearningAfter(db, t + learnAheadMs, focus) ?? Infinity) - learnAheadMs);
  }
  return { cardId, counts: c, day, validUntil };
}

export function chooseNext(db: Db, now: Date, settings: Settings, focus: Focus = null, aheadDays = 0): QueueView {
  return pickCard(db, now, dayQueue(db, now, settings, focus, aheadDays));
}

/** Whether a card is one the queue could serve now (due, or learning within the learn-ahead limit). */
export function isServable(state: string, due: number, now: Date, settings: Settings): boolean {
  if (state === 'new') return true;
  if (state === 'review') return due < dayWindow(now, settings).end.getTime();
  return due <= now.getTime() + learnAheadMs;
}
