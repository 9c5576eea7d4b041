// The instant feedback a drill shows, computed in the browser from the card alone (the real
// grading core, no dictionary).
import { describe, expect, it } from 'vitest';
import type { DrillCard } from '../../server/http/api-types.ts';
import { gradeCard } from '../../client/src/lib/grade.ts';

const term: DrillCard = {
  id: 1,
  kind: 'term',
  direction: 'zh-en',
  state: 'new',
  prompt: '网络生态治理',
  promptLang: 'zh',
  answerLang: 'en',
  reference: 'cyber ecosystem governance',
  accepted: ['cyber ecosystem governance', 'online ecosystem governance'],
  pinyin: 'wǎng luò shēng tài zhì lǐ',
  context: null,
  term: { id: 7, zh: '网络生态治理', en: 'cyber ecosystem governance', variants: ['online ecosystem governance'] },
  terms: [],
  intervals: [],
  source: null,
  lapses: 0,
  reps: 0,
};

const sentence: DrillCard = {
  ...term,
  id: 2,
  kind: 'sentence',
  prompt: '要健全网络生态治理长效机制。',
  reference: 'We must improve the long-term mechanisms for cyber ecosystem governance.',
  accepted: ['We must improve the long-term mechanisms for cyber ecosystem governance.'],
  term: null,
  terms: [{ id: 7, zh: '网络生态治理', en: 'cyber ecosystem governance', variants: ['online ecosystem governance'] }],
};

describe('gradeCard', () => {
  it('takes an empty answer as "I don\'t know": Again, the whole reference to learn', () => {
    for (const card of [term, sentence]) {
      const g = gradeCard(card, '   ');
      expect(g.suggestion).toBe(1);
      expect(g.diff).toEqual([{ op: 'add', text: card.reference }]);
    }
  });

  it('accepts the preferred rendering and every variant, whatever the case', () => {
    expect(gradeCard(term, 'Cyber Ecosystem Governance').suggestion).toBeGreaterThanOrEqual(3);
    expect(gradeCard(term, 'online ecosystem governance').suggestion).toBeGreaterThanOrEqual(3);
  });

  it('marks a wrong term answer Again and diffs it against the reference', () => {
    const g = gradeCard(term, 'internet');
    expect(g.suggestion).toBe(1);
    expect(g.diff.some((d) => d.op === 'del')).toBe(true);
    expect(g.diff.filter((d) => d.op !== 'del').map((d) => d.text).join('')).toBe(g.matched);
  });

  it('scores a translation and reports whether it used the key term', () => {
    const good = gradeCard(sentence, 'We must improve the long-term mechanisms for cyber ecosystem governance.');
    expect(good.suggestion).toBeGreaterThanOrEqual(3);
    expect(good.terms?.[0]).toMatchObject({ zh: '网络生态治理', status: 'accepted' });
    const weak = gradeCard(sentence, 'We should make the internet better.');
    expect(weak.score).toBeLessThan(good.score);
    expect(weak.terms?.[0]?.status).toBe('missing');
  });
});
