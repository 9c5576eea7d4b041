// JSON shapes of the HTTP API, shared by server/http (which produces them) and client/ (which
// consumes them). Type-only: the client bundle imports nothing at run time from here.
// Dates are ISO 8601 strings in UTC. Ratings: 1 Again, 2 Hard, 3 Good, 4 Easy.
import type { InputFormat } from '../extract/types.ts';
import type { GradeResult } from '../grading/types.ts';

export type CardKind = 'term' | 'cloze' | 'sentence';
export type Direction = 'zh-en' | 'en-zh';
export type CardState = 'new' | 'learning' | 'review' | 'relearning';
export type Rating = 1 | 2 | 3 | 4;

export interface ApiError {
  error: { code: string; message: string };
}

export interface Counts {
  new: number;
  learning: number;
  review: number;
}

/** A known term inside a card's sentence, for highlighting and term coverage. */
export interface TermRef {
  id: number;
  zh: string;
  en: string;
  variants: string[];
}

export interface IntervalPreview {
  rating: Rating;
  /** When the card would next be due with this rating. */
  due: string;
  /** Human label: "1m", "10m", "1d", "3.2mo". */
  label: string;
}

export interface DrillCard {
  id: number;
  kind: CardKind;
  direction: Direction;
  state: CardState;
  /** What the user sees: the zh or en text; for cloze, the sentence in the answer language with the term replaced by "____". */
  prompt: string;
  promptLang: 'zh' | 'en';
  answerLang: 'zh' | 'en';
  /** The reference answer (preferred rendering, or the reference translation). */
  reference: string;
  /** Every accepted answer, preferred first (term and cloze cards); [reference] for sentences. */
  accepted: string[];
  /** Pinyin of the Chinese side (the term for term/cloze cards, the sentence for sentence cards). */
  pinyin: string;
  /** Cloze cards: the full sentence pair, for showing both languages. Sentence cards: the pair too. */
  context: { zh: string; en: string } | null;
  /** Term cards: a sentence pair using the term, to show once the card is answered (the prompt side alone would not give it away, the other side would). */
  example?: { zh: string; en: string } | null;
  /** The term this card drills (term and cloze cards). */
  term: TermRef | null;
  /** Known terms occurring in the card's sentence (sentence and cloze cards), for coverage and marking. */
  terms: TermRef[];
  intervals: IntervalPreview[];
  /** Its source; `pairId`, the sentence pair a sentence or cloze card shows (null for a term card). */
  source: { id: number; title: string; pairId: number | null } | null;
  lapses: number;
  reps: number;
}

export interface NextResponse {
  card: DrillCard | null;
  counts: Counts;
  /** Present when the drill is focused on one source (`?source=ID`): its cards alone are served and counted. */
  focus?: DrillFocus;
}

/** POST /api/drill/extend: today's new-card limit raised (Anki's "increase today's new card limit"). */
export interface ExtendRequest {
  newCards: number;
}

export interface ExtendResponse {
  /** The study day it holds for, and all the extra new cards allowed on it. */
  day: string;
  newCards: number;
  counts: Counts;
}

/** GET /api/drill/extend: today's extension so far, and the new cards today's limit holds back. */
export interface ExtendStatus {
  day: string;
  newCards: number;
  /** New cards the drill could serve now (of the focus's source, with ?source) beyond what today's limit still lets in; counted up to 1,000. */
  newWaiting: number;
  /** Reviews falling due in the `aheadDays` after today (counted up to 1,000): what `?ahead=aheadDays` would serve. */
  aheadDays: number;
  reviewsAhead: number;
}

/** The source a focused drill serves. */
export interface DrillFocus {
  id: number;
  title: string;
}

export interface AnswerRequest {
  cardId: number;
  rating: Rating;
  /** Client-made UUID: the idempotency key. */
  reviewId: string;
  answer?: string;
  durationMs?: number;
  /** The card's `reps` as served (DrillCard.reps): when given and the card has been answered since, 409. */
  reps?: number;
}

export interface AnswerResponse {
  review: { id: string; cardId: number; rating: Rating; reviewedAt: string; score: number | null };
  card: { id: number; state: CardState; due: string; suspended: boolean; leech: boolean };
  counts: Counts;
  /** true when this reviewId had already been recorded (nothing changed). */
  duplicate: boolean;
}

export interface UndoResponse {
  card: { id: number; state: CardState; due: string };
  counts: Counts;
}

/** POST /api/cards/:id/suspend and /unsuspend. */
/** A suspended card with its text, as the Suspended page lists them. */
export interface SuspendedCard {
  id: number;
  kind: CardKind;
  direction: Direction;
  state: CardState;
  leech: boolean;
  reps: number;
  lapses: number;
  zh: string;
  en: string;
  /** The term of a term or cloze card (its page), null for a sentence card. */
  termId: number | null;
  sourceTitle: string | null;
}

export interface SuspendedCardsResponse {
  cards: SuspendedCard[];
  total: number;
}

export interface SuspendResponse {
  card: { id: number; state: CardState; due: string; suspended: boolean; leech: boolean };
}

export interface SourceSummary {
  id: number;
  title: string;
  format: string;
  importedAt: string;
  sentences: number;
  terms: number;
  cards: number;
  /** Terms of this source whose cards are all in review state with stability >= 21 days, or that the user knows. */
  mastered: number;
}

/**
 * A term's learning so far, from its term and cloze cards: none (no card to drill), new (none
 * answered yet), learning (one in learning steps), review (answered, in review), mastered (all
 * in review with a stability of 21 days or more, as a source's "mastered" counts), known (the
 * user knows it: not drilled, counted as mastered).
 */
export type TermProgress = 'none' | 'new' | 'learning' | 'review' | 'mastered' | 'known';

/** GET /api/sources/:id: a source read side by side, a page of its sentence pairs at a time. */
export interface SourceDetailResponse {
  source: SourceSummary;
  /** Its sentence pairs in reading order, from `offset`. */
  sentences: SourceSentence[];
  offset: number;
  /** All its sentence pairs. */
  total: number;
  /** The terms marked on this page. */
  terms: { id: number; zh: string; en: string; pinyin: string; progress: TermProgress }[];
  /** Its new cards the drill can serve (its sentences', and its terms' wherever they came from). */
  newCards: number;
  /** Its terms not yet started (active, not known, every card still new): what "I know them" would mark. */
  unstartedTerms: number;
  /** Its pairs the aligner was unsure of (WEAK_ALIGNMENT), with their places in reading order (the first 1,000). */
  toCheck: { id: number; rank: number }[];
}

/** GET /api/backup/list: the automatic backups kept beside the database, newest first. */
export interface BackupsResponse {
  backups: { name: string; takenAt: string; bytes: number }[];
}

/** POST /api/backup/restore (and `cli restore`): the database's content replaced by a backup's. */
export interface RestoreResponse {
  /** The backup restored (its file name). */
  restored: string;
  /** The backup holding what the database held before: restoring it undoes this. */
  before: string;
  /** What the database holds now. */
  counts: { sources: number; terms: number; cards: number; reviews: number };
}

/** POST /api/pairs/:id/merge-next: the pair and the next one of its text made one. */
export interface MergePairsResponse {
  merged: number;
  /** The id of the pair merged into it, gone. */
  removed: number;
}

/** GET /api/pairs?q: a concordance search of every text, as a CAT tool searches its memory. */
export interface PairSearchResponse {
  pairs: { id: number; sourceId: number; sourceTitle: string; zh: string; en: string }[];
  total: number;
}

/** GET /api/pairs/:id/split: where its Chinese and its English can be cut (0 and the length included). */
export interface SplitPointsResponse {
  zh: number[];
  en: number[];
}

/** POST /api/pairs/:id/split {zh, en}: the pair cut in two. */
export interface SplitPairResponse {
  first: number;
  second: number;
}

/** PATCH /api/pairs/:id: a pair's text corrected by hand. */
export interface EditPairRequest {
  zh?: string;
  en?: string;
}

export interface EditPairResponse {
  id: number;
  zh: string;
  en: string;
  /** How many terms were found in its new text. */
  terms: number;
}

/** POST /api/sources/:id/learn-next: its new cards moved to the head of the new-card queue. */
export interface LearnNextResponse {
  moved: number;
}

export interface SourceSentence {
  id: number;
  paragraph: number;
  zh: string;
  en: string;
  /** The sentence aligner's confidence in this pairing, 0–1. */
  score: number;
  /** Where terms occur, in the Chinese (always) and in the English (when aligned); offsets in UTF-16 units. */
  marks: { termId: number; zhStart: number; zhEnd: number; enStart: number | null; enEnd: number | null }[];
}

/** GET /api/sources/:id/removal: what deleting the source would take with it (asked when the user means to). */
export interface SourceRemoval {
  sentences: number;
  /** The sentence cards, and how many of them were answered at least once. */
  sentenceCards: number;
  sentenceCardsReviewed: number;
  /** Terms this source alone brought (see sourcesStore.ownTermIds), with their cards. */
  ownTerms: number;
  ownTermCards: number;
  ownTermCardsReviewed: number;
}

/** DELETE /api/sources/:id?keepTerms=1 */
export interface DeleteSourceResponse {
  source: { id: number; title: string };
  deleted: { sentences: number; terms: number; cards: number };
}

export interface ImportRequestJson {
  title: string;
  text: string;
  /** For two monolingual texts: the second text (text is then one language, text2 the other). */
  text2?: string;
  format?: InputFormat;
  /** zh forms of extracted terms the user unticked in the preview. */
  excludeTerms?: string[];
  /** zh forms of extracted terms the user knows: kept in the termbase and the texts, not drilled. */
  knownTerms?: string[];
  /** Extracted terms scored below it (0–1) are left out: a large import's weakest candidates. */
  minScore?: number;
}

export interface ImportResponse {
  source: SourceSummary;
  counts: { sentences: number; terms: number; newTerms: number; cards: number };
  /** true when the same content had been imported before: nothing changed. */
  duplicate: boolean;
}

/** POST /api/extract: the preview of an import, nothing stored. */
export interface PreviewResponse {
  /** How the input was read (detected unless the request named it). */
  format: InputFormat;
  /** Read as a glossary by detection: the format that reads its rows as sentence pairs instead. */
  asBitext?: 'tsv' | 'csv';
  /** An Excel workbook of several sheets: those read, and those with text left out and why. */
  sheets?: { read: string[]; skipped: { name: string; reason: 'hidden' | 'not Chinese and English' | 'other columns' }[] };
  sentences: { zh: string; en: string; score: number }[];
  terms: { zh: string; en: string; variants: string[]; pinyin: string; count: number; score: number; known: boolean }[];
}

export interface TermRow {
  id: number;
  zh: string;
  en: string;
  variants: string[];
  pinyin: string;
  status: 'active' | 'ignored';
  /** The user knows it: kept in the termbase, its cards out of the drill. */
  known: boolean;
  origin: 'extracted' | 'user';
  note: string;
  count: number;
  /** The extractor's confidence in it, 0–1 (1 for a term the user added or a termbase brought). */
  score: number;
  /** Earliest due date over its unsuspended cards, null when none. */
  due: string | null;
  /** The most advanced state over its cards. */
  state: CardState | null;
  /** How many of its cards are suspended (by the user, or as leeches). */
  suspended: number;
  /** Whether one of its cards lapsed often enough to be flagged a leech. */
  leech: boolean;
}

/** One of a term's cards, as the Terms page lists them to suspend or unsuspend. */
export interface TermCard {
  id: number;
  kind: 'term' | 'cloze';
  direction: Direction;
  state: CardState;
  due: string;
  suspended: boolean;
  leech: boolean;
  reps: number;
  lapses: number;
}

export interface TermsResponse {
  terms: TermRow[];
  total: number;
}

export interface Occurrence {
  segmentId: number;
  sourceId: number;
  sourceTitle: string;
  zh: string;
  en: string;
  zhStart: number;
  zhEnd: number;
  enStart: number | null;
  enEnd: number | null;
}

export interface TermDetailResponse {
  term: TermRow;
  occurrences: Occurrence[];
  /** Its term and cloze cards: zh→en, en→zh, then the cloze. */
  cards: TermCard[];
  /** The last answers given to its cards, newest first (at most 30): what was typed, and how it went. */
  history: TermAnswer[];
}

/** One answer given to a term's card (Anki's card info). */
export interface TermAnswer {
  cardId: number;
  kind: 'term' | 'cloze';
  direction: Direction;
  reviewedAt: string;
  rating: Rating;
  /** What was typed (null when nothing was sent), and its score against the reference. */
  answer: string | null;
  score: number | null;
  durationMs: number | null;
}

/** POST /api/terms: a term added by hand. */
export interface NewTerm {
  zh: string;
  en: string;
  variants?: string[];
  note?: string;
}

export interface TermPatch {
  en?: string;
  variants?: string[];
  /** One rendering added to the variants the term has when the patch is applied (the drill's A). */
  addVariant?: string;
  status?: 'active' | 'ignored';
  note?: string;
  /** The user knows it: its cards leave the drill (false: drilled again). */
  known?: boolean;
}

/** POST /api/terms/known, /api/terms/status and /api/sources/:id/known: the terms that changed. */
export interface ChangedTermsResponse {
  terms: number[];
}

export interface KnownTermsRequest {
  ids: number[];
  known: boolean;
}

export interface Settings {
  desiredRetention: number;
  newCardsPerDay: number;
  reviewCap: number;
  learningSteps: string[];
  relearningSteps: string[];
  enableFuzz: boolean;
  dayStartHour: number;
  timeZone: string;
  cardKinds: { termZhEn: boolean; termEnZh: boolean; cloze: boolean; sentenceZhEn: boolean; sentenceEnZh: boolean };
  leechThreshold: number;
  weights: number[] | null;
}

/** POST /api/settings/optimize: parameters fitted to the review history, not yet in use. */
export interface OptimizeResponse {
  reviews: number;
  cards: number;
  /** How well each set predicts the history (lower is better for both). */
  current: { logLoss: number; rmse: number };
  optimized: { logLoss: number; rmse: number };
  /** The optimized FSRS parameters: PUT them as settings.weights to use them. */
  weights: number[];
}

/**
 * GET /api/settings/reschedule (what it would change) and POST (done): every studied card's
 * answers replayed under the settings in use, as if they had always been in force.
 */
export interface RescheduleResponse {
  /** Cards with answers, replayed. */
  cards: number;
  /** Of them, those whose memory state (stability, difficulty) changes. */
  memoryChanged: number;
  /** Cards in review whose due date moves (cards in learning keep their step). */
  moved: number;
  /**
   * Reviews the drill would serve by the end of today (days 1), of the next 7 days and of the next
   * 30: before and after.
   */
  due: { days: number; before: number; after: number }[];
  applied: boolean;
}

export interface DayCount {
  /** Local calendar day, YYYY-MM-DD, in the settings' time zone with the day start applied. */
  day: string;
  count: number;
}

export interface StatsResponse {
  today: { reviews: number; newCards: number; again: number; timeMs: number; due: number };
  counts: Counts;
  streak: number;
  /** Reviews per day for the last 365 days (days without reviews omitted). */
  heatmap: DayCount[];
  /** Cards due on each of the next 30 days (today first, overdue counted today). */
  forecast: DayCount[];
  /** True retention: share of reviews of review-state cards rated > 1. */
  retention: {
    desired: number;
    today: number | null;
    last7: number | null;
    last30: number | null;
    byDay: { day: string; passed: number; total: number }[];
    byWeek: { week: string; passed: number; total: number }[];
  };
  cardsByState: { new: number; learning: number; review: number; relearning: number; suspended: number };
  /** Total review time, ms, per day over the last 30 days. */
  timeByDay: DayCount[];
  sources: StudySource[];
  /** What is sticking, per kind of card and direction (the five kinds that have cards). */
  byKind: KindFigures[];
  /** The terms forgotten most in the last 30 days, most first (at most 10). */
  forgotten: ForgottenTerm[];
}

/** One kind of card in one direction: its cards now, and its answers over the last 30 days. */
export interface KindFigures {
  kind: CardKind;
  direction: Direction;
  /** Cards not suspended, of which in review, of which mastered (stability of 21 days or more). */
  cards: number;
  inReview: number;
  mastered: number;
  /** Answers in the last 30 days. */
  answers: number;
  /** True retention over them: the share of review-state answers passed; null without one. */
  retention: number | null;
  reviewAnswers: number;
  /** The median time to answer (answers with a time), ms, to the tenth of a second below; null without one. */
  medianMs: number | null;
}

/** A term forgotten again and again lately: Again on its cards after they were first learnt. */
export interface ForgottenTerm {
  id: number;
  zh: string;
  en: string;
  /** In the last 30 days: Again answers, and all answers, on its term and cloze cards. */
  again: number;
  answers: number;
  /** One of its cards is a leech. */
  leech: boolean;
}

/** A source on Today: its summary and what a drill focused on it would serve now (`#/drill?source=ID`). */
export interface StudySource extends SourceSummary {
  counts: Counts;
  /** Answers to its cards in review over the last 30 days (its sentences', its terms'). */
  reviewAnswers: number;
  /** The share of those not Again: the text's true retention; null without answers. */
  retention: number | null;
}

/** POST /api/drill/check: the answer graded with the server's dictionary evidence; nothing stored. */
export interface CheckRequest {
  cardId: number;
  answer: string;
}

export interface CheckResponse {
  grade: GradeResult;
}
