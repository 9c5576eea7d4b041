import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeAnswer, stemWord } from '../../server/grading/core.ts';
import type { GradingEvidence } from '../../server/grading/types.ts';

// A plain conversion table as input, standing in for the opencc the server passes.
const traditional: GradingEvidence = {
  toSimplified: (s) => s.replace(/[網絡態會議]/g, (c) => ({ 網: '网', 絡: '络', 態: '态', 會: '会', 議: '议' })[c] ?? c),
};

describe('normalizeAnswer', () => {
  it.each([
    ['The Belt and Road Initiative', 'belt and road initiative'],
    ['  the  the belt and road initiative. ', 'belt and road initiative'],
    ['an Open Economy', 'open economy'],
    ['ＧＤＰ growth', 'gdp growth'],
    ['people’s congresses', 'people congress'],
    ['people-centred development', 'people centered development'],
    ['modernisation', 'modernization'],
    ['Labour policies', 'labor policy'],
    ['organised crime', 'organized crime'],
    ['"whole-process" democracy!', 'whole process democracy'],
    ['boxes of matches', 'box of match'],
    ['The analysis', 'analysis'],
  ])('en %j → %j', (input, expected) => {
    expect(normalizeAnswer(input, 'en')).toBe(expected);
  });

  it.each([
    ['全过程人民民主。', '全过程人民民主'],
    ['“一带一路” 倡议', '一带一路倡议'],
    ['ＧＤＰ 增长', 'gdp增长'],
    ['５Ｇ 网络', '5g网络'],
  ])('zh %j → %j', (input, expected) => {
    expect(normalizeAnswer(input, 'zh')).toBe(expected);
  });

  it('folds traditional characters through the evidence, and only then', () => {
    expect(normalizeAnswer('網絡生態', 'zh', traditional)).toBe('网络生态');
    expect(normalizeAnswer('網絡生態', 'zh')).toBe('網絡生態');
  });

  it('keeps the plural when asked to (term grading tells singular from plural)', () => {
    expect(normalizeAnswer('core values', 'en', undefined, { plurals: false })).toBe('core values');
  });

  it('stems plurals without touching words that only end in s', () => {
    expect(['policies', 'taxes', 'classes', 'status', 'analysis', 'reforms', 'gas'].map((w) => stemWord(w))).toEqual([
      'policy',
      'tax',
      'class',
      'status',
      'analysis',
      'reform',
      'gas',
    ]);
  });

  it('is idempotent in both languages, on any text', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(text, fc.constantFrom('zh' as const, 'en' as const), (s, lang) => {
        const once = normalizeAnswer(s, lang, traditional);
        expect(normalizeAnswer(once, lang, traditional)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
