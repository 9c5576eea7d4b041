import { useEffect, useRef, useState } from 'preact/hooks';
import type { TermCard, TermDetailResponse, TermRow, TermsResponse } from '../../../server/http/api-types.ts';
import { api } from '../api.ts';
import { ConcordanceLine, ErrorNote, Loading, Pager } from '../components.tsx';
import { formatDue, formatMoment, markRange, parseVariants, plural, routeHref } from '../lib/index.ts';

const PAGE = 50;

export function TermsPage({ termId, q, source }: { termId: number | null; q: string; source?: number }) {
  return termId === null ? <TermList initialQuery={q} source={source} /> : <TermDetail id={termId} backQuery={q} />;
}

/** The term list: all terms, or (from a source's page) the terms of one text, its glossary. */
function TermList({ initialQuery, source }: { initialQuery: string; source?: number }) {
  const [query, setQuery] = useState(initialQuery);
  // Which terms: by their status, or those with a suspended card or a leech (any status).
  const [show, setShow] = useState<'active' | 'known' | 'ignored' | 'all' | 'suspended' | 'leech'>('active');
  // Most occurrences first, or the extraction's weakest first (to clean out its misses).
  const [sort, setSort] = useState<'count' | 'weakest'>('count');
  const [offset, setOffset] = useState(0);
  const [adding, setAdding] = useState(false);
  const [data, setData] = useState<TermsResponse | null>(null);
  // The order `data` was read in: its score column shows with the list it belongs to.
  const [dataSort, setDataSort] = useState<'count' | 'weakest'>('count');
  const [error, setError] = useState<unknown>(null);
  // Terms of this page picked for one action on them all (known, ignored…), and what it did.
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [done, setDone] = useState('');
  const [reload, setReload] = useState(0);
  const search = useRef<HTMLInputElement>(null);
  const firstLoad = useRef(true);
  const now = new Date();
  const [sourceTitle, setSourceTitle] = useState<string | null>(null);
  useEffect(() => {
    if (source === undefined) return;
    api.sources().then((list) => setSourceTitle(list.find((s) => s.id === source)?.title ?? `source ${source}`), setError);
  }, [source]);

  useEffect(() => {
    let stale = false;
    // Debounced so typing a Chinese phrase does not fire a request per keystroke.
    const timer = setTimeout(() => {
      const byCards = show === 'suspended' || show === 'leech';
      api.terms({ q: query.trim(), status: byCards ? 'all' : show, cards: byCards ? show : undefined, source, sort, limit: PAGE, offset }).then(
        (r) => !stale && (setData(r), setDataSort(sort), setError(null), setSelected(new Set())),
        (e) => !stale && setError(e),
      );
    }, firstLoad.current ? 0 : 150);
    firstLoad.current = false;
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query, show, sort, offset, reload]);

  /** A select that chooses which list (or its order): the list from its first page, no notice. */
  const relist =
    <T extends string>(set: (value: T) => void) =>
    (e: Event) => {
      set((e.currentTarget as HTMLSelectElement).value as T);
      setDone('');
      setOffset(0);
    };

  /** One action on every selected term; the list is read again after it. */
  const onSelected = async (label: (n: number) => string, act: (ids: number[]) => Promise<{ terms: number[] }>) => {
    setError(null);
    try {
      const { terms } = await act([...selected]);
      setDone(label(terms.length));
      setReload((n) => n + 1);
    } catch (e) {
      setError(e);
    }
  };
  const toggle = (id: number) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.key === '/' && t.tagName !== 'INPUT' && t.tagName !== 'TEXTAREA') {
        e.preventDefault();
        search.current?.focus();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const sourceParam = source === undefined ? '' : `&source=${source}`;

  const onSearch = (value: string) => {
    setQuery(value);
    setDone('');
    setOffset(0);
    history.replaceState(null, '', routeHref({ page: 'terms', termId: null, q: value.trim(), source }));
  };

  return (
    <section class="terms">
      <h1>Terms</h1>
      {source !== undefined && (
        <p class="filter-note">
          The terms of{' '}
          <a href={routeHref({ page: 'source', sourceId: source, at: null })}>{sourceTitle ?? '…'}</a>, its glossary ·{' '}
          <a href={routeHref({ page: 'terms', termId: null, q: '' })}>all terms</a>
        </p>
      )}
      <div class="toolbar">
        <input
          ref={search}
          type="search"
          class="search"
          placeholder="Search 中文, pinyin or English  ( / )"
          aria-label="Search terms"
          value={query}
          onInput={(e) => onSearch((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              document.querySelector<HTMLAnchorElement>('.term-table tbody a')?.focus();
            }
          }}
        />
        <select aria-label="Show" value={show} onChange={relist<typeof show>(setShow)}>
          <option value="active">Active</option>
          <option value="known">Known (not drilled)</option>
          <option value="ignored">Ignored</option>
          <option value="all">All</option>
          <option value="suspended">With a suspended card</option>
          <option value="leech">Leeches</option>
        </select>
        <select aria-label="Order" value={sort} onChange={relist<typeof sort>(setSort)}>
          <option value="count">Most frequent first</option>
          <option value="weakest">Weakest extractions first</option>
        </select>
        <button type="button" class="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
          + Add a term
        </button>
        <span class="export muted small">
          Export{' '}
          <a href={`/api/terms/export?format=tbx${sourceParam}`} download title="TBX-Basic, for memoQ, Trados, OmegaT or Phrase">
            TBX
          </a>{' '}
          ·{' '}
          <a href={`/api/terms/export?format=csv${sourceParam}`} download title="CSV (UTF-8), for a spreadsheet">
            CSV
          </a>
        </span>
      </div>
      {adding && <AddTerm onCancel={() => setAdding(false)} />}
      <ErrorNote error={error} />
      {done && selected.size === 0 && (
        <p class="notice" role="status">
          {done}
        </p>
      )}
      {!data ? (
        <Loading />
      ) : data.terms.length === 0 ? (
        <div class="empty">
          {show === 'suspended' && !query ? (
            <p>
              No term has a suspended card. A term card suspended in the drill (S) is listed here, to bring back; sentence cards
              are on the <a href="#/suspended">suspended cards</a> page.
            </p>
          ) : show === 'leech' && !query ? (
            <p>No leeches: no card has lapsed often enough to be suspended as one.</p>
          ) : source !== undefined && !query && show === 'active' ? (
            <p>This text has no active terms.</p>
          ) : query || show !== 'active' ? (
            <p>
              No term matches “{query}”.{' '}
              {query.trim() && <a href={routeHref({ page: 'search', q: query.trim() })}>Search the sentence pairs of your texts for it</a>}
            </p>
          ) : (
            <p>
              No terms yet. <a href="#/import">Import a bilingual text</a> and its terms appear here.
            </p>
          )}
        </div>
      ) : (
        <>
          <p class="muted small">
            {plural(data.total, 'term')}
            {query.trim() && (
              <>
                {' · '}
                <a href={routeHref({ page: 'search', q: query.trim() })}>“{query.trim()}” in the sentence pairs of your texts</a>
              </>
            )}
          </p>
          {selected.size > 0 ? (
            <div class="bulk-bar" role="group" aria-label="The selected terms">
              <span>{plural(selected.size, 'term')} selected:</span>
              <button type="button" class="button" onClick={() => void onSelected((n) => `${plural(n, 'term')} marked known: out of the drill.`, (ids) => api.setKnown(ids, true))}>
                I know these
              </button>
              <button type="button" class="button" onClick={() => void onSelected((n) => `${plural(n, 'term')} drilled again.`, (ids) => api.setKnown(ids, false))}>
                Drill these again
              </button>
              <button type="button" class="button danger" onClick={() => void onSelected((n) => `${plural(n, 'term')} ignored.`, (ids) => api.setStatus(ids, 'ignored'))}>
                Ignore
              </button>
              <button type="button" class="button" onClick={() => void onSelected((n) => `${plural(n, 'term')} restored.`, (ids) => api.setStatus(ids, 'active'))}>
                Restore
              </button>
              <button type="button" class="linkish" onClick={() => setSelected(new Set())}>
                Clear
              </button>
            </div>
          ) : null}
          <div class="table-wrap">
            <table class="term-table" onKeyDown={moveInTable}>
              <thead>
                <tr>
                  <th scope="col" class="col-pick">
                    <input
                      type="checkbox"
                      aria-label="Select every term of this page"
                      checked={data.terms.length > 0 && data.terms.every((t) => selected.has(t.id))}
                      onChange={(e) => setSelected(e.currentTarget.checked ? new Set(data.terms.map((t) => t.id)) : new Set())}
                    />
                  </th>
                  <th scope="col">中文</th>
                  <th scope="col" class="col-pinyin">Pinyin</th>
                  <th scope="col">English</th>
                  <th scope="col" class="col-variants">Variants</th>
                  <th scope="col" class="num col-count">Count</th>
                  {dataSort === 'weakest' && (
                    <th scope="col" class="num col-score" title="The extractor's confidence: the lowest are the likeliest misses">
                      Score
                    </th>
                  )}
                  <th scope="col" class="col-state">State</th>
                  <th scope="col" class="col-due">Due</th>
                </tr>
              </thead>
              <tbody>
                {data.terms.map((t) => (
                  <TermLine key={t.id} term={t} q={query.trim()} now={now} picked={selected.has(t.id)} onPick={() => toggle(t.id)} score={dataSort === 'weakest'} />
                ))}
              </tbody>
            </table>
          </div>
          <Pager offset={offset} size={PAGE} total={data.total} onOffset={setOffset} />
        </>
      )}
    </section>
  );
}

/** A term met outside the imported texts, added by hand; its page opens once it is saved. */
function AddTerm({ onCancel }: { onCancel: () => void }) {
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [variants, setVariants] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!zh.trim() || !en.trim()) return setError(new Error('Give the Chinese term and its English rendering.'));
    setSaving(true);
    setError(null);
    try {
      const term = await api.addTerm({ zh: zh.trim(), en: en.trim(), variants: parseVariants(variants), note: note.trim() });
      location.hash = routeHref({ page: 'terms', termId: term.id, q: '' });
    } catch (err) {
      setError(err);
      setSaving(false);
    }
  };

  return (
    <form class="term-form add-term" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <div class="grid-2">
        <label>
          中文
          <input ref={first} name="zh" lang="zh-CN" value={zh} autoComplete="off" onInput={(e) => setZh((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          English rendering
          <input name="en" value={en} autoComplete="off" onInput={(e) => setEn((e.currentTarget as HTMLInputElement).value)} />
        </label>
      </div>
      <label>
        Also accept (one per line)
        <textarea name="variants" rows={2} value={variants} onInput={(e) => setVariants((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <label>
        Note
        <input name="note" value={note} autoComplete="off" onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <div class="actions">
        <button type="submit" class="button primary" disabled={saving}>
          Add term
        </button>
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ErrorNote error={error} />
    </form>
  );
}

/** ↑ and ↓ move between the rows' links; ↑ from the first row goes back to the search box. */
function moveInTable(e: KeyboardEvent) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const links = [...document.querySelectorAll<HTMLAnchorElement>('.term-table tbody a')];
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at < 0) return;
  e.preventDefault();
  const next = at + (e.key === 'ArrowDown' ? 1 : -1);
  if (next < 0) document.querySelector<HTMLInputElement>('input.search')?.focus();
  else links[Math.min(next, links.length - 1)]!.focus();
}

function TermLine({ term, q, now, picked, onPick, score }: { term: TermRow; q: string; now: Date; picked: boolean; onPick: () => void; score: boolean }) {
  const href = routeHref({ page: 'terms', termId: term.id, q });
  return (
    <tr class={term.status === 'ignored' ? 'ignored' : ''}>
      <td class="col-pick">
        <input type="checkbox" checked={picked} onChange={onPick} aria-label={`Select ${term.zh}`} />
      </td>
      <td lang="zh-CN" class="zh-cell">
        <a href={href}>{term.zh}</a>
      </td>
      <td class="col-pinyin pinyin-cell">{term.pinyin}</td>
      <td>{term.en}</td>
      <td class="col-variants muted">{term.variants.join(' · ')}</td>
      <td class="num col-count">{term.count}</td>
      {score && <td class="num col-score">{term.origin === 'user' ? <span class="muted">yours</span> : term.score.toFixed(2)}</td>}
      <td class="col-state">
        {term.status === 'ignored' ? <span class="badge">ignored</span> : term.known ? <span class="badge">known</span> : <StateBadge state={term.state} />}
        {term.leech ? (
          <span class="badge leech">leech</span>
        ) : term.suspended > 0 ? (
          <span class="badge suspended">suspended</span>
        ) : null}
      </td>
      <td class="col-due">{formatDue(term.due, now)}</td>
    </tr>
  );
}

const RATING_NAMES = ['Again', 'Hard', 'Good', 'Easy'] as const;

function cardLabel(c: TermCard): string {
  if (c.kind === 'cloze') return 'Cloze (term in its sentence)';
  return c.direction === 'zh-en' ? '中文 → English' : 'English → 中文';
}

function StateBadge({ state }: { state: TermRow['state'] }) {
  if (!state) return <span class="muted">—</span>;
  return <span class={`badge ${state}`}>{state}</span>;
}

function TermDetail({ id, backQuery }: { id: number; backQuery: string }) {
  const [data, setData] = useState<TermDetailResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [en, setEn] = useState('');
  const [variants, setVariants] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api.term(id).then((d) => {
      setData(d);
      setEn(d.term.en);
      setVariants(d.term.variants.join('\n'));
      setNote(d.term.note);
    }, setError);
  }, [id]);

  const patch = async (change: Parameters<typeof api.patchTerm>[1], message: string) => {
    if (!data) return;
    setSaving(true);
    setError(null);
    try {
      const term = await api.patchTerm(id, change);
      setData({ ...data, term: { ...data.term, ...term } });
      setSaved(message);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const back = routeHref({ page: 'terms', termId: null, q: backQuery });
  if (!data) return error ? <ErrorNote error={error} /> : <Loading />;
  const { term, occurrences, cards, history } = data;

  const setCardSuspended = async (card: TermCard, suspend: boolean) => {
    setError(null);
    try {
      const { card: changed } = await (suspend ? api.suspend(card.id) : api.unsuspend(card.id));
      const next = cards.map((c) => (c.id === changed.id ? { ...c, ...changed } : c));
      setData({ ...data, cards: next, term: { ...term, suspended: next.filter((c) => c.suspended).length } });
      setSaved(suspend ? 'Suspended: the card stays out of the drill until you bring it back.' : 'Back in the drill.');
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section class="term-detail">
      <p>
        <a href={back}>← All terms</a>
      </p>
      <h1>
        <span lang="zh-CN" class="zh term-zh">
          {term.zh}
        </span>{' '}
        <span class="pinyin">{term.pinyin}</span>
      </h1>
      <p class="muted">
        {plural(term.count, 'occurrence')} · {term.origin === 'user' ? 'edited by you' : 'extracted'}
        {term.state ? ` · ${term.state}` : ''}
        {term.status === 'ignored' ? ' · ignored' : term.known ? ' · known: not drilled' : ''}
        {term.due ? ` · due ${formatDue(term.due, new Date())}` : ''}
      </p>
      <form
        class="term-form"
        onSubmit={(e) => {
          e.preventDefault();
          const list = parseVariants(variants).filter((v) => v !== en.trim());
          if (!en.trim()) return setError(new Error('The rendering cannot be empty.'));
          void patch({ en: en.trim(), variants: list, note: note.trim() }, 'Saved.');
        }}
      >
        <label>
          English rendering
          <input name="en" value={en} autoComplete="off" onInput={(e) => (setEn((e.currentTarget as HTMLInputElement).value), setSaved(''))} />
        </label>
        <label>
          Also accept (one per line)
          <textarea name="variants" rows={3} value={variants} onInput={(e) => (setVariants((e.currentTarget as HTMLTextAreaElement).value), setSaved(''))} />
        </label>
        <label>
          Note
          <input name="note" value={note} autoComplete="off" onInput={(e) => (setNote((e.currentTarget as HTMLInputElement).value), setSaved(''))} />
        </label>
        <div class="actions">
          <button type="submit" class="button primary" disabled={saving}>
            Save
          </button>
          {term.status === 'active' &&
            (term.known ? (
              <button type="button" class="button" disabled={saving} onClick={() => void patch({ known: false }, 'Drilled again: its cards are back in the drill.')}>
                Drill it again
              </button>
            ) : (
              <button type="button" class="button" disabled={saving} onClick={() => void patch({ known: true }, 'Known: its cards leave the drill; it stays in your termbase and your texts.')}>
                I know it
              </button>
            ))}
          {term.status === 'active' ? (
            <button type="button" class="button danger" disabled={saving} onClick={() => void patch({ status: 'ignored' }, 'Ignored: its cards leave the drill, and a later import will not bring it back.')}>
              Ignore term
            </button>
          ) : (
            <button type="button" class="button" disabled={saving} onClick={() => void patch({ status: 'active' }, 'Restored.')}>
              Restore term
            </button>
          )}
          {saved && (
            <span class="saved" role="status">
              {saved}
            </span>
          )}
        </div>
        <ErrorNote error={error} />
      </form>

      <h2>Cards</h2>
      {cards.length === 0 ? (
        <p class="muted">No cards: the card kinds in Settings make none for terms.</p>
      ) : (
        <ul class="term-cards">
          {cards.map((c) => (
            <li key={c.id} class={c.suspended ? 'suspended' : ''}>
              <span class="card-kind">{cardLabel(c)}</span>
              <StateBadge state={c.state} />
              {c.leech && <span class="badge leech" title={`${plural(c.lapses, 'lapse')}`}>leech</span>}
              <span class="muted small">
                {c.suspended ? 'suspended' : `due ${formatDue(c.due, new Date())}`} · {plural(c.reps, 'review')}
                {c.lapses ? ` · ${plural(c.lapses, 'lapse')}` : ''}
              </span>
              <button type="button" class="button" onClick={() => void setCardSuspended(c, !c.suspended)}>
                {c.suspended ? 'Unsuspend' : 'Suspend'}
              </button>
            </li>
          ))}
        </ul>
      )}

      <h2>Your answers</h2>
      {history.length === 0 ? (
        <p class="muted">None yet: what you type in the drill is kept here.</p>
      ) : (
        <div class="table-wrap">
          <table class="term-table history-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Card</th>
                <th scope="col">You typed</th>
                <th scope="col">Rated</th>
                <th scope="col" class="num">Time</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h, i) => (
                <tr key={`${h.cardId}:${h.reviewedAt}:${i}`}>
                  <td class="nowrap">{formatMoment(h.reviewedAt)}</td>
                  <td class="nowrap">{h.kind === 'cloze' ? 'Cloze' : h.direction === 'zh-en' ? '中 → EN' : 'EN → 中'}</td>
                  <td lang={h.direction === 'zh-en' ? 'en' : 'zh-CN'}>{h.answer ?? <span class="muted">nothing</span>}</td>
                  <td class={`rated r${h.rating}`}>{RATING_NAMES[h.rating - 1]}</td>
                  <td class="num">{h.durationMs === null ? '—' : `${(h.durationMs / 1000).toFixed(1)} s`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Concordance</h2>
      {occurrences.length === 0 ? (
        <p class="muted">This term was added by hand and occurs in no imported sentence.</p>
      ) : (
        <ol class="concordance">
          {occurrences.map((o) => (
            <ConcordanceLine
              key={o.segmentId + ':' + o.zhStart}
              zh={markRange(o.zh, o.zhStart, o.zhEnd)}
              en={markRange(o.en, o.enStart, o.enEnd)}
              source={{ id: o.sourceId, title: o.sourceTitle, pairId: o.segmentId }}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
