// The Hono app: one sub-app per feature under /api, the built client at /, one error mapper.
// Built here, served in main.ts: tests call app.request() and never open a port.
//
//   GET  /api/health                      {"ok":true}
//   GET  /api/sources                     { sources }
//   POST /api/sources                     JSON ImportRequestJson or multipart (file, file2?, title?,
//                                         format?, excludeTerms?, knownTerms?, minScore?) → 201 ImportResponse (200 duplicate)
//   GET  /api/sources/:id?limit&offset|at SourceDetailResponse (its sentence pairs with their terms marked)
//   GET  /api/sources/:id/removal         SourceRemoval (what deleting it would take)
//   DELETE /api/sources/:id?keepTerms=1   DeleteSourceResponse (reviews stay in the history)
//   POST /api/sources/:id/learn-next      LearnNextResponse (its new cards first in the drill)
//   POST /api/sources/:id/known           ChangedTermsResponse (its terms not yet started marked known)
//   GET  /api/sources/:id/export?format=tmx|tsv  its sentence pairs as a file
//   GET  /api/pairs?q&limit&offset        PairSearchResponse (a concordance search of every text)
//   PATCH /api/pairs/:id                  EditPairRequest → EditPairResponse (its text corrected)
//   POST /api/pairs/:id/merge-next        MergePairsResponse (409 no_next_pair for a text's last pair)
//   GET  /api/pairs/:id/split             SplitPointsResponse; POST {zh, en} → SplitPairResponse
//   POST /api/extract                     same body → PreviewResponse, nothing stored
//                                         (both with Accept: application/x-ndjson: progress lines,
//                                         then the outcome; see progress.ts)
//   GET  /api/drill/next                  NextResponse
//   POST /api/drill/answer                AnswerRequest → AnswerResponse (idempotent by reviewId)
//   POST /api/drill/check                 {cardId, answer} → {grade: GradeResult} (nothing stored)
//   POST /api/drill/undo                  UndoResponse (409 nothing_to_undo)
//   GET  /api/drill/extend                ExtendStatus (new cards today's limit holds back)
//   POST /api/drill/extend                ExtendRequest → ExtendResponse (today's new-card limit raised)
//   (next, answer, undo and extend take ?source=ID: a drill of that source's cards alone)
//   GET  /api/terms?q&status&cards&source&sort&limit&offset  TermsResponse (sort=weakest: lowest score first)
//   POST /api/terms                       NewTerm → 201 { term } (409 term_exists)
//   POST /api/terms/known                 KnownTermsRequest → ChangedTermsResponse (known: out of the drill)
//   POST /api/terms/status                {ids, status: active|ignored} → ChangedTermsResponse (the ids changed)
//   GET  /api/terms/export?format=tbx|csv&status=active|all&source  the termbase (or a text's) as a file
//   GET  /api/terms/:id                   TermDetailResponse
//   PATCH /api/terms/:id                  TermPatch → { term }
//   GET  /api/cards/suspended?limit&offset SuspendedCardsResponse
//   POST /api/cards/:id/suspend|unsuspend SuspendResponse
//   GET  /api/settings, PUT /api/settings Settings (PUT takes any subset)
//   POST /api/settings/optimize           OptimizeResponse (FSRS parameters fitted to the reviews)
//   GET|POST /api/settings/reschedule     RescheduleResponse (GET: what would move; POST: due dates to the settings in use)
//   GET  /api/stats                       StatsResponse
//   GET  /api/backup                      the whole database, a consistent copy (a file to download)
//   GET  /api/backup/list                 BackupsResponse (the daily automatic backups)
//   POST /api/backup/restore              {name} → RestoreResponse (one of them put back; what was there kept as a backup)
// Errors: {"error":{"code","message"}}; 400 malformed request, 401 token, 403 cross-site or
// foreign Host, 404, 409, 413 body limit, 415 not JSON, 422 content refused, 503 busy.
import { Hono } from 'hono';
import type Database from 'better-sqlite3';
import { Extractions } from '../library/index.ts';
import type { Deps } from './deps.ts';
import { createErrorHandler, notFound } from './errors.ts';
import { limitBody, rejectCrossSiteWrites, requireLoopbackHost, requireToken, securityHeaders, tokenLogin } from './guard.ts';
import { backupRoutes } from './routes/backup.ts';
import { cardsRoutes } from './routes/cards.ts';
import { drillRoutes } from './routes/drill.ts';
import { healthRoutes } from './routes/health.ts';
import { pairsRoutes } from './routes/pairs.ts';
import { previewRoutes, sourcesRoutes } from './routes/sources.ts';
import { settingsRoutes } from './routes/settings.ts';
import { statsRoutes } from './routes/stats.ts';
import { termsRoutes } from './routes/terms.ts';
import { clientRoutes } from './static.ts';

export interface AppOptions {
  db: Database.Database;
  now: () => Date;
  /** When set, every /api request must carry it. */
  token?: string | null;
  /** The built client (client/dist); without it only the API is served. */
  clientDir?: string | null;
  maxBodyBytes?: number;
  /** Answer only to loopback Host names (set when serving on loopback without a token). */
  loopbackHostsOnly?: boolean;
  /** Where unexpected errors are reported; the client only ever sees "internal error". */
  onInternalError?: (err: unknown) => void;
}

export const defaultMaxBodyBytes = 20 * 1024 * 1024;

function logInternal(err: unknown): void {
  console.error('duizhao: internal error:', err);
}

export function createApp(options: AppOptions) {
  const onInternalError = options.onInternalError ?? logInternal;
  const deps: Deps = { db: options.db, now: options.now, extractions: new Extractions(), onInternalError };
  const app = new Hono();
  app.use('*', securityHeaders);
  if (options.loopbackHostsOnly) app.use('*', requireLoopbackHost);
  app.use('/api/*', rejectCrossSiteWrites);
  if (options.token) {
    app.use('*', tokenLogin(options.token));
    app.use('/api/*', requireToken(options.token));
  }
  app.use('/api/*', limitBody(options.maxBodyBytes ?? defaultMaxBodyBytes));

  const api = new Hono()
    .route('/health', healthRoutes())
    .route('/sources', sourcesRoutes(deps))
    .route('/extract', previewRoutes(deps))
    .route('/pairs', pairsRoutes(deps))
    .route('/drill', drillRoutes(deps))
    .route('/terms', termsRoutes(deps))
    .route('/cards', cardsRoutes(deps))
    .route('/settings', settingsRoutes(deps))
    .route('/stats', statsRoutes(deps))
    .route('/backup', backupRoutes(deps));
  const routed = app.route('/api', api);
  if (options.clientDir) app.route('/', clientRoutes(options.clientDir));

  app.onError(createErrorHandler(onInternalError));
  app.notFound(notFound);
  return routed;
}

export type AppType = ReturnType<typeof createApp>;
