import { Hono } from 'hono';
import { extract } from '../../extract/index.ts';
import { importText, listSources } from '../../library/index.ts';
import { termsStore } from '../../store/index.ts';
import type { PreviewResponse } from '../api-types.ts';
import type { Deps } from '../deps.ts';
import { readImportBody, readPreviewBody } from '../import-body.ts';

export function sourcesRoutes({ db, now }: Deps) {
  return new Hono()
    .get('/', (c) => c.json({ sources: listSources(db, now()) }))
    .post('/', async (c) => {
      const body = await readImportBody(c);
      const result = importText(db, { ...body, now: now() });
      return c.json(result, result.duplicate ? 200 : 201);
    });
}

/** POST /api/extract: what an import would store, nothing stored. */
export function previewRoutes({ db }: Deps) {
  return new Hono().post('/', async (c) => {
    const { text, text2, format } = await readPreviewBody(c);
    const extraction = extract({ text, text2, format });
    const known = new Set(extraction.terms.filter((t) => termsStore.findTermByZh(db, t.zh)).map((t) => t.zh));
    const preview: PreviewResponse = {
      sentences: extraction.sentences.map(({ zh, en, score }) => ({ zh, en, score })),
      terms: extraction.terms.map(({ zh, en, variants, pinyin, count, score }) => ({
        zh,
        en,
        variants,
        pinyin,
        count,
        score,
        known: known.has(zh),
      })),
    };
    return c.json(preview);
  });
}
