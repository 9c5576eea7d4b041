// Which reader a text needs, from its first lines. `format` given by the user always wins.
import type { InputFormat } from '../types.ts';
import { bodyRows, parseCsv, type Row } from './delimited.ts';
import { latinCount, scriptOf } from './script.ts';
import { looksLikeSubtitles } from './subtitles.ts';

export function detectFormat(text: string): Exclude<InputFormat, 'two-files'> {
  const head = text.slice(0, 64 * 1024);
  const start = head.trimStart();
  // A termbase (TBX v2 <martif>, v3 <tbx>) before a translation memory: both are XML.
  if (/<(martif|tbx)[\s>]/.test(head.slice(0, 2000))) return 'tbx';
  if (start.startsWith('<?xml') || /^<tmx[\s>]/.test(start) || /<tmx[\s>]/.test(head.slice(0, 2000))) return 'tmx';
  if (looksLikeSubtitles(head)) return 'subtitles';
  const lines = head.split('\n').filter((l) => l.trim()).slice(0, 200);
  if (lines.length === 0) return 'interleaved';
  const tabbed = lines.filter((l) => l.includes('\t')).length;
  if (tabbed >= lines.length * 0.8) return 'tsv';
  if (looksLikeCsv(head, text.length > head.length)) return 'csv';
  return 'interleaved';
}

// Interleaved prose has commas too (the seed's Chinese uses ASCII ones), but its comma-separated
// pieces are all in one script; CSV rows hold a Chinese field beside an English one.
function looksLikeCsv(head: string, truncated: boolean): boolean {
  let rows: Row[] | null = null;
  let sample = head;
  // A sample cut off inside a quoted field: back off to an earlier line break.
  for (let attempt = 0; attempt < 20 && !rows; attempt++) {
    if (truncated || attempt > 0) {
      const cut = sample.lastIndexOf('\n');
      if (cut <= 0) return false;
      sample = sample.slice(0, cut);
    }
    try {
      rows = parseCsv(sample).slice(0, 200);
    } catch {
      if (!truncated) return false;
    }
  }
  if (!rows) return false;
  if (rows.length === 0) return false;
  const body = bodyRows(rows);
  if (body.length === 0) return false;
  const bilingual = body.filter(
    (r) => r.fields.length >= 2 && r.fields.some((f) => scriptOf(f) === 'zh') && r.fields.some((f) => scriptOf(f) === 'en' && latinCount(f) >= 2),
  ).length;
  return bilingual >= body.length * 0.8;
}
