import { Hono } from 'hono';
import { setSuspended } from '../../drill/index.ts';
import type { SuspendResponse } from '../api-types.ts';
import type { Deps } from '../deps.ts';
import { idParam, valid } from '../validation.ts';

export function cardsRoutes({ db }: Deps) {
  return new Hono()
    .post('/:id/suspend', valid('param', idParam), (c) =>
      c.json({ card: setSuspended(db, c.req.valid('param').id, true) } satisfies SuspendResponse),
    )
    .post('/:id/unsuspend', valid('param', idParam), (c) =>
      c.json({ card: setSuspended(db, c.req.valid('param').id, false) } satisfies SuspendResponse),
    );
}
