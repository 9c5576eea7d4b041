// The body of POST /api/sources and /api/extract: JSON (pasted text) or multipart (uploaded files,
// decoded by the extractor's encoding guesser so GBK and UTF-16 files work).
import type { Context } from 'hono';
import { z } from 'zod';
import { decodeDocument, type WorkbookLayout } from '../extract/index.ts';
import { titleFromFileName } from '../library/index.ts';
import { InvalidInputError } from '../errors.ts';
import { BadRequestError, UnsupportedMediaTypeError } from './errors.ts';
import { describeIssues, importSchema, mediaType, previewSchema } from './validation.ts';

/** An uploaded workbook's layout comes with its text: from the file, never from the request's fields. */
type FromFile = { workbook?: WorkbookLayout };
export type ImportBody = z.output<typeof importSchema> & FromFile;
export type PreviewBody = z.output<typeof previewSchema> & FromFile;

export async function readImportBody(c: Context): Promise<ImportBody> {
  const { raw, workbook } = await readRaw(c);
  return { ...parse(importSchema, raw), ...(workbook ? { workbook } : {}) };
}

export async function readPreviewBody(c: Context): Promise<PreviewBody> {
  const { raw, workbook } = await readRaw(c);
  return { ...parse(previewSchema, raw), ...(workbook ? { workbook } : {}) };
}

function parse<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw);
  if (!result.success) throw new BadRequestError(describeIssues(result.error));
  return result.data;
}

async function readRaw(c: Context): Promise<{ raw: unknown } & FromFile> {
  const type = mediaType(c.req.header('content-type'));
  if (/^application\/([\w.-]+\+)?json$/.test(type)) {
    try {
      return { raw: await c.req.json() };
    } catch {
      throw new BadRequestError('the request body is not valid JSON', 'invalid_json');
    }
  }
  if (type === 'multipart/form-data') return readMultipart(c);
  throw new UnsupportedMediaTypeError(
    `expected application/json or multipart/form-data, got ${type || 'no Content-Type'}`,
  );
}

async function readMultipart(c: Context): Promise<{ raw: Record<string, unknown> } & FromFile> {
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw new BadRequestError('the multipart body could not be read');
  }
  const one = (name: string): string | File | undefined => {
    const v = form[name];
    if (Array.isArray(v)) {
      if (v.length > 1) throw new BadRequestError(`${name}: give one value, not ${v.length}`);
      return v[0];
    }
    return v;
  };
  const text = async (name: string, fileField: string): Promise<{ text?: string; fileName?: string } & FromFile> => {
    const value = one(fileField) ?? one(name);
    if (value === undefined) return {};
    if (typeof value === 'string') return { text: value };
    try {
      const { text, workbook } = decodeDocument(new Uint8Array(await value.arrayBuffer()));
      return { text, fileName: value.name, ...(workbook ? { workbook } : {}) };
    } catch (err) {
      if (err instanceof InvalidInputError) {
        throw new InvalidInputError(`${value.name || fileField}: ${err.message}`, undefined, err.code);
      }
      throw err;
    }
  };
  const first = await text('text', 'file');
  const second = await text('text2', 'file2');
  if (first.text === undefined) throw new BadRequestError('file: missing (send the file as "file", or the text as "text")');
  const title = one('title');
  if (title !== undefined && typeof title !== 'string') throw new BadRequestError('title: must be text, not a file');
  const format = one('format');
  const minScore = one('minScore');
  if (minScore !== undefined && typeof minScore !== 'string') throw new BadRequestError('minScore: must be a number, not a file');
  const raw = {
    title: title && title.trim() ? title : first.fileName ? titleFromFileName(first.fileName) : 'Untitled',
    text: first.text,
    ...(second.text !== undefined ? { text2: second.text } : {}),
    ...(format !== undefined ? { format } : {}),
    ...(minScore !== undefined ? { minScore } : {}),
    ...termListOf(form, 'excludeTerms'),
    ...termListOf(form, 'knownTerms'),
  };
  // A workbook's layout is the first file's: the second of two files is one language's text.
  return { raw, ...(first.workbook ? { workbook: first.workbook } : {}) };
}

/**
 * A list of terms (unticked, or known) as a JSON array in one field, or as repeated NAME / NAME[]
 * fields.
 */
function termListOf(form: Record<string, string | File | (string | File)[]>, name: 'excludeTerms' | 'knownTerms'): { [key: string]: unknown } {
  const values = [form[name], form[`${name}[]`]].flat().filter((v) => v !== undefined);
  if (values.length === 0) return {};
  if (values.length === 1 && typeof values[0] === 'string' && values[0].trim().startsWith('[')) {
    try {
      return { [name]: JSON.parse(values[0]) };
    } catch {
      throw new BadRequestError(`${name}: not a valid JSON array`);
    }
  }
  return { [name]: values };
}
