// Checking a typed answer with the server's dictionary evidence (CC-CEDICT synonyms, the source
// sentence, simplified ≡ traditional). The browser grades instantly without a dictionary; on
// en→zh sentences that guess is near chance, so the drill asks here for the suggestion it shows.
import { gradeCard, serverEvidence } from '../grading/index.ts';
import type { GradeResult } from '../grading/types.ts';
import type { DrillCard } from '../http/api-types.ts';
import { NotFoundError } from '../errors.ts';
import type { Db } from '../store/index.ts';
import { getSettings } from '../settings/index.ts';
import { drillCardById } from './drill-card.ts';

export function gradeDrillCard(card: DrillCard, answer: string): GradeResult {
  return gradeCard(card, answer, serverEvidence());
}

export function checkAnswer(db: Db, cardId: number, answer: string, now: Date): GradeResult {
  const card = drillCardById(db, cardId, now, getSettings(db));
  if (!card) throw new NotFoundError(`no card ${cardId}`);
  return gradeDrillCard(card, answer);
}
