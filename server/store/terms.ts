import type { CardState, Direction, Occurrence, TermAnswer, TermCard, TermProgress, TermRow } from '../http/api-types.ts';
import { stateName } from '../scheduling/index.ts';
import { sql, type Db } from './db.ts';
import { hiddenKnownTerm } from './cards.ts';
import { masteredCard, sourceTermIds } from './sources.ts';

/** A stored term: the API's row without the figures derived from its cards and occurrences. */
export interface TermRecord extends Omit<TermRow, 'count' | 'due' | 'state' | 'suspended' | 'leech'> {
  score: number;
}

interface RawTerm {
  id: number;
  known: number;
  zh: string;
  en: string;
  variants: string;
  pinyin: string;
  status: 'active' | 'ignored';
  origin: 'extracted' | 'user';
  note: string;
  score: number;
}

const termColumns = 'id, zh, en, variants, pinyin, status, origin, note, score, known';

function toRecord(r: RawTerm): TermRecord {
  return { ...r, variants: JSON.parse(r.variants) as string[], known: r.known === 1 };
}

/** Pinyin as typed into a search box: no tone marks, no spaces, lower case ("lü" -> "lu"). */
export function plainPinyin(pinyin: string): string {
  return pinyin
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z]/g, '')
    .toLowerCase();
}

export function findTermByZh(db: Db, zh: string): TermRecord | null {
  const row = sql(db, `SELECT ${termColumns} FROM terms WHERE zh = ?`).get(zh) as RawTerm | undefined;
  return row ? toRecord(row) : null;
}

export function getTermRecord(db: Db, id: number): TermRecord | null {
  const row = sql(db, `SELECT ${termColumns} FROM terms WHERE id = ?`).get(id) as RawTerm | undefined;
  return row ? toRecord(row) : null;
}

export function insertTerm(
  db: Db,
  t: { zh: string; en: string; variants: string[]; pinyin: string; score: number; now: Date; origin?: 'extracted' | 'user'; note?: string },
): number {
  const info = sql(
    db,
    `INSERT INTO terms (zh, en, variants, pinyin, pinyin_plain, score, origin, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    t.zh,
    t.en,
    JSON.stringify(t.variants),
    t.pinyin,
    plainPinyin(t.pinyin),
    t.score,
    t.origin ?? 'extracted',
    t.note ?? '',
    t.now.getTime(),
    t.now.getTime(),
  );
  return Number(info.lastInsertRowid);
}

export function updateTerm(
  db: Db,
  id: number,
  t: { en: string; variants: string[]; status: 'active' | 'ignored'; origin: 'extracted' | 'user'; note: string; now: Date },
): void {
  sql(db, 'UPDATE terms SET en = ?, variants = ?, status = ?, origin = ?, note = ?, updated_at = ? WHERE id = ?').run(
    t.en,
    JSON.stringify(t.variants),
    t.status,
    t.origin,
    t.note,
    t.now.getTime(),
    id,
  );
}

export function insertOccurrence(
  db: Db,
  o: { termId: number; segmentId: number; zhStart: number; zhEnd: number; enStart: number | null; enEnd: number | null },
): void {
  sql(
    db,
    `INSERT OR IGNORE INTO occurrences (term_id, segment_id, zh_start, zh_end, en_start, en_end)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(o.termId, o.segmentId, o.zhStart, o.zhEnd, o.enStart, o.enEnd);
}

/** An occurrence as the API shows it, with the source it belongs to. */
export interface OccurrenceRecord extends Occurrence {
  sourceId: number;
}

export function termOccurrences(db: Db, termId: number): OccurrenceRecord[] {
  return sql(
    db,
    `SELECT o.segment_id AS segmentId, g.source_id AS sourceId, s.title AS sourceTitle, g.zh, g.en,
       o.zh_start AS zhStart, o.zh_end AS zhEnd, o.en_start AS enStart, o.en_end AS enEnd
     FROM occurrences o JOIN segments g ON g.id = o.segment_id JOIN sources s ON s.id = g.source_id
     WHERE o.term_id = ? ORDER BY s.imported_at, g.source_id, g.paragraph, g.ordinal, o.zh_start`,
  ).all(termId) as OccurrenceRecord[];
}

/**
 * The English span of a term's first occurrence (by position) in one segment that has one: what
 * a cloze card blanks. A seek on the (term_id, segment_id, zh_start) key, not the term's whole
 * concordance.
 */
export function englishSpanIn(db: Db, termId: number, segmentId: number): { enStart: number; enEnd: number } | null {
  const row = sql(
    db,
    `SELECT en_start AS enStart, en_end AS enEnd FROM occurrences
     WHERE term_id = ? AND segment_id = ? AND en_start IS NOT NULL AND en_end IS NOT NULL AND en_end > en_start
     ORDER BY zh_start LIMIT 1`,
  ).get(termId, segmentId) as { enStart: number; enEnd: number } | undefined;
  return row ?? null;
}

/** Active terms occurring in a segment, in order of first appearance (longer first at a tie). */
export function termsInSegment(db: Db, segmentId: number): TermRecord[] {
  const rows = sql(
    db,
    `SELECT t.id, t.zh, t.en, t.variants, t.pinyin, t.status, t.origin, t.note, t.score, t.known
     FROM occurrences o JOIN terms t ON t.id = o.term_id
     WHERE o.segment_id = ? AND t.status = 'active' ORDER BY o.zh_start, length(t.zh) DESC`,
  ).all(segmentId) as RawTerm[];
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).map(toRecord);
}

export interface TermListQuery {
  q?: string;
  /** `known`: the active terms the user knows. */
  status?: 'active' | 'ignored' | 'known';
  /** Only terms with a suspended card, or with a leech. */
  cards?: 'suspended' | 'leech';
  /** Only the terms of one source (sources.ts, sourceTermIds). */
  source?: number;
  /** 'weakest': lowest extraction score first (the user's own terms last), to clean a termbase of an extraction's misses. */
  sort?: 'count' | 'weakest';
  limit: number;
  offset: number;
}

const stateNames: (CardState | null)[] = ['new', 'learning', 'review', 'relearning'];
// "Most advanced" over a term's cards: review beats relearning beats learning beats new.
const stateRank = `CASE c.state WHEN 2 THEN 3 WHEN 3 THEN 2 WHEN 1 THEN 1 ELSE 0 END`;
const rankToState = [0, 1, 3, 2];

interface RawTermRow extends RawTerm {
  count: number;
  due: number | null;
  rank: number | null;
  suspended: number;
  leech: number;
}

function toTermRow(r: RawTermRow): TermRow {
  return {
    id: r.id,
    zh: r.zh,
    en: r.en,
    variants: JSON.parse(r.variants) as string[],
    pinyin: r.pinyin,
    status: r.status,
    known: r.known === 1,
    origin: r.origin,
    note: r.note,
    count: r.count,
    score: r.score,
    due: r.due === null ? null : new Date(r.due).toISOString(),
    state: r.rank === null ? null : stateNames[rankToState[r.rank]],
    suspended: r.suspended,
    leech: r.leech === 1,
  };
}

const termRowSelect = `
  SELECT t.id, t.zh, t.en, t.variants, t.pinyin, t.status, t.origin, t.note, t.score, t.known,
    (SELECT count(*) FROM occurrences o WHERE o.term_id = t.id) AS count,
    (SELECT min(c.due) FROM cards c WHERE c.subject_id = t.id AND c.kind != 'sentence'
       AND c.suspended = 0 AND c.hidden = 0) AS due,
    (SELECT max(${stateRank}) FROM cards c WHERE c.subject_id = t.id AND c.kind != 'sentence') AS rank,
    (SELECT count(*) FROM cards c WHERE c.subject_id = t.id AND c.kind != 'sentence' AND c.suspended = 1) AS suspended,
    EXISTS (SELECT 1 FROM cards c WHERE c.subject_id = t.id AND c.kind != 'sentence' AND c.leech = 1) AS leech
  FROM terms t`;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function listWhere(q: TermListQuery): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (q.status === 'known') clauses.push("t.status = 'active' AND t.known = 1");
  else if (q.status) {
    clauses.push('t.status = ?');
    params.push(q.status);
  }
  if (q.source !== undefined) {
    // The fragment names its source twice.
    clauses.push(`t.id IN (${sourceTermIds('?')})`);
    params.push(q.source, q.source);
  }
  if (q.cards) {
    clauses.push(`EXISTS (SELECT 1 FROM cards c WHERE c.subject_id = t.id AND c.kind != 'sentence' AND c.${q.cards === 'leech' ? 'leech' : 'suspended'} = 1)`);
  }
  const text = q.q?.trim();
  if (text) {
    const like = `%${escapeLike(text.toLowerCase())}%`;
    const pinyin = plainPinyin(text);
    const parts = ["t.zh LIKE ? ESCAPE '\\'", "lower(t.en) LIKE ? ESCAPE '\\'", "lower(t.variants) LIKE ? ESCAPE '\\'"];
    params.push(like, like, like);
    if (pinyin) {
      parts.push("t.pinyin_plain LIKE ? ESCAPE '\\'");
      params.push(`%${escapeLike(pinyin)}%`);
    }
    clauses.push(`(${parts.join(' OR ')})`);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function listTermRows(db: Db, q: TermListQuery): { terms: TermRow[]; total: number } {
  const { where, params } = listWhere(q);
  // Dynamic filters make a few statement shapes; each is still cached by its text.
  const total = (sql(db, `SELECT count(*) AS n FROM terms t ${where}`).get(...params) as { n: number }).n;
  // The user's own terms (added, edited, from a termbase) are no extraction's misses: last.
  const order = q.sort === 'weakest' ? "t.origin = 'user', t.score, count DESC, t.id" : 'count DESC, t.score DESC, t.id';
  const rows = sql(db, `${termRowSelect} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(
    ...params,
    q.limit,
    q.offset,
  ) as RawTermRow[];
  return { terms: rows.map(toTermRow), total };
}

interface RawTermCard {
  id: number;
  kind: 'term' | 'cloze';
  direction: Direction;
  state: number;
  due: number;
  suspended: number;
  leech: number;
  reps: number;
  lapses: number;
}

/** A term's term and cloze cards: zh→en, en→zh, then the cloze. */
export function termCards(db: Db, termId: number): TermCard[] {
  const rows = sql(
    db,
    `SELECT id, kind, direction, state, due, suspended, leech, reps, lapses FROM cards
     WHERE subject_id = ? AND kind != 'sentence'
     ORDER BY kind = 'cloze', direction = 'en-zh', id`,
  ).all(termId) as RawTermCard[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    direction: r.direction,
    state: stateName(r.state),
    due: new Date(r.due).toISOString(),
    suspended: r.suspended === 1,
    leech: r.leech === 1,
    reps: r.reps,
    lapses: r.lapses,
  }));
}

/** The last answers given to a term's term and cloze cards, newest first. */
export function termAnswers(db: Db, termId: number, limit: number): TermAnswer[] {
  const rows = sql(
    db,
    `SELECT r.card_id AS cardId, c.kind, c.direction, r.reviewed_at AS reviewedAt, r.rating, r.answer, r.score, r.duration_ms AS durationMs
     FROM cards c JOIN reviews r ON r.card_id = c.id
     WHERE c.subject_id = ? AND c.kind != 'sentence' ORDER BY r.reviewed_at DESC, r.seq DESC LIMIT ?`,
  ).all(termId, limit) as (Omit<TermAnswer, 'reviewedAt'> & { reviewedAt: number })[];
  return rows.map((r) => ({ ...r, reviewedAt: new Date(r.reviewedAt).toISOString() }));
}

/** A term for a termbase export, with the sentence pair of its first occurrence as context. */
export interface ExportTerm extends Pick<TermRow, 'id' | 'zh' | 'en' | 'variants' | 'pinyin' | 'status' | 'origin' | 'note' | 'count'> {
  contextZh: string | null;
  contextEn: string | null;
}

/**
 * Every term (or the active ones) in pinyin order, as a glossary lists them; with `source`, the
 * terms of that source only (a project's glossary), their context taken from it.
 */
export function exportTerms(db: Db, includeIgnored: boolean, source?: number): ExportTerm[] {
  const where = [includeIgnored ? null : "t.status = 'active'", source === undefined ? null : `t.id IN (${sourceTermIds('@source')})`].filter(Boolean);
  const first = source === undefined ? 'o.segment_id' : 'o.segment_id NOT IN (SELECT id FROM segments WHERE source_id = @source), o.segment_id';
  const statement = sql(
    db,
    `SELECT t.id, t.zh, t.en, t.variants, t.pinyin, t.status, t.origin, t.note,
       (SELECT count(*) FROM occurrences o WHERE o.term_id = t.id) AS count,
       s.zh AS contextZh, s.en AS contextEn
     FROM terms t
     LEFT JOIN segments s ON s.id = (SELECT o.segment_id FROM occurrences o WHERE o.term_id = t.id ORDER BY ${first}, o.zh_start LIMIT 1)
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY t.pinyin_plain, t.zh`,
  );
  const rows = (source === undefined ? statement.all() : statement.all({ source })) as (Omit<ExportTerm, 'variants'> & { variants: string })[];
  return rows.map((r) => ({ ...r, variants: JSON.parse(r.variants) as string[] }));
}

export function getTermRow(db: Db, id: number): TermRow | null {
  const row = sql(db, `${termRowSelect} WHERE t.id = ?`).get(id) as RawTermRow | undefined;
  return row ? toTermRow(row) : null;
}

/** How far the learning of each term has come, from its visible term and cloze cards (see TermProgress). */
export function termProgress(db: Db, termIds: number[]): { id: number; zh: string; en: string; pinyin: string; progress: TermProgress }[] {
  const rows = sql(
    db,
    `SELECT t.id, t.zh, t.en, t.pinyin, t.known, count(c.id) AS cards, coalesce(sum(c.state = 0), 0) AS fresh,
       coalesce(sum(c.state IN (1, 3)), 0) AS learning, coalesce(sum(${masteredCard('c')}), 0) AS mastered
     FROM terms t LEFT JOIN cards c ON c.subject_id = t.id AND c.kind != 'sentence' AND c.hidden = 0
     WHERE t.id IN (SELECT value FROM json_each(?)) GROUP BY t.id ORDER BY t.id`,
  ).all(JSON.stringify(termIds)) as { id: number; zh: string; en: string; pinyin: string; known: number; cards: number; fresh: number; learning: number; mastered: number }[];
  return rows.map(({ cards, fresh, learning, mastered, known, ...t }) => ({
    ...t,
    progress:
      known === 1 ? 'known' : cards === 0 ? 'none' : mastered === cards ? 'mastered' : learning > 0 ? 'learning' : fresh === cards ? 'new' : 'review',
  }));
}

/**
 * Marks active terms known, their term and cloze cards hidden from the drill (or neither): returns
 * the ids that changed.
 */
export function setKnown(db: Db, termIds: number[], known: boolean): number[] {
  const changed = sql(
    db,
    "UPDATE terms SET known = @known WHERE id IN (SELECT value FROM json_each(@ids)) AND status = 'active' AND known != @known RETURNING id",
  )
    .pluck()
    .all({ known: known ? 1 : 0, ids: JSON.stringify(termIds) }) as number[];
  sql(
    db,
    `UPDATE cards SET hidden = CASE WHEN @known = 1 THEN hidden | ${hiddenKnownTerm} ELSE hidden & ~${hiddenKnownTerm} END
     WHERE kind != 'sentence' AND subject_id IN (SELECT value FROM json_each(@ids))`,
  ).run({ known: known ? 1 : 0, ids: JSON.stringify(changed) });
  return changed;
}

/** A source's active terms not known yet whose cards are all new (none answered): its terms not yet started. */
export function unstartedTermIds(db: Db, sourceId: number): number[] {
  return sql(
    db,
    `SELECT t.id FROM terms t WHERE t.id IN (${sourceTermIds('@source')}) AND t.status = 'active' AND t.known = 0
       AND EXISTS (SELECT 1 FROM cards c WHERE c.subject_id = t.id AND c.kind != 'sentence')
       AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.subject_id = t.id AND c.kind != 'sentence' AND c.reps > 0)
     ORDER BY t.id`,
  )
    .pluck()
    .all({ source: sourceId }) as number[];
}

/** Every active term: known wherever it occurs. */
export function activeTerms(db: Db): TermRecord[] {
  return (sql(db, `SELECT ${termColumns} FROM terms WHERE status = 'active' ORDER BY id`).all() as RawTerm[]).map(toRecord);
}

export function hasCard(db: Db, termId: number, kind: 'term' | 'cloze'): boolean {
  return sql(db, 'SELECT 1 FROM cards WHERE subject_id = ? AND kind = ? LIMIT 1').get(termId, kind) !== undefined;
}

export function setEnglishSpan(db: Db, at: { termId: number; segmentId: number; zhStart: number }, span: { start: number; end: number }): void {
  sql(db, 'UPDATE occurrences SET en_start = ?, en_end = ? WHERE term_id = ? AND segment_id = ? AND zh_start = ?').run(
    span.start,
    span.end,
    at.termId,
    at.segmentId,
    at.zhStart,
  );
}
