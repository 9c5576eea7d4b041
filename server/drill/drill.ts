// The drill services: next card, answer (atomic, idempotent by reviewId), undo, suspend.
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import type { AnswerRequest, AnswerResponse, CardState, DrillCard, DrillFocus, ExtendResponse, ExtendStatus, NextResponse, Rating, Settings, SuspendedCardsResponse, UndoResponse } from '../http/api-types.ts';
import { dayWindow, previewIntervals, previewIntervalsJson, schedule, stateName, type SchedCard } from '../scheduling/index.ts';
import { getSettings, settingsAt } from '../settings/index.ts';
import { cardsStore, contentVersion, inTransaction, readVersions, reviewsStore, sameVersions, segmentsStore, versionKey, type Db, type Versions } from '../store/index.ts';
import type { CardRecord, Focus } from '../store/cards.ts';
import { newCardsExtension, undoBarrier, writeNewCardsExtension } from '../store/settings.ts';
import type { ReviewRecord } from '../store/reviews.ts';
import { buildDrillCard } from './drill-card.ts';
import { chooseNext, countPile, dayQueue, isServable, newCardsHeldBack, pickCard, queueCounts, reviewsAhead, shownCount, type DayQueue, type Pile, type QueueView } from './queue.ts';
import { scoreAnswer } from './score.ts';

/**
 * For clients that do not send `reps`: within this long of a card's last answer, another answer
 * with a new reviewId is a second tab racing for it. Short, because a learning card can
 * legitimately be served again right after its answer (learn-ahead) and answered within seconds.
 */
const raceWindowMs = 3_000;
/** Answer times above this are a user who walked away; capped so time statistics stay honest. */
const maxDurationMs = 10 * 60_000;

// The drill asks for the next card far more often than anything changes: keep the last queue
// view per database while no row has changed and no learning card or day boundary has come
// due, and the card built for it. Only the interval previews depend on the exact time; they
// are computed on every call.
interface ViewCache {
  version: Versions;
  settings: Settings;
  /** The focused source, if the view is of one source's cards. */
  focus: FocusedSource | null;
  /** Days of reviews ahead it serves (0: today's). */
  ahead: number;
  from: number;
  view: QueueView;
  /** What follows `"counts":` in a response, to its closing brace, as UTF-8: the counts and, when focused, the focus. */
  end?: Buffer;
  card?: { record: CardRecord; drill: DrillCard; json?: CardJson } | null;
}

/**
 * The response around a card's intervals, the only part that changes with the time, as UTF-8:
 * `{"card":…"intervals":` and `…,"counts":`. Encoded once: the card's Chinese text makes the
 * whole response a two-byte string, which costs more to join, measure and encode than to copy.
 */
interface CardJson {
  head: Buffer;
  tail: Buffer;
}
const viewCache = new WeakMap<Db, ViewCache>();

/** A drill of one source's cards: the source, and its `"focus"` member of a response as JSON. */
interface FocusedSource extends DrillFocus {
  json: string;
}

/** The focused source, or a 404 when there is none by that id (deleted while a tab drilled it). */
function focusedSource(db: Db, focus: Focus): FocusedSource | null {
  if (focus === null) return null;
  const title = segmentsStore.sourceTitle(db, focus);
  if (title === null) throw new NotFoundError(`no source ${focus}`);
  return { id: focus, title, json: JSON.stringify({ id: focus, title }) };
}

function cachedView(db: Db, now: Date, settings: Settings, version: Versions, focus: Focus, ahead: number): ViewCache {
  const t = now.getTime();
  const hit = viewCache.get(db);
  const same =
    hit && sameVersions(hit.version, version) && hit.settings === settings && (hit.focus?.id ?? null) === focus && hit.ahead === ahead;
  if (same && t >= hit.from && t < hit.view.validUntil) return hit;
  const day = same ? hit.view.day : undefined;
  // Same data, same study day: the counts stand; only the choice of card moves with the clock.
  const view =
    day && t >= day.window.start.getTime() && t < day.window.end.getTime()
      ? pickCard(db, now, day)
      : chooseNext(db, now, settings, focus, ahead);
  const fresh: ViewCache = { version, settings, focus: same ? hit.focus : focusedSource(db, focus), ahead, from: t, view };
  viewCache.set(db, fresh);
  return fresh;
}

/** The view's card, built (and kept with the view) the first time it is asked for. */
function cachedCard(db: Db, entry: ViewCache, now: Date, settings: Settings): ViewCache['card'] {
  if (entry.card === undefined && entry.view.cardId !== null) {
    const record = cardsStore.getCard(db, entry.view.cardId);
    const drill = record ? buildDrillCard(db, record, now, settings) : null;
    entry.card = record && drill ? { record, drill } : null;
  }
  return entry.card;
}

/**
 * The card to drill now, and the counts left today. With a focus (a source id), only that
 * source's cards are served and counted: its sentences', and its terms' wherever they came from.
 * With `aheadDays`, reviews due in that many days after today are served too (reviewing ahead).
 */
export function nextCard(db: Db, now: Date, focus: Focus = null, aheadDays = 0): NextResponse {
  const version = readVersions(db);
  const settings = settingsAt(db, version.data);
  const entry = cachedView(db, now, settings, version, focus, aheadDays);
  const counts = { ...entry.view.counts };
  const card = cachedCard(db, entry, now, settings);
  const response: NextResponse = card
    ? { card: { ...card.drill, intervals: previewIntervals(card.record.sched, now, settings) }, counts }
    : { card: null, counts };
  if (entry.focus) response.focus = { id: entry.focus.id, title: entry.focus.title };
  return response;
}

const intervalsKey = '"intervals":0';
const nullCardHead = Buffer.from('{"card":null,"counts":');

/**
 * `JSON.stringify(nextCard(db, now))` as UTF-8, byte for byte, for GET /api/drill/next: the
 * card's text (prompt, pinyin, terms, context) is serialised and encoded once per cached card
 * rather than per request; only the intervals, computed for `now` (plain ASCII, where latin1 and
 * UTF-8 bytes agree), are written each time, and the counts encoded once per view.
 */
export function nextCardBody(db: Db, now: Date, focus: Focus = null, aheadDays = 0): Uint8Array<ArrayBuffer> {
  const version = readVersions(db);
  const settings = settingsAt(db, version.data);
  const entry = cachedView(db, now, settings, version, focus, aheadDays);
  const card = cachedCard(db, entry, now, settings);
  const end = (entry.end ??= Buffer.from(`${JSON.stringify(entry.view.counts)}${entry.focus ? `,"focus":${entry.focus.json}` : ''}}`));
  if (!card) return Buffer.concat([nullCardHead, end]);
  let json = card.json;
  if (!json) {
    // The keys before "intervals" are ids and fixed words, so its first occurrence is the key.
    const whole = JSON.stringify({ ...card.drill, intervals: 0 });
    const at = whole.indexOf(intervalsKey);
    json = {
      head: Buffer.from(`{"card":${whole.slice(0, at + intervalsKey.length - 1)}`),
      tail: Buffer.from(`${whole.slice(at + intervalsKey.length)},"counts":`),
    };
    card.json = json;
  }
  const intervals = previewIntervalsJson(card.record.sched, now, settings);
  const body = Buffer.allocUnsafe(json.head.length + intervals.length + json.tail.length + end.length);
  let at = json.head.copy(body, 0);
  at += body.write(intervals, at, 'latin1');
  at += json.tail.copy(body, at);
  end.copy(body, at);
  return body;
}

function validateAnswer(req: AnswerRequest): void {
  if (typeof req !== 'object' || req === null) throw new InvalidInputError('answer must be an object');
  if (!Number.isInteger(req.cardId) || req.cardId <= 0) throw new InvalidInputError('cardId must be a positive whole number');
  if (![1, 2, 3, 4].includes(req.rating as number)) throw new InvalidInputError('rating must be 1, 2, 3 or 4');
  if (typeof req.reviewId !== 'string' || !req.reviewId.trim() || req.reviewId.length > 100)
    throw new InvalidInputError('reviewId must be a non-empty string of at most 100 characters');
  if (req.answer !== undefined && (typeof req.answer !== 'string' || req.answer.length > 20_000))
    throw new InvalidInputError('answer must be a string of at most 20000 characters');
  if (req.durationMs !== undefined && (typeof req.durationMs !== 'number' || !Number.isFinite(req.durationMs) || req.durationMs < 0))
    throw new InvalidInputError('durationMs must be a non-negative number');
  if (req.reps !== undefined && (!Number.isInteger(req.reps) || req.reps < 0))
    throw new InvalidInputError('reps must be a non-negative whole number');
}

function recordedResult(db: Db, review: ReviewRecord, now: Date, focus: Focus, aheadDays: number): AnswerResponse {
  const card = cardsStore.getCard(db, review.cardId);
  return {
    review: {
      id: review.id,
      cardId: review.cardId,
      rating: review.rating,
      reviewedAt: new Date(review.reviewedAt).toISOString(),
      score: review.score,
    },
    card: {
      id: review.cardId,
      state: stateName(review.nextState),
      due: new Date(review.nextDue).toISOString(),
      suspended: card?.suspended ?? false,
      leech: card?.leech ?? false,
    },
    counts: queueCounts(db, now, getSettings(db), focus, aheadDays),
    duplicate: true,
  };
}

/**
 * Records an answer. The counts returned are of the queue the answer came from: with a focus (a
 * source id), that source's cards alone; with `aheadDays`, reviews due that much later too.
 */
export function answerCard(db: Db, req: AnswerRequest, now: Date, focus: Focus = null, aheadDays = 0): AnswerResponse {
  validateAnswer(req);
  let after: ViewCache | null = null;
  const response = inTransaction(db, (): AnswerResponse => {
    const focused = focusedSource(db, focus);
    // Read under the write lock: one lock for the whole answer, and settings no other
    // connection can change before it commits.
    const version = readVersions(db);
    const settings = settingsAt(db, version.data);
    // The queue as cached before this write, if it is still the database's current state. A
    // focused queue is counted afresh (the answered card may not be one of its source's), and so
    // is a queue reviewing ahead.
    const prior = focus === null && aheadDays === 0 ? viewCache.get(db) : undefined;
    const priorDay =
      prior && prior.focus === null && prior.ahead === 0 && sameVersions(prior.version, version) && prior.settings === settings
        ? prior.view.day
        : undefined;
    const seen = reviewsStore.findReview(db, req.reviewId);
    if (seen) {
      if (seen.cardId === req.cardId && seen.rating === req.rating && (req.answer ?? null) === seen.answer)
        return recordedResult(db, seen, now, focus, aheadDays);
      throw new ConflictError(`review ${req.reviewId} was already recorded with a different answer`, 'review_id_reused');
    }
    const card = cardsStore.getCard(db, req.cardId);
    if (!card) throw new NotFoundError(`no card ${req.cardId}`);
    if (card.suspended || card.hidden) throw new ConflictError(`card ${card.id} is suspended`, 'card_suspended');
    if (req.reps !== undefined) {
      if (req.reps !== card.sched.reps) throw new ConflictError(`card ${card.id} was answered meanwhile`, 'stale_card');
    } else {
      if (!isServable(card.sched.state, card.sched.due.getTime(), now, settings))
        throw new ConflictError(`card ${card.id} is not due`, 'not_due');
      const last = card.sched.lastReview;
      if (last && now.getTime() - last.getTime() < raceWindowMs && now.getTime() >= last.getTime())
        throw new ConflictError(`card ${card.id} was answered meanwhile`, 'stale_card');
    }

    const before = cardsStore.cardSnapshot(db, card.id)!;
    const next = schedule(card.sched, req.rating, now, settings);
    const lapsed = req.rating === 1 && card.sched.state === 'review';
    const leechLapse = lapsed && isLeechLapse(next.card.lapses, settings.leechThreshold);
    const leech = card.leech || leechLapse;
    const suspended = card.suspended || leechLapse;
    cardsStore.saveSchedule(db, card.id, next.card, { suspended, leech });
    const burial = cardsStore.burySiblings(db, card, dayWindow(now, settings).end.getTime(), now.getTime());
    const score = req.answer === undefined ? null : scoreAnswer(db, card, req.answer, now, settings);
    reviewsStore.insertReview(db, {
      id: req.reviewId,
      cardId: card.id,
      log: next.log,
      next: next.card,
      reviewedAt: now,
      durationMs: req.durationMs === undefined ? null : Math.round(Math.min(req.durationMs, maxDurationMs)),
      answer: req.answer ?? null,
      score,
      prev: { card: before, siblings: burial.siblings },
    });
    // An answer moves no card into or out of a source: a focused drill's cards stand.
    cardsStore.focusOutlives(db, versionKey(version));
    // The queue after this answer is what the client asks for next; computed once, here. The
    // version is read inside the write lock, where no other connection can commit.
    const day =
      priorDay && withinDay(priorDay, now)
        ? dayAfterAnswer(db, priorDay, card, next.card, suspended, burial, now)
        : dayQueue(db, now, settings, focus, aheadDays);
    after = { version: readVersions(db), settings, focus: focused, ahead: aheadDays, from: now.getTime(), view: pickCard(db, now, day) };
    return {
      review: { id: req.reviewId, cardId: card.id, rating: req.rating, reviewedAt: now.toISOString(), score },
      card: { id: card.id, state: next.card.state, due: next.card.due.toISOString(), suspended, leech },
      counts: { ...after.view.counts },
      duplicate: false,
    };
  });
  // Cached only once committed.
  if (after) viewCache.set(db, after);
  return response;
}

function withinDay(day: DayQueue, now: Date): boolean {
  return now.getTime() >= day.window.start.getTime() && now.getTime() < day.window.end.getTime();
}

function countsAsLearningToday(state: CardState, due: number, suspended: boolean, day: DayQueue): boolean {
  return (state === 'learning' || state === 'relearning') && !suspended && due < day.window.end.getTime();
}

function queuedAt(card: CardRecord, t: number): boolean {
  return !card.suspended && card.hidden === 0 && (card.buriedUntil === null || card.buriedUntil <= t);
}

/**
 * The day's queue after one answer, from the queue before it: the answer moves one card from one
 * pile to another, logs one review, and buries siblings it reports, so every count is adjusted
 * rather than counted again (with thousands of reviews due, counting them dominated an answer).
 * Burials last to the day's end, so within the day the piles do not change with the clock alone.
 */
function dayAfterAnswer(
  db: Db,
  day: DayQueue,
  before: CardRecord,
  afterCard: SchedCard,
  suspendedAfter: boolean,
  burial: cardsStore.Burial,
  now: Date,
): DayQueue {
  const end = day.window.end.getTime();
  const t = now.getTime();
  const wasNew = before.sched.state === 'new';
  const wasReview = before.sched.state === 'review';
  const newDone = day.newDone + (wasNew ? 1 : 0);
  const reviewsDone = day.reviewsDone + (wasReview ? 1 : 0);
  const newAllowed = Math.max(0, day.newAllowed - (wasNew ? 1 : 0));
  const reviewsAllowed = Math.max(0, day.reviewsAllowed - (wasReview ? 1 : 0));
  const queuedBefore = queuedAt(before, t);
  const queuedAfter = queuedAt({ ...before, suspended: suspendedAfter }, t);
  const inNew = (state: CardState, queued: boolean) => (queued && state === 'new' ? 1 : 0);
  const inReview = (state: CardState, due: number, queued: boolean) => (queued && state === 'review' && due < end ? 1 : 0);
  const newPile = moved(
    day.newPile,
    inNew(afterCard.state, queuedAfter) - inNew(before.sched.state, queuedBefore) - burial.newAvailable,
  );
  const reviewPile = moved(
    day.reviewPile,
    inReview(afterCard.state, afterCard.due.getTime(), queuedAfter) -
      inReview(before.sched.state, before.sched.due.getTime(), queuedBefore) -
      burial.reviewsDue,
  );
  const learning =
    day.counts.learning -
    (countsAsLearningToday(before.sched.state, before.sched.due.getTime(), before.suspended, day) ? 1 : 0) +
    (countsAsLearningToday(afterCard.state, afterCard.due.getTime(), suspendedAfter, day) ? 1 : 0);
  const recounted = (pile: Pile, allowed: number, count: (limit: number) => number): [Pile, number] => {
    const shown = shownCount(pile, allowed);
    if (shown !== null) return [pile, shown];
    const fresh = countPile(allowed, count);
    return [fresh, shownCount(fresh, allowed)!];
  };
  const [newNow, newCount] = recounted(newPile, newAllowed, (limit) => cardsStore.countNewAvailable(db, t, limit));
  const [reviewNow, reviewCount] = recounted(reviewPile, reviewsAllowed, (limit) => cardsStore.countReviewsDue(db, end, t, limit));
  return {
    focus: day.focus,
    window: day.window,
    reviewsUntil: day.reviewsUntil,
    newDone,
    reviewsDone,
    newAllowed,
    reviewsAllowed,
    newPile: newNow,
    reviewPile: reviewNow,
    counts: { new: newCount, learning, review: reviewCount },
  };
}

/** A pile after cards joined (delta > 0) or left it; a lower bound stays a lower bound. */
function moved(pile: Pile, delta: number): Pile {
  return { size: Math.max(0, pile.size + delta), exact: pile.exact };
}

/** Takes back the last answer, whichever queue it came from; the counts are of the queue asked for. */
export function undoLast(db: Db, now: Date, focus: Focus = null, aheadDays = 0): UndoResponse {
  const settings = getSettings(db);
  return inTransaction(db, () => {
    focusedSource(db, focus);
    const before = contentVersion(db);
    const last = reviewsStore.lastReview(db);
    if (!last) throw new ConflictError('nothing to undo', 'nothing_to_undo');
    // Its card went with a deleted source: the answer stays in the history, with nothing to restore.
    if (!cardsStore.getCard(db, last.cardId)) throw new ConflictError('nothing to undo: the last answer\'s card was deleted', 'nothing_to_undo');
    // Rescheduling rewrote the cards from their answers since: putting one back as it stood before
    // its answer would undo the new parameters on it too.
    if (last.seq <= undoBarrier(db)) throw new ConflictError('nothing to undo: the cards were rescheduled after the last answer', 'nothing_to_undo');
    cardsStore.restoreCard(db, last.cardId, last.prev.card);
    cardsStore.restoreBurials(db, last.prev.siblings);
    reviewsStore.deleteReview(db, last.seq);
    cardsStore.focusOutlives(db, before);
    const state: CardState = stateName(last.prev.card.state);
    return {
      card: { id: last.cardId, state, due: new Date(last.prev.card.due).toISOString() },
      counts: queueCounts(db, now, settings, focus, aheadDays),
    };
  });
}

/**
 * Allows `newCards` more new cards today, on top of the daily limit and of any extension already
 * given today (Anki's "increase today's new card limit"); the counts are of the focus's queue.
 */
export function extendNewCards(db: Db, newCards: number, now: Date, focus: Focus = null): ExtendResponse {
  if (!Number.isInteger(newCards) || newCards < 1 || newCards > 1000) throw new InvalidInputError('newCards must be a whole number from 1 to 1000');
  const settings = getSettings(db);
  return inTransaction(db, () => {
    focusedSource(db, focus);
    const { day } = dayWindow(now, settings);
    const total = newCardsExtension(db, day) + newCards;
    writeNewCardsExtension(db, { day, newCards: total });
    return { day, newCards: total, counts: queueCounts(db, now, settings, focus) };
  });
}

/** Days of reviews ahead the drill offers when nothing more is due today. */
export const reviewAheadDays = 7;

/**
 * What more today's drill could take (of the focus's source): today's extension so far, the new
 * cards the day's limit holds back, and the reviews falling due in the next days.
 */
export function extendStatus(db: Db, now: Date, focus: Focus = null): ExtendStatus {
  const settings = getSettings(db);
  focusedSource(db, focus);
  const { day } = dayWindow(now, settings);
  return {
    day,
    newCards: newCardsExtension(db, day),
    newWaiting: newCardsHeldBack(db, now, settings, focus),
    aheadDays: reviewAheadDays,
    reviewsAhead: reviewsAhead(db, now, settings, reviewAheadDays, focus),
  };
}

export interface SuspendResult {
  id: number;
  state: CardState;
  due: string;
  suspended: boolean;
  leech: boolean;
}

/**
 * Whether this lapse suspends the card as a leech: the threshold's (8th), then every half
 * threshold after it (12th, 16th…), as Anki does. A leech the user unsuspends to give it another
 * try is not suspended again by its very next lapse.
 */
export function isLeechLapse(lapses: number, threshold: number): boolean {
  if (lapses < threshold) return false;
  return (lapses - threshold) % Math.max(1, Math.ceil(threshold / 2)) === 0;
}

/** The suspended cards, leeches first, a page at a time. */
export function listSuspended(db: Db, options: { limit?: number; offset?: number } = {}): SuspendedCardsResponse {
  const limit = options.limit ?? 100;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new InvalidInputError('limit must be from 1 to 500');
  if (!Number.isInteger(offset) || offset < 0) throw new InvalidInputError('offset must be 0 or more');
  return cardsStore.suspendedCards(db, limit, offset);
}

export function setSuspended(db: Db, cardId: number, suspended: boolean): SuspendResult {
  return inTransaction(db, () => {
    if (!cardsStore.setSuspendedFlag(db, cardId, suspended)) throw new NotFoundError(`no card ${cardId}`);
    const card = cardsStore.getCard(db, cardId)!;
    return { id: card.id, state: card.sched.state, due: card.sched.due.toISOString(), suspended: card.suspended, leech: card.leech };
  });
}

export type { Rating };
