// Subtitles as input: bilingual SRT/WebVTT cues, or a Chinese and an English file of one video,
// paired by the cues' times; bad cues named by their line.
import { describe, expect, it } from 'vitest';
import { decodeText, extract } from '../../server/extract/index.ts';
import { detectFormat } from '../../server/extract/formats/index.ts';
import { looksLikeSubtitles, readCues, readSubtitles } from '../../server/extract/formats/subtitles.ts';

/** An SRT file of cues [start s, end s, ...lines]. */
const srt = (cues: [number, number, ...string[]][]) =>
  cues
    .map(([start, end, ...lines], k) => `${k + 1}\n${stamp(start)} --> ${stamp(end)}\n${lines.join('\n')}\n`)
    .join('\n');
const stamp = (s: number) => {
  const ms = Math.round(s * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3600000))}:${pad(Math.floor(ms / 60000) % 60)}:${pad(Math.floor(ms / 1000) % 60)},${pad(ms % 1000, 3)}`;
};

const bilingual = srt([
  [1, 4, '网络生态治理是一项系统工程。', 'Cyber ecosystem governance is a systematic project.'],
  [4, 7.5, '<i>要坚持党的领导</i>', '{\\an8}We must uphold the Party leadership.'],
  [7.5, 9, '♪'],
  [9, 12, '营造风清气正的网络空间。', 'Foster a clean and upright cyberspace.'],
]);

describe('subtitles', () => {
  it('reads bilingual SRT cues as pairs, markup and music notes left out, CRLF and a BOM tolerated', () => {
    const text = decodeText(new TextEncoder().encode('\uFEFF' + bilingual.replace(/\n/g, '\r\n')));
    expect(looksLikeSubtitles(text)).toBe(true);
    expect(detectFormat(text)).toBe('subtitles');
    expect(readSubtitles(text)).toEqual([
      { zh: '网络生态治理是一项系统工程。', en: 'Cyber ecosystem governance is a systematic project.', line: 3 },
      { zh: '要坚持党的领导', en: 'We must uphold the Party leadership.', line: 8 },
      { zh: '营造风清气正的网络空间。', en: 'Foster a clean and upright cyberspace.', line: 17 },
    ]);
    const result = extract({ text });
    expect(result.format).toBe('subtitles');
    expect(result.sentences.map((s) => s.en)).toEqual([
      'Cyber ecosystem governance is a systematic project.',
      'We must uphold the Party leadership.',
      'Foster a clean and upright cyberspace.',
    ]);
  });

  it('pairs a Chinese and an English file of one video by time, in either order, an English cue over two Chinese ones as one pair', () => {
    const zh = srt([
      [1, 3, '网络生态治理'],
      [3, 5, '是一项系统工程。'],
      [5.2, 8, '要坚持党的领导。'],
    ]);
    // Slightly off the Chinese cues' times, as a second file of the same video is.
    const en = srt([
      [1.1, 5.1, 'Cyber ecosystem governance is a systematic project.'],
      [5.3, 8.1, 'We must uphold the Party leadership.'],
    ]);
    const pairs = readSubtitles(zh, en);
    expect(pairs.map(({ zh, en }) => [zh, en])).toEqual([
      ['网络生态治理是一项系统工程。', 'Cyber ecosystem governance is a systematic project.'],
      ['要坚持党的领导。', 'We must uphold the Party leadership.'],
    ]);
    expect(readSubtitles(en, zh).map(({ zh, en }) => [zh, en])).toEqual(pairs.map(({ zh, en }) => [zh, en]));
    const result = extract({ text: en, text2: zh });
    expect(result.format).toBe('subtitles');
    expect(result.sentences).toHaveLength(2);
  });

  it('reads WebVTT: its header, notes and styles, cue names and settings, times without hours', () => {
    const vtt = [
      'WEBVTT - a talk',
      'Kind: captions',
      '',
      'NOTE made by hand',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'intro',
      '00:01.000 --> 00:04.000 align:start position:10%',
      '<c.zh>人工智能</c>',
      '<v Speaker>Artificial intelligence.',
      '',
      '00:04.000 --> 00:06.500',
      '大数据',
      'Big data.',
    ].join('\n');
    expect(detectFormat(vtt)).toBe('subtitles');
    expect(readCues(vtt).map((c) => [c.start, c.end, c.lines])).toEqual([
      [1000, 4000, ['人工智能', 'Artificial intelligence.']],
      [4000, 6500, ['大数据', 'Big data.']],
    ]);
    expect(readSubtitles(vtt).map((p) => p.zh)).toEqual(['人工智能', '大数据']);
  });

  it('joins a cue in one language only to the pair before it', () => {
    const text = srt([
      [1, 4, '网络生态治理是一项系统工程。', 'Cyber ecosystem governance is a systematic project.'],
      [4, 6, 'It matters to everyone.'],
      [6, 9, '要坚持党的领导。', 'We must uphold the Party leadership.'],
    ]);
    expect(readSubtitles(text).map((p) => p.en)).toEqual([
      'Cyber ecosystem governance is a systematic project. It matters to everyone.',
      'We must uphold the Party leadership.',
    ]);
  });

  it('makes one pair of a sentence spoken over several cues, up to where the English ends it', () => {
    const text = srt([
      [1, 3, '各国必须', 'All countries must'],
      [3, 5, '共同应对气候变化。', 'jointly respond to climate change.'],
      [5, 7, '这是共同的责任', 'It is a shared responsibility'],
      // A long pause: the next cue starts another pair, punctuated or not.
      [12, 14, '我们不能等待', 'We cannot wait'],
    ]);
    expect(readSubtitles(text).map(({ zh, en }) => [zh, en])).toEqual([
      ['各国必须共同应对气候变化。', 'All countries must jointly respond to climate change.'],
      ['这是共同的责任', 'It is a shared responsibility'],
      ['我们不能等待', 'We cannot wait'],
    ]);
    // English without punctuation (speech recognition's) ends no sentence: the cues stay as they are.
    const unpunctuated = srt([
      [1, 3, '各国必须', 'all countries must'],
      [3, 5, '共同应对气候变化', 'jointly respond to climate change'],
      [5, 7, '这是共同的责任', 'it is a shared responsibility'],
    ]);
    expect(readSubtitles(unpunctuated)).toHaveLength(3);
  });

  it('joins Chinese broken across lines without a space, and splits a line holding both languages', () => {
    const text = srt([
      [1, 4, '各国必须共同应对气候', '变化带来的挑战', 'All countries must jointly meet the challenges', 'of climate change.'],
      [4, 6, '你好 Hello, everyone.'],
      [6, 8, 'Thank you. 谢谢大家。'],
    ]);
    expect(readSubtitles(text).map(({ zh, en }) => [zh, en])).toEqual([
      ['各国必须共同应对气候变化带来的挑战', 'All countries must jointly meet the challenges of climate change.'],
      ['你好', 'Hello, everyone.'],
      ['谢谢大家。', 'Thank you.'],
    ]);
  });

  it('pairs a cue of no duration with its own other language, and reads a blank line inside a cue as more of its text', () => {
    const text = '1\n00:00:01,000 --> 00:00:01,000\n你好\nHello.\n\n2\n00:00:02,000 --> 00:00:04,000\n再见\n\nGoodbye.\n';
    expect(readSubtitles(text).map(({ zh, en }) => [zh, en])).toEqual([
      ['你好', 'Hello.'],
      ['再见', 'Goodbye.'],
    ]);
  });

  it('detects one cue, and an SRT after a few lines of credits (left out)', () => {
    expect(detectFormat('1\n00:00:01,000 --> 00:00:03,000\n你好\nHello\n')).toBe('subtitles');
    const credits = 'A talk\nSubtitles by the class\n\n' + srt([[1, 3, '你好', 'Hello.'], [3, 5, '再见', 'Goodbye.']]);
    expect(detectFormat(credits)).toBe('subtitles');
    expect(readSubtitles(credits).map((p) => p.zh)).toEqual(['你好', '再见']);
    // A text that merely mentions a timing is no subtitles.
    expect(detectFormat('The clip runs 00:00:01,000 --> 00:00:03,000 only.\n这段视频很短。\n')).toBe('interleaved');
  });

  it('never chains two files a half cue out of step into one pair, and handles ten thousand cues', () => {
    const zh = srt(Array.from({ length: 10_000 }, (_, k) => [k * 2, k * 2 + 1.8, `第${k}句`] as [number, number, string]));
    const en = srt(Array.from({ length: 10_000 }, (_, k) => [k * 2 + 1, k * 2 + 2.8, `Sentence ${k}.`] as [number, number, string]));
    expect(() => readSubtitles(zh, en)).toThrow(/have no cue of the other language at the same time/);
    const inStep = srt(Array.from({ length: 10_000 }, (_, k) => [k * 2 + 0.3, k * 2 + 2.1, `Sentence ${k}.`] as [number, number, string]));
    const pairs = readSubtitles(zh, inStep);
    expect(pairs).toHaveLength(10_000);
    expect(pairs[9_999]).toMatchObject({ zh: '第9999句', en: 'Sentence 9999.' });
  });

  it('names the second file in a message about one of its lines', () => {
    const zh = srt([[1, 3, '你好']]);
    expect(() => extract({ text: zh, text2: '1\n00:00:01,000 --> 00:00:03,000\nHello\n\n2\n00:00:05,000 --> 00:00:04,000\nBye\n' })).toThrow(
      /^the second file, line 6: the cue ends before it starts/,
    );
  });

  it.each([
    ['a timing that cannot be read', '1\n00:00:01,000 --> 00:00:02,000\n你好\nHello\n\n2\n00:00:03 --> 00:00:04\n再见\nGoodbye\n', /^line 7: a cue timing reads 00:00:01,000 --> 00:00:03,500/],
    ['a cue that ends before it starts', '1\n00:00:05,000 --> 00:00:02,000\n你好\nHello\n', /^line 2: the cue ends before it starts/],
    ['subtitles in one language', srt([[1, 2, 'Hello'], [2, 3, 'World']]), /the subtitles are all English: give bilingual subtitles, or the Chinese file beside them/],
  ])('refuses %s, naming the line where there is one', (_, text, message) => {
    expect(() => extract({ text, format: 'subtitles' })).toThrow(message);
  });

  it('says so when two files hardly overlap in time', () => {
    const zh = srt([[1, 2, '你好'], [3, 4, '世界'], [5, 6, '再见']]);
    const en = srt([[10, 11, 'Hello'], [12, 13, 'World'], [14, 15, 'Goodbye']]);
    expect(() => extract({ text: zh, text2: en })).toThrow(/6 of the 6 Chinese and English cues have no cue of the other language at the same time: are these subtitles of the same video, in step\?/);
  });
});
