// Word documents (.docx) as input: the fixtures were written by python-docx (test/fixtures/office/
// make.py) from the seed, as Word writes them (runs split at every change of format, a title
// and a header row around a table). What comes out must be what the same text gives as plain text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, maxOfficePartBytes } from '../../server/extract/decode.ts';
import { extract } from '../../server/extract/index.ts';
import { InvalidInputError, TooLargeError } from '../../server/errors.ts';
import { zip } from './zip-fixture.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/office/${name}`, import.meta.url));
const seed = readFileSync(new URL('../../seeds/cyber-ecosystem-governance.en-zh.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
/** The seed's paragraph pairs, English first as in the file. */
const pairs = Array.from({ length: seed.length / 2 }, (_, k) => ({ en: seed[2 * k]!, zh: seed[2 * k + 1]! }));

const wordXml = (body: string) =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);

describe('Word documents', () => {
  it('reads a bilingual table as tab-separated rows, its title, note and header row left out', () => {
    const text = decodeText(fixture('seed-table.docx'));
    expect(text).toBe(pairs.slice(0, 4).map((p, i) => `${i + 1}\t${p.zh}\t${p.en}\n`).join(''));
    // And extracts exactly what the same pairs give as plain interleaved text.
    const plain = pairs.slice(0, 4).map((p) => `${p.en}\n${p.zh}\n\n`).join('');
    const fromWord = extract({ text });
    expect(fromWord.format).toBe('tsv');
    expect(fromWord.sentences.map(({ zh, en }) => ({ zh, en }))).toEqual(extract({ text: plain }).sentences.map(({ zh, en }) => ({ zh, en })));
  });

  it('reads paragraphs in turn, a tab and a line break inside one as spaces', () => {
    const text = decodeText(fixture('seed-paragraphs.docx'));
    expect(text).toBe(pairs.slice(0, 3).map((p) => `${p.en}\n${p.zh}\n`).join(''));
    expect(extract({ text }).sentences.length).toBe(extract({ text: pairs.slice(0, 3).map((p) => `${p.en}\n${p.zh}\n`).join('') }).sentences.length);
  });

  it('reads two documents, one per language, as the two files of a text', () => {
    const zh = decodeText(fixture('seed-zh.docx'));
    const en = decodeText(fixture('seed-en.docx'));
    expect(zh).toBe(pairs.slice(0, 3).map((p) => `${p.zh}\n`).join(''));
    const fromWord = extract({ text: zh, text2: en });
    expect(fromWord.format).toBe('two-files');
    const plain = pairs.slice(0, 3).map((p) => `${p.en}\n${p.zh}\n`).join('');
    expect(fromWord.sentences.map(({ zh, en }) => ({ zh, en }))).toEqual(extract({ text: plain }).sentences.map(({ zh, en }) => ({ zh, en })));
  });

  it('reads a Word table of terms as a glossary: the terms, their renderings as written', () => {
    const result = extract({ text: decodeText(fixture('glossary-table.docx')) });
    expect(result.format).toBe('glossary');
    expect(result.terms.map(({ zh, en, variants }) => [zh, en, variants])).toEqual([
      ['网络生态治理', 'cyber ecosystem governance', ['online ecosystem governance']],
      ['风清气正', 'a clean and righteous cyberspace', []],
      ['自媒体', 'we media', []],
    ]);
  });

  it('reads a glossary table with a note column in English, and keeps a term spelled like a column name', () => {
    const cell = (text: string) => `<w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
    const table = `<w:tbl>${row('中文', 'English', 'Note')}${row('自媒体', 'we media', 'core term')}${row('网络', 'cyberspace', 'see also 网信')}${row('术语', 'term', 'in the table, not its header')}</w:tbl>`;
    const result = extract({ text: decodeText(zip([{ name: 'word/document.xml', data: wordXml(table) }])) });
    expect(result.format).toBe('glossary');
    expect(result.terms.map((x) => [x.zh, x.en])).toEqual([
      ['自媒体', 'we media'],
      ['网络', 'cyberspace'],
      ['术语', 'term'],
    ]);
  });

  it('refuses a document nested thousands of elements deep, with a reason', () => {
    const deep = '<w:sdt><w:sdtContent>'.repeat(5000) + '<w:p/>' + '</w:sdtContent></w:sdt>'.repeat(5000);
    expect(() => decodeText(zip([{ name: 'word/document.xml', data: wordXml(deep) }]))).toThrow(/Word document is damaged: line 2: the XML is nested more than 256 elements deep/);
  });

  it('leaves out deleted text of tracked changes and field codes, and opens content controls', () => {
    const body =
      '<w:p><w:r><w:t>We value </w:t></w:r><w:del><w:r><w:delText>old words </w:delText></w:r></w:del><w:ins><w:r><w:t xml:space="preserve">data </w:t></w:r></w:ins>' +
      '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>security.</w:t></w:r></w:p>' +
      '<w:sdt><w:sdtContent><w:p><w:r><w:t>我们重视数据安全。</w:t></w:r></w:p></w:sdtContent></w:sdt><w:sectPr/>';
    // Stored rather than deflated, as some tools write small members.
    expect(decodeText(zip([{ name: 'word/document.xml', data: wordXml(body), store: true }]))).toBe('We value data security.\n我们重视数据安全。\n');
  });

  it.each<[string, Buffer, RegExp, typeof InvalidInputError | typeof TooLargeError]>([
    ['a document cut short', fixture('seed-table.docx').subarray(0, 20_000), /damaged ZIP archive/, InvalidInputError],
    ['an OpenDocument text', zip([{ name: 'content.xml', data: Buffer.from('<office/>') }]), /OpenDocument file/, InvalidInputError],
    ['any other archive', zip([{ name: 'notes.txt', data: Buffer.from('hello') }]), /a ZIP archive, not a Word document/, InvalidInputError],
    ['a Word 97–2003 document', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), /Word 97–2003 document \(\.doc\)/, InvalidInputError],
    ['a document without text', zip([{ name: 'word/document.xml', data: wordXml('<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>') }]), /the document has no text/, InvalidInputError],
    ['malformed XML inside', zip([{ name: 'word/document.xml', data: Buffer.from('<w:document><w:body><w:p></w:body></w:document>') }]), /Word document is damaged: line 1: closing tag <\/w:body> does not match <w:p>/, InvalidInputError],
    [
      'a member that says it unpacks past the limit',
      zip([{ name: 'word/document.xml', data: wordXml(''), size: maxOfficePartBytes + 1 }]),
      /word\/document\.xml in the archive is 16\.0 MB unpacked; the limit is 16 MB/,
      TooLargeError,
    ],
    [
      'a member that unpacks past the limit while its header says less (a ZIP bomb)',
      zip([{ name: 'word/document.xml', data: Buffer.alloc(maxOfficePartBytes + 1024, 0x20), size: 1000 }]),
      /unpacks to more than 16 MB/,
      TooLargeError,
    ],
  ])('refuses %s with a reason', (_, bytes, message, kind) => {
    expect(() => decodeText(bytes)).toThrow(kind);
    expect(() => decodeText(bytes)).toThrow(message);
  });
});
