// Excel workbooks (.xlsx) as input: the rows of its tables of Chinese beside English as
// tab-separated lines (one sheet: line N for row N), so a glossary goes to the termbase and
// sentence pairs to extraction as a TSV file's would; a message about a line of a workbook of
// several sheets names sheet and row.
// Fixtures written by openpyxl (test/fixtures/office/make.py); the odder cells Excel writes
// (rich text with phonetic guides, inline strings, formulas) in archives made here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDocument, decodeText } from '../../server/extract/decode.ts';
import { extract } from '../../server/extract/index.ts';
import { InvalidInputError } from '../../server/errors.ts';
import { zip } from './zip-fixture.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/office/${name}`, import.meta.url));

const workbook = (sheet: string, extra: { name: string; data: Buffer }[] = [], target = 'worksheets/sheet1.xml') =>
  zip([
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook xmlns:r="r"><sheets><sheet name="Terms" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<Relationships><Relationship Id="rId1" Target="${target}"/></Relationships>`) },
    { name: target.startsWith('/') ? target.slice(1) : `xl/${target}`, data: Buffer.from(`<worksheet><sheetData>${sheet}</sheetData></worksheet>`) },
    ...extra,
  ]);

/** A workbook of several sheets (name, rows as XML, hidden?), in this order. */
const sheets = (list: [name: string, rows: string, hidden?: boolean][]) =>
  zip([
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<workbook xmlns:r="r"><sheets>${list.map(([name, , hidden], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"${hidden ? ' state="hidden"' : ''}/>`).join('')}</sheets></workbook>`,
      ),
    },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<Relationships>${list.map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/s${i + 1}.xml"/>`).join('')}</Relationships>`) },
    ...list.map(([, rows], i) => ({ name: `xl/worksheets/s${i + 1}.xml`, data: Buffer.from(`<worksheet><sheetData>${rows}</sheetData></worksheet>`) })),
  ]);
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const row = (n: number, ...texts: string[]) => `<row r="${n}">${texts.map((t, i) => cell(`${'ABC'[i]}${n}`, t)).join('')}</row>`;

describe('Excel workbooks', () => {
  it("reads a glossary's sheets: each one's header row left out, rows where Excel has them, the terms as written", () => {
    const { text, workbook } = decodeDocument(fixture('glossary.xlsx'));
    expect(text).toBe(
      '\n' +
        '网络生态治理\tcyber ecosystem governance; online ecosystem governance\tcore term\n' +
        '风清气正\ta clean and righteous cyberspace\n' +
        '\n' +
        '自媒体\twe media\t3\n' +
        // A blank line, then the second sheet ("Economy"), its header row left out too.
        '\n' +
        '\n' +
        '高质量发展\thigh-quality development\n' +
        '新质生产力\tnew quality productive forces\n',
    );
    const result = extract({ text, workbook });
    expect(result.format).toBe('glossary');
    // The sheet of notes (one column) and the hidden one ("不读") are not read.
    expect(result.terms.map(({ zh, en, variants }) => [zh, en, variants])).toEqual([
      ['网络生态治理', 'cyber ecosystem governance', ['online ecosystem governance']],
      ['风清气正', 'a clean and righteous cyberspace', []],
      ['自媒体', 'we media', []],
      ['高质量发展', 'high-quality development', []],
      ['新质生产力', 'new quality productive forces', []],
    ]);
    // The Note column is the term's note; a number is none.
    expect(result.terms.map((x) => x.note)).toEqual(['core term', undefined, undefined, undefined, undefined]);
    expect(workbook).toMatchObject({
      read: ['Glossary', 'Economy'],
      skipped: [
        { name: 'Notes', reason: 'not Chinese and English' },
        { name: 'Lookup', reason: 'hidden' },
      ],
    });
  });

  it('names the sheet and row of a line that cannot be read, in a workbook of several sheets', () => {
    const bytes = sheets([
      ['Politics', row(1, '术语', '译名') + row(2, '网络强国', 'cyber power') + row(3, '全过程人民民主', 'whole-process people’s democracy')],
      ['Empty', ''],
      ['Economy', row(1, '高质量发展', 'high-quality development') + row(2, '新质生产力') + row(3, '共同富裕', 'common prosperity')],
    ]);
    const { text, workbook } = decodeDocument(bytes);
    expect(() => extract({ text, workbook })).toThrow(/^sheet “Economy”, row 2: row has no English text in column 2/);
    expect(workbook).toMatchObject({ read: ['Politics', 'Economy'], skipped: [] });
    // The same text pasted is no workbook: its lines are its lines.
    expect(() => extract({ text })).toThrow(/^line 6: row has no English text in column 2/);
    // A workbook of one sheet with text keeps its line numbers, which are its rows.
    const one = decodeDocument(sheets([['Economy', row(1, '高质量发展', 'high-quality development') + row(2, '新质生产力')]]));
    expect(one.workbook).toBeUndefined();
    expect(() => extract(one)).toThrow(/^line 2: row has no English text in column 2/);
  });

  it('leaves out a sheet that is no table of Chinese beside English, and one laid out otherwise, and imports the rest', () => {
    const { text, workbook } = decodeDocument(
      sheets([
        ['Changes', row(1, 'Version', 'Change') + row(2, 'v1.1', 'Added economy terms')],
        ['ZhEn', row(1, '高质量发展', 'high-quality development') + row(2, '共同富裕', 'common prosperity')],
        ['EnZh', row(1, 'cyber power', '网络强国')],
        ['More', row(1, '新质生产力', 'new quality productive forces')],
      ]),
    );
    expect(workbook).toMatchObject({
      read: ['ZhEn', 'More'],
      skipped: [
        { name: 'Changes', reason: 'not Chinese and English' },
        { name: 'EnZh', reason: 'other columns' },
      ],
    });
    expect(extract({ text, workbook }).terms.map((t) => t.zh)).toEqual(['高质量发展', '共同富裕', '新质生产力']);
  });

  it('reads the first sheet with text as paragraphs when no sheet is a table of the two languages', () => {
    const { text, workbook } = decodeDocument(sheets([['Blank', ''], ['English', row(1, 'Cyberspace is our shared home.')], ['中文', row(1, '网络空间是我们共同的家园。')]]));
    expect(text).toBe('Cyberspace is our shared home.\t\n');
    expect(workbook).toMatchObject({ read: ['English'], skipped: [{ name: '中文', reason: 'not Chinese and English' }] });
  });

  it('says so when the only sheet with text is hidden', () => {
    expect(() => decodeText(sheets([['Shown', ''], ['Terms', row(1, '高质量发展', 'high-quality development'), true]]))).toThrow(
      /no visible sheet with text, and hidden sheets are not read \(“Terms”\): unhide the one to import/,
    );
  });

  it('reads a sheet of sentence pairs as a bitext, as the same pairs in a TSV file', () => {
    const text = decodeText(fixture('seed-pairs.xlsx'));
    const result = extract({ text });
    expect(result.format).toBe('tsv');
    expect(result.sentences.map((s) => s.zh)[0]).toBe('中共中央政治局11月28日下午就加强网络生态治理进行第二十三次集体学习。');
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(result.sentences).toEqual(extract({ text: lines.join('\n') + '\n', format: 'tsv' }).sentences);
  });

  it('reads rich text without its phonetic guide, inline strings, formulas, booleans, and cells with gaps between them', () => {
    const shared = Buffer.from(
      '<sst><si><r><t>网络</t></r><r><rPr><b/></rPr><t>治理</t></r><rPh sb="0" eb="2"><t>wǎngluò</t></rPh></si><si><t>governance</t></si></sst>',
    );
    const sheet =
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>自媒体</t></is></c><c r="C3" t="str"><f>LOWER("WE MEDIA")</f><v>we media</v></c><c r="D3" t="b"><v>1</v></c></row>';
    expect(decodeText(workbook(sheet, [{ name: 'xl/sharedStrings.xml', data: shared }]))).toBe('\n网络治理\t\tgovernance\n自媒体\t\twe media\tTRUE\n');
    // A sheet named by an absolute path in the relationships.
    expect(decodeText(workbook('<row r="1"><c r="A1" t="inlineStr"><is><t>人工智能</t></is></c></row>', [], '/xl/worksheets/other.xml'))).toBe('人工智能\t\n');
  });

  it('names the row of the sheet where a glossary entry lacks its rendering', () => {
    const sheet =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>中文</t></is></c><c r="B1" t="inlineStr"><is><t>English</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>网络</t></is></c><c r="B2" t="inlineStr"><is><t>cyberspace</t></is></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>治理</t></is></c><c r="B3" t="inlineStr"><is><t>governance</t></is></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><t>自媒体</t></is></c></row>';
    expect(() => extract({ text: decodeText(workbook(sheet)) })).toThrow(/^line 4: row has no English text in column 2/);
  });

  it('keeps a row spelled like a header further down the sheet', () => {
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const sheet =
      `<row r="1">${cell('A1', '术语')}${cell('B1', '译名')}</row>` +
      `<row r="2">${cell('A2', '自媒体')}${cell('B2', 'we media')}</row>` +
      `<row r="3">${cell('A3', '语境')}${cell('B3', 'context')}</row>`;
    expect(decodeText(workbook(sheet))).toBe('\n自媒体\twe media\n语境\tcontext\n');
  });

  it.each([
    ['a row numbered past the last row a sheet can have', workbook('<row r="1000000000"><c r="A1000000000" t="inlineStr"><is><t>网络</t></is></c></row>'), /a row numbered 1000000000 after row 0 \(a sheet has at most 1048576 rows, in order\)/],
    ['rows out of order', workbook('<row r="5"/><row r="2"/>'), /a row numbered 2 after row 5/],
    ['a workbook without a sheet', zip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets/></workbook>') }]), /the workbook has no sheet/],
    [
      'a workbook whose sheet is not there',
      zip([
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>') },
        { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/gone.xml"/></Relationships>') },
      ]),
      /the workbook is damaged: its sheet “A” \(xl\/worksheets\/gone\.xml\) is missing/,
    ],
    ['a sheet of malformed XML', workbook('<row r="1"><c></row>'), /the workbook is damaged \(sheet Terms\): line 1: closing tag <\/row> does not match <c>/],
  ])('refuses %s with a reason', (_, bytes, message) => {
    expect(() => decodeText(bytes)).toThrow(message);
    expect(() => decodeText(bytes)).toThrow(InvalidInputError);
  });
});
