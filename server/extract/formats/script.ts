// Which language a line is in, told by its characters: Han against Latin letters. A Han character
// carries about as much text as three or four Latin letters, hence the weight.

export type Script = 'zh' | 'en' | 'none';

/** Han characters (CJK unified ideographs, extension A, compatibility, and astral extensions). */
export function hanCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    if (c <= 0x4dbf || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) n++;
    // Extensions B–H live in planes 2 and 3: high surrogates D840–D8BF.
    else if (c >= 0xd840 && c <= 0xd8bf) n++;
  }
  return n;
}

/** Latin letters, with accents (Latin-1 and Latin Extended-A/B). */
export function latinCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) n++;
  }
  return n;
}

export function scriptOf(text: string): Script {
  const han = hanCount(text);
  const latin = latinCount(text);
  if (han === 0 && latin === 0) return 'none';
  return han * 4 >= latin ? 'zh' : 'en';
}

export const languageName: Record<Script, string> = { zh: 'Chinese', en: 'English', none: 'no text' };
