// The little of the ZIP format a Word document needs: its central directory, and one member
// inflated with a bound on its size (a small archive can expand to gigabytes). Only what .docx
// files use: stored or deflated members, no encryption, no ZIP64.
import { inflateRawSync } from 'node:zlib';
import { InvalidInputError, TooLargeError } from '../../errors.ts';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** Whether the bytes begin as a ZIP archive does (a .docx, .xlsx, .odt, .apkg is one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const damaged = (why: string) => new InvalidInputError(`the file is a damaged ZIP archive (${why})`);

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The archive's members, from its central directory. */
export function zipEntries(bytes: Uint8Array): Entry[] {
  const v = view(bytes);
  // The end record is in the last 22 bytes, or before a comment of up to 64 KB.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (v.getUint32(at, true) === END) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged('no central directory: cut short?');
  const count = v.getUint16(end + 10, true);
  let at = v.getUint32(end + 16, true);
  const entries: Entry[] = [];
  const names = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || v.getUint32(at, true) !== CENTRAL) throw damaged('a broken directory entry');
    const nameLength = v.getUint16(at + 28, true);
    const extra = v.getUint16(at + 30, true);
    const comment = v.getUint16(at + 32, true);
    entries.push({
      flags: v.getUint16(at + 8, true),
      method: v.getUint16(at + 10, true),
      compressedSize: v.getUint32(at + 20, true),
      size: v.getUint32(at + 24, true),
      localOffset: v.getUint32(at + 42, true),
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** The member `name` of the archive, inflated; null when it has none. Refuses one larger than `maxBytes`. */
export function zipMember(bytes: Uint8Array, name: string, maxBytes: number): Uint8Array | null {
  const entry = zipEntries(bytes).find((e) => e.name === name);
  if (!entry) return null;
  if (entry.flags & 1) throw new InvalidInputError(`${name} in the archive is encrypted`);
  if (entry.size > maxBytes) throw new TooLargeError(`${name} in the archive is ${(entry.size / 1024 / 1024).toFixed(1)} MB unpacked; the limit is ${maxBytes / 1024 / 1024} MB`);
  const v = view(bytes);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || v.getUint32(local, true) !== LOCAL) throw damaged(`no header for ${name}`);
  const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw damaged(`${name} is cut short`);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new InvalidInputError(`${name} in the archive uses a compression duizhao cannot read (method ${entry.method})`);
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLargeError(`${name} in the archive unpacks to more than ${maxBytes / 1024 / 1024} MB`);
    throw damaged(`${name} does not inflate`);
  }
}
