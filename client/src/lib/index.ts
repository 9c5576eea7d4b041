export { parseRoute, routeHref, type Route } from './router.ts';
export { markRange, markNeedles, type Piece } from './marks.ts';
export { formatDuration, formatPercent, formatDue, parseVariants, plural, errorLine, lineRange } from './format.ts';
export { heatmapLayout, heatLevel, niceMax, denseDays, addDays, weekday, type HeatCell, type HeatmapLayout } from './calendar.ts';
export { drillKeyAction, type DrillAction, type DrillPhase, type KeyInput } from './keys.ts';
export { ApiFailure, failureFromBody, networkFailure } from './api-errors.ts';
export { storedTheme, systemDark, nextTheme, applyTheme, type ThemeChoice } from './theme.ts';
export { speak } from './speech.ts';
export { newReviewId } from './uuid.ts';
