import { Hono } from 'hono';
import { answerCard, nextCard, undoLast } from '../../drill/index.ts';
import type { Deps } from '../deps.ts';
import { answerSchema, requireJson, valid } from '../validation.ts';

export function drillRoutes({ db, now }: Deps) {
  return new Hono()
    .get('/next', (c) => c.json(nextCard(db, now())))
    .post('/answer', requireJson, valid('json', answerSchema), (c) => c.json(answerCard(db, c.req.valid('json'), now())))
    .post('/undo', (c) => c.json(undoLast(db, now())));
}
