import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { editDistance, gradeTerm, pinyinKey } from '../../server/grading/core.ts';
import type { GradingEvidence, Suggestion } from '../../server/grading/types.ts';

const t2s: Record<string, string> = { 網: '网', 絡: '络', 態: '态', 國: '国', 與: '与', 發: '发', 展: '展' };
const evidence: GradingEvidence = { toSimplified: (s) => s.replace(/./gu, (c) => t2s[c] ?? c) };

type Row = [answer: string, accepted: string[], suggestion: Suggestion, reason: RegExp];

describe('gradeTerm zh→en (English answers)', () => {
  it.each<Row>([
    ['Belt and Road Initiative', ['Belt and Road Initiative'], 3, /preferred/],
    ['the belt and road initiative', ['Belt and Road Initiative'], 3, /preferred/],
    ['BRI', ['Belt and Road Initiative', 'BRI'], 3, /variant/],
    ['ＢＲＩ', ['Belt and Road Initiative', 'BRI'], 3, /variant/],
    ['people-centred approach', ['people-centered approach'], 3, /preferred/],
    ['modernisation', ['modernization'], 3, /preferred/],
    ['"whole-process people\'s democracy".', ["whole-process people's democracy"], 3, /preferred/],
    ['goverment', ['government'], 2, /typo/],
    ['cyber secruity', ['cyber security'], 2, /typo/],
    ['core socialist value', ['core socialist values'], 2, /singular\/plural/],
    ['core socialist values', ['core socialist value'], 2, /singular\/plural/],
    ['community with shared future', ['community with a shared future'], 2, /article/],
    ['rural revitalization and poverty alleviation', ['poverty alleviation and rural revitalization'], 2, /swapped/],
    ['security, development', ['development, security'], 2, /swapped/],
    ['tax', ['tab'], 1, /different/],
    ['A', ['A'], 3, /preferred/],
    ['reform', ['opening up'], 1, /different/],
    ['development and security and stability', ['stability and development and security'], 1, /different/],
  ])('%j for %j → %i', (answer, accepted, suggestion, reason) => {
    const r = gradeTerm({ answer, accepted, direction: 'zh-en' });
    expect(r.suggestion).toBe(suggestion);
    expect(r.reason).toMatch(reason);
  });

  it('shows what differs against the closest accepted rendering', () => {
    const r = gradeTerm({ answer: 'high quality developments', accepted: ['high-quality growth', 'high-quality development'], direction: 'zh-en' });
    expect(r.suggestion).toBe(2);
    expect(r.matched).toBe('high-quality development');
    expect(r.diff).toEqual([
      { op: 'del', text: 'high quality developments' },
      { op: 'add', text: 'high-quality development' },
    ]);
  });

  it('shows nothing to correct when the answer matches', () => {
    expect(gradeTerm({ answer: 'The Rule of Law', accepted: ['rule of law'], direction: 'zh-en' }).diff).toEqual([
      { op: 'same', text: 'The Rule of Law' },
    ]);
  });
});

describe('gradeTerm en→zh (Chinese answers)', () => {
  it.each<[string, string[], Suggestion, RegExp, string?]>([
    ['网络生态治理', ['网络生态治理'], 3, /preferred/],
    ['网络生态治理。', ['网络生态治理'], 3, /preferred/],
    ['網絡生態治理', ['网络生态治理'], 3, /preferred/],
    ['网络生态管理', ['网络生态治理'], 2, /character/],
    ['网路', ['网络'], 1, /different/],
    ['前瞻性、精准性', ['精准性、前瞻性'], 2, /swapped/],
    ['wang3 luo4', ['网络'], 2, /pinyin/, 'wǎng luò'],
    ['wǎngluò', ['网络'], 2, /pinyin/, 'wǎng luò'],
    ['Wang Luo', ['网络'], 2, /pinyin/, 'wǎng luò'],
    ['wang2 luo4', ['网络'], 1, /wrong tones/, 'wǎng luò'],
    ['wang3 luo4', ['网络'], 1, /different/, undefined],
    ['lv4se4 fa1zhan3', ['绿色发展'], 2, /pinyin/, 'lǜ sè fā zhǎn'],
  ])('%j for %j → %i', (answer, accepted, suggestion, reason, pinyin) => {
    const r = gradeTerm({ answer, accepted, direction: 'en-zh', pinyin }, evidence);
    expect(r.suggestion).toBe(suggestion);
    expect(r.reason).toMatch(reason);
  });

  it('needs the evidence to take traditional characters (the browser has none)', () => {
    expect(gradeTerm({ answer: '網絡', accepted: ['网络'], direction: 'en-zh' }).suggestion).toBe(1);
  });
});

describe('gradeTerm scores', () => {
  it('gives an empty answer Again and 0', () => {
    for (const answer of ['', '   ', '。', '...']) {
      const r = gradeTerm({ answer, accepted: ['rule of law'], direction: 'zh-en' });
      expect([r.suggestion, r.score, r.reason]).toEqual([1, 0, 'no answer']);
    }
  });

  it('orders scores Good > Hard > Again, all within [0, 1]', () => {
    const accepted = ['community with a shared future for mankind'];
    const score = (answer: string) => gradeTerm({ answer, accepted, direction: 'zh-en' }).score;
    expect(score('community with a shared future for mankind')).toBe(1);
    expect(score('community with a shared futre for mankind')).toBeLessThan(1);
    expect(score('community with a shared futre for mankind')).toBeGreaterThan(score('shared community'));
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { minLength: 1, maxLength: 3 }), fc.constantFrom('zh-en' as const, 'en-zh' as const), (answer, acc, direction) => {
        const r = gradeTerm({ answer, accepted: acc, direction });
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        expect([1, 2, 3]).toContain(r.suggestion);
      }),
    );
  });

  it('scores any accepted rendering typed back as 1', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 3 }), fc.nat(2), (acc, i) => {
        const answer = acc[i % acc.length];
        fc.pre(/[\p{L}\p{N}]/u.test(answer));
        expect(gradeTerm({ answer, accepted: acc, direction: 'zh-en' }).score).toBe(1);
      }),
    );
  });
});

describe('helpers', () => {
  it.each([
    ['government', 'goverment', 1],
    ['form', 'from', 1],
    ['治理', '管理', 1],
    ['', 'abc', 3],
    ['security', 'stability', 5],
  ])('editDistance(%j, %j) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('reads pinyin with marks, numbers or none alike', () => {
    expect(pinyinKey('wǎng luò')).toEqual({ letters: 'wangluo', tones: [3, 4] });
    expect(pinyinKey('Wang3luo4')).toEqual({ letters: 'wangluo', tones: [3, 4] });
    expect(pinyinKey('lü4 se4')).toEqual({ letters: 'lvse', tones: [4, 4] });
    expect(pinyinKey('网络')).toBeNull();
  });
});
