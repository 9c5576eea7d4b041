// Checking a typed answer with the server's dictionary evidence (CC-CEDICT synonyms, the source
// sentence, simplified ≡ traditional). The browser grades instantly without a dictionary; on
// en→zh sentences that guess is near chance, so the drill asks here for the suggestion it shows.
import { gradeTerm, gradeTranslation, serverEvidence } from '../grading/index.ts';
import type { GradeResult } from '../grading/types.ts';
import type { DrillCard } from '../http/api-types.ts';
import { NotFoundError } from '../errors.ts';
import type { Db } from '../store/index.ts';
import { getSettings } from '../settings/index.ts';
import { drillCardById } from './drill-card.ts';

/** An empty answer is "I don't know": Again, with the reference shown in full. */
export function gradeDrillCard(card: DrillCard, answer: string): GradeResult {
  if (!answer.trim()) {
    return { score: 0, suggestion: 1, diff: [{ op: 'add', text: card.reference }], matched: card.reference, reason: 'no answer' };
  }
  if (card.kind === 'sentence') {
    return gradeTranslation(
      {
        reference: card.reference,
        answer,
        direction: card.direction,
        terms: card.terms.map((t) => ({ zh: t.zh, accepted: [t.en, ...t.variants] })),
        source: card.prompt,
      },
      serverEvidence(),
    );
  }
  const accepted = card.accepted.length ? card.accepted : [card.reference];
  return gradeTerm({ answer, accepted, direction: card.direction, pinyin: card.pinyin }, serverEvidence());
}

export function checkAnswer(db: Db, cardId: number, answer: string, now: Date): GradeResult {
  const card = drillCardById(db, cardId, now, getSettings(db));
  if (!card) throw new NotFoundError(`no card ${cardId}`);
  return gradeDrillCard(card, answer);
}
