// The typed answer's score, stored with the review (null: no answer typed, or not gradable).
import type { Settings } from '../http/api-types.ts';
import type { Db } from '../store/index.ts';
import type { CardRecord } from '../store/cards.ts';
import { gradeDrillCard } from './check.ts';
import { buildDrillCard } from './drill-card.ts';

export function scoreAnswer(db: Db, record: CardRecord, answer: string, now: Date, settings: Settings): number | null {
  if (!answer.trim()) return 0;
  const card = buildDrillCard(db, record, now, settings);
  if (!card) return null;
  try {
    return Math.round(gradeDrillCard(card, answer).score * 1000) / 1000;
  } catch {
    // The user's rating is what schedules the card; a grading failure must not lose the answer.
    return null;
  }
}
