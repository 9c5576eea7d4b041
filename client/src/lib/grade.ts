// Instant feedback in the browser: the same dictionary-free grading core the server runs, fed
// from the card. An empty answer is "I don't know": Again, with the reference shown in full.
import type { DrillCard } from '../../../server/http/api-types.ts';
import type { GradeResult } from '../../../server/grading/types.ts';
import { gradeTerm, gradeTranslation } from '../../../server/grading/core.ts';

export function gradeCard(card: DrillCard, answer: string): GradeResult {
  const direction = card.direction;
  if (!answer.trim()) {
    return {
      score: 0,
      suggestion: 1,
      diff: [{ op: 'add', text: card.reference }],
      matched: card.reference,
      reason: 'no answer',
    };
  }
  if (card.kind === 'sentence') {
    return gradeTranslation({
      reference: card.reference,
      answer,
      direction,
      terms: card.terms.map((t) => ({ zh: t.zh, accepted: [t.en, ...t.variants] })),
      source: card.prompt,
    });
  }
  return gradeTerm({ answer, accepted: card.accepted.length ? card.accepted : [card.reference], direction, pinyin: card.pinyin });
}
