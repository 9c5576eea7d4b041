// The pure core as the browser runs it: no dictionary, no source (chrF and term coverage).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gradeTranslation } from '../../server/grading/core.ts';

const direction = fc.constantFrom('zh-en' as const, 'en-zh' as const);

describe('gradeTranslation without evidence', () => {
  it('scores the reference itself 1 (Easy), whatever its case, width and spacing', () => {
    const r = gradeTranslation({ reference: 'We must uphold the rule of law.', answer: 'we must uphold the rule of law.', direction: 'zh-en' });
    expect([r.score, r.suggestion]).toEqual([1, 4]);
    expect(gradeTranslation({ reference: '我们要坚持依法治国。', answer: '我们要坚持依法治国．', direction: 'en-zh' }).score).toBe(1);
  });

  it('scores an empty answer 0 and suggests Again', () => {
    for (const answer of ['', '  ', '。', '?!']) {
      const r = gradeTranslation({ reference: '我们要坚持依法治国。', answer, direction: 'en-zh' });
      expect([r.score, r.suggestion, r.reason]).toEqual([0, 1, 'no answer']);
    }
  });

  it.each([
    ['zh-en', 'We must uphold the rule of law.', 'We must uphold the rule of law', 'We must keep to law-based governance.', 'The weather is fine today.'],
    ['en-zh', '我们将推动高质量发展。', '我们将推动高质量发展', '我们会推进高质量的发展。', '今天天气很好。'],
  ] as const)('%s: ranks near-identical > paraphrase > unrelated', (dir, reference, near, paraphrase, unrelated) => {
    const score = (answer: string) => gradeTranslation({ reference, answer, direction: dir }).score;
    expect(score(near)).toBeGreaterThan(score(paraphrase));
    expect(score(paraphrase)).toBeGreaterThan(score(unrelated));
    expect(gradeTranslation({ reference, answer: unrelated, direction: dir }).suggestion).toBe(1);
  });

  it('diffs the answer against the reference', () => {
    const r = gradeTranslation({ reference: 'We must deepen reform.', answer: 'We must deepen the reform.', direction: 'zh-en' });
    expect(r.diff).toEqual([
      { op: 'same', text: 'We must deepen ' },
      { op: 'del', text: 'the ' },
      { op: 'same', text: 'reform.' },
    ]);
    expect(r.matched).toBe('We must deepen reform.');
  });

  it('keeps score within [0, 1], 1 for the reference, 0 for nothing typed', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), direction, (reference, answer, dir) => {
        const r = gradeTranslation({ reference, answer, direction: dir });
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        expect([1, 2, 3, 4]).toContain(r.suggestion);
        if (/[\p{L}\p{N}]/u.test(reference)) expect(gradeTranslation({ reference, answer: reference, direction: dir }).score).toBe(1);
        expect(gradeTranslation({ reference, answer: '', direction: dir }).score).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('term coverage', () => {
  const terms = [
    { zh: '依法治国', en: 'law-based governance', variants: ['rule of law'] },
    { zh: '改革开放', accepted: ['reform and opening up'] },
  ];

  it.each([
    ['We must uphold the rule of law and deepen reform and opening up.', ['accepted', 'accepted'], ['rule of law', 'reform and opening up']],
    ['We will keep to law-based governance.', ['accepted', 'missing'], ['law-based governance', null]],
    ['We must deepen reform.', ['missing', 'missing'], [null, null]],
    ['Law-Based Governances and Reform and Opening-Up!', ['accepted', 'accepted'], ['law-based governance', 'reform and opening up']],
  ])('%j', (answer, statuses, found) => {
    const r = gradeTranslation({ reference: 'We must uphold the rule of law and deepen reform and opening up.', answer, direction: 'zh-en', terms });
    expect(r.terms?.map((t) => t.status)).toEqual(statuses);
    expect(r.terms?.map((t) => t.found)).toEqual(found);
  });

  it('checks Chinese answers for the term itself', () => {
    const r = gradeTranslation({
      reference: '我们要坚持依法治国。',
      answer: '我们要坚持依法治国，深化改革。',
      direction: 'en-zh',
      terms: [{ zh: '依法治国', accepted: ['law-based governance'] }, { zh: '改革开放', accepted: ['reform and opening up'] }],
    });
    expect(r.terms?.map((t) => t.status)).toEqual(['accepted', 'missing']);
  });

  it('caps the suggestion at Hard when a known term is missing, and lowers the score', () => {
    const reference = 'We must uphold the rule of law.';
    const without = gradeTranslation({ reference, answer: reference, direction: 'zh-en' });
    const missing = gradeTranslation({ reference, answer: reference, direction: 'zh-en', terms: [{ zh: '依法治国', accepted: ['law-based governance'] }] });
    expect(without.suggestion).toBe(4);
    expect(missing.suggestion).toBe(2);
    expect(missing.reason).toMatch(/term is missing/);
    expect(missing.score).toBeLessThan(without.score);
  });
});
