export { schedule, previewIntervals, previewIntervalsJson, newCard, isStep, stateCode, stateName } from './fsrs.ts';
export { dayWindow, recentDays, comingDays, isTimeZone, type DayWindow } from './day.ts';
export { intervalLabel } from './labels.ts';
export { isoTime } from './iso-time.ts';
export { choosePile, learnAheadMs, type Pile, type QueueState } from './queue.ts';
export type { SchedCard, SchedLog, Scheduled, SchedSettings, DaySettings } from './types.ts';
export { replay, type Answer } from './replay.ts';
export { optimizeWeights, trainingItems, type Fit, type Optimization, type ReviewEvent, type TrainingReview } from './optimizer.ts';
