import { Hono } from 'hono';
import { z } from 'zod';
import { mergeWithNext, splitPair, splitPoints } from '../../library/index.ts';
import type { Deps } from '../deps.ts';
import { idParam, requireJson, valid } from '../validation.ts';

const offset = z.number().int().min(0);
const splitSchema = z.strictObject({ zh: offset, en: offset });

/** Sentence pairs fixed by hand, as in an aligner: merged with the next, or cut in two. */
export function pairsRoutes({ db, now }: Deps) {
  return new Hono()
    .post('/:id/merge-next', valid('param', idParam), (c) => c.json(mergeWithNext(db, c.req.valid('param').id, now())))
    .get('/:id/split', valid('param', idParam), (c) => c.json(splitPoints(db, c.req.valid('param').id)))
    .post('/:id/split', valid('param', idParam), requireJson, valid('json', splitSchema), (c) =>
      c.json(splitPair(db, c.req.valid('param').id, c.req.valid('json'), now())),
    );
}
