import { useEffect, useRef, useState } from 'preact/hooks';
import type { KindFigures, StatsResponse } from '../../../server/http/api-types.ts';
import { api } from '../api.ts';
import { ErrorNote, Loading } from '../components.tsx';
import { addDays, denseDays, formatDuration, formatPercent, heatmapLayout, niceMax, plural, routeHref } from '../lib/index.ts';

export function StatsPage() {
  const [stats, setStats] = useState<StatsResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.stats().then(setStats, setError);
  }, []);
  if (error) return <ErrorNote error={error} />;
  if (!stats) return <Loading />;

  const today = stats.forecast[0]?.day ?? new Date().toISOString().slice(0, 10);
  const reviewsYear = stats.heatmap.reduce((n, d) => n + d.count, 0);
  const time30 = stats.timeByDay.reduce((n, d) => n + d.count, 0);

  return (
    <section class="stats">
      <h1>Stats</h1>
      {reviewsYear === 0 && (
        <p class="empty-note">
          No reviews yet. Your history fills in as you drill: <a href="#/drill">start a session</a>.
        </p>
      )}
      <div class="tiles" role="list">
        <div class="tile" role="listitem">
          <span class="tile-value" data-testid="today-reviews">{stats.today.reviews}</span>
          <span class="tile-label">Reviews today</span>
          <span class="tile-hint">{stats.today.again} again</span>
        </div>
        <div class="tile" role="listitem">
          <span class="tile-value">{formatPercent(stats.retention.last30)}</span>
          <span class="tile-label">Retention, 30 days</span>
          <span class="tile-hint">desired {formatPercent(stats.retention.desired)}</span>
        </div>
        <div class="tile" role="listitem">
          <span class="tile-value">{stats.streak}</span>
          <span class="tile-label">Streak</span>
          <span class="tile-hint">{stats.streak === 1 ? 'day' : 'days'}</span>
        </div>
        <div class="tile" role="listitem">
          <span class="tile-value">{formatDuration(stats.today.timeMs)}</span>
          <span class="tile-label">Time today</span>
          <span class="tile-hint">{formatDuration(time30)} in 30 days</span>
        </div>
      </div>

      <h2>Reviews per day</h2>
      <p class="muted small">{plural(reviewsYear, 'review')} in the last year.</p>
      <Heatmap stats={stats} today={today} />

      <h2>Due in the next 30 days</h2>
      <Bars data={denseDays(stats.forecast, today, 30)} label="cards due" className="bars-forecast" firstLabel="today" />

      <h2>True retention</h2>
      <p class="muted small">
        Share of reviews of cards in review state that you passed (Hard, Good or Easy), beside your desired retention of{' '}
        {formatPercent(stats.retention.desired)}. Today {formatPercent(stats.retention.today)}, 7 days {formatPercent(stats.retention.last7)}, 30 days{' '}
        {formatPercent(stats.retention.last30)}.
      </p>
      <div class="retention-charts">
        <div>
          <h3>Per day</h3>
          <RetentionChart points={stats.retention.byDay.map((d) => ({ key: d.day, label: d.day.slice(5), passed: d.passed, total: d.total }))} desired={stats.retention.desired} />
        </div>
        <div>
          <h3>Per week</h3>
          <RetentionChart points={stats.retention.byWeek.map((d) => ({ key: d.week, label: d.week, passed: d.passed, total: d.total }))} desired={stats.retention.desired} />
        </div>
      </div>

      <h2>What is sticking</h2>
      <p class="muted small">Per kind of card, and per text: how many are in review and mastered (stable for 21 days or more), and over the last 30 days the answers to cards in review, true retention and the median time to answer.</p>
      <KindTable kinds={stats.byKind} desired={stats.retention.desired} />
      <h3>By text</h3>
      <TextTable sources={stats.sources} desired={stats.retention.desired} />
      <h3>Forgotten most</h3>
      {stats.forgotten.length ? (
        <ul class="forgotten">
          {stats.forgotten.map((t) => (
            <li key={t.id}>
              <a href={routeHref({ page: 'terms', termId: t.id, q: '' })} lang="zh-CN">
                {t.zh}
              </a>{' '}
              <span class="en">{t.en}</span>{' '}
              <span class="muted small">
                forgotten {t.again}× in {plural(t.answers, 'answer')}
                {t.leech ? ' · a leech' : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">No term forgotten twice in the last 30 days.</p>
      )}

      <h2>Cards by state</h2>
      <StateBar counts={stats.cardsByState} />

      <h2>Time spent</h2>
      <Bars data={denseDays(stats.timeByDay, addDays(today, -29), 30).map((d) => ({ ...d, count: Math.round(d.count / 6_000) / 10 }))} label="minutes" className="bars-time" lastLabel="today" />
    </section>
  );
}

const KIND_NAMES: Record<KindFigures['kind'], string> = { term: 'Term', cloze: 'Cloze', sentence: 'Sentence' };

function KindTable({ kinds, desired }: { kinds: KindFigures[]; desired: number }) {
  if (!kinds.length) return <p class="muted small">No cards yet.</p>;
  return (
    <div class="table-wrap">
      <table class="term-table kind-table">
        <thead>
          <tr>
            <th scope="col">Card</th>
            <th scope="col" class="num">Cards</th>
            <th scope="col" class="num">In review</th>
            <th scope="col" class="num">Mastered</th>
            <th scope="col" class="num">Answers</th>
            <th scope="col" class="num">Retention</th>
            <th scope="col" class="num">Median time</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => (
            <tr key={`${k.kind}-${k.direction}`}>
              <th scope="row">
                {KIND_NAMES[k.kind]} {k.direction === 'zh-en' ? '中 → EN' : 'EN → 中'}
              </th>
              <td class="num">{k.cards}</td>
              <td class="num">{k.inReview}</td>
              <td class="num">{k.mastered}</td>
              <td class="num">{k.answers}</td>
              <RetentionCell retention={k.retention} desired={desired} title={plural(k.reviewAnswers, 'review-state answer')} />
              <td class="num">{k.medianMs === null ? '—' : `${(k.medianMs / 1000).toFixed(1)} s`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A true retention, marked when it falls more than 5 points short of the desired one. */
function RetentionCell({ retention, desired, title }: { retention: number | null; desired: number; title?: string }) {
  return (
    <td class={`num${retention !== null && retention < desired - 0.05 ? ' below' : ''}`} title={title}>
      {formatPercent(retention)}
    </td>
  );
}

/** Each text's terms mastered and, over 30 days, the answers to its cards in review and its true retention. */
function TextTable({ sources, desired }: { sources: StatsResponse['sources']; desired: number }) {
  if (!sources.length) return <p class="muted small">No text imported yet.</p>;
  return (
    <div class="table-wrap">
      <table class="term-table text-table">
        <thead>
          <tr>
            <th scope="col">Text</th>
            <th scope="col" class="num">Terms mastered</th>
            <th scope="col" class="num" title="Answers to its cards in review over the last 30 days">
              Reviews
            </th>
            <th scope="col" class="num">Retention</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                <a href={routeHref({ page: 'source', sourceId: s.id, at: null })}>{s.title}</a>
              </th>
              <td class="num">
                {s.mastered} / {s.terms}
              </td>
              <td class="num">{s.reviewAnswers}</td>
              <RetentionCell retention={s.retention} desired={desired} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const CELL = 11;
const GAP = 2;

function Heatmap({ stats, today }: { stats: StatsResponse; today: string }) {
  const layout = heatmapLayout(stats.heatmap, today);
  const box = useRef<HTMLDivElement>(null);
  // On a narrow screen the year scrolls: start at its recent end.
  useEffect(() => {
    if (box.current) box.current.scrollLeft = box.current.scrollWidth;
  }, []);
  const left = 24;
  const top = 14;
  const width = left + layout.weeks * (CELL + GAP);
  const height = top + 7 * (CELL + GAP);
  return (
    <div class="chart-scroll" ref={box}>
      <svg class="heatmap" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Reviews per day over the last year: ${layout.total} in all`}>
        {layout.months.map((m) => (
          <text key={m.col + m.label} x={left + m.col * (CELL + GAP)} y={10} class="axis">
            {m.label}
          </text>
        ))}
        {['Mon', 'Wed', 'Fri'].map((d, i) => (
          <text key={d} x={0} y={top + (i * 2 + 1) * (CELL + GAP) - 3} class="axis">
            {d}
          </text>
        ))}
        {layout.cells.map((c) => (
          <rect key={c.day} x={left + c.col * (CELL + GAP)} y={top + c.row * (CELL + GAP)} width={CELL} height={CELL} rx={2} class={`heat l${c.level}`}>
            <title>
              {c.day}: {plural(c.count, 'review')}
            </title>
          </rect>
        ))}
      </svg>
    </div>
  );
}

function Bars({ data, label, className, firstLabel, lastLabel }: { data: { day: string; count: number }[]; label: string; className: string; firstLabel?: string; lastLabel?: string }) {
  const max = niceMax(data.map((d) => d.count));
  // The bars stretch to any width; the labels are HTML beside them so text never scales with the chart.
  const w = data.length * 10;
  const h = 100;
  return (
    <div class={`bar-chart ${className}`}>
      <span class="y-max axis-label">{max}</span>
      <svg viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none" role="img" aria-label={`${label} per day, at most ${Math.max(...data.map((d) => d.count), 0)}`}>
        <line x1={0} x2={w} y1={0.5} y2={0.5} class="grid" vector-effect="non-scaling-stroke" />
        <line x1={0} x2={w} y1={h - 0.5} y2={h - 0.5} class="grid" vector-effect="non-scaling-stroke" />
        {data.map((d, i) => (
          <rect key={d.day} x={i * 10 + 1.5} y={h - (h * d.count) / max} width={7} height={(h * d.count) / max} class="bar">
            <title>
              {d.day}: {d.count} {label}
            </title>
          </rect>
        ))}
      </svg>
      <div class="x-labels axis-label">
        <span>{firstLabel ?? data[0]?.day.slice(5)}</span>
        <span>{label}</span>
        <span>{lastLabel ?? data[data.length - 1]?.day.slice(5)}</span>
      </div>
    </div>
  );
}

function RetentionChart({ points, desired }: { points: { key: string; label: string; passed: number; total: number }[]; desired: number }) {
  const shown = points.filter((p) => p.total > 0).slice(-30);
  if (!shown.length) return <p class="muted small">No reviews of mature cards yet.</p>;
  const w = 300;
  const h = 120;
  const left = 36;
  const top = 10;
  const bottom = 18;
  // 50–100%: retention below a half is rare and would flatten the interesting range.
  const lo = Math.min(0.5, ...shown.map((p) => p.passed / p.total));
  const y = (v: number) => top + (h - top - bottom) * (1 - (v - lo) / (1 - lo));
  const x = (i: number) => left + (shown.length === 1 ? (w - left) / 2 : (i * (w - left - 8)) / (shown.length - 1) + 4);
  const path = shown.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.passed / p.total).toFixed(1)}`).join(' ');
  return (
    <svg class="retention" viewBox={`0 0 ${w} ${h}`} role="img" aria-label="True retention beside the desired retention">
      <line x1={left} x2={w} y1={y(desired)} y2={y(desired)} class="desired" />
      <text x={left - 4} y={y(desired) + 4} class="axis desired-label" text-anchor="end">
        {Math.round(desired * 100)}%
      </text>
      <line x1={left} x2={w} y1={y(1)} y2={y(1)} class="grid" />
      <line x1={left} x2={w} y1={y(lo)} y2={y(lo)} class="grid" />
      <text x={left - 4} y={y(1) + 4} class="axis" text-anchor="end">
        100%
      </text>
      <text x={left - 4} y={y(lo) + 4} class="axis" text-anchor="end">
        {Math.round(lo * 100)}%
      </text>
      <path d={path} class="line" />
      {shown.map((p, i) => (
        <circle key={p.key} cx={x(i)} cy={y(p.passed / p.total)} r={3} class="dot">
          <title>
            {p.label}: {p.passed}/{p.total} passed ({formatPercent(p.passed / p.total)})
          </title>
        </circle>
      ))}
      <text x={left} y={h - 4} class="axis">
        {shown[0]!.label}
      </text>
      <text x={w} y={h - 4} class="axis" text-anchor="end">
        {shown[shown.length - 1]!.label}
      </text>
    </svg>
  );
}

const STATES = ['new', 'learning', 'relearning', 'review', 'suspended'] as const;

function StateBar({ counts }: { counts: StatsResponse['cardsByState'] }) {
  const total = STATES.reduce((n, s) => n + counts[s], 0);
  let x = 0;
  return (
    <div class="state-bar">
      <svg viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="Cards by state">
        {total > 0 &&
          STATES.map((s) => {
            const w = (counts[s] / total) * 100;
            const rect = <rect key={s} x={x} y={0} width={w} height={8} class={`st-${s}`} />;
            x += w;
            return rect;
          })}
        {total === 0 && <rect x={0} y={0} width={100} height={8} class="st-empty" />}
      </svg>
      <ul class="legend">
        {STATES.map((s) => (
          <li key={s}>
            <span class={`swatch st-${s}`} />{' '}
            {s === 'suspended' && counts[s] > 0 ? <a href="#/suspended">{s}</a> : s} <b>{counts[s]}</b>
          </li>
        ))}
      </ul>
    </div>
  );
}
