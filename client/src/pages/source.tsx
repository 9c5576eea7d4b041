// A source read side by side (对照): each sentence pair in two columns, every term marked in both
// languages and coloured by how far its learning has come; pointing at a term in one language
// lights up its rendering in the other. From here: terms added from its words and its alignment
// fixed (source-edit.tsx), its new cards learnt next, its glossary and pairs exported, the source
// deleted.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DeleteSourceResponse, SourceDetailResponse, SourceRemoval, SourceSentence, TermProgress, TermRow } from '../../../server/http/api-types.ts';
import { api } from '../api.ts';
import { ErrorNote, Loading, Pager } from '../components.tsx';
import { inDialog, isTypingIn, markSpans, nextToCheck, plural, routeHref, WEAK_ALIGNMENT, type MarkPiece } from '../lib/index.ts';
import { AddFromText, PairTools, pickFromSelection, type PairEdit, type PairStep, type Picked } from './source-edit.tsx';

const PAGE = 100;

const PROGRESS_LABEL: Record<TermProgress, string> = {
  none: 'no card',
  new: 'new',
  learning: 'learning',
  review: 'in review',
  mastered: 'mastered',
  known: 'known',
};

type SourceTerm = SourceDetailResponse['terms'][number];
type Terms = Map<number, SourceTerm>;
/** The occurrence pointed at: its sentence and its index among the sentence's marks. */
type Lit = { sentence: number; mark: number } | null;

export function SourcePage({ sourceId, at }: { sourceId: number; at: number | null }) {
  const [data, setData] = useState<SourceDetailResponse | null>(null);
  // The page asked for: from an offset, or (from a concordance line) the page holding a pair.
  const [page, setPage] = useState<{ offset: number } | { at: number }>(at === null ? { offset: 0 } : { at });
  const [error, setError] = useState<unknown>(null);
  const [lit, setLit] = useState<Lit>(null);
  const [deleted, setDeleted] = useState<DeleteSourceResponse | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [added, setAdded] = useState<TermRow | null>(null);
  const [reload, setReload] = useState(0);
  const [moved, setMoved] = useState<number | null>(null);
  // The terms just marked known, for an undo.
  const [knownNow, setKnownNow] = useState<number[] | null>(null);
  // The pair being fixed: its merge with the next one awaiting a yes, or where to cut it.
  const [editing, setEditing] = useState<{ pairId: number; edit: PairEdit } | null>(null);

  useEffect(() => {
    let stale = false;
    api.source(sourceId, PAGE, page).then(
      (r) => {
        if (stale) return;
        setData(r);
        setError(null);
        document.title = `${r.source.title} · duizhao 对照`;
      },
      (e) => !stale && setError(e),
    );
    return () => {
      stale = true;
    };
  }, [sourceId, page, reload]);

  // Opened at a pair: bring it into view once its page is shown; once, not again when the page
  // is read again after an edit further down.
  const scrolledFor = useRef<typeof page | null>(null);
  useEffect(() => {
    if (!data || !('at' in page) || scrolledFor.current === page) return;
    scrolledFor.current = page;
    document.querySelector(`.reader li[data-segment="${page.at}"]`)?.scrollIntoView({ block: 'center' });
  }, [data, page]);

  /** Marks its terms not yet started known (Lute's "mark the rest as known"), or takes that back. */
  const markKnown = async (undo: number[] | null) => {
    setError(null);
    try {
      if (undo) {
        await api.setKnown(undo, false);
        setKnownNow(null);
      } else setKnownNow((await api.markSourceKnown(sourceId)).terms);
      setReload((r) => r + 1);
    } catch (e) {
      setError(e);
    }
  };

  const learnNext = async () => {
    setError(null);
    try {
      setMoved((await api.learnNext(sourceId)).moved);
    } catch (e) {
      setError(e);
    }
  };

  /** Asks for, or carries out, a fix of a pair's alignment; the page is then read again. */
  const fix = async (pairId: number, step: PairStep) => {
    setError(null);
    try {
      if (step.kind === 'cancel') setEditing(null);
      else if (step.kind === 'ask-merge') setEditing({ pairId, edit: 'merge' });
      else if (step.kind === 'ask-split') setEditing({ pairId, edit: await api.splitPoints(pairId) });
      else if (step.kind === 'ask-text') setEditing({ pairId, edit: 'text' });
      else {
        if (step.kind === 'merge') await api.mergeNext(pairId);
        else if (step.kind === 'text') await api.editPair(pairId, { zh: step.zh, en: step.en });
        else await api.split(pairId, step.cut);
        setEditing(null);
        setReload((n) => n + 1);
      }
    } catch (e) {
      setError(e);
    }
  };

  const turn = (next: number) => {
    setPage({ offset: next });
    scrollTo(0, 0);
  };
  const target = 'at' in page ? page.at : null;
  /** Opens the page holding a pair, and marks it. */
  const goTo = (pairId: number) => {
    setPage({ at: pairId });
    history.replaceState(null, '', routeHref({ page: 'source', sourceId, at: pairId }));
  };
  const checkNext = () => data?.toCheck.length && goTo(nextToCheck(data.toCheck, data.offset, target));

  // N walks to the next pair to check, outside the text boxes.
  const checkNextRef = useRef(checkNext);
  checkNextRef.current = checkNext;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'n' || e.ctrlKey || e.metaKey || e.altKey || isTypingIn(e.target) || inDialog(e.target)) return;
      e.preventDefault();
      checkNextRef.current();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  if (deleted) {
    const d = deleted.deleted;
    return (
      <section class="source-page">
        <h1>Deleted</h1>
        <p class="notice" role="status">
          “{deleted.source.title}” is deleted: {plural(d.sentences, 'sentence pair')}, {plural(d.terms, 'term')} and {plural(d.cards, 'card')}.
          Your answers stay in the statistics.
        </p>
        <p>
          <a class="button primary" href="#/">
            Back to Today
          </a>
        </p>
      </section>
    );
  }
  if (!data) return error ? <ErrorNote error={error} /> : <Loading />;

  const { source } = data;
  const terms: Terms = new Map(data.terms.map((t) => [t.id, t]));
  return (
    <section class="source-page">
      <p class="crumbs">
        <a href="#/">← Today</a>
      </p>
      <h1>{source.title}</h1>
      <p class="muted small">
        {plural(source.sentences, 'sentence pair')} · {plural(source.terms, 'term')}, {source.mastered} mastered · {plural(source.cards, 'card')} ·
        imported {source.importedAt.slice(0, 10)}
      </p>
      <p class="muted small">
        Its terms, its glossary: <a href={routeHref({ page: 'terms', termId: null, q: '', source: source.id })}>the list</a> ·{' '}
        <a href={`/api/terms/export?format=tbx&source=${source.id}`} download title="TBX-Basic, for memoQ, Trados, OmegaT or Phrase">
          TBX
        </a>{' '}
        ·{' '}
        <a href={`/api/terms/export?format=csv&source=${source.id}`} download title="CSV (UTF-8), for a spreadsheet">
          CSV
        </a>
      </p>
      {data.toCheck.length > 0 && (
        <p class="to-check small">
          {plural(data.toCheck.length, 'pair')} the aligner was unsure of{data.toCheck.length === 1000 ? ' (the first 1,000)' : ''}:{' '}
          <button type="button" class="linkish" onClick={checkNext} aria-keyshortcuts="n">
            {target !== null && data.toCheck.some((p) => p.id === target) ? 'the next one ↓' : 'show one ↓'}
          </button>{' '}
          <kbd>N</kbd>
        </p>
      )}
      <div class="source-actions">
        {source.cards > 0 && (
          <a class="button primary" href={routeHref({ page: 'drill', source: source.id })}>
            Study this text
          </a>
        )}
        {data.newCards > 0 && moved === null && (
          <button type="button" class="button" onClick={() => void learnNext()}>
            Learn its {plural(data.newCards, 'new card')} next
          </button>
        )}
        {data.unstartedTerms > 0 && knownNow === null && (
          <button type="button" class="button" onClick={() => void markKnown(null)} title="Its terms you have not started: kept in the termbase and marked here, not drilled">
            I know its {plural(data.unstartedTerms, 'new term')}
          </button>
        )}
        {knownNow !== null && (
          <p class="notice" role="status">
            {plural(knownNow.length, 'term')} marked known: out of the drill, still found and marked in your texts.{' '}
            {knownNow.length > 0 && (
              <button type="button" class="linkish" onClick={() => void markKnown(knownNow)}>
                Undo
              </button>
            )}
          </p>
        )}
        {moved !== null && (
          <p class="notice" role="status">
            {moved ? `${plural(moved, 'new card')} of this text now come first in the drill.` : 'This text has no new cards left.'} How many new cards a day:{' '}
            <a href="#/settings">Settings</a>.
          </p>
        )}
      </div>
      <ErrorNote error={error} />
      {data.total === 0 ? (
        <p class="empty">
          This source has no sentences: it is a termbase. Its terms are on the <a href={routeHref({ page: 'terms', termId: null, q: '' })}>Terms</a>{' '}
          page.
        </p>
      ) : (
        <>
          <p class="legend small" aria-label="Term colours">
            {(['new', 'learning', 'review', 'mastered', 'known', 'none'] as const).map((p) => (
              <span key={p} class={`term-mark progress-${p}`}>
                {PROGRESS_LABEL[p]}
              </span>
            ))}
          </p>
          <p class="muted small">Select words in the Chinese to add them as a term, then their rendering in the English.</p>
          <ol class="reader" start={data.offset + 1} onMouseUp={() => setPicked((p) => pickFromSelection(p))} onKeyUp={() => setPicked((p) => pickFromSelection(p))}>
            {data.sentences.map((s, i) => (
              <Pair
                key={s.id}
                sentence={s}
                index={i}
                paragraphStart={i === 0 || data.sentences[i - 1].paragraph !== s.paragraph}
                terms={terms}
                lit={lit?.sentence === i ? lit.mark : null}
                target={s.id === target}
                last={data.offset + i === data.total - 1}
                editing={editing?.pairId === s.id ? editing.edit : null}
                onFix={(step) => void fix(s.id, step)}
                onLight={setLit}
              />
            ))}
          </ol>
          <Pager offset={data.offset} size={PAGE} total={data.total} onOffset={turn} />
          {picked ? (
            <AddFromText
              picked={picked}
              onChange={setPicked}
              onAdded={(term) => {
                setPicked(null);
                setAdded(term);
                setReload((n) => n + 1);
              }}
            />
          ) : (
            added && (
              <p class="pick-bar notice" role="status">
                <span>
                  Added{' '}
                  <a href={routeHref({ page: 'terms', termId: added.id, q: '' })} lang="zh-CN">
                    {added.zh}
                  </a>{' '}
                  → {added.en}: {added.count ? `found in ${plural(added.count, 'place')} of your texts` : 'in none of your texts yet'}.
                </span>
                <button type="button" class="button" onClick={() => setAdded(null)}>
                  OK
                </button>
              </p>
            )
          )}
        </>
      )}
      {data.total > 0 && (
        <p class="muted small export-links">
          Its sentence pairs for a CAT tool's translation memory: <a href={`/api/sources/${source.id}/export?format=tmx`} download>TMX</a> ·{' '}
          <a href={`/api/sources/${source.id}/export?format=tsv`} download>
            TSV
          </a>
        </p>
      )}
      <div class="danger-zone">
        <button type="button" class="button danger" onClick={() => setConfirming(true)}>
          Delete this source…
        </button>
      </div>
      {confirming && (
        <DeleteDialog
          data={data}
          onCancel={() => setConfirming(false)}
          onDeleted={(r) => {
            setConfirming(false);
            setDeleted(r);
          }}
        />
      )}
    </section>
  );
}

function Pair({
  sentence,
  index,
  paragraphStart,
  terms,
  lit,
  onLight,
  target,
  last,
  editing,
  onFix,
}: {
  sentence: SourceSentence;
  index: number;
  paragraphStart: boolean;
  terms: Terms;
  lit: number | null;
  onLight: (lit: Lit) => void;
  target: boolean;
  last: boolean;
  editing: PairEdit | null;
  onFix: (step: PairStep) => void;
}) {
  const zh = markSpans(
    sentence.zh,
    sentence.marks.map((m) => ({ start: m.zhStart, end: m.zhEnd })),
  );
  const en = markSpans(
    sentence.en,
    sentence.marks.map((m) => ({ start: m.enStart, end: m.enEnd })),
  );
  // A piece inside several terms (正能量 in 正能量传播者) links to the innermost and lights with
  // any of them; its title names them all.
  const piece = (p: MarkPiece, k: number, lang: 'zh' | 'en') => {
    const covering: { mark: number; term: SourceTerm }[] = [];
    for (const m of p.marks) {
      const term = terms.get(sentence.marks[m]!.termId);
      if (term) covering.push({ mark: m, term });
    }
    if (!covering.length) return p.text;
    const { mark, term } = covering[covering.length - 1]!;
    const light = () => onLight({ sentence: index, mark });
    const dark = () => onLight(null);
    const lights = lit !== null && p.marks.includes(lit);
    return (
      <a
        key={k}
        href={routeHref({ page: 'terms', termId: term.id, q: '' })}
        class={`term-mark progress-${term.progress}${covering.length > 1 ? ' nested' : ''}${lights ? ' lit' : ''}`}
        title={covering
          .map((c) => `${c.term.zh} ${c.term.pinyin} → ${c.term.en} · ${PROGRESS_LABEL[c.term.progress]}`)
          .reverse()
          .join('\n')}
        // The English mark repeats the Chinese one's link: one tab stop per term.
        tabIndex={lang === 'en' ? -1 : undefined}
        // A link dragged is a link moved: off, so that a drag across a term selects its words.
        draggable={false}
        onMouseEnter={light}
        onMouseLeave={dark}
        onFocus={light}
        onBlur={dark}
      >
        {p.text}
      </a>
    );
  };
  return (
    <li
      class={`pair${paragraphStart ? ' paragraph-start' : ''}${sentence.score < WEAK_ALIGNMENT ? ' weak' : ''}${target ? ' target' : ''}`}
      data-index={index}
      data-segment={sentence.id}
      title={sentence.score < WEAK_ALIGNMENT ? `Aligned with low confidence (${sentence.score.toFixed(2)}): check this pair` : undefined}
    >
      <p lang="zh-CN" class="zh">
        {zh.map((p, k) => piece(p, k, 'zh'))}
      </p>
      <p lang="en">{en.map((p, k) => piece(p, k, 'en'))}</p>
      <PairTools sentence={sentence} last={last} editing={editing} onFix={onFix} />
    </li>
  );
}

/** What deleting takes, said before it happens; the terms only this text brought can be kept. */
function DeleteDialog({
  data,
  onCancel,
  onDeleted,
}: {
  data: SourceDetailResponse;
  onCancel: () => void;
  onDeleted: (r: DeleteSourceResponse) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [keepTerms, setKeepTerms] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [r, setRemoval] = useState<SourceRemoval | null>(null);
  const { source } = data;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    // What would go is asked for now, when the user means to delete, not with every page.
    api.sourceRemoval(source.id).then(setRemoval, setError);
  }, []);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      onDeleted(await api.deleteSource(source.id, keepTerms));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const reviewed = (n: number) => (n ? `, ${n} of them answered before` : '');
  return (
    <dialog ref={dialog} class="confirm" aria-labelledby="delete-title" onClose={onCancel}>
      <h2 id="delete-title">Delete “{source.title}”?</h2>
      {!r ? (
        error ? null : <Loading label="Counting what would go…" />
      ) : (
        <>
          <ul>
            {r.sentences > 0 && (
              <li>
                Its {plural(r.sentences, 'sentence pair')} and their {plural(r.sentenceCards, 'card')}
                {reviewed(r.sentenceCardsReviewed)}.
              </li>
            )}
            {r.ownTerms > 0 && (
              <li>
                {keepTerms ? 'Kept: ' : ''}
                {plural(r.ownTerms, 'term')} found in no other text, with {plural(r.ownTermCards, 'card')}
                {reviewed(r.ownTermCardsReviewed)}.
              </li>
            )}
            <li>Terms that other texts share stay, as do terms you added by hand or ignored. Your answers stay in the statistics.</li>
          </ul>
          {r.ownTerms > 0 && (
            <label class="check">
              <input type="checkbox" checked={keepTerms} onChange={(e) => setKeepTerms(e.currentTarget.checked)} /> Keep its terms and their cards in
              the drill
            </label>
          )}
        </>
      )}
      <ErrorNote error={error} />
      <div class="row">
        <button type="button" class="button danger" disabled={busy || !r} onClick={() => void confirm()}>
          {busy ? 'Deleting…' : 'Delete'}
        </button>
        <button type="button" class="button" autoFocus onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

