import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, maxInputBytes } from '../../server/extract/decode.ts';
import { InvalidInputError, TooLargeError } from '../../server/errors.ts';

const sample = 'Cyberspace governance matters.\n网络生态治理是网络强国建设的重要任务。\n';

function utf16(text: string, bigEndian: boolean, bom = true): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const bytes = bigEndian ? Buffer.from(le).swap16() : le;
  return bom ? Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), bytes]) : bytes;
}

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(sample, 'utf8')],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')])],
    ['UTF-16 LE with a BOM (Windows Notepad "Unicode")', utf16(sample, false)],
    ['UTF-16 BE with a BOM', utf16(sample, true)],
    ['UTF-16 LE without a BOM', utf16(sample, false, false)],
    ['GBK (a Chinese Windows default)', iconv.encode(sample, 'gbk')],
    ['GB18030', iconv.encode(sample, 'gb18030')],
    ['CRLF line endings', Buffer.from(sample.replace(/\n/g, '\r\n'), 'utf8')],
    ['old Mac CR line endings', Buffer.from(sample.replace(/\n/g, '\r'), 'utf8')],
  ])('reads %s as the same text', (_, bytes) => {
    expect(decodeText(bytes)).toBe(sample);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /empty/],
    ['only blanks and newlines', Buffer.from(' \n\t\r\n  '), /empty/],
    ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]), /binary/],
    ['a zip archive', Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00\xa5\x8b\x5c\x58', 'latin1'), /damaged ZIP archive \(no central directory: cut short\?\)/],
    ['text full of control characters', Buffer.from('abc\x01\x02\x03\x04\x05\x06\x07\x08def\x0e\x0f', 'latin1'), /binary/],
    ['a broken UTF-8 file marked UTF-8', Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0x28, 0xff, 0xfe, 0xfd]), /UTF-8/],
  ])('refuses %s with a one-line reason', (_, bytes, reason) => {
    let error: unknown;
    try {
      decodeText(bytes);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses an input over the size limit before decoding it, saying the limit', () => {
    const bytes = new Uint8Array(maxInputBytes + 1);
    expect(() => decodeText(bytes)).toThrow(TooLargeError);
    expect(() => decodeText(bytes)).toThrow(/limit is 50 MB/);
  });
});
