export { nextCard, nextCardBody, answerCard, undoLast, extendNewCards, extendStatus, setSuspended, isLeechLapse, listSuspended, type SuspendResult } from './drill.ts';
export { buildDrillCard, drillCardById, blank } from './drill-card.ts';
export { queueCounts, sourcesCounts } from './queue.ts';
export { checkAnswer, gradeDrillCard } from './check.ts';
