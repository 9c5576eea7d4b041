// Grading a drill card's typed answer: the one mapping from a card to the term or translation
// grader, shared by the browser (no evidence: instant) and the server (dictionary evidence).
import type { DrillCard } from '../http/api-types.ts';
import { gradeTerm } from './term.ts';
import { gradeTranslation } from './translation.ts';
import type { GradeResult, GradingEvidence } from './types.ts';

export type GradableCard = Pick<DrillCard, 'kind' | 'direction' | 'reference' | 'accepted' | 'pinyin' | 'terms' | 'prompt'>;

/** An empty answer is "I don't know": Again, with the reference shown in full. */
export function gradeCard(card: GradableCard, answer: string, evidence?: GradingEvidence): GradeResult {
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
      evidence,
    );
  }
  const accepted = card.accepted.length ? card.accepted : [card.reference];
  return gradeTerm({ answer, accepted, direction: card.direction, pinyin: card.pinyin }, evidence);
}
