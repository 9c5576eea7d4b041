import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffTokens, tokenize } from '../../server/grading/core.ts';
import type { DiffOp } from '../../server/grading/types.ts';

const spell = (ops: DiffOp[], keep: 'del' | 'add'): string =>
  ops.filter((o) => o.op === 'same' || o.op === keep).map((o) => o.text).join('');

describe('diffTokens', () => {
  it.each<[string, string, 'zh' | 'en', DiffOp[]]>([
    [
      'community with shared future',
      'community with a shared future',
      'en',
      [
        { op: 'same', text: 'community with ' },
        { op: 'add', text: 'a ' },
        { op: 'same', text: 'shared future' },
      ],
    ],
    [
      'rule of the law',
      'rule of law',
      'en',
      [
        { op: 'same', text: 'rule of ' },
        { op: 'del', text: 'the ' },
        { op: 'same', text: 'law' },
      ],
    ],
    [
      'high quality development',
      'high-quality development',
      'en',
      [
        { op: 'del', text: 'high quality ' },
        { op: 'add', text: 'high-quality ' },
        { op: 'same', text: 'development' },
      ],
    ],
    [
      '网络生态管理',
      '网络生态治理',
      'zh',
      [
        { op: 'same', text: '网络生态' },
        { op: 'del', text: '管' },
        { op: 'add', text: '治' },
        { op: 'same', text: '理' },
      ],
    ],
    ['我不喜欢', '我不喜欢', 'zh', [{ op: 'same', text: '我不喜欢' }]],
    ['', '依法治国', 'zh', [{ op: 'add', text: '依法治国' }]],
  ])('%j against %j', (answer, reference, lang, expected) => {
    expect(diffTokens(answer, reference, lang)).toEqual(expected);
  });

  it('ignores case and trailing punctuation when matching words', () => {
    expect(diffTokens('The Rule of Law', 'the rule of law.', 'en')).toEqual([{ op: 'same', text: 'The Rule of Law' }]);
  });

  it('keeps Latin words and numbers whole inside Chinese', () => {
    expect(tokenize('GDP增长5.2%', 'zh')).toEqual(['GDP', '增', '长', '5', '.', '2', '%']);
    expect(diffTokens('GDP增长', 'GNP增长', 'zh')).toEqual([
      { op: 'del', text: 'GDP' },
      { op: 'add', text: 'GNP' },
      { op: 'same', text: '增长' },
    ]);
  });

  it('spells the answer back from same+del, and the reference tokens from same+add', () => {
    const words = fc.array(fc.constantFrom('the', 'rule', 'of', 'law', 'a', 'state', 'Law'), { maxLength: 12 }).map((w) => w.join(' '));
    const hanzi = fc.array(fc.constantFrom(...Array.from('依法治国网络生态')), { maxLength: 16 }).map((c) => c.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.tuple(words, words, fc.constant('en' as const)), fc.tuple(hanzi, hanzi, fc.constant('zh' as const))), ([a, b, lang]) => {
        const ops = diffTokens(a, b, lang);
        expect(spell(ops, 'del')).toBe(a);
        const key = (s: string) => tokenize(s, lang).map((t) => t.trim().toLowerCase());
        expect(key(spell(ops, 'add'))).toEqual(key(b));
        // Merged runs: never two neighbours with the same op.
        for (let i = 1; i < ops.length; i++) expect(ops[i].op).not.toBe(ops[i - 1].op);
      }),
      { numRuns: 300 },
    );
  });

  it('stays fast on long sentences', () => {
    const base = Array.from({ length: 2000 }, (_, i) => `w${i % 97}`).join(' ');
    const edited = base.replace(/w5 /g, 'x5 ');
    const started = performance.now();
    const ops = diffTokens(edited, base, 'en');
    expect(performance.now() - started).toBeLessThan(500);
    expect(spell(ops, 'del')).toBe(edited);
  });
});
