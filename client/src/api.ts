// The typed API client: one function per route, each resolving to the shapes of api-types.ts or
// rejecting with an ApiFailure that carries the server's own message.
import type {
  AnswerRequest,
  AnswerResponse,
  BackupsResponse,
  CheckRequest,
  CheckResponse,
  DeleteSourceResponse,
  EditPairRequest,
  EditPairResponse,
  ExtendResponse,
  ExtendStatus,
  ImportRequestJson,
  ImportResponse,
  ChangedTermsResponse,
  LearnNextResponse,
  MergePairsResponse,
  NewTerm,
  NextResponse,
  PairSearchResponse,
  OptimizeResponse,
  PreviewResponse,
  RescheduleResponse,
  RestoreResponse,
  Settings,
  SourceDetailResponse,
  SourceRemoval,
  SourceSummary,
  SplitPairResponse,
  SplitPointsResponse,
  StatsResponse,
  SuspendResponse,
  SuspendedCardsResponse,
  TermDetailResponse,
  TermPatch,
  TermRow,
  TermsResponse,
  UndoResponse,
} from '../../server/http/api-types.ts';
import { ApiFailure, failureFromBody, networkFailure } from './lib/api-errors.ts';
import { ndjson, ProgressResponse, type WorkProgress } from './lib/progress-lines.ts';

export { ApiFailure };

/** A drill request's scope: one source's cards (`source`), reviews due `ahead` days later too. */
function focusQuery(source: number | undefined, ahead?: number): string {
  const params = [source === undefined ? '' : `source=${source}`, ahead ? `ahead=${ahead}` : ''].filter(Boolean);
  return params.length ? `?${params.join('&')}` : '';
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw networkFailure();
  }
  const text = await res.text();
  if (!res.ok) throw failureFromBody(res.status, text);
  return (text ? JSON.parse(text) : null) as T;
}

export interface UploadProgress {
  loaded: number;
  total: number;
  /** true once the whole body is sent and the server is working on it. */
  sent: boolean;
  /** The server's own progress on the work, once it reports some (out of `total`). */
  work?: WorkProgress;
}

/**
 * A POST whose server work (an import, a preview) reports progress: the response is read as it
 * arrives, each progress line passed on, the last line's outcome resolved or thrown. A request
 * refused before the work starts is an ordinary error response.
 */
async function callWithProgress<T>(path: string, body: unknown, onProgress?: (p: UploadProgress) => void): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { accept: `${ndjson}, application/json`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw networkFailure();
  }
  if (!res.ok || !res.body || !(res.headers.get('content-type') ?? '').startsWith(ndjson)) {
    const text = await res.text();
    if (!res.ok) throw failureFromBody(res.status, text);
    return (text ? JSON.parse(text) : null) as T;
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const response = new ProgressResponse((work) => onProgress?.({ loaded: 1, total: 1, sent: true, work }));
  let text = '';
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw networkFailure();
    }
    if (chunk.done) return response.end<T>(text + decoder.decode());
    text += decoder.decode(chunk.value, { stream: true });
    response.read(text);
  }
}

/** A multipart POST through XMLHttpRequest, the one browser API that reports upload progress. */
function upload<T>(path: string, form: FormData, onProgress?: (p: UploadProgress) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const response = new ProgressResponse((work) => onProgress?.({ loaded: 1, total: 1, sent: true, work }));
    const streamed = () => (xhr.getResponseHeader('content-type') ?? '').startsWith(ndjson);
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', `${ndjson}, application/json`);
    xhr.upload.onprogress = (e) => onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0, sent: false });
    xhr.upload.onload = () => onProgress?.({ loaded: 1, total: 1, sent: true });
    // The response so far, as it arrives: the server's progress lines.
    xhr.onprogress = () => {
      if (xhr.status >= 200 && xhr.status < 300 && streamed()) response.read(xhr.responseText);
    };
    xhr.onerror = () => reject(networkFailure());
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(streamed() ? response.end<T>(xhr.responseText) : (JSON.parse(xhr.responseText) as T));
        } catch (e) {
          reject(e instanceof ApiFailure ? e : failureFromBody(500, ''));
        }
      } else reject(failureFromBody(xhr.status, xhr.responseText));
    };
    xhr.send(form);
  });
}

export interface FileImport {
  title: string;
  file: File;
  file2?: File;
  format?: ImportRequestJson['format'];
  excludeTerms?: string[];
  knownTerms?: string[];
}

function fileForm(req: FileImport): FormData {
  const form = new FormData();
  form.set('title', req.title);
  form.set('file', req.file);
  if (req.file2) form.set('file2', req.file2);
  if (req.format) form.set('format', req.format);
  // Multipart has no arrays: the unticked terms travel as one JSON array field.
  if (req.excludeTerms?.length) form.set('excludeTerms', JSON.stringify(req.excludeTerms));
  if (req.knownTerms?.length) form.set('knownTerms', JSON.stringify(req.knownTerms));
  return form;
}

export interface TermQuery {
  q?: string;
  status?: 'active' | 'ignored' | 'known' | 'all';
  /** Only terms with a suspended card, or with a leech. */
  cards?: 'suspended' | 'leech';
  /** The terms of one source only. */
  source?: number;
  /** 'weakest': the lowest extraction score first. */
  sort?: 'count' | 'weakest';
  limit?: number;
  offset?: number;
}

export const api = {
  health: () => call<{ ok: true }>('GET', '/api/health'),
  sources: () => call<{ sources: SourceSummary[] } | SourceSummary[]>('GET', '/api/sources').then((r) => (Array.isArray(r) ? r : r.sources)),
  /** A page of a source: from `offset`, or the page holding sentence pair `at`. */
  source: (id: number, limit: number, page: { offset: number } | { at: number }) =>
    call<SourceDetailResponse>('GET', `/api/sources/${id}?limit=${limit}&${'at' in page ? `at=${page.at}` : `offset=${page.offset}`}`),
  searchPairs: (q: string, limit: number, offset: number) =>
    call<PairSearchResponse>('GET', `/api/pairs?q=${encodeURIComponent(q)}&limit=${limit}&offset=${offset}`),
  splitPoints: (pairId: number) => call<SplitPointsResponse>('GET', `/api/pairs/${pairId}/split`),
  split: (pairId: number, cut: { zh: number; en: number }) => call<SplitPairResponse>('POST', `/api/pairs/${pairId}/split`, cut),
  mergeNext: (pairId: number) => call<MergePairsResponse>('POST', `/api/pairs/${pairId}/merge-next`),
  editPair: (pairId: number, text: EditPairRequest) => call<EditPairResponse>('PATCH', `/api/pairs/${pairId}`, text),
  learnNext: (id: number) => call<LearnNextResponse>('POST', `/api/sources/${id}/learn-next`),
  markSourceKnown: (id: number) => call<ChangedTermsResponse>('POST', `/api/sources/${id}/known`),
  setKnown: (ids: number[], known: boolean) => call<ChangedTermsResponse>('POST', '/api/terms/known', { ids, known }),
  setStatus: (ids: number[], status: 'active' | 'ignored') => call<ChangedTermsResponse>('POST', '/api/terms/status', { ids, status }),
  sourceRemoval: (id: number) => call<SourceRemoval>('GET', `/api/sources/${id}/removal`),
  deleteSource: (id: number, keepTerms: boolean) =>
    call<DeleteSourceResponse>('DELETE', `/api/sources/${id}${keepTerms ? '?keepTerms=1' : ''}`),
  importText: (req: ImportRequestJson, onProgress?: (p: UploadProgress) => void) => callWithProgress<ImportResponse>('/api/sources', req, onProgress),
  importFiles: (req: FileImport, onProgress?: (p: UploadProgress) => void) =>
    upload<ImportResponse>('/api/sources', fileForm(req), onProgress),
  previewText: (req: ImportRequestJson, onProgress?: (p: UploadProgress) => void) => callWithProgress<PreviewResponse>('/api/extract', req, onProgress),
  previewFiles: (req: FileImport, onProgress?: (p: UploadProgress) => void) =>
    upload<PreviewResponse>('/api/extract', fileForm(req), onProgress),
  // `source`: a drill of that source's cards alone.
  next: (source?: number, ahead?: number) => call<NextResponse>('GET', '/api/drill/next' + focusQuery(source, ahead)),
  answer: (req: AnswerRequest, source?: number, ahead?: number) => call<AnswerResponse>('POST', '/api/drill/answer' + focusQuery(source, ahead), req),
  check: (req: CheckRequest) => call<CheckResponse>('POST', '/api/drill/check', req),
  undo: (source?: number, ahead?: number) => call<UndoResponse>('POST', '/api/drill/undo' + focusQuery(source, ahead)),
  extendStatus: (source?: number) => call<ExtendStatus>('GET', '/api/drill/extend' + focusQuery(source)),
  extend: (newCards: number, source?: number) => call<ExtendResponse>('POST', '/api/drill/extend' + focusQuery(source), { newCards }),
  terms: (q: TermQuery) => {
    const params = new URLSearchParams();
    if (q.q) params.set('q', q.q);
    if (q.status && q.status !== 'all') params.set('status', q.status);
    if (q.cards) params.set('cards', q.cards);
    if (q.source !== undefined) params.set('source', String(q.source));
    if (q.sort === 'weakest') params.set('sort', 'weakest');
    if (q.limit !== undefined) params.set('limit', String(q.limit));
    if (q.offset) params.set('offset', String(q.offset));
    const qs = params.toString();
    return call<TermsResponse>('GET', '/api/terms' + (qs ? '?' + qs : ''));
  },
  term: (id: number) => call<TermDetailResponse>('GET', `/api/terms/${id}`),
  addTerm: (t: NewTerm) => call<{ term: TermRow }>('POST', '/api/terms', t).then((r) => r.term),
  patchTerm: (id: number, patch: TermPatch) =>
    call<{ term: TermRow } | TermRow>('PATCH', `/api/terms/${id}`, patch).then((r) => ('term' in r ? r.term : r)),
  suspendedCards: (limit: number, offset: number) =>
    call<SuspendedCardsResponse>('GET', `/api/cards/suspended?limit=${limit}&offset=${offset}`),
  suspend: (cardId: number) => call<SuspendResponse>('POST', `/api/cards/${cardId}/suspend`),
  unsuspend: (cardId: number) => call<SuspendResponse>('POST', `/api/cards/${cardId}/unsuspend`),
  settings: () => call<Settings>('GET', '/api/settings'),
  saveSettings: (s: Partial<Settings>) => call<Settings>('PUT', '/api/settings', s),
  stats: () => call<StatsResponse>('GET', '/api/stats'),
  backups: () => call<BackupsResponse>('GET', '/api/backup/list'),
  /** The database's content replaced by that of the backup `name` (one of `backups()`); what it held is kept as a new backup. */
  restoreBackup: (name: string) => call<RestoreResponse>('POST', '/api/backup/restore', { name }),
  optimize: () => call<OptimizeResponse>('POST', '/api/settings/optimize'),
  /** What bringing the due dates to the settings in use would move; nothing changes. */
  reschedulePreview: () => call<RescheduleResponse>('GET', '/api/settings/reschedule'),
  /** The due dates of the cards in review brought to the settings in use. */
  reschedule: () => call<RescheduleResponse>('POST', '/api/settings/reschedule'),
};
