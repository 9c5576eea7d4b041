// TBX (TermBase eXchange, ISO 30042): a termbase, not a bitext. Both forms CAT tools write:
// TBX v2 (<martif>: termEntry / langSet / tig or ntig/termGrp / term) and TBX v3 (<tbx>:
// conceptEntry / langSec / termSec / term). Per entry, the Chinese terms and the English ones,
// by the language code of their section; a term marked deprecated or superseded is not a
// rendering to learn. Entries without both languages (other pairs of a multilingual termbase)
// are skipped.
import { InvalidInputError } from '../../errors.ts';
import { childElements, elements, parseXml, textOf, type XmlElement } from './xml.ts';

export interface GlossaryEntry {
  /** The Chinese terms of the entry, in order (usually one). */
  zh: string[];
  /** The English terms, the preferred first: the rest are variants. */
  en: string[];
  /** The entry's notes (on the Chinese terms), joined. */
  note: string;
  /** 1-based line of the entry, for messages. */
  line: number;
}

const rejected = /deprecated|superseded|obsolete/i;

/** Text with its runs of whitespace as single spaces, trimmed. */
function plainText(element: XmlElement): string {
  return textOf(element).replace(/\s+/g, ' ').trim();
}

const entryNames = new Set(['termEntry', 'conceptEntry']);
const sectionNames = new Set(['langSet', 'langSec']);
// A term with its notes: <tig>, <ntig> (its <termGrp>), or <termSec>.
const termHolderNames = new Set(['tig', 'ntig', 'termSec']);
const termPartNames = new Set(['term', 'termNote', 'note']);

interface Found {
  term: string;
  status: string;
  notes: string[];
}

function termsOf(section: XmlElement): Found[] {
  const out: Found[] = [];
  for (const holder of elements(section, termHolderNames)) {
    const all = [...elements(holder, termPartNames)];
    const term = all.find((e) => e.name === 'term');
    if (!term) continue;
    const text = plainText(term);
    if (!text) continue;
    const status = all.find((e) => e.name === 'termNote' && /status|usage/i.test(e.attrs.type ?? ''));
    out.push({ term: text, status: status ? plainText(status) : '', notes: all.filter((e) => e.name === 'note').map(plainText) });
  }
  return out;
}

export function readTbx(text: string): GlossaryEntry[] {
  const root = parseXml(text);
  const top = childElements(root)[0];
  if (!top || (top.name !== 'martif' && top.name !== 'tbx')) {
    throw new InvalidInputError(`not a TBX file: its root element is <${top?.name ?? 'none'}>, not <martif> or <tbx>`, top?.line);
  }
  const entries: GlossaryEntry[] = [];
  for (const entry of elements(top, entryNames)) {
    const zh: Found[] = [];
    const en: Found[] = [];
    for (const section of elements(entry, sectionNames)) {
      const lang = (section.attrs['xml:lang'] ?? '').toLowerCase();
      const side = lang.startsWith('zh') || lang.startsWith('cmn') ? zh : lang.startsWith('en') ? en : null;
      if (side) side.push(...termsOf(section).filter((t) => !rejected.test(t.status)));
    }
    if (!zh.length || !en.length) continue;
    // The preferred English term first, then the others in the file's order.
    const preferred = en.findIndex((t) => /preferred/i.test(t.status));
    if (preferred > 0) en.unshift(...en.splice(preferred, 1));
    const note = zh
      .flatMap((t) => t.notes)
      // duizhao's own export writes the pinyin as a note; it is computed again on import.
      .filter((n) => !/^Pinyin: /.test(n))
      .join(' · ');
    entries.push({ zh: unique(zh.map((t) => t.term)), en: unique(en.map((t) => t.term)), note, line: entry.line });
  }
  if (entries.length === 0) throw new InvalidInputError('the TBX file has no entry with both a Chinese and an English term');
  return entries;
}

function unique(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((s) => !seen.has(s.toLowerCase()) && seen.add(s.toLowerCase()));
}
