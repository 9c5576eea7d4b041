import { Hono } from 'hono';
import { z } from 'zod';
import { mergeWithNext, searchPairs, splitPair, splitPoints } from '../../library/index.ts';
import type { Deps } from '../deps.ts';
import { idParam, pageQuery, requireJson, valid } from '../validation.ts';

const offset = z.number().int().min(0);
const splitSchema = z.strictObject({ zh: offset, en: offset });
const searchQuery = pageQuery.extend({ q: z.string().max(200).default('') });

/** Sentence pairs: searched in every text (a concordance), or fixed by hand as in an aligner. */
export function pairsRoutes({ db, now }: Deps) {
  return new Hono()
    .get('/', valid('query', searchQuery), (c) => {
      const { q, ...page } = c.req.valid('query');
      return c.json(searchPairs(db, q, page));
    })
    .post('/:id/merge-next', valid('param', idParam), (c) => c.json(mergeWithNext(db, c.req.valid('param').id, now())))
    .get('/:id/split', valid('param', idParam), (c) => c.json(splitPoints(db, c.req.valid('param').id)))
    .post('/:id/split', valid('param', idParam), requireJson, valid('json', splitSchema), (c) =>
      c.json(splitPair(db, c.req.valid('param').id, c.req.valid('json'), now())),
    );
}
