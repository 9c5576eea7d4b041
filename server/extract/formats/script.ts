// Which language a line is in, told by its characters: Han against Latin letters. A Han character
// carries about as much text as three or four Latin letters, hence the weight.

export type Script = 'zh' | 'en' | 'none';

// The counts stop at `limit`: a reader checking that a field has any Chinese at all need not
// scan the rest of it. The tests are written out in each loop rather than called: in a cold
// process a call per character made scriptOf over Tatoeba's column sample cost 45M instructions
// against 5M, the optimizing compiler inlining it only once the pass is nearly over.

/** Han characters (CJK unified ideographs, extension A, compatibility, and astral extensions). */
export function hanCount(text: string, limit = Infinity): number {
  let n = 0;
  for (let i = 0; i < text.length && n < limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    if (c <= 0x4dbf || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) n++;
    // Extensions B–H live in planes 2 and 3: high surrogates D840–D8BF.
    else if (c >= 0xd840 && c <= 0xd8bf) n++;
  }
  return n;
}

/** Latin letters, with accents (Latin-1 and Latin Extended-A/B). */
export function latinCount(text: string, limit = Infinity): number {
  let n = 0;
  for (let i = 0; i < text.length && n < limit; i++) {
    const c = text.charCodeAt(i);
    if (((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) n++;
  }
  return n;
}

export function scriptOf(text: string): Script {
  // hanCount and latinCount in one pass: column detection runs this on every field of thousands
  // of rows. Han starts at U+3400, above every Latin letter.
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) {
      if (((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) latin++;
    } else if (c <= 0x4dbf || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd8bf)) han++;
  }
  if (han === 0 && latin === 0) return 'none';
  return han * 4 >= latin ? 'zh' : 'en';
}

export const languageName: Record<Script, string> = { zh: 'Chinese', en: 'English', none: 'no text' };
