import { Hono } from 'hono';
import { listSuspended, setSuspended } from '../../drill/index.ts';
import type { SuspendResponse } from '../api-types.ts';
import type { Deps } from '../deps.ts';
import { idParam, pageQuery, valid } from '../validation.ts';

export function cardsRoutes({ db }: Deps) {
  return new Hono()
    .get('/suspended', valid('query', pageQuery), (c) => c.json(listSuspended(db, c.req.valid('query'))))
    .post('/:id/suspend', valid('param', idParam), (c) =>
      c.json({ card: setSuspended(db, c.req.valid('param').id, true) } satisfies SuspendResponse),
    )
    .post('/:id/unsuspend', valid('param', idParam), (c) =>
      c.json({ card: setSuspended(db, c.req.valid('param').id, false) } satisfies SuspendResponse),
    );
}
