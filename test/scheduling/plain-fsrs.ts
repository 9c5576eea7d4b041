// The reference the scheduling tests compare with: ts-fsrs used plainly, from our settings and
// card with a conversion of its own (not the production one, which is what is being checked).
import { fsrs, generatorParameters, type Card, type FSRS, type Grade, type StepUnit } from 'ts-fsrs';
import type { SchedCard, SchedSettings } from '../../server/scheduling/index.ts';

export function plainScheduler(s: SchedSettings): FSRS {
  return fsrs(
    generatorParameters({
      request_retention: s.desiredRetention,
      enable_fuzz: s.enableFuzz,
      learning_steps: s.learningSteps as StepUnit[],
      relearning_steps: s.relearningSteps as StepUnit[],
      ...(s.weights ? { w: s.weights } : {}),
    }),
  );
}

export function plainCard(card: SchedCard): Card {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: ['new', 'learning', 'review', 'relearning'].indexOf(card.state),
    ...(card.lastReview ? { last_review: card.lastReview } : {}),
  };
}

/** Due dates (ISO) after Again, Hard, Good and Easy, as plain repeat() gives them. */
export function plainDues(card: SchedCard, now: Date, s: SchedSettings): string[] {
  const log = plainScheduler(s).repeat(plainCard(card), now);
  return ([1, 2, 3, 4] as Grade[]).map((g) => log[g].card.due.toISOString());
}
