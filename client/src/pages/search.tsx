// A concordance search of every text, as a CAT tool searches its translation memory: any words,
// Chinese or English, and every sentence pair holding them, side by side, each opening its text.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PairSearchResponse } from '../../../server/http/api-types.ts';
import { api } from '../api.ts';
import { ConcordanceLine, ErrorNote, Loading, Pager } from '../components.tsx';
import { markMatches, plural, routeHref } from '../lib/index.ts';

const PAGE = 50;

export function SearchPage({ q }: { q: string }) {
  const [query, setQuery] = useState(q);
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<PairSearchResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    const words = query.trim();
    if (!words) {
      setData(null);
      return;
    }
    let stale = false;
    // Debounced: a request per pause in typing, not per keystroke.
    const timer = setTimeout(() => {
      api.searchPairs(words, PAGE, offset).then(
        (r) => !stale && (setData(r), setError(null)),
        (e) => !stale && setError(e),
      );
    }, 150);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query, offset]);

  const words = query.trim();
  // The address follows the words, so a reload or a link keeps the search.
  const search = (value: string) => {
    setQuery(value);
    setOffset(0);
    history.replaceState(null, '', routeHref({ page: 'search', q: value.trim() }));
  };
  return (
    <section class="search">
      <h1>Search the texts</h1>
      <input type="search" class="search" aria-label="Search the sentence pairs of every text" placeholder="Words in Chinese or English" ref={input} value={query} onInput={(e) => search(e.currentTarget.value)} />
      <ErrorNote error={error} />
      {!words ? (
        <p class="muted">Every sentence pair of your texts that holds the words, with the text it comes from: how a phrase was translated before.</p>
      ) : !data ? (
        <Loading />
      ) : data.total === 0 ? (
        <div class="empty">
          <p>No sentence pair holds “{words}”.</p>
        </div>
      ) : (
        <>
          <p class="muted small">{plural(data.total, 'sentence pair')}</p>
          <ol class="concordance" start={offset + 1}>
            {data.pairs.map((p) => (
              <ConcordanceLine
                key={p.id}
                zh={markMatches(p.zh, words)}
                en={markMatches(p.en, words)}
                source={{ id: p.sourceId, title: p.sourceTitle, pairId: p.id }}
              />
            ))}
          </ol>
          <Pager offset={offset} size={PAGE} total={data.total} onOffset={setOffset} />
        </>
      )}
    </section>
  );
}
