import { Hono } from 'hono';
import { addTerm, exportTermbase, getTerm, listTerms, patchTerm, setTermsKnown, setTermsStatus } from '../../terms/index.ts';
import { attachment } from '../attachment.ts';
import type { Deps } from '../deps.ts';
import { exportQuery, idParam, knownTermsSchema, newTermSchema, requireJson, termPatchSchema, termsQuery, termsStatusSchema, valid } from '../validation.ts';

export function termsRoutes({ db, now }: Deps) {
  return new Hono()
    .get('/', valid('query', termsQuery), (c) => c.json(listTerms(db, c.req.valid('query'), now())))
    .post('/', requireJson, valid('json', newTermSchema), (c) => c.json({ term: addTerm(db, c.req.valid('json'), now()) }, 201))
    .post('/known', requireJson, valid('json', knownTermsSchema), (c) => {
      const { ids, known } = c.req.valid('json');
      return c.json(setTermsKnown(db, ids, known));
    })
    .post('/status', requireJson, valid('json', termsStatusSchema), (c) => {
      const { ids, status } = c.req.valid('json');
      return c.json(setTermsStatus(db, ids, status, now()));
    })
    // The termbase as a file to download: TBX-Basic for a CAT tool, or CSV.
    .get('/export', valid('query', exportQuery), (c) => {
      const { format, status, source } = c.req.valid('query');
      const file = exportTermbase(db, { format, includeIgnored: status === 'all', source, now: now() });
      return c.body(file.body, 200, attachment(file.mediaType, file.fileName));
    })
    .get('/:id', valid('param', idParam), (c) => c.json(getTerm(db, c.req.valid('param').id)))
    .patch('/:id', valid('param', idParam), requireJson, valid('json', termPatchSchema), (c) =>
      c.json({ term: patchTerm(db, c.req.valid('param').id, c.req.valid('json'), now()) }),
    );
}
