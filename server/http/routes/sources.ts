import { Hono } from 'hono';
import { beginImport, deleteSource, exportSource, learnSourceNext, listSources, markSourceTermsKnown, sourceDetail, sourceRemoval, type ExtractionResult } from '../../library/index.ts';
import type { WorkbookLayout } from '../../extract/index.ts';
import { termsStore } from '../../store/index.ts';
import type { PreviewResponse } from '../api-types.ts';
import { deleteSourceQuery, idParam, sourceExportQuery, sourcePageQuery, valid } from '../validation.ts';
import { attachment } from '../attachment.ts';
import type { Deps } from '../deps.ts';
import { readImportBody, readPreviewBody } from '../import-body.ts';
import { progressResponse, wantsProgress } from '../progress.ts';

export function sourcesRoutes({ db, now, extractions, onInternalError }: Deps) {
  return new Hono()
    .get('/', (c) => c.json({ sources: listSources(db, now()) }))
    .get('/:id', valid('param', idParam), valid('query', sourcePageQuery), (c) =>
      c.json(sourceDetail(db, c.req.valid('param').id, c.req.valid('query'))),
    )
    .delete('/:id', valid('param', idParam), valid('query', deleteSourceQuery), (c) =>
      c.json(deleteSource(db, c.req.valid('param').id, c.req.valid('query'))),
    )
    .get('/:id/removal', valid('param', idParam), (c) => c.json(sourceRemoval(db, c.req.valid('param').id)))
    .post('/:id/learn-next', valid('param', idParam), (c) => c.json(learnSourceNext(db, c.req.valid('param').id)))
    .post('/:id/known', valid('param', idParam), (c) => c.json(markSourceTermsKnown(db, c.req.valid('param').id)))
    // Its sentence pairs as a file to download: TMX for a CAT tool's translation memory, or TSV.
    .get('/:id/export', valid('param', idParam), valid('query', sourceExportQuery), (c) => {
      const file = exportSource(db, c.req.valid('param').id, c.req.valid('query').format, now());
      return c.body(file.body, 200, attachment(file.mediaType, file.fileName));
    })
    .post('/', async (c) => {
      const body = await readImportBody(c);
      // Refuses unusable input here, before any response has started.
      const begun = beginImport(db, { ...body, now: now() }, extractions);
      if (wantsProgress(c)) {
        return progressResponse(c, onInternalError, async (report) => {
          const result = await begun.run(report);
          return { status: result.duplicate ? 200 : 201, body: result };
        });
      }
      const result = await begun.run();
      return c.json(result, result.duplicate ? 200 : 201);
    });
}

/** POST /api/extract: what an import would store, nothing stored. */
export function previewRoutes({ db, extractions, onInternalError }: Deps) {
  return new Hono().post('/', async (c) => {
    const { text, text2, format, workbook } = await readPreviewBody(c);
    const pending = extractions.prepare({ text, text2, format, workbook });
    const sheets = workbook && { read: workbook.read, skipped: workbook.skipped };
    if (wantsProgress(c)) {
      return progressResponse(c, onInternalError, async (report) => ({ status: 200, body: previewOf(await pending.run(report), sheets) }));
    }
    return c.json(previewOf(await pending.run(), sheets));
  });

  function previewOf(extraction: ExtractionResult, sheets: Pick<WorkbookLayout, 'read' | 'skipped'> | undefined): PreviewResponse {
    const known = new Set(extraction.terms.filter((t) => termsStore.findTermByZh(db, t.zh)).map((t) => t.zh));
    return {
      format: extraction.format,
      ...(extraction.asBitext ? { asBitext: extraction.asBitext } : {}),
      ...(sheets ? { sheets } : {}),
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
  }
}
