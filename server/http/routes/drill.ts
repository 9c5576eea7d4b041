import { Hono } from 'hono';
import { answerCard, checkAnswer, extendNewCards, extendStatus, nextCardBody, undoLast } from '../../drill/index.ts';
import type { Deps } from '../deps.ts';
import { aheadOf, answerSchema, checkSchema, extendSchema, focusOf, requireJson, valid } from '../validation.ts';

const jsonType = { 'Content-Type': 'application/json' };

/** Which cards a drill request is about: ?source=ID (one text's alone) and ?ahead=DAYS (reviews due that much later too). */
function scopeOf(c: { req: { query(name: string): string | undefined } }): [focus: number | null, aheadDays: number] {
  return [focusOf(c.req.query('source')), aheadOf(c.req.query('ahead'))];
}

export function drillRoutes({ db, now }: Deps) {
  return new Hono()
    .get('/next', (c) => c.body(nextCardBody(db, now(), ...scopeOf(c)), 200, jsonType))
    .post('/answer', requireJson, valid('json', answerSchema), (c) => c.json(answerCard(db, c.req.valid('json'), now(), ...scopeOf(c))))
    .post('/check', requireJson, valid('json', checkSchema), (c) => {
      const { cardId, answer } = c.req.valid('json');
      return c.json({ grade: checkAnswer(db, cardId, answer, now()) });
    })
    .post('/undo', (c) => c.json(undoLast(db, now(), ...scopeOf(c))))
    .get('/extend', (c) => c.json(extendStatus(db, now(), focusOf(c.req.query('source')))))
    .post('/extend', requireJson, valid('json', extendSchema), (c) =>
      c.json(extendNewCards(db, c.req.valid('json').newCards, now(), focusOf(c.req.query('source')))),
    );
}
