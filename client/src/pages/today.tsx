import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { StatsResponse, StudySource } from '../../../server/http/api-types.ts';
import { api } from '../api.ts';
import { ErrorNote, Loading } from '../components.tsx';
import { formatDuration, formatPercent, plural, routeHref } from '../lib/index.ts';

export function TodayPage() {
  const [stats, setStats] = useState<StatsResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const start = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    api.stats().then(setStats, setError);
  }, []);
  // In the commit that renders the button, not a frame later: Enter pressed as it appears opens the drill.
  useLayoutEffect(() => {
    start.current?.focus();
  }, [stats]);

  if (error) return <ErrorNote error={error} />;
  if (!stats) return <Loading />;

  const { counts, today, streak, sources } = stats;
  const waiting = counts.new + counts.learning + counts.review;

  if (!sources.length) {
    return (
      <section class="empty today-empty">
        <h1>Welcome to duizhao</h1>
        <p class="lead">
          duizhao turns a bilingual text into a daily drill: it finds the sentence pairs and the terms (
          <span lang="zh-CN">网络生态治理</span> ↔ <i>cyber ecosystem governance</i>), then schedules them so they stick.
        </p>
        <ol class="steps">
          <li>Import a Chinese–English text: paste it, or drop a file (plain text with alternating lines, TSV, CSV or TMX).</li>
          <li>Untick the term candidates you do not want, and save.</li>
          <li>Come back every day and drill what is due.</li>
        </ol>
        <a class="button primary" href="#/import" ref={start}>
          Import your first text
        </a>
      </section>
    );
  }

  return (
    <section class="today">
      <h1>Today</h1>
      <div class="tiles" role="list">
        <Tile label="Due" value={counts.review} hint="reviews" tone="review" />
        <Tile label="Learning" value={counts.learning} hint="in steps" tone="learning" />
        <Tile label="New" value={counts.new} hint="to meet today" tone="new" />
        <Tile label="Streak" value={streak} hint={streak === 1 ? 'day' : 'days'} tone="streak" />
      </div>
      <div class="start-row">
        {waiting > 0 ? (
          <a class="button primary big" href="#/drill" ref={start}>
            Start drill · {plural(waiting, 'card')}
          </a>
        ) : (
          <p class="done-note">
            All done for today. {counts.learning ? '' : 'New cards arrive tomorrow.'}{' '}
            <a href="#/drill" ref={start}>
              Drill anyway
            </a>
          </p>
        )}
        <p class="muted">
          {stats.forecast[1] ? `Tomorrow: ${plural(stats.forecast[1].count, 'card')} due. ` : ''}
          Today: {plural(today.reviews, 'review')}, {plural(today.newCards, 'new card')}
          {today.again ? `, ${today.again} again` : ''}, {formatDuration(today.timeMs)}.
        </p>
      </div>

      <h2>Sources</h2>
      <ul class="sources">
        {sources.map((s) => {
          const share = s.terms ? s.mastered / s.terms : 0;
          return (
            <li key={s.id}>
              <div class="source-head">
                <a class="source-title" href={routeHref({ page: 'source', sourceId: s.id, at: null })}>
                  {s.title}
                </a>
                <span class="muted">
                  {s.mastered}/{s.terms} terms mastered · {formatPercent(share)}
                </span>
              </div>
              <div
                class="meter"
                role="progressbar"
                aria-label={`${s.title}: terms mastered`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(share * 100)}
              >
                <span style={{ width: `${share * 100}%` }} />
              </div>
              <p class="muted small source-foot">
                <span>
                  {plural(s.sentences, 'sentence pair')} · {plural(s.cards, 'card')} · imported {s.importedAt.slice(0, 10)}
                </span>
                <StudyLink source={s} />
              </p>
            </li>
          );
        })}
      </ul>
      <p class="muted small">A term counts as mastered once all its cards are in review with a stability of 21 days or more.</p>
    </section>
  );
}

/** A drill of this source's cards alone, with what it would serve now. */
function StudyLink({ source }: { source: StudySource }) {
  const { new: fresh, learning, review } = source.counts;
  if (fresh + learning + review === 0) return <span class="study-none">nothing to study now</span>;
  const parts = [review && `${review} due`, learning && `${learning} learning`, fresh && `${fresh} new`].filter(Boolean);
  return (
    <a class="study-link" href={routeHref({ page: 'drill', source: source.id })} aria-label={`Study ${source.title}: ${parts.join(', ')}`}>
      Study · {parts.join(' · ')}
    </a>
  );
}

function Tile({ label, value, hint, tone }: { label: string; value: number; hint: string; tone: string }) {
  return (
    <div class={`tile ${tone}`} role="listitem">
      <span class="tile-value">{value}</span>
      <span class="tile-label">{label}</span>
      <span class="tile-hint">{hint}</span>
    </div>
  );
}
