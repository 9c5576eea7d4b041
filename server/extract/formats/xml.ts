// A small XML reader for the XML inputs (TMX, TBX): enough for their files, and it keeps line
// numbers for error messages; and the escaping the XML outputs (TBX and TMX exports) write with.
import { InvalidInputError } from '../../errors.ts';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
  line: number;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string, line: number): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*)?(;)?/g, (whole, name?: string, semi?: string) => {
    if (!name || !semi) throw new InvalidInputError(`a bare "&" in the XML (write &amp;): "${whole}"`, line);
    if (name[0] === '#') {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff)) throw new InvalidInputError(`a bad character reference &${name};`, line);
      return String.fromCodePoint(code);
    }
    const value = entities[name];
    if (value === undefined) throw new InvalidInputError(`unknown XML entity &${name};`, line);
    return value;
  });
}

// An opening tag, read where the reader stands (sticky): however many attributes it carries (a
// Word document's root declares dozens of namespaces).
const openTag = /<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;

const MAX_DEPTH = 256;

export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], line: 1 };
  const stack: XmlElement[] = [root];
  let i = 0;
  let line = 1;
  const advance = (to: number) => {
    for (let k = i; k < to; k++) if (text.charCodeAt(k) === 10) line++;
    i = to;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const end = lt === -1 ? text.length : lt;
    if (end > i) {
      const raw = text.slice(i, end);
      const top = stack[stack.length - 1];
      if (top === root) {
        if (raw.trim()) throw new InvalidInputError('text outside the XML root element', line);
      } else top.children.push(decodeEntities(raw, line));
      advance(end);
      if (lt === -1) break;
    }
    const startLine = line;
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) throw new InvalidInputError('an XML comment is never closed', startLine);
      advance(close + 3);
    } else if (text.startsWith('<![CDATA[', i)) {
      const close = text.indexOf(']]>', i + 9);
      if (close === -1) throw new InvalidInputError('a CDATA section is never closed', startLine);
      stack[stack.length - 1].children.push(text.slice(i + 9, close));
      advance(close + 3);
    } else if (text.startsWith('<?', i) || text.startsWith('<!', i)) {
      const close = text.indexOf('>', i);
      if (close === -1) throw new InvalidInputError('an XML declaration is never closed', startLine);
      advance(close + 1);
    } else if (text.startsWith('</', i)) {
      const close = text.indexOf('>', i);
      if (close === -1) throw new InvalidInputError('an XML closing tag is never finished', startLine);
      const name = text.slice(i + 2, close).trim();
      const top = stack[stack.length - 1];
      if (top === root) throw new InvalidInputError(`closing tag </${name}> without an opening tag`, startLine);
      if (top.name !== name) {
        throw new InvalidInputError(`closing tag </${name}> does not match <${top.name}> opened on line ${top.line}`, startLine);
      }
      stack.pop();
      advance(close + 1);
    } else {
      openTag.lastIndex = i;
      const match = openTag.exec(text);
      if (!match) throw new InvalidInputError('malformed XML tag', startLine);
      const attrs: Record<string, string> = {};
      for (const a of match[2].matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? '', startLine);
      }
      const element: XmlElement = { name: match[1], attrs, children: [], line: startLine };
      const parent = stack[stack.length - 1];
      if (parent === root && root.children.some((c) => typeof c !== 'string')) {
        throw new InvalidInputError('a second root element', startLine);
      }
      parent.children.push(element);
      if (!match[3]) {
        // Readers walk the tree recursively: a file nested thousands deep is no document.
        if (stack.length > MAX_DEPTH) throw new InvalidInputError(`the XML is nested more than ${MAX_DEPTH} elements deep`, startLine);
        stack.push(element);
      }
      advance(i + match[0].length);
    }
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1];
    throw new InvalidInputError(`<${open.name}> is never closed`, open.line);
  }
  return root;
}

// Inline markup in TMX segments and TBX notes (<bpt>, <ept>, <ph>, <it>, <ut>) holds native
// codes, not text.
const inlineCodes = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);

/** The element's text, inline codes left out; whitespace as written. */
export function textOf(element: XmlElement): string {
  return element.children
    .map((c) => (typeof c === 'string' ? c : inlineCodes.has(c.name) ? '' : textOf(c)))
    .join('');
}

/** An element's name without its namespace prefix: w:p → p (Office files use prefixes freely). */
export function localName(element: XmlElement): string {
  return element.name.slice(element.name.indexOf(':') + 1);
}

/** The element's child elements, text left out. */
export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string');
}

/** The outermost descendants named `names` (one name, or a set), in document order. */
export function* elements(element: XmlElement, names: string | ReadonlySet<string>): Generator<XmlElement> {
  for (const c of element.children) {
    if (typeof c === 'string') continue;
    if (typeof names === 'string' ? c.name === names : names.has(c.name)) yield c;
    else yield* elements(c, names);
  }
}

/** Text as XML character data or an attribute value; characters XML 1.0 cannot hold are dropped. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
