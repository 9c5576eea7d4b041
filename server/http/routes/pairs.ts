import { Hono } from 'hono';
import { z } from 'zod';
import { editPair, mergeWithNext, searchPairs, splitPair, splitPoints } from '../../library/index.ts';
import type { Deps } from '../deps.ts';
import { idParam, pageQuery, requireJson, valid } from '../validation.ts';

const offset = z.number().int().min(0);
const splitSchema = z.strictObject({ zh: offset, en: offset });
const searchQuery = pageQuery.extend({ q: z.string().max(200).default('') });
const editSchema = z
  .strictObject({ zh: z.string().max(5000).optional(), en: z.string().max(5000).optional() })
  .refine((p) => p.zh !== undefined || p.en !== undefined, 'give zh, en or both');

/** Sentence pairs: searched in every text (a concordance), or fixed by hand as in an aligner. */
export function pairsRoutes({ db, now }: Deps) {
  return new Hono()
    .get('/', valid('query', searchQuery), (c) => {
      const { q, ...page } = c.req.valid('query');
      return c.json(searchPairs(db, q, page));
    })
    .patch('/:id', valid('param', idParam), requireJson, valid('json', editSchema), (c) =>
      c.json(editPair(db, c.req.valid('param').id, c.req.valid('json'), now())),
    )
    .post('/:id/merge-next', valid('param', idParam), (c) => c.json(mergeWithNext(db, c.req.valid('param').id, now())))
    .get('/:id/split', valid('param', idParam), (c) => c.json(splitPoints(db, c.req.valid('param').id)))
    .post('/:id/split', valid('param', idParam), requireJson, valid('json', splitSchema), (c) =>
      c.json(splitPair(db, c.req.valid('param').id, c.req.valid('json'), now())),
    );
}
