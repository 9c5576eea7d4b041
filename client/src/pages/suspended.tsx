// Every suspended card, term and sentence alike, leeches first: what the drill's S and the leech
// rule took out, each brought back with one button.
import { useEffect, useState } from 'preact/hooks';
import type { SuspendedCard, SuspendedCardsResponse } from '../../../server/http/api-types.ts';
import { api } from '../api.ts';
import { ErrorNote, Loading, Pager } from '../components.tsx';
import { plural, routeHref } from '../lib/index.ts';

const PAGE = 100;

export function SuspendedPage() {
  const [data, setData] = useState<SuspendedCardsResponse | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let stale = false;
    api.suspendedCards(PAGE, offset).then(
      (r) => !stale && (setData(r), setError(null)),
      (e) => !stale && setError(e),
    );
    return () => {
      stale = true;
    };
  }, [offset, reload]);

  const unsuspend = async (card: SuspendedCard) => {
    setError(null);
    try {
      await api.unsuspend(card.id);
      setNotice(`Back in the drill: ${card.zh.length > 30 ? card.zh.slice(0, 30) + '…' : card.zh}`);
      // The page is read again: the card leaves it, and the next one moves up.
      if (data && data.cards.length === 1 && offset > 0) setOffset(Math.max(0, offset - PAGE));
      else setReload((n) => n + 1);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section class="suspended">
      <h1>Suspended cards</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorNote error={error} />
      {!data ? (
        error ? null : <Loading />
      ) : data.total === 0 ? (
        <div class="empty">
          <p>No suspended cards. A card you suspend in the drill (S), or a leech the drill takes out after repeated lapses, is listed here to bring back.</p>
        </div>
      ) : (
        <>
          <p class="muted small">
            {plural(data.total, 'card')} out of the drill{data.cards.some((c) => c.leech) ? '; leeches first' : ''}.
          </p>
          <ul class="suspended-cards">
            {data.cards.map((c) => (
              <li key={c.id}>
                <div class="suspended-text">
                  <p lang="zh-CN" class="zh">
                    {c.termId !== null ? <a href={routeHref({ page: 'terms', termId: c.termId, q: '' })}>{c.zh}</a> : c.zh}
                  </p>
                  <p lang="en">{c.en}</p>
                  <p class="muted small">
                    {kindLabel(c)} · {plural(c.reps, 'review')}
                    {c.lapses ? ` · ${plural(c.lapses, 'lapse')}` : ''}
                    {c.sourceTitle ? ` · ${c.sourceTitle}` : ''}
                    {c.leech && (
                      <>
                        {' '}
                        <span class="badge leech">leech</span>
                      </>
                    )}
                  </p>
                </div>
                <button type="button" class="button" onClick={() => void unsuspend(c)}>
                  Unsuspend
                </button>
              </li>
            ))}
          </ul>
          <Pager offset={offset} size={PAGE} total={data.total} onOffset={setOffset} />
        </>
      )}
    </section>
  );
}

function kindLabel(c: SuspendedCard): string {
  const way = c.direction === 'zh-en' ? '中文 → English' : 'English → 中文';
  if (c.kind === 'cloze') return 'Cloze';
  return `${c.kind === 'term' ? 'Term' : 'Sentence'}, ${way}`;
}
