// Validation at the boundary: every body, query and path parameter passes a zod schema before a
// handler sees it. A failure is a 400 naming the field, so a client developer knows what to fix.
import type { MiddlewareHandler } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import type { ValidationTargets } from 'hono';
import { BadRequestError, UnsupportedMediaTypeError } from './errors.ts';

export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length ? issue.path.join('.') : 'body';
  return `${where}: ${issue.message}`;
}

/** zValidator whose failures go through the one error mapper instead of zod's raw issue list. */
export function valid<Target extends keyof ValidationTargets, T extends z.ZodType>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw new BadRequestError(describeIssues(result.error as unknown as z.ZodError));
  });
}

const jsonType = /^application\/([\w.-]+\+)?json$/i;

export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/** Refuses a body that is not JSON (415) or does not parse (400 invalid_json) before validation reads it. */
export const requireJson: MiddlewareHandler = async (c, next) => {
  const type = mediaType(c.req.header('content-type'));
  if (!jsonType.test(type)) {
    throw new UnsupportedMediaTypeError(`expected Content-Type: application/json, got ${type || 'none'}`);
  }
  try {
    // Cached by Hono: the validator that follows reads the same parsed value.
    await c.req.json();
  } catch {
    throw new BadRequestError('the request body is not valid JSON', 'invalid_json');
  }
  await next();
};

export const idParam = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'must be a positive whole number')
    .transform(Number),
});

const rating = z
  .number({ error: 'must be a number from 1 to 4' })
  .int('must be a whole number from 1 to 4')
  .min(1, 'must be from 1 (Again) to 4 (Easy)')
  .max(4, 'must be from 1 (Again) to 4 (Easy)');

export const answerSchema = z.object({
  cardId: z.number().int().positive(),
  rating: rating.transform((r) => r as 1 | 2 | 3 | 4),
  reviewId: z.uuid('must be a UUID (crypto.randomUUID())'),
  answer: z.string().max(20_000).optional(),
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000)
    .optional(),
  /** The card's reps as served: a stale answer for a card answered meanwhile is a conflict. */
  reps: z.number().int().min(0).optional(),
});

export const checkSchema = z.object({
  cardId: z.number().int().positive(),
  answer: z.string().max(20_000),
});

export const extendSchema = z.strictObject({
  newCards: z.number().int().min(1).max(1000),
});

/** One of the automatic backups beside the database, by its file name (never a path). */
export const restoreSchema = z.strictObject({
  name: z.string().regex(/^duizhao-\d{8}-\d{6}\.db$/, 'name must be a backup file name such as duizhao-20261129-043000.db'),
});

export const formats = ['interleaved', 'tsv', 'csv', 'tmx', 'tbx', 'glossary', 'subtitles', 'two-files'] as const;

export const importSchema = z.object({
  title: z.string().trim().min(1, 'must not be empty').max(300),
  text: z.string().min(1, 'must not be empty'),
  text2: z.string().min(1, 'must not be empty').optional(),
  format: z.enum(formats).optional(),
  excludeTerms: z.array(z.string().max(200)).max(100_000).optional(),
  knownTerms: z.array(z.string().max(200)).max(100_000).optional(),
  // A number, or (multipart) its decimal digits; nothing else is taken for one (true, [], "0x1").
  minScore: z
    .union([z.number(), z.string().trim().regex(/^\d*\.?\d+$/, 'must be a number from 0 to 1').transform(Number)])
    .pipe(z.number().min(0, 'must be a number from 0 to 1').max(1, 'must be a number from 0 to 1'))
    .optional(),
});

/** The preview needs no title: it stores nothing. */
export const previewSchema = importSchema.extend({ title: z.string().max(300).optional() });

const wholeNumber = z.string().regex(/^\d+$/, 'must be a whole number').transform(Number);
/** A row's id in a query string (a source, a sentence pair). */
const queryId = wholeNumber.pipe(z.number().int().min(1));

/**
 * The drill's `?source=ID`: the source whose cards alone are drilled, or null for all. Read by
 * hand rather than through a schema: GET /api/drill/next is the hot path.
 */
export function focusOf(source: string | undefined): number | null {
  if (source === undefined) return null;
  const parsed = queryId.safeParse(source);
  if (!parsed.success) throw new BadRequestError('source: must be a source id, a whole number from 1');
  return parsed.data;
}

/** The drill's `?ahead=DAYS`: reviews due that many days after today served too (1 to 30), or 0. */
export function aheadOf(ahead: string | undefined): number {
  if (ahead === undefined) return 0;
  const parsed = wholeNumber.pipe(z.number().int().min(1).max(30)).safeParse(ahead);
  if (!parsed.success) throw new BadRequestError('ahead: must be a number of days from 1 to 30');
  return parsed.data;
}

/** limit and offset of a list. */
export const pageQuery = z.object({
  limit: wholeNumber.pipe(z.number().int().min(1).max(500)).optional(),
  offset: wholeNumber.pipe(z.number().int().min(0)).optional(),
});

export const sourcePageQuery = pageQuery.extend({
  // A sentence pair's id: the page that holds it.
  at: queryId.optional(),
});

export const deleteSourceQuery = z.object({
  // Keep the terms only this source brought (their cards stay in the drill).
  keepTerms: z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true'),
});

export const sourceExportQuery = z.object({
  format: z.enum(['tmx', 'tsv']).default('tmx'),
});

export const exportQuery = z.object({
  // The terms of one source only: a project's glossary.
  source: queryId.optional(),
  format: z.enum(['tbx', 'csv']).default('tbx'),
  // 'all' includes the ignored terms, marked as such.
  status: z.enum(['active', 'all']).default('active'),
});

export const termsQuery = pageQuery.extend({
  q: z.string().max(200).optional(),
  // 'all' (or no status) lists both; 'known', the active terms the user knows.
  status: z
    .enum(['active', 'ignored', 'known', 'all'])
    .optional()
    .transform((s) => (s === 'all' ? undefined : s)),
  // Only terms with a suspended card, or with a leech.
  cards: z.enum(['suspended', 'leech']).optional(),
  // Only the terms of one source.
  source: queryId.optional(),
  // Most occurrences first (the default), or the lowest extraction score first.
  sort: z.enum(['count', 'weakest']).optional(),
});

export const newTermSchema = z.strictObject({
  zh: z.string().trim().min(1, 'must not be empty').max(50),
  en: z.string().trim().min(1, 'must not be empty').max(500),
  variants: z.array(z.string().trim().min(1).max(500)).max(100).optional(),
  note: z.string().max(10_000).optional(),
});

export const termPatchSchema = z
  .strictObject({
    en: z.string().trim().min(1, 'must not be empty').max(500).optional(),
    variants: z.array(z.string().trim().min(1).max(500)).max(100).optional(),
    addVariant: z.string().trim().min(1, 'must not be empty').max(500).optional(),
    status: z.enum(['active', 'ignored']).optional(),
    note: z.string().max(10_000).optional(),
    known: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'give at least one of en, variants, addVariant, status, note, known');

const termIds = z.array(z.number().int().positive()).min(1).max(5000);

export const knownTermsSchema = z.strictObject({ ids: termIds, known: z.boolean() });

export const termsStatusSchema = z.strictObject({ ids: termIds, status: z.enum(['active', 'ignored']) });

const stepPattern = /^\d+(\.\d+)?[smhd]$/;

export const settingsPatchSchema = z
  .strictObject({
    desiredRetention: z.number().gt(0).lt(1),
    newCardsPerDay: z.number().int().min(0).max(10_000),
    reviewCap: z.number().int().min(0).max(100_000),
    learningSteps: z.array(z.string().regex(stepPattern, 'steps look like "1m", "10m", "1h", "1d"')).max(20),
    relearningSteps: z.array(z.string().regex(stepPattern, 'steps look like "1m", "10m", "1h", "1d"')).max(20),
    enableFuzz: z.boolean(),
    dayStartHour: z.number().int().min(0).max(23),
    timeZone: z.string().min(1).max(100),
    cardKinds: z
      .strictObject({
        termZhEn: z.boolean(),
        termEnZh: z.boolean(),
        cloze: z.boolean(),
        sentenceZhEn: z.boolean(),
        sentenceEnZh: z.boolean(),
      })
      .partial(),
    leechThreshold: z.number().int().min(1).max(100),
    weights: z.array(z.number()).min(17).max(21).nullable(),
  })
  .partial();
