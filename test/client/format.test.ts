import { describe, expect, it } from 'vitest';
import { errorLine, formatBytes, formatDue, formatDuration, formatMoment, formatPercent, lineRange, parseVariants, plural } from '../../client/src/lib/format.ts';
import { failureFromBody } from '../../client/src/lib/api-errors.ts';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [1_400, '1 s'],
    [59_000, '59 s'],
    [60_000, '1 min'],
    [200_000, '3 min 20 s'],
    [3_600_000, '1 h'],
    [5_400_000, '1 h 30 min'],
    [-5, '0 s'],
    [Number.NaN, '0 s'],
  ])('%d ms → %s', (ms, label) => expect(formatDuration(ms)).toBe(label));
});

describe('formatMoment', () => {
  it('shows a moment in the local time zone, to the minute', () => {
    expect(formatMoment(new Date(2026, 2, 2, 17, 5, 59).toISOString())).toBe('2026-03-02 17:05');
    expect(formatMoment(new Date(2026, 11, 31, 0, 0).toISOString())).toBe('2026-12-31 00:00');
  });
});

describe('formatDue', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  it.each<[string | null, string]>([
    [null, '—'],
    ['not a date', '—'],
    ['2026-11-28T12:00:00Z', 'now'],
    ['2026-11-28T09:00:00Z', 'now'],
    ['2026-11-25T11:00:00Z', '3 d ago'],
    ['2026-11-28T12:10:00Z', 'in 10 min'],
    ['2026-11-28T12:00:20Z', 'in 1 min'],
    ['2026-11-28T17:00:00Z', 'in 5 h'],
    ['2026-12-03T12:00:00Z', 'in 5 d'],
    ['2027-06-01T00:00:00Z', '2027-06-01'],
  ])('%s → %s', (iso, label) => expect(formatDue(iso, now)).toBe(label));
});

describe('parseVariants', () => {
  it('splits on lines and semicolons, keeps commas inside a rendering, drops duplicates', () => {
    expect(parseVariants('online ecosystem governance\n cyber  ecology governance ;Online Ecosystem Governance\n\nrule of law, in cyberspace；网信')).toEqual([
      'online ecosystem governance',
      'cyber ecology governance',
      'rule of law, in cyberspace',
      '网信',
    ]);
    expect(parseVariants('  \n ; ')).toEqual([]);
  });
});

describe('small labels', () => {
  it('formats shares and counts', () => {
    expect(formatPercent(0.9)).toBe('90%');
    expect(formatPercent(0.8766, 1)).toBe('87.7%');
    expect(formatPercent(null)).toBe('—');
    expect(plural(1, 'card')).toBe('1 card');
    expect(plural(2, 'card')).toBe('2 cards');
    expect(plural(0, 'sentence pair')).toBe('0 sentence pairs');
  });
});

describe('failureFromBody: the message a user reads after a failed request', () => {
  it('shows the server message of the error shape', () => {
    const f = failureFromBody(400, JSON.stringify({ error: { code: 'invalid_input', message: 'line 3: a Chinese line has no English partner' } }));
    expect(f.message).toBe('line 3: a Chinese line has no English partner');
    expect(f.code).toBe('invalid_input');
    expect(f.status).toBe(400);
  });

  it('never shows an HTML page or an empty body', () => {
    expect(failureFromBody(502, '<html><body>Bad Gateway</body></html>').message).toBe('The server failed; try again.');
    expect(failureFromBody(413, '').message).toBe('The file is too large to import.');
    expect(failureFromBody(418, '{"error":{}}').message).toBe('Request failed (HTTP 418).');
  });
});

describe('going to the line an import error names', () => {
  const text = '第一行。\nThe first line.\n第二行。\r\n\nlast';
  it.each<[string, number | null]>([
    ['line 3: Chinese paragraph has no English translation', 3],
    ['global.tsv: line 12: two columns expected', 12],
    ['the text is empty', null],
    ['baseline 4', null],
  ])('%s', (message, line) => expect(errorLine(message)).toBe(line));

  it.each<[number, [number, number] | null]>([
    [1, [0, 4]],
    [2, [5, 20]],
    [3, [21, 26]],
    [4, [27, 27]],
    [5, [28, 32]],
    [6, null],
    [0, null],
  ])('line %d', (line, range) => expect(lineRange(text, line)).toEqual(range));
});

describe('theme toggle', () => {
  it('always switches to the opposite of what is shown', async () => {
    const { nextTheme } = await import('../../client/src/lib/theme.ts');
    expect(nextTheme('auto', false)).toBe('dark');
    expect(nextTheme('auto', true)).toBe('light');
    expect(nextTheme('dark', false)).toBe('light');
    expect(nextTheme('light', true)).toBe('dark');
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [38_500, '38 KB'],
    [1024 * 1024, '1.0 MB'],
    [4.2 * 1024 * 1024, '4.2 MB'],
  ])('%d → %s', (n, label) => expect(formatBytes(n)).toBe(label));
});
