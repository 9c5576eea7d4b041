import { Hono } from 'hono';
import { answerCard, checkAnswer, extendNewCards, extendStatus, nextCardBody, undoLast } from '../../drill/index.ts';
import type { Deps } from '../deps.ts';
import { answerSchema, checkSchema, extendSchema, focusOf, requireJson, valid } from '../validation.ts';

const jsonType = { 'Content-Type': 'application/json' };

export function drillRoutes({ db, now }: Deps) {
  return new Hono()
    .get('/next', (c) => c.body(nextCardBody(db, now(), focusOf(c.req.query('source'))), 200, jsonType))
    .post('/answer', requireJson, valid('json', answerSchema), (c) => c.json(answerCard(db, c.req.valid('json'), now(), focusOf(c.req.query('source')))))
    .post('/check', requireJson, valid('json', checkSchema), (c) => {
      const { cardId, answer } = c.req.valid('json');
      return c.json({ grade: checkAnswer(db, cardId, answer, now()) });
    })
    .post('/undo', (c) => c.json(undoLast(db, now(), focusOf(c.req.query('source')))))
    .get('/extend', (c) => c.json(extendStatus(db, now(), focusOf(c.req.query('source')))))
    .post('/extend', requireJson, valid('json', extendSchema), (c) =>
      c.json(extendNewCards(db, c.req.valid('json').newCards, now(), focusOf(c.req.query('source')))),
    );
}
