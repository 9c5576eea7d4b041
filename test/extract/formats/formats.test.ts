import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { detectFormat, readBitext } from '../../../server/extract/formats/index.ts';
import { parseCsv, parseTsv } from '../../../server/extract/formats/delimited.ts';
import { hanCount, latinCount, scriptOf } from '../../../server/extract/formats/script.ts';
import { InvalidInputError } from '../../../server/errors.ts';

const seedText = readFileSync(new URL('../../../seeds/cyber-ecosystem-governance.en-zh.txt', import.meta.url), 'utf8');

// Rows as Tatoeba distributes them, attribution column included.
const tatoeba = [
  'Hi.\t嗨。\tCC-BY 2.0 (France) Attribution: tatoeba.org #538123 (CM) & #891077 (Martha)',
  'Run.\t你用跑的。\tCC-BY 2.0 (France) Attribution: tatoeba.org #4008918 (JSakuragi) & #3748344 (egg0073)',
  'Stop!\t住手！\tCC-BY 2.0 (France) Attribution: tatoeba.org #448320 (CM) & #448321 (GlossaMatik)',
  'I have a question about my homework.\t我对我的作业有个问题。\tCC-BY 2.0 (France) Attribution: tatoeba.org #1 (a) & #2 (b)',
].join('\n');

// WMT newstest as distributed: a "0,1" header, Chinese first, RFC-4180 quoting.
const wmt = [
  '0,1',
  '声明补充说，沃伦的同事都深感震惊，并且希望他能够投案自首。,The statement added that Warren\'s colleagues were shocked and want him to turn himself in.',
  '不光改变硬件，软件也要跟上,"We should not only change the hardware, but the software must also keep up."',
  '我们还能做什么？”,"""What else could we do?"""',
  '"第一行\n第二行",Two lines in one field.',
].join('\n');

const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="test" creationtoolversion="1" o-tmf="none"/>
  <body>
    <tu tuid="1">
      <tuv xml:lang="zh-CN"><seg>网络生态治理是一项系统工程。</seg></tuv>
      <tuv xml:lang="en-US"><seg>Cyber ecosystem governance is a systematic project.</seg></tuv>
    </tu>
    <!-- a comment between units -->
    <tu tuid="2">
      <tuv lang="EN"><seg>R&amp;D outcomes &lt;matter&gt;<ph x="1">&lt;b&gt;</ph> a lot.</seg></tuv>
      <tuv lang="ZH"><seg><![CDATA[研发成果<很>重要。]]></seg></tuv>
    </tu>
  </body>
</tmx>`;

function errorOf(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InvalidInputError) return err;
    throw err;
  }
  throw new Error('no error thrown');
}

describe('detectFormat', () => {
  it.each([
    ['the seed (interleaved, ASCII commas in its Chinese)', seedText, 'interleaved'],
    ['Chinese-first interleaved lines', '网络生态治理。\nCyber governance.\n', 'interleaved'],
    ['Tatoeba TSV', tatoeba, 'tsv'],
    ['WMT CSV with a header', wmt, 'csv'],
    ['CSV without a header, English first', 'Hello.,你好。\n"Thanks, friend.",谢谢，朋友。\n', 'csv'],
    ['TMX', tmx, 'tmx'],
    ['TMX without an XML declaration', tmx.slice(tmx.indexOf('<tmx')), 'tmx'],
  ])('%s → %s', (_, text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});

describe('interleaved paragraphs', () => {
  it('reads the seed as nine pairs, English first, with the line of each', () => {
    const pairs = readBitext(seedText, undefined, 'interleaved');
    expect(pairs).toHaveLength(9);
    expect(pairs[0].en.startsWith('On the afternoon of November 28')).toBe(true);
    expect(pairs[0].zh.startsWith('中共中央政治局11月28日')).toBe(true);
    expect(pairs.map((p) => p.line)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17]);
  });

  it('takes Chinese first and blank lines anywhere, and skips lines with no words', () => {
    const text = '\n中国政法大学教授时建中同志就这个问题进行讲解。\n\nComrade Shi Jianzhong delivered an explanation.\n***\n\n要加强引导。\nWe must strengthen guidance.\n\n';
    expect(readBitext(text, undefined, 'interleaved')).toEqual([
      { zh: '中国政法大学教授时建中同志就这个问题进行讲解。', en: 'Comrade Shi Jianzhong delivered an explanation.', line: 2 },
      { zh: '要加强引导。', en: 'We must strengthen guidance.', line: 7 },
    ]);
  });

  it.each([
    ['two English lines in a row', 'One.\n一。\nTwo.\nThree.\n三。', 3, /English paragraph has no Chinese translation \(line 4 is English too\)/],
    ['a Chinese line where the order wants English', 'One.\n一。\n二。\nTwo.', 3, /Chinese paragraph where English was expected/],
    ['a last line without its translation', 'One.\n一。\n\nTwo.', 4, /no Chinese translation after it/],
  ])('names the line that cannot be paired: %s', (_, text, line, message) => {
    const err = errorOf(() => readBitext(text, undefined, 'interleaved'));
    expect(err.line).toBe(line);
    expect(err.message).toMatch(new RegExp(`^line ${line}: `));
    expect(err.message).toMatch(message);
  });
});

describe('TSV and CSV', () => {
  it('tells the Tatoeba translation from its attribution column', () => {
    const pairs = readBitext(tatoeba, undefined, 'tsv');
    expect(pairs.map((p) => [p.zh, p.en])).toEqual([
      ['嗨。', 'Hi.'],
      ['你用跑的。', 'Run.'],
      ['住手！', 'Stop!'],
      ['我对我的作业有个问题。', 'I have a question about my homework.'],
    ]);
  });

  it('reads WMT CSV: header skipped, quoted commas, doubled quotes and line breaks kept', () => {
    const pairs = readBitext(wmt, undefined, 'csv');
    expect(pairs.map((p) => [p.zh, p.en, p.line])).toEqual([
      ['声明补充说，沃伦的同事都深感震惊，并且希望他能够投案自首。', "The statement added that Warren's colleagues were shocked and want him to turn himself in.", 2],
      ['不光改变硬件，软件也要跟上', 'We should not only change the hardware, but the software must also keep up.', 3],
      ['我们还能做什么？”', '"What else could we do?"', 4],
      ['第一行\n第二行', 'Two lines in one field.', 5],
    ]);
  });

  it('finds the columns by script whatever their order', () => {
    expect(readBitext('Hello there.,你好。\n"Thanks, friend.",谢谢，朋友。', undefined, 'csv').map((p) => p.zh)).toEqual(['你好。', '谢谢，朋友。']);
  });

  it('names the row whose Chinese is missing', () => {
    const err = errorOf(() => readBitext('Hi.\t嗨。\nBye.\t\nOK.\t好。', undefined, 'tsv'));
    expect(err.line).toBe(2);
    expect(err.message).toMatch(/no Chinese text in column 2/);
  });

  it.each([
    ['a\tb\n\n c\td \n', [[['a', 'b'], 1], [[' c', 'd '], 3]]],
    // Blank means white space only, tabs and U+3000 included; a line without a tab is one field.
    ['\t\t\n\u3000\nno tab here\nx\t\ty', [[['no tab here'], 3], [['x', '', 'y'], 4]]],
    ['one\ntwo\nthree\tfields\n\t', [[['one'], 1], [['two'], 2], [['three', 'fields'], 3]]],
  ])('splits TSV rows and fields, skipping blank lines: %j', (text, rows) => {
    expect(parseTsv(text).map((r) => [r.fields, r.line])).toEqual(rows);
  });

  it('names the line of a quote that never closes', () => {
    expect(() => parseCsv('a,b\n"open,never closed\nx,y')).toThrow(/^line 2: a quoted CSV field is never closed/);
  });
});

describe('TMX', () => {
  it('pairs segments by xml:lang or lang, decoding entities and CDATA, dropping inline codes', () => {
    expect(readBitext(tmx, undefined, 'tmx')).toEqual([
      { zh: '网络生态治理是一项系统工程。', en: 'Cyber ecosystem governance is a systematic project.', line: 5 },
      { zh: '研发成果<很>重要。', en: 'R&D outcomes <matter> a lot.', line: 10 },
    ]);
  });

  it.each([
    ['a mismatched closing tag', '<tmx>\n<body>\n<tu><tuv xml:lang="zh"><seg>你好</tuv>\n</body></tmx>', 3, /<\/tuv> does not match <seg> opened on line 3/],
    ['an element never closed', '<tmx>\n<body>\n<tu>\n</body></tmx>', 4, /<\/body> does not match <tu> opened on line 3/],
    ['an unknown entity', '<tmx><body>\n<tu><tuv xml:lang="en"><seg>a &nbsp2; b</seg></tuv></tu></body></tmx>', 2, /unknown XML entity/],
    ['a unit without Chinese', '<tmx><body>\n\n<tu><tuv xml:lang="en"><seg>Hello.</seg></tuv></tu></body></tmx>', 3, /no Chinese segment/],
  ])('reports %s with its line', (_, text, line, message) => {
    const err = errorOf(() => readBitext(text, undefined, 'tmx'));
    expect(err.line).toBe(line);
    expect(err.message).toMatch(message);
  });
});

describe('two monolingual files', () => {
  const zh = [
    '中共中央政治局11月28日下午就加强网络生态治理进行第二十三次集体学习。',
    '中国政法大学教授时建中同志就这个问题进行讲解,提出工作建议。中央政治局的同志认真听取讲解,并进行了讨论。',
    '习近平在听取讲解和讨论后发表重要讲话。',
    '习近平强调,网络生态治理在国家治理中占有重要地位。',
  ].join('\n');
  const en = [
    'On the afternoon of November 28, the Political Bureau of the CPC Central Committee held its 23rd collective study session on strengthening cyberspace governance.',
    'Comrade Shi Jianzhong, a professor at China University of Political Science and Law, delivered an explanation on this issue and put forward work recommendations.',
    'Members of the Political Bureau listened attentively to the explanation and engaged in discussion.',
    'Xi Jinping delivered an important speech after listening to the report and discussion.',
    '',
    'Xi Jinping emphasized that online ecosystem governance holds a vital position in national governance.',
  ].join('\n');

  it('aligns paragraphs across the files whichever comes first, joining a paragraph split in two', () => {
    for (const [a, b] of [[zh, en], [en, zh]]) {
      const pairs = readBitext(a, b, 'two-files');
      expect(pairs.map((p) => [p.zh.slice(0, 8), p.en.split('\n').length])).toEqual([
        ['中共中央政治局1', 1],
        ['中国政法大学教授', 2],
        ['习近平在听取讲解', 1],
        ['习近平强调,网络', 1],
      ]);
    }
  });

  it('refuses two files in one language', () => {
    expect(() => readBitext(en, en, 'two-files')).toThrow(/both files are English/);
  });
});

// scriptOf counts both scripts in one pass, with hanCount's and latinCount's tests written out
// again for speed: it must still say what those two counts say.
describe('scriptOf', () => {
  it('agrees with hanCount and latinCount', () => {
    const alphabet = ['a', 'Z', 'é', 'ſ', '×', '1', ' ', '。', '网', '㐀', '豈', '𠀀', 'ア', '가', 'Ω'];
    let seed = 99;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 3000; k++) {
      const text = Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const han = hanCount(text);
      const latin = latinCount(text);
      const expected = han === 0 && latin === 0 ? 'none' : han * 4 >= latin ? 'zh' : 'en';
      expect(scriptOf(text), text).toBe(expected);
    }
  });
});
