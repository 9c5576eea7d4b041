// The progress page and `cli stats`: today's work, streak, heatmap, forecast, true retention,
// cards by state, time, and mastery per source. Days are local study days (settings' zone and
// day start), so "today" matches what the drill counts.
import type { DayCount, KindFigures, Settings, StatsResponse } from '../http/api-types.ts';
import { comingDays, recentDays, type DayWindow } from '../scheduling/index.ts';
import { getSettings } from '../settings/index.ts';
import { queueCounts, sourcesCounts } from '../drill/queue.ts';
import { sourcesStore, type Db } from '../store/index.ts';
import * as statsStore from '../store/stats.ts';

const heatmapDays = 365;
const recentWindow = 30;
const weeks = 12;
/** A term is listed as forgotten from its second Again in the window; ten at most. */
const minAgain = 2;
const forgottenShown = 10;

const kindOrder: [KindFigures['kind'], KindFigures['direction']][] = [
  ['term', 'zh-en'],
  ['term', 'en-zh'],
  ['cloze', 'zh-en'],
  ['cloze', 'en-zh'],
  ['sentence', 'zh-en'],
  ['sentence', 'en-zh'],
];

/** Per kind and direction: cards now, answers since `from`, true retention and median time over them. */
function kindFigures(db: Db, from: number): KindFigures[] {
  const cards = statsStore.cardsByKind(db);
  const answers = statsStore.answersByKindSince(db, from);
  const figures: KindFigures[] = [];
  for (const [kind, direction] of kindOrder) {
    const own = cards.find((c) => c.kind === kind && c.direction === direction);
    const mine = answers.find((a) => a.kind === kind && a.direction === direction);
    if (!own && !mine) continue;
    figures.push({
      kind,
      direction,
      cards: own?.cards ?? 0,
      inReview: own?.inReview ?? 0,
      mastered: own?.mastered ?? 0,
      answers: mine?.answers ?? 0,
      retention: share(mine?.reviewPassed ?? 0, mine?.reviewAnswers ?? 0),
      reviewAnswers: mine?.reviewAnswers ?? 0,
      medianMs: mine ? medianTenths(mine.times) : null,
    });
  }
  return figures;
}

/** The median of counted times in tenths of a second (sorted), as ms to the tenth below; null for none. */
function medianTenths(times: { tenths: number; count: number }[]): number | null {
  const total = times.reduce((n, t) => n + t.count, 0);
  if (!total) return null;
  // The middle answer (the lower of two middles when the count is even).
  let rank = Math.floor((total - 1) / 2);
  for (const t of times) {
    if (rank < t.count) return t.tenths * 100;
    rank -= t.count;
  }
  return null;
}

function bucketsOf(days: DayWindow[]): [number, number][] {
  return days.map((d) => [d.start.getTime(), d.end.getTime()]);
}

function share(passed: number, total: number): number | null {
  return total === 0 ? null : passed / total;
}

export function getStats(db: Db, now: Date): StatsResponse {
  const settings = getSettings(db);
  const year = recentDays(now, heatmapDays, settings);
  const perDay = statsStore.reviewCountsByDay(db, bucketsOf(year));
  // Full figures only where they are shown: the last 12 weeks (retention by week), which
  // include the last 30 days.
  const detailFrom = year.length - weeks * 7;
  const figures = new Map(
    statsStore
      .reviewFiguresByDay(db, bucketsOf(year.slice(detailFrom)))
      .filter((f) => f.reviews > 0)
      .map((f) => [f.index + detailFrom, f]),
  );
  const todayIndex = year.length - 1;
  const today = figures.get(todayIndex);

  // Streak: consecutive study days with a review, ending today, or yesterday when today has
  // none yet (the day is not over). Older than a year: keep walking back day by day.
  let streak = 0;
  let i = today ? todayIndex : todayIndex - 1;
  while (i >= 0 && perDay[i] > 0) {
    streak++;
    i--;
  }
  if (i < 0) {
    let day = year[0];
    for (;;) {
      day = recentDays(new Date(day.start.getTime() - 1), 1, settings)[0];
      if (!statsStore.hasReviewBetween(db, day.start.getTime(), day.end.getTime())) break;
      streak++;
    }
  }

  const heatmap: DayCount[] = [];
  year.forEach((d, index) => {
    if (perDay[index] > 0) heatmap.push({ day: d.day, count: perDay[index] });
  });

  const coming = comingDays(now, recentWindow, settings);
  const buckets = bucketsOf(coming);
  buckets[0][0] = 0; // overdue cards count today
  const dueCounts = new Map(statsStore.dueByDay(db, buckets).map((d) => [d.index, d.count]));
  const forecast = coming.map((d, index) => ({ day: d.day, count: dueCounts.get(index) ?? 0 }));

  const byDay: StatsResponse['retention']['byDay'] = [];
  const timeByDay: DayCount[] = [];
  let passed7 = 0, total7 = 0, passed30 = 0, total30 = 0;
  for (let index = year.length - recentWindow; index < year.length; index++) {
    const f = figures.get(index);
    const day = year[index].day;
    timeByDay.push({ day, count: f?.timeMs ?? 0 });
    if (!f) continue;
    if (f.reviewTotal > 0) byDay.push({ day, passed: f.reviewPassed, total: f.reviewTotal });
    passed30 += f.reviewPassed;
    total30 += f.reviewTotal;
    if (index >= year.length - 7) {
      passed7 += f.reviewPassed;
      total7 += f.reviewTotal;
    }
  }

  // Weeks are the 7-day blocks ending today, labelled by their first day.
  const byWeek: StatsResponse['retention']['byWeek'] = [];
  for (let w = weeks - 1; w >= 0; w--) {
    const last = year.length - 1 - w * 7;
    let passed = 0, total = 0;
    for (let index = last - 6; index <= last; index++) {
      const f = figures.get(index);
      if (f) {
        passed += f.reviewPassed;
        total += f.reviewTotal;
      }
    }
    if (total > 0) byWeek.push({ week: year[last - 6].day, passed, total });
  }

  const cardsByState = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0 };
  const names = ['new', 'learning', 'review', 'relearning'] as const;
  for (const row of statsStore.cardsByState(db)) {
    if (row.suspended) cardsByState.suspended += row.count;
    else cardsByState[names[row.state]] += row.count;
  }

  const counts = queueCounts(db, now, settings);
  return {
    today: {
      reviews: today?.reviews ?? 0,
      newCards: today?.newCards ?? 0,
      again: today?.again ?? 0,
      timeMs: today?.timeMs ?? 0,
      due: forecast[0].count,
    },
    counts,
    streak,
    heatmap,
    forecast,
    retention: {
      desired: settings.desiredRetention,
      today: share(today?.reviewPassed ?? 0, today?.reviewTotal ?? 0),
      last7: share(passed7, total7),
      last30: share(passed30, total30),
      byDay,
      byWeek,
    },
    cardsByState,
    timeByDay,
    byKind: kindFigures(db, year[year.length - recentWindow].start.getTime()),
    forgotten: statsStore
      .mostForgottenTerms(db, year[year.length - recentWindow].start.getTime(), minAgain, forgottenShown)
      .map((t) => ({ id: t.id, zh: t.zh, en: t.en, again: t.again, answers: t.answers, leech: t.leech === 1 })),
    // Each source with what a drill focused on it would serve now.
    sources: sourceList(db, now, settings, year[year.length - recentWindow].start.getTime()),
  };
}

/**
 * Each source's summary with what a drill focused on it would serve now (nothing for a text whose
 * cards are all out of the drill), and its true retention since `from`.
 */
function sourceList(db: Db, now: Date, settings: Settings, from: number): StatsResponse['sources'] {
  const counts = sourcesCounts(db, now, settings);
  const answers = sourcesStore.reviewAnswersBySource(db, from);
  return sourcesStore.sourceSummaries(db).map((source) => {
    const a = answers.get(source.id);
    return {
      ...source,
      counts: counts.get(source.id) ?? { new: 0, learning: 0, review: 0 },
      reviewAnswers: a?.answers ?? 0,
      retention: a && a.answers ? a.passed / a.answers : null,
    };
  });
}
