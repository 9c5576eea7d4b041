// Sentence splitting for the two languages. Line breaks are always boundaries (a monolingual file
// holds a paragraph or a sentence per line). Closing quotes and brackets stay with the sentence
// they close.

const zhClosers = '”’」』）)】》〉"\'';
const zhEnders = '。！？!?';

/**
 * Chinese: ends at 。！？ (ASCII ! ? too), at an ASCII period written after a Han character
 * (not in 3.5 or wallstreetcn.com), at …… before a closing quote, and at ； between two long
 * clauses, where translators usually start a new English sentence.
 */
export function splitZh(text: string): string[] {
  const out: string[] = [];
  // A row of a TSV or CSV is one line: no array of lines to build for it.
  if (!text.includes('\n')) splitZhLine(text, out);
  else for (const line of text.split('\n')) splitZhLine(line, out);
  return out;
}

const hanAt = (s: string, i: number) => /[\u3400-\u9fff\uf900-\ufaff]/.test(s[i] ?? '');

const zhMaybeEnd = /[。！？!?.…；;]/;

function splitZhLine(line: string, out: string[]): void {
  // Most short sentences (a Tatoeba row) end only at their last character: no search needed.
  const last = line.search(zhMaybeEnd);
  if (last === -1 || last === line.length - 1) {
    const piece = line.trim();
    if (piece) out.push(piece);
    return;
  }
  let start = 0;
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line[i];
    let end = -1;
    if (zhEnders.includes(c)) {
      end = i + 1;
      while (end < n && (zhEnders.includes(line[end]) || line[end] === '…')) end++;
    } else if (c === '.' && hanAt(line, i - 1) && (i + 1 >= n || /[\s\u3400-\u9fff“‘"]/.test(line[i + 1]))) {
      end = i + 1;
    } else if (c === '…' && line[i + 1] === '…') {
      let k = i;
      while (k < n && line[k] === '…') k++;
      // Hesitation inside a sentence ("我……我不知道") goes on; an ellipsis closing a quote ends it.
      if (k < n && '”’」』'.includes(line[k])) end = k;
      i = k;
      if (end === -1) continue;
    } else if (c === '；' || c === ';') {
      const before = hanCountIn(line, start, i);
      const after = hanCountIn(line, i + 1, nextEnd(line, i + 1));
      if (before >= 20 && after >= 20) end = i + 1;
    }
    if (end === -1) {
      i++;
      continue;
    }
    while (end < n && zhClosers.includes(line[end])) end++;
    const piece = line.slice(start, end).trim();
    if (piece) out.push(piece);
    start = end;
    i = end;
  }
  const rest = line.slice(start).trim();
  if (rest) out.push(rest);
}

function nextEnd(line: string, from: number): number {
  for (let k = from; k < line.length; k++) if (zhEnders.includes(line[k]) || line[k] === '；') return k;
  return line.length;
}

function hanCountIn(s: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) if (hanAt(s, k)) count++;
  return count;
}

// Abbreviations that never end a sentence: a name or a number follows them.
const titleAbbreviations = new Set(
  'mr mrs ms dr prof st gen gov sen rep lt col capt sgt rev hon pres no nos vol vols fig figs vs v e.g i.e cf approx art arts para paras pp p ch sec mt ft'.split(' '),
);
// Abbreviations that may end one: only a typical sentence opening after them says so.
const closingAbbreviations = new Set(
  'etc inc ltd co corp jr sr bros u.s u.k u.n e.u a.m p.m jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);
const sentenceOpeners = new Set(
  'the this that these those he she it we they i you there his her its our their but and so yet however in on at as if when while after before since for a an what why how who many some all most one'.split(' '),
);

/** English: ends at . ! ? … followed by a space and a capital, a digit or an opening quote. */
export function splitEn(text: string): string[] {
  const out: string[] = [];
  if (!text.includes('\n')) splitEnLine(text, out);
  else for (const line of text.split('\n')) splitEnLine(line, out);
  return out;
}

const boundaryRe = /([.!?]+|…+)(['"’”)\]]*)(\s+)(?=(['"‘“(\[]*)(\S+))/g;

function splitEnLine(line: string, out: string[]): void {
  if (!/[.!?…]['"’”)\]]*\s/.test(line)) {
    const piece = line.trim();
    if (piece) out.push(piece);
    return;
  }
  let start = 0;
  for (const m of line.matchAll(boundaryRe)) {
    const next = m[5];
    // A new sentence opens with a capital, a digit or a Han character (after any opening quote).
    if (!/[A-Z0-9\u00c0-\u00de\u3400-\u9fff]/.test(next[0])) continue;
    if (m[1] === '.' && !m[2] && !endsSentence(line.slice(start, m.index), next)) continue;
    const end = m.index + m[1].length + m[2].length;
    const piece = line.slice(start, end).trim();
    if (piece) out.push(piece);
    start = end;
  }
  const rest = line.slice(start).trim();
  if (rest) out.push(rest);
}

function endsSentence(before: string, next: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  const bare = word.replace(/^['"‘“(\[]+/, '');
  const key = bare.toLowerCase();
  // An initial (J. K. Rowling) or a single-letter list label.
  if (/^[A-Z]$/.test(bare)) return false;
  if (titleAbbreviations.has(key)) return false;
  const nextWord = next.replace(/[^A-Za-z']/g, '').toLowerCase();
  if (closingAbbreviations.has(key) || /^([a-z]\.)+[a-z]$/i.test(bare)) return sentenceOpeners.has(nextWord);
  return true;
}
