// A table's header row: the names of its columns (中文 | English, 原文 | 译文, Source | Target, and
// the columns glossaries keep beside them), perhaps over a number column. Left out wherever a
// table is read (TSV and CSV, Word tables, Excel sheets); only at the top of a table, so that a
// term spelled like a column name (术语 → term) further down stays a row.

const COLUMN_NAME =
  /^(中文|英文|汉语|英语|原文|译文|术语|译名|中文术语|英文术语|chinese|english|source( text)?|target( text)?|translation|terms?|zh|en|notes?|comments?|remarks?|备注|注释|说明|definition|定义|examples?|例句|context|语境|domain|领域|category|类别|pinyin|拼音|id)$/i;

const NUMBER_COLUMN = /^(#|no\.?|序号|编号|\d+)$/i;

/** A cell of a number column (1, 2, 3…), or its name: no note of a term. */
export function isNumberCell(cell: string): boolean {
  return NUMBER_COLUMN.test(cell);
}

/** Whether a row names its columns (中文 | English), beside a number column perhaps. */
export function isHeader(cells: string[]): boolean {
  const named = cells.filter(Boolean);
  return named.some((c) => COLUMN_NAME.test(c)) && named.every((c) => COLUMN_NAME.test(c) || NUMBER_COLUMN.test(c));
}


/** How many rows at the top of a table name its columns (usually none or one). */
export function headerRows(rows: readonly (readonly string[])[]): number {
  let k = 0;
  while (k < rows.length && isHeader([...rows[k]!])) k++;
  return k;
}
