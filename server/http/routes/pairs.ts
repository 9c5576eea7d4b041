import { Hono } from 'hono';
import { mergeWithNext } from '../../library/index.ts';
import type { Deps } from '../deps.ts';
import { idParam, valid } from '../validation.ts';

/** Sentence pairs fixed by hand: POST /api/pairs/:id/merge-next. */
export function pairsRoutes({ db, now }: Deps) {
  return new Hono().post('/:id/merge-next', valid('param', idParam), (c) => c.json(mergeWithNext(db, c.req.valid('param').id, now())));
}
