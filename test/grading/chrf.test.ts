import { describe, expect, it } from 'vitest';
import { chrf } from '../../server/grading/core.ts';

describe('chrf', () => {
  it('is 1 for the reference itself and 0 with nothing in common', () => {
    expect(chrf('坚持以人民为中心', '坚持以人民为中心')).toBe(1);
    expect(chrf('the rule of law', 'the rule of law', { wordOrder: 2 })).toBe(1);
    expect(chrf('xyz', 'abc')).toBe(0);
  });

  it('scores a short perfect answer 1 although it has no 6-grams', () => {
    expect(chrf('改革', '改革')).toBe(1);
  });

  it('weighs recall twice: dropping words costs more than adding them', () => {
    const reference = 'we will deepen reform and opening up';
    const shorter = chrf('we will deepen reform', reference);
    const longer = chrf('we will further deepen reform and opening up in all respects', reference);
    expect(longer).toBeGreaterThan(shorter);
  });

  it('ranks a closer wording higher, on characters (chrF) and with words (chrF++)', () => {
    const reference = '我们要坚持和发展中国特色社会主义';
    expect(chrf('我们要坚持和发展中国特色社会主义事业', reference)).toBeGreaterThan(chrf('我们要发展社会主义', reference));
    const en = 'a community with a shared future for mankind';
    expect(chrf('a community of shared future for mankind', en, { wordOrder: 2 })).toBeGreaterThan(
      chrf('a shared community for the future of humans', en, { wordOrder: 2 }),
    );
  });
});
