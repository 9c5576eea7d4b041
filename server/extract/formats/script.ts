// Which language a line is in, told by its characters: Han against Latin letters. A Han character
// carries about as much text as three or four Latin letters, hence the weight.

const hanRe = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]/gu;
const latinRe = /[A-Za-z\u00c0-\u024f]/g;

export type Script = 'zh' | 'en' | 'none';

export function hanCount(text: string): number {
  return text.match(hanRe)?.length ?? 0;
}

export function latinCount(text: string): number {
  return text.match(latinRe)?.length ?? 0;
}

export function scriptOf(text: string): Script {
  const han = hanCount(text);
  const latin = latinCount(text);
  if (han === 0 && latin === 0) return 'none';
  return han * 4 >= latin ? 'zh' : 'en';
}

export const languageName: Record<Script, string> = { zh: 'Chinese', en: 'English', none: 'no text' };
