// The typed answer's score, stored with the review. Wired to server/grading once it publishes
// its index; until then no score is recorded (null means "not graded", never "wrong").
import type { Settings } from '../http/api-types.ts';
import type { Db } from '../store/index.ts';
import type { CardRecord } from '../store/cards.ts';

export function scoreAnswer(_db: Db, _card: CardRecord, _answer: string, _now: Date, _settings: Settings): number | null {
  return null;
}
