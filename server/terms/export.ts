// The termbase out of duizhao, for a CAT tool or a spreadsheet: TBX-Basic (ISO 30042 TBX v2,
// the <martif> form that memoQ, Trados' Glossary Converter, OmegaT and Phrase import), or CSV.
// A concept entry per term: the Chinese term with its pinyin and the user's note, the preferred
// English rendering and every variant as admitted terms, and the sentence pair of its first
// occurrence as context, so a translator sees the term in use.
import { xmlEscape } from '../extract/formats/xml.ts';
import { NotFoundError } from '../errors.ts';
import { fileBase } from '../library/index.ts';
import type { Db } from '../store/index.ts';
import { segmentsStore, termsStore } from '../store/index.ts';

export type ExportFormat = 'tbx' | 'csv';

export interface TermExport {
  body: string;
  mediaType: string;
  fileName: string;
}

export interface ExportOptions {
  format: ExportFormat;
  /** Ignored terms too (marked so in CSV; "deprecatedTerm" in TBX). */
  includeIgnored?: boolean;
  /** The terms of one source only: a project's glossary, named after it. */
  source?: number;
  now: Date;
}

export function exportTermbase(db: Db, options: ExportOptions): TermExport {
  let base = 'duizhao-terms';
  if (options.source !== undefined) {
    const title = segmentsStore.sourceTitle(db, options.source);
    if (title === null) throw new NotFoundError(`no source ${options.source}`);
    base = `${fileBase(title, `source-${options.source}`)}-terms`;
  }
  const terms = termsStore.exportTerms(db, options.includeIgnored ?? false, options.source);
  if (options.format === 'csv') return { body: toCsv(terms), mediaType: 'text/csv; charset=utf-8', fileName: `${base}.csv` };
  return { body: toTbx(terms, options.now), mediaType: 'application/x-tbx+xml; charset=utf-8', fileName: `${base}.tbx` };
}

function toTbx(terms: termsStore.ExportTerm[], now: Date): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<martif type="TBX-Basic" xml:lang="zh-CN">',
    '  <martifHeader>',
    '    <fileDesc>',
    '      <titleStmt><title>duizhao termbase</title></titleStmt>',
    `      <sourceDesc><p>Exported by duizhao on ${now.toISOString()}: ${terms.length} terms, Chinese to English.</p></sourceDesc>`,
    '    </fileDesc>',
    '    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>',
    '  </martifHeader>',
    '  <text>',
    '    <body>',
  ];
  for (const t of terms) {
    const status = t.status === 'ignored' ? 'deprecatedTerm-admn-sts' : null;
    out.push(`      <termEntry id="duizhao-${t.id}">`);
    out.push('        <langSet xml:lang="zh-CN">');
    out.push('          <tig>');
    out.push(`            <term>${xmlEscape(t.zh)}</term>`);
    if (status) out.push(`            <termNote type="administrativeStatus">${status}</termNote>`);
    if (t.contextZh) out.push(`            <descrip type="context">${xmlEscape(t.contextZh)}</descrip>`);
    if (t.pinyin) out.push(`            <note>Pinyin: ${xmlEscape(t.pinyin)}</note>`);
    if (t.note.trim()) out.push(`            <note>${xmlEscape(t.note.trim())}</note>`);
    out.push('          </tig>');
    out.push('        </langSet>');
    out.push('        <langSet xml:lang="en">');
    [t.en, ...t.variants].forEach((rendering, k) => {
      out.push('          <tig>');
      out.push(`            <term>${xmlEscape(rendering)}</term>`);
      out.push(`            <termNote type="administrativeStatus">${status ?? (k === 0 ? 'preferredTerm-admn-sts' : 'admittedTerm-admn-sts')}</termNote>`);
      if (k === 0 && t.contextEn) out.push(`            <descrip type="context">${xmlEscape(t.contextEn)}</descrip>`);
      out.push('          </tig>');
    });
    out.push('        </langSet>');
    out.push('      </termEntry>');
  }
  out.push('    </body>', '  </text>', '</martif>', '');
  return out.join('\n');
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(terms: termsStore.ExportTerm[]): string {
  const header = ['zh', 'pinyin', 'en', 'variants', 'note', 'count', 'status', 'context_zh', 'context_en'];
  const lines = [header.join(',')];
  for (const t of terms) {
    lines.push(
      [t.zh, t.pinyin, t.en, t.variants.join('; '), t.note, t.count, t.status, t.contextZh ?? '', t.contextEn ?? '']
        .map(csvField)
        .join(','),
    );
  }
  // A byte-order mark: without it, Excel opens UTF-8 CSV as the local code page and garbles the Chinese.
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
