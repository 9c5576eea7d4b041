// Lexical evidence that a Chinese and an English sentence translate each other: the same numbers
// (Arabic or written in Chinese), Latin tokens kept in the Chinese, names read through pinyin, and
// dictionary glosses found among the English words.
import { glosses, pinyinPlain } from '../lexicon.ts';
import { tagWithoutLatin } from '../segment.ts';

/** One thing in a Chinese sentence that its English should show: any one of `keys` does. */
export interface Item {
  keys: string[];
  weight: number;
  /** A number missing from the English is evidence against the pair, not just no evidence. */
  hard: boolean;
}

export const maxItems = 31;

const numeralValue: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const numeralUnit: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000, 亿: 100000000 };

/** 二十三 → 23, 十八 → 18, 一百零五 → 105, 二〇二四 → 2024 (digit by digit). */
export function chineseNumber(s: string): number | null {
  if (!s) return null;
  if (!/[十百千万亿]/.test(s)) {
    let v = 0;
    for (const ch of s) {
      const d = numeralValue[ch];
      if (d === undefined) return null;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in numeralValue) digit = numeralValue[ch];
    else if (ch === '万' || ch === '亿') {
      section = (section + digit) * numeralUnit[ch];
      total += section;
      section = 0;
      digit = 0;
    } else if (ch in numeralUnit) {
      section += (digit || 1) * numeralUnit[ch];
      digit = 0;
    } else return null;
  }
  return total + section + digit;
}

const englishNumbers: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, thousand: 1000, million: 1000000, billion: 1000000000,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, twelfth: 12, twentieth: 20, hundredth: 100, half: 0.5, dozen: 12,
};

const englishStop = new Set(
  ("a an the of to and or in on at by for with from as is are was were be been being it its this that these those " +
    "he she they we you i his her their our your my me him them us not no but if so than then there here " +
    "sb sth one's oneself someone something do does did have has had will would shall should can could may might " +
    "very more most also etc into out up down over about").split(' '),
);

/** A light stemmer: enough to meet "governance"/"governing" halfway, the same on both sides. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  // What replace(/['’]s$/, '') does, without a regular expression run per word.
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ance') || w.endsWith('ence')) w = w.slice(0, -4);
  else if (w.endsWith('ment') && w.length > 6) w = w.slice(0, -4);
  else if (w.endsWith('ation') && w.length > 7) w = w.slice(0, -5);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

// Global expressions shared by the loops below, which run exec() from lastIndex 0 to the end (where
// exec leaves lastIndex at 0 again): matchAll would copy the expression and make an iterator for
// every sentence.
const englishToken = /\d[\d,]*(?:\.\d+)?|[A-Za-z\u00c0-\u024f]+(?:['’][a-z]+)?/g;
const arabicNumber = /\d[\d,]*(?:\.\d+)?/g;
const chineseNumeral = /(第)?([零〇一二两三四五六七八九十百千万亿]+)/g;
const latinWord = /[A-Za-z][A-Za-z'’-]+/g;

/** The keys an English sentence offers: stems of its words, its numbers. */
export function englishKeys(text: string): Set<string> {
  const keys = new Set<string>();
  englishToken.lastIndex = 0;
  for (let m = englishToken.exec(text); m !== null; m = englishToken.exec(text)) {
    const token = m[0];
    const first = token.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      keys.add('#' + Number(token.replace(/,/g, '')));
      continue;
    }
    const lower = token.toLowerCase();
    const n = englishNumbers[lower];
    if (n !== undefined) keys.add('#' + n);
    if (englishStop.has(lower)) continue;
    keys.add(lower);
    keys.add(stem(lower));
  }
  return keys;
}

const zhStop = new Set(
  '的 了 是 在 和 与 也 都 就 而 及 或 被 把 将 对 这 那 着 过 吗 呢 吧 啊 之 其 于 以 为 等 中 上 下 里 个 有 不 没 很 又 还 却 便 已 才 从 向 让 给 得 地 所 这个 那个 一个 我们 你们 他们 什么 自己 一 要'.split(' '),
);

const nameTags = new Set(['nr', 'nrfg', 'nrt', 'ns', 'nt', 'nz']);

function glossKeys(word: string): string[] {
  const keys = new Set<string>();
  const list = glosses(word);
  for (let g = 0; g < list.length && g < 8; g++) {
    const words = list[g].split(/[\s\-/]+/);
    for (let k = 0; k < words.length; k++) {
      let lower = words[k].toLowerCase();
      // Glosses are mostly plain lowercase words already: no replace to run on those.
      if (!onlyLowerLetters(lower)) lower = lower.replace(/[^a-z']/g, '');
      if (lower.length < 2 || englishStop.has(lower)) continue;
      keys.add(stem(lower));
      if (keys.size >= 16) return [...keys];
    }
  }
  return [...keys];
}

/** Whether every character is a-z or an apostrophe. */
function onlyLowerLetters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 97 || c > 122) && c !== 39) return false;
  }
  return true;
}

// Words recur from sentence to sentence (说, 中国): two lookups in three on Tatoeba are of a word
// seen before, two in five on WMT18, and an item costs lexicon lookups, pinyin and a stemming of
// each gloss.
// Items are never changed once made, so sentences share them.
const nameItems = new Map<string, Item>();
const wordItems = new Map<string, Item | null>();
const cachedItems = 50_000;

function nameItem(word: string): Item {
  let item = nameItems.get(word);
  if (item === undefined) {
    const syllables = pinyinPlain(word).split(' ');
    const keys = [syllables.join(''), syllables.slice(1).join('')].filter((k) => k.length >= 2);
    item = { keys: [...keys, ...glossKeys(word)], weight: 3, hard: false };
    if (nameItems.size >= cachedItems) nameItems.clear();
    nameItems.set(word, item);
  }
  return item;
}

/** The item of a word that is not a name; null when no gloss offers a key. */
function wordItem(word: string): Item | null {
  let item = wordItems.get(word);
  if (item === undefined) {
    const keys = glossKeys(word);
    item = keys.length ? { keys, weight: word.length > 1 ? 1 : 0.5, hard: false } : null;
    if (wordItems.size >= cachedItems) wordItems.clear();
    wordItems.set(word, item);
  }
  return item;
}

/**
 * What a Chinese sentence's English should contain. At most `maxItems`, strongest first, so
 * that a bead's matches fit a bit mask.
 */
export function chineseItems(text: string): Item[] {
  const strong: Item[] = [];
  const weak: Item[] = [];
  arabicNumber.lastIndex = 0;
  for (let m = arabicNumber.exec(text); m !== null; m = arabicNumber.exec(text)) {
    strong.push({ keys: ['#' + Number(m[0].replace(/,/g, ''))], weight: 3, hard: true });
  }
  chineseNumeral.lastIndex = 0;
  for (let m = chineseNumeral.exec(text); m !== null; m = chineseNumeral.exec(text)) {
    const run = m[2];
    // A lone 一 or 三 is mostly part of a word (统一, 三心二意); a run or an ordinal is a number.
    if (!m[1] && run.length < 2 && !/[十百千]/.test(run)) continue;
    const value = chineseNumber(run);
    if (value !== null) strong.push({ keys: ['#' + value], weight: 2, hard: false });
  }
  latinWord.lastIndex = 0;
  for (let m = latinWord.exec(text); m !== null; m = latinWord.exec(text)) {
    const lower = m[0].toLowerCase();
    strong.push({ keys: [lower, stem(lower)], weight: 3, hard: false });
  }
  for (const { word, tag: pos } of tagWithoutLatin(text)) {
    if (!/[\u3400-\u9fff]/.test(word) || zhStop.has(word)) continue;
    if (nameTags.has(pos) && word.length >= 2) {
      strong.push(nameItem(word));
      continue;
    }
    const item = wordItem(word);
    if (item) weak.push(item);
  }
  weak.sort((a, b) => b.weight - a.weight);
  return [...strong, ...weak].slice(0, maxItems);
}
