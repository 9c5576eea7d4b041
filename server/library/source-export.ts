// A source's sentence pairs out of duizhao, for a CAT tool's translation memory or a spreadsheet:
// TMX 1.4 (one <tu> per pair, Chinese first, the alignment's confidence as a property) or TSV
// (Chinese, tab, English). duizhao as a sentence aligner: a bilingual text in, a TM out.
// Pairs with one side empty (a 1-0 or 0-1 bead) hold no translation and are left out.
import { NotFoundError } from '../errors.ts';
import { xmlEscape } from '../extract/formats/xml.ts';
import { segmentsStore, sourcesStore, type Db } from '../store/index.ts';

export type SourceExportFormat = 'tmx' | 'tsv';

export interface SourceExport {
  body: string;
  mediaType: string;
  /** A file name from the source's title: letters and digits of any script, the rest dashes. */
  fileName: string;
}

/** A file name from a title: its letters and digits, of any script, the rest dashes. */
export function fileBase(title: string, fallback: string): string {
  return title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || fallback;
}

export function exportSource(db: Db, id: number, format: SourceExportFormat, now: Date): SourceExport {
  const source = sourcesStore.sourceSummary(db, id);
  if (!source) throw new NotFoundError(`no source ${id}`);
  const pairs = segmentsStore.segmentsOfSource(db, id).filter((s) => s.zh.trim() && s.en.trim());
  const base = fileBase(source.title, `source-${id}`);
  if (format === 'tsv') {
    // One pair a line: a tab or line break inside a sentence would cut it, so it becomes a space.
    const cell = (text: string) => text.replace(/[\t\r\n]+/g, ' ').trim();
    return { body: pairs.map((p) => `${cell(p.zh)}\t${cell(p.en)}\n`).join(''), mediaType: 'text/tab-separated-values; charset=utf-8', fileName: `${base}.tsv` };
  }
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="duizhao" creationtoolversion="0.1.0" segtype="sentence" o-tmf="duizhao" adminlang="en" srclang="zh-CN" datatype="plaintext" creationdate="${stamp}">`,
    `    <prop type="x-source-title">${xmlEscape(source.title)}</prop>`,
    '  </header>',
    '  <body>',
  ];
  for (const p of pairs) {
    out.push(`    <tu tuid="${p.id}">`);
    out.push(`      <prop type="x-alignment-score">${Math.round(p.score * 1000) / 1000}</prop>`);
    out.push(`      <tuv xml:lang="zh-CN"><seg>${xmlEscape(p.zh)}</seg></tuv>`);
    out.push(`      <tuv xml:lang="en"><seg>${xmlEscape(p.en)}</seg></tuv>`);
    out.push('    </tu>');
  }
  out.push('  </body>', '</tmx>', '');
  return { body: out.join('\n'), mediaType: 'application/x-tmx+xml; charset=utf-8', fileName: `${base}.tmx` };
}
