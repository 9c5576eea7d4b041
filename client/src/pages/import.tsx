import { useRef, useState } from 'preact/hooks';
import type { ImportRequestJson, ImportResponse, PreviewResponse } from '../../../server/http/api-types.ts';
import { api, type UploadProgress } from '../api.ts';
import { ErrorNote } from '../components.tsx';
import { errorLine, formatBytes, lineRange, plural, routeHref, shownScore, WEAK_ALIGNMENT } from '../lib/index.ts';

type Mode = 'paste' | 'two' | 'file';
type Format = NonNullable<ImportRequestJson['format']> | '';

const SHOWN_PAIRS = 40;
// Score floors offered in the preview, and the length of list that earns a word on them.
const SCORE_FLOORS = [0.4, 0.5, 0.6, 0.7, 0.8];
const MANY_TERMS = 300;

function defaultTitle(mode: Mode, text: string, files: File[]): string {
  if (mode === 'file' && files[0]) return files[0].name.replace(/\.[^.]+$/, '');
  const first = text.trim().split('\n')[0] ?? '';
  return first.length > 40 ? first.slice(0, 40).trimEnd() + '…' : first || 'Untitled text';
}

export function ImportPage() {
  const [mode, setMode] = useState<Mode>('paste');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [text2, setText2] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [format, setFormat] = useState<Format>('');
  const [preview, setPreview] = useState<PreviewResponse | null>(null);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  // The score floor last chosen ('' for none): a quick way through a long list of candidates.
  const [floor, setFloor] = useState('');
  // Terms ticked or unticked one by one since Tick all / Untick all: a floor leaves them as they are.
  const [byHand, setByHand] = useState<Set<string>>(new Set());
  // Kept terms the user knows: stored, marked known, not drilled.
  const [known, setKnown] = useState<Set<string>>(new Set());
  const [allPairs, setAllPairs] = useState(false);
  const [busy, setBusy] = useState<'' | 'preview' | 'save'>('');
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResponse | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const badLine = mode === 'paste' && error instanceof Error ? errorLine(error.message) : null;

  const showLine = (line: number) => {
    const range = lineRange(text, line);
    const el = textArea.current;
    if (!range || !el) return;
    el.focus();
    el.setSelectionRange(range[0], range[1]);
    // Scroll the selected line into view: browsers do not on a programmatic selection.
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 24;
    el.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };

  const reset = () => {
    setPreview(null);
    setResult(null);
    setError(null);
    setExcluded(new Set());
    setFloor('');
    setByHand(new Set());
    setKnown(new Set());
    setAllPairs(false);
  };

  const ready = mode === 'file' ? files.length > 0 : mode === 'two' ? !!(text.trim() && text2.trim()) : !!text.trim();
  const finalTitle = title.trim() || defaultTitle(mode, text, files);

  const run = async <T,>(
    kind: 'preview' | 'save',
    jsonCall: (req: ImportRequestJson, onProgress: (p: UploadProgress) => void) => Promise<T>,
    fileCall: typeof api.previewFiles | typeof api.importFiles,
    exclude?: string[],
    knows?: string[],
    as: Format = format,
  ): Promise<T | null> => {
    setBusy(kind);
    setError(null);
    setProgress(null);
    try {
      if (mode === 'file') {
        return (await fileCall(
          { title: finalTitle, file: files[0]!, file2: files[1], format: as || undefined, excludeTerms: exclude, knownTerms: knows },
          setProgress,
        )) as T;
      }
      return await jsonCall({
        title: finalTitle,
        text,
        ...(mode === 'two' ? { text2 } : {}),
        ...(as ? { format: as } : {}),
        ...(exclude?.length ? { excludeTerms: exclude } : {}),
        ...(knows?.length ? { knownTerms: knows } : {}),
      }, setProgress);
    } catch (e) {
      setError(e);
      return null;
    } finally {
      setBusy('');
      setProgress(null);
    }
  };

  const doPreview = async (e?: Event, as: Format = format) => {
    e?.preventDefault();
    if (!ready || busy) return;
    reset();
    const p = await run('preview', api.previewText, api.previewFiles, undefined, undefined, as);
    if (p) setPreview(p);
  };

  /** The preview again, the input read as `as` (the save then reads it so too). */
  const readAs = (as: Format) => {
    setFormat(as);
    void doPreview(undefined, as);
  };

  const doSave = async () => {
    if (!ready || busy) return;
    const r = await run('save', api.importText, api.importFiles, [...excluded], [...known].filter((zh) => !excluded.has(zh)));
    if (r) {
      setResult(r);
      setPreview(null);
    }
  };

  const pickFiles = (list: FileList | null) => {
    if (!list || !list.length) return;
    reset();
    setFiles([...list].slice(0, 2));
    setMode('file');
  };

  const flip = (set: (f: (prev: Set<string>) => Set<string>) => void, zh: string) =>
    set((prev) => {
      const next = new Set(prev);
      if (next.has(zh)) next.delete(zh);
      else next.add(zh);
      return next;
    });
  const toggle = (zh: string) => {
    flip(setExcluded, zh);
    setByHand((s) => new Set(s).add(zh));
  };

  if (result) {
    return (
      <section class="import-done">
        <h1>{result.duplicate ? 'Already imported' : 'Imported'}</h1>
        {result.duplicate ? (
          <p>“{result.source.title}” was imported before with the same content; nothing changed.</p>
        ) : (
          <p data-testid="import-result">
            “{result.source.title}”: {plural(result.counts.sentences, 'sentence pair')}, {plural(result.counts.terms, 'term')} (
            {result.counts.newTerms} new), {plural(result.counts.cards, 'card')}.
          </p>
        )}
        <p>
          <a class="button primary" href="#/drill">
            Start drilling
          </a>{' '}
          {result.source.sentences > 0 ? (
            <a class="button" href={routeHref({ page: 'source', sourceId: result.source.id, at: null })}>
              Read it side by side
            </a>
          ) : (
            <a class="button" href={routeHref({ page: 'terms', termId: null, q: '', source: result.source.id })}>
              Review the terms
            </a>
          )}{' '}
          <button
            type="button"
            class="button"
            onClick={() => {
              reset();
              setText('');
              setText2('');
              setFiles([]);
              setTitle('');
            }}
          >
            Import another
          </button>
        </p>
      </section>
    );
  }

  const kept = preview ? preview.terms.length - preview.terms.filter((t) => excluded.has(t.zh)).length : 0;
  const knownKept = [...known].filter((zh) => !excluded.has(zh)).length;

  const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

  return (
    <section
      class="import"
      // A file dropped anywhere on the page is imported; left to the browser, it would open the
      // file in place of the app.
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDragging(false);
        pickFiles(e.dataTransfer?.files ?? null);
      }}
    >
      <h1>Import a text</h1>
      <form onSubmit={doPreview}>
        <div class="tabs" role="tablist" aria-label="What to import">
          {(
            [
              ['paste', 'Bilingual text'],
              ['two', 'Two texts'],
              ['file', 'File'],
            ] as [Mode, string][]
          ).map(([m, label]) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              class={mode === m ? 'tab active' : 'tab'}
              onClick={() => {
                setMode(m);
                reset();
              }}
            >
              {label}
            </button>
          ))}
        </div>

        <label class="field">
          Title
          <input name="title" value={title} placeholder={defaultTitle(mode, text, files)} onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)} />
        </label>

        {mode === 'paste' && (
          <label class="field">
            Chinese and English, paragraph by paragraph (one line in one language, the next in the other), or tab-separated pairs
            <textarea
              ref={textArea}
              name="text"
              rows={10}
              value={text}
              lang="zh-CN"
              placeholder={'要健全网络生态治理长效机制。\nWe must improve the long-term mechanisms for cyber ecosystem governance.'}
              onInput={(e) => {
                setText((e.currentTarget as HTMLTextAreaElement).value);
                setPreview(null);
              }}
            />
          </label>
        )}
        {mode === 'two' && (
          <div class="two-texts">
            <label class="field">
              One language
              <textarea name="text" rows={10} value={text} onInput={(e) => (setText((e.currentTarget as HTMLTextAreaElement).value), setPreview(null))} />
            </label>
            <label class="field">
              The other language
              <textarea name="text2" rows={10} value={text2} onInput={(e) => (setText2((e.currentTarget as HTMLTextAreaElement).value), setPreview(null))} />
            </label>
          </div>
        )}
        {mode === 'file' && (
          <div class={`dropzone ${dragging ? 'dragging' : ''}`}>
            <p>
              Drop one bilingual file (.txt, .tsv, .csv, .tmx, Word .docx, Excel .xlsx, subtitles .srt or .vtt), a termbase (.tbx, or a glossary table) or two monolingual files (or subtitle files) here, or{' '}
              <button type="button" class="linkish" onClick={() => fileInput.current?.click()}>
                choose files
              </button>
              .
            </p>
            <input ref={fileInput} type="file" name="file" multiple accept=".txt,.tsv,.csv,.tmx,.tbx,.xml,.docx,.xlsx,.srt,.vtt,text/*" class="visually-hidden" onChange={(e) => pickFiles((e.currentTarget as HTMLInputElement).files)} />
            {files.length > 0 && (
              <ul class="file-list">
                {files.map((f) => (
                  <li key={f.name}>
                    {f.name} <span class="muted">({formatBytes(f.size)})</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {mode !== 'file' && (
          <p class="muted small">
            Or <button type="button" class="linkish" onClick={() => { setMode('file'); fileInput.current?.click(); }}>import a file</button>.
          </p>
        )}

        <details class="advanced">
          <summary>Format</summary>
          <label class="field inline">
            Read the input as
            <select value={format} onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as Format)}>
              <option value="">Detect automatically</option>
              <option value="interleaved">Alternating paragraphs</option>
              <option value="tsv">TSV (tab-separated)</option>
              <option value="csv">CSV</option>
              <option value="tmx">TMX</option>
              <option value="subtitles">Subtitles (.srt, .vtt): bilingual, or one file per language</option>
              <option value="tbx">TBX termbase (terms only)</option>
              <option value="glossary">Glossary: a term and its rendering per row (terms only)</option>
            </select>
          </label>
        </details>

        <div class="actions">
          <button type="submit" class="button primary" disabled={!ready || !!busy}>
            {busy === 'preview' ? 'Extracting…' : 'Preview'}
          </button>
          {!preview && (
            <button type="button" class="button" disabled={!ready || !!busy} onClick={() => void doSave()}>
              {busy === 'save' ? 'Importing…' : 'Import without preview'}
            </button>
          )}
        </div>
      </form>

      {busy && <Progress progress={progress} kind={busy} />}
      <ErrorNote error={error} />
      {badLine !== null && lineRange(text, badLine) && (
        <p>
          <button type="button" class="button" onClick={() => showLine(badLine)}>
            Show line {badLine}
          </button>
        </p>
      )}

      {preview && (
        <div class="preview" aria-label="Preview">
          <div class="preview-head">
            <h2>Preview</h2>
            <p class="muted">
              {plural(preview.sentences.length, 'sentence pair')} · {plural(preview.terms.length, 'term candidate')} · {kept} kept{knownKept ? `, ${knownKept} of them known` : ''}
            </p>
            <button type="button" class="button primary" onClick={() => void doSave()} disabled={!!busy}>
              {busy === 'save' ? 'Saving…' : `Save ${plural(kept, 'term')}`}
            </button>
          </div>
          {preview.sheets && (
            <p class="muted small" data-testid="sheets">
              Read {preview.sheets.read.length === 1 ? 'the sheet' : 'the sheets'} {listed(preview.sheets.read.map((n) => `“${n}”`))}
              {preview.sheets.skipped.length > 0 &&
                `; left out ${listed(preview.sheets.skipped.map((s) => `“${s.name}” (${SKIPPED_SHEET[s.reason]})`))}`}
              .
            </p>
          )}
          {preview.format === 'subtitles' && (
            <p class="muted small" data-testid="read-as-subtitles">
              Read as subtitles: Chinese and English cues paired by their times, a cue in one language only joined to the pair before it.
            </p>
          )}
          {preview.format === 'glossary' && (
            <p class="muted small" data-testid="read-as">
              Read as a glossary: each row a term with its rendering as written, no sentence pairs.
              {preview.asBitext && (
                <>
                  {' '}
                  <button type="button" class="linkish" onClick={() => readAs(preview.asBitext!)} disabled={!!busy}>
                    Read its rows as sentence pairs instead
                  </button>
                </>
              )}
            </p>
          )}

          <h3>Terms</h3>
          {preview.terms.length === 0 ? (
            <p class="muted">No term candidates were found; the sentence pairs are still imported as sentence cards.</p>
          ) : (
            <>
              <p class="small">
                <button type="button" class="linkish" onClick={() => (setExcluded(new Set()), setFloor(''), setByHand(new Set()))}>
                  Tick all
                </button>{' '}
                ·{' '}
                <button type="button" class="linkish" onClick={() => (setExcluded(new Set(preview.terms.map((t) => t.zh))), setFloor(''), setByHand(new Set()))}>
                  Untick all
                </button>
                {preview.format !== 'glossary' && preview.format !== 'tbx' && (
                  <>
                    {' '}
                    ·{' '}
                    <label class="score-floor">
                      Keep only those scored at least{' '}
                      <select
                        value={floor}
                        onChange={(e) => {
                          const value = (e.currentTarget as HTMLSelectElement).value;
                          setFloor(value);
                          // Terms under the floor unticked, the others ticked, but for those chosen by hand.
                          const min = Number(value || 0);
                          setExcluded(
                            new Set(preview.terms.filter((t) => (byHand.has(t.zh) ? excluded.has(t.zh) : shownScore(t.score) < min)).map((t) => t.zh)),
                          );
                        }}
                      >
                        <option value="">any score</option>
                        {SCORE_FLOORS.map((f) => (
                          <option key={f} value={f.toFixed(1)}>
                            {f.toFixed(1)} ({preview.terms.filter((t) => shownScore(t.score) >= f).length})
                          </option>
                        ))}
                      </select>
                    </label>
                  </>
                )}
              </p>
              {preview.terms.length >= MANY_TERMS && preview.format !== 'glossary' && preview.format !== 'tbx' && (
                <p class="muted small">
                  A long list: on news, about 88% of the terms scored 0.5 or more are right, and about half of those below.
                </p>
              )}
              <div class="table-wrap">
                <table class="term-table candidates">
                  <thead>
                    <tr>
                      <th scope="col">
                        <span class="visually-hidden">Keep</span>
                      </th>
                      <th scope="col">中文</th>
                      <th scope="col">English</th>
                      <th scope="col" class="num">Count</th>
                      <th scope="col" class="num">Score</th>
                      <th scope="col" title="I know it: kept in your termbase and your texts, not drilled">
                        Known
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.terms.map((t) => (
                      <tr key={t.zh} class={excluded.has(t.zh) ? 'unticked' : ''}>
                        <td>
                          <input type="checkbox" checked={!excluded.has(t.zh)} onChange={() => toggle(t.zh)} aria-label={`Keep ${t.zh}`} />
                        </td>
                        <td>
                          <span lang="zh-CN" class="zh-cell">
                            {t.zh}
                          </span>
                          <span class="pinyin-cell small"> {t.pinyin}</span>
                          {t.known && <span class="badge"> in your termbase</span>}
                        </td>
                        <td>
                          {t.en || <span class="muted">no rendering found</span>}
                          {t.variants.length > 0 && <span class="muted small"> · {t.variants.join(' · ')}</span>}
                        </td>
                        <td class="num">{t.count}</td>
                        <td class="num">
                          <ScoreBar score={t.score} />
                        </td>
                        <td>
                          <input
                            type="checkbox"
                            checked={known.has(t.zh) && !excluded.has(t.zh)}
                            disabled={excluded.has(t.zh)}
                            onChange={() => flip(setKnown, t.zh)}
                            aria-label={`I know ${t.zh}`}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}

          <h3>Sentence pairs</h3>
          <ol class="pairs">
            {(allPairs ? preview.sentences : preview.sentences.slice(0, SHOWN_PAIRS)).map((s, i) => (
              <li key={i} class={s.score < WEAK_ALIGNMENT ? 'weak' : ''} title={`alignment score ${s.score.toFixed(2)}`}>
                <p lang="zh-CN" class="zh">
                  {s.zh || <span class="muted">(no Chinese)</span>}
                </p>
                <p lang="en">{s.en || <span class="muted">(no English)</span>}</p>
              </li>
            ))}
          </ol>
          {!allPairs && preview.sentences.length > SHOWN_PAIRS && (
            <button type="button" class="button" onClick={() => setAllPairs(true)}>
              Show all {preview.sentences.length}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** Why a sheet of a workbook was not read, as the preview says it. */
const SKIPPED_SHEET = {
  hidden: 'hidden',
  'not Chinese and English': 'not a table of Chinese beside English',
  'other columns': 'its Chinese and English in other columns than the first table’s',
} as const;

/** "a", "a and b", "a, b and c". */
function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function ScoreBar({ score }: { score: number }) {
  const pct = Math.round(Math.max(0, Math.min(1, score)) * 100);
  return (
    <span class="score" title={`score ${score.toFixed(2)}`}>
      <span class="score-bar">
        <span style={{ width: `${pct}%` }} />
      </span>
      {score.toFixed(2)}
    </span>
  );
}

// Of a save's 1000 steps, the server spends the first 900 extracting and the rest storing.
const STORING_FROM = 0.9;

function Progress({ progress, kind }: { progress: UploadProgress | null; kind: 'preview' | 'save' }) {
  const uploading = progress && !progress.sent && progress.total > 0;
  const work = progress?.work;
  const share = uploading ? progress.loaded / progress.total : work ? work.done / work.total : null;
  const pct = share === null ? null : Math.min(100, Math.round(share * 100));
  const storing = kind === 'save' && work !== undefined && share !== null && share >= STORING_FROM;
  const label = uploading
    ? `Uploading… ${pct}%`
    : storing
      ? `Saving the cards… ${pct}%`
      : `Extracting sentence pairs and terms…${pct === null ? '' : ` ${pct}%`}`;
  return (
    <div class="progress" role="status" aria-live="polite">
      <div class={`meter ${pct === null ? 'indeterminate' : ''}`} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined} aria-label={label}>
        <span style={{ width: pct === null ? '30%' : `${pct}%` }} />
      </div>
      <p class="muted small">{label}</p>
    </div>
  );
}
