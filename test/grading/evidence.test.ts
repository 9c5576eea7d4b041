// Grading with the server's evidence: opencc, CC-CEDICT glosses, jieba (loaded once, a few seconds).
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gradeTerm, gradeTranslation, serverEvidence, warmUpEvidence } from '../../server/grading/index.ts';
import type { GradingEvidence } from '../../server/grading/types.ts';

let evidence: GradingEvidence;
beforeAll(() => {
  warmUpEvidence();
  evidence = serverEvidence();
}, 120_000);

describe('serverEvidence', () => {
  it('is built once', () => {
    expect(serverEvidence()).toBe(evidence);
  });

  it.each([
    ['網絡生態治理', '网络生态治理'],
    ['網路', '网络'],
    ['全過程人民民主', '全过程人民民主'],
  ])('takes traditional %j for %j', (answer, accepted) => {
    const r = gradeTerm({ answer, accepted: [accepted], direction: 'en-zh' }, evidence);
    expect([r.suggestion, r.score]).toEqual([3, 1]);
  });
});

describe('term coverage with the dictionary', () => {
  it('flags another rendering of a term (zh→en): a gloss the glossary does not accept', () => {
    const r = gradeTranslation(
      { reference: 'We will promote development.', answer: 'We will promote growth.', direction: 'zh-en', terms: [{ zh: '发展', accepted: ['development'] }] },
      evidence,
    );
    expect(r.terms).toEqual([{ zh: '发展', status: 'other', found: 'growth' }]);
    expect(r.suggestion).toBeLessThanOrEqual(3);
  });

  it('flags another Chinese word for a term (en→zh)', () => {
    const r = gradeTranslation(
      { reference: '互联网改变了生活。', answer: '网路改变了生活。', direction: 'en-zh', terms: [{ zh: '互联网', accepted: ['internet'] }] },
      evidence,
    );
    expect(r.terms).toEqual([{ zh: '互联网', status: 'other', found: '网路' }]);
  });

  it('accepts traditional characters for the term itself', () => {
    const r = gradeTranslation(
      { reference: '我们将推动高质量发展。', answer: '我們將推動高質量發展。', direction: 'en-zh', terms: [{ zh: '高质量发展', accepted: ['high-quality development'] }] },
      evidence,
    );
    expect(r.terms?.[0].status).toBe('accepted');
    expect([r.score, r.suggestion]).toEqual([1, 4]);
    expect(r.diff).toEqual([{ op: 'same', text: '我們將推動高質量發展。' }]);
  });
});

// Pairs from Tatoeba: one translation graded against another of the same sentence should beat
// the translation of a different sentence that shares more wording with the reference.
describe('valid alternatives beat near misses', () => {
  it.each([
    ['zh-en', '他们离开了。', 'They left.', "They're gone.", 'They left one after another.'],
    ['zh-en', '请跟我来。', 'Follow me.', 'Come along with me.', "Don't follow me."],
    ['zh-en', '我们没时间。', 'We have no time.', "We don't have time.", 'I have no time.'],
    ['zh-en', '把电视关了。', 'Turn off the TV.', 'Turn the TV off.', 'Please turn off the TV.'],
    ['en-zh', 'We are eating apples.', '我们正在吃苹果。', '我们在吃苹果。', '他们正在吃苹果。'],
    ['en-zh', 'Please open the door.', '请把门打开。', '请开门。', '转动门把，把门打开。'],
    ['en-zh', 'I forgot to ask him.', '我忘了问他。', '我忘记问他了。', '我忘了问汤姆。'],
  ] as const)('%s %s', (direction, source, reference, valid, nearMiss) => {
    const grade = (answer: string) => gradeTranslation({ source, reference, answer, direction }, evidence);
    const v = grade(valid);
    const n = grade(nearMiss);
    expect(v.score).toBeGreaterThan(n.score);
    expect(v.suggestion).toBeGreaterThan(1);
  });

  it('credits a dictionary synonym of a reference word (en→zh), not any word sharing a rare sense', () => {
    const grade = (answer: string) => gradeTranslation({ source: 'Be kind.', reference: '友善点。', answer, direction: 'en-zh' }, evidence);
    expect(grade('友好点。').suggestion).toBeGreaterThanOrEqual(3);
    expect(grade('快点。').suggestion).toBeLessThanOrEqual(2);
  });

  it('notices a translation that drops half of a political sentence', () => {
    const grade = (answer: string) =>
      gradeTranslation(
        {
          source: 'Members of the Political Bureau listened attentively to the explanation and engaged in discussion.',
          reference: '中央政治局的同志认真听取讲解,并进行了讨论。',
          answer,
          direction: 'en-zh',
        },
        evidence,
      );
    const full = grade('中央政治局成员仔细听取了讲解并进行讨论。');
    const half = grade('中央政治局的同志认真听取讲解。');
    expect(full.suggestion).toBeGreaterThanOrEqual(3);
    expect(half.suggestion).toBeLessThanOrEqual(2);
    expect(half.reason).toBe('leaves out part of the source');
  });

  it('costs a flipped negation', () => {
    const grade = (answer: string) => gradeTranslation({ source: '我喜欢苹果。', reference: 'I like apples.', answer, direction: 'zh-en' }, evidence);
    const negated = grade("I don't like apples.");
    expect(negated.score).toBeLessThan(grade('I do like apples.').score);
    expect(negated.suggestion).toBeLessThanOrEqual(2);
  });
});

describe('scores with evidence', () => {
  it('stay within [0, 1]; the reference scores 1 and an empty answer 0', () => {
    const text = fc.oneof(fc.string(), fc.constantFrom('我们要坚持依法治国。', 'We must uphold the rule of law.', '網路', 'They left.'));
    fc.assert(
      fc.property(text, text, text, fc.constantFrom('zh-en' as const, 'en-zh' as const), (source, reference, answer, direction) => {
        const r = gradeTranslation({ source, reference, answer, direction }, evidence);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        if (/[\p{L}\p{N}]/u.test(reference)) expect(gradeTranslation({ source, reference, answer: reference, direction }, evidence).score).toBe(1);
        expect(gradeTranslation({ source, reference, answer: ' ', direction }, evidence).score).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
