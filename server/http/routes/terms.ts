import { Hono } from 'hono';
import { getTerm, listTerms, patchTerm } from '../../terms/index.ts';
import type { Deps } from '../deps.ts';
import { idParam, requireJson, termPatchSchema, termsQuery, valid } from '../validation.ts';

export function termsRoutes({ db, now }: Deps) {
  return new Hono()
    .get('/', valid('query', termsQuery), (c) => c.json(listTerms(db, c.req.valid('query'), now())))
    .get('/:id', valid('param', idParam), (c) => c.json(getTerm(db, c.req.valid('param').id)))
    .patch('/:id', valid('param', idParam), requireJson, valid('json', termPatchSchema), (c) =>
      c.json({ term: patchTerm(db, c.req.valid('param').id, c.req.valid('json'), now()) }),
    );
}
