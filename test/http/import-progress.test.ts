// Imports and previews in a running server: progress streamed to a client that asks for it, the
// server answering other requests while an import extracts, two imports of one text stored once,
// and a save right after its preview storing what the preview showed without extracting again.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, ImportResponse, PreviewResponse } from '../../server/http/api-types.ts';
import { beginImport, Extractions } from '../../server/library/index.ts';
import { expectError, json, makeApp, seedText, snapshot, type TestApp } from './helpers.ts';

let apps: TestApp[] = [];
afterEach(() => {
  for (const t of apps) t.close();
  apps = [];
});

function app(): TestApp {
  const t = makeApp();
  apps.push(t);
  return t;
}

const progressAccept = { headers: { Accept: 'application/x-ndjson' } };

type Line = { progress: { done: number; total: number } } | { status: number; result?: unknown; error?: ApiError['error'] };

async function lines(res: Response): Promise<Line[]> {
  const text = await res.text();
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
}

/** Progress lines that only grow against a total of 1000, then one outcome line. */
function splitOutcome(all: Line[]): { progress: number[]; outcome: { status: number; result?: unknown; error?: unknown } } {
  const outcome = all.at(-1)!;
  expect('status' in outcome).toBe(true);
  const progress = all.slice(0, -1).map((l) => {
    expect('progress' in l).toBe(true);
    const p = (l as { progress: { done: number; total: number } }).progress;
    expect(p.total).toBe(1000);
    return p.done;
  });
  for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1]);
  return { progress, outcome: outcome as { status: number; result?: unknown } };
}

describe('progress of an import (Accept: application/x-ndjson)', () => {
  it('streams growing progress, then the status and body the plain request gets', async () => {
    const streamed = app();
    const res = await streamed.app.request('/api/sources', json({ title: 'Seed', text: seedText }, progressAccept));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const { progress, outcome } = splitOutcome(await lines(res));
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)).toBe(1000);
    expect(outcome.status).toBe(201);

    const plain = app();
    const direct = await plain.app.request('/api/sources', json({ title: 'Seed', text: seedText }));
    expect(direct.status).toBe(201);
    expect(outcome.result).toEqual((await direct.json()) as ImportResponse);
    // The same rows stored (migrations aside: they carry the real time they ran).
    const stored = (t: TestApp) => Object.entries(snapshot(t.db)).filter(([table]) => !/migration/.test(table));
    expect(stored(streamed)).toEqual(stored(plain));
  });

  it('refuses unusable input with its own status before any stream, storing nothing', async () => {
    const t = app();
    const before = snapshot(t.db);
    const res = await t.app.request('/api/sources', json({ title: 'Bad', text: 'Only English here.\nAnd more English.\n' }, progressAccept));
    await expectError(res, 422);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(snapshot(t.db)).toEqual(before);
  });

  it('streams a preview that equals the plain preview', async () => {
    const t = app();
    const { outcome } = splitOutcome(await lines(await t.app.request('/api/extract', json({ text: seedText }, progressAccept))));
    expect(outcome.status).toBe(200);
    const plain = (await (await app().app.request('/api/extract', json({ text: seedText }))).json()) as PreviewResponse;
    expect(outcome.result).toEqual(plain);
  });

  it('saves a text just previewed without extracting it again: its progress starts at storing', async () => {
    const t = app();
    const preview = splitOutcome(await lines(await t.app.request('/api/extract', json({ text: seedText }, progressAccept))));
    expect(preview.progress[0]).toBeLessThan(900);
    const save = splitOutcome(await lines(await t.app.request('/api/sources', json({ title: 'Seed', text: seedText }, progressAccept))));
    expect(save.outcome.status).toBe(201);
    // 900 of 1000 is where extraction ends and storing begins.
    expect(save.progress[0]).toBeGreaterThanOrEqual(900);
    const result = save.outcome.result as ImportResponse;
    expect(result.counts.sentences).toBe((preview.outcome.result as PreviewResponse).sentences.length);
  });

  it('extracts again when the text differs, even by one character', async () => {
    const t = app();
    await t.app.request('/api/extract', json({ text: seedText }));
    const changed = seedText.replace('网络生态治理', '网络生态的治理');
    const save = splitOutcome(await lines(await t.app.request('/api/sources', json({ title: 'Seed', text: changed }, progressAccept))));
    expect(save.progress[0]).toBeLessThan(900);
    expect(save.outcome.status).toBe(201);
  });
});

describe('imports in a running server', () => {
  it('answers other requests between the steps of an extraction', async () => {
    const t = app();
    const begun = beginImport(t.db, { title: 'Seed', text: seedText, now: t.clock.now }, new Extractions());
    let reports = 0;
    let reportsWhenAnswered = -1;
    const result = await begun.run(() => {
      reports++;
      if (reports === 1) {
        void Promise.resolve(t.app.request('/api/health')).then(async (res) => {
          expect(await res.json()).toEqual({ ok: true });
          reportsWhenAnswered = reports;
        });
      }
    });
    expect(result.duplicate).toBe(false);
    // Answered after the first step or two, long before the import's last report.
    expect(reportsWhenAnswered).toBeGreaterThan(0);
    expect(reportsWhenAnswered).toBeLessThan(reports / 2);
  });

  it('stores a text sent twice at once as one source: the second is a duplicate', async () => {
    const t = app();
    const [a, b] = await Promise.all([
      t.app.request('/api/sources', json({ title: 'Seed', text: seedText })),
      t.app.request('/api/sources', json({ title: 'Seed again', text: seedText })),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const bodies = [(await a.json()) as ImportResponse, (await b.json()) as ImportResponse];
    expect(bodies.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(bodies[0].source.id).toBe(bodies[1].source.id);
    const count = t.db.prepare('SELECT COUNT(*) AS n FROM sources').get() as { n: number };
    expect(count.n).toBe(1);
  });

  it('extracts a text sent twice at once only once: the second goes straight to storing', async () => {
    const t = app();
    const [a, b] = await Promise.all([
      t.app.request('/api/sources', json({ title: 'Seed', text: seedText }, progressAccept)),
      t.app.request('/api/sources', json({ title: 'Seed', text: seedText }, progressAccept)),
    ]);
    const both = [splitOutcome(await lines(a)), splitOutcome(await lines(b))];
    expect(both.map((x) => x.outcome.status).sort()).toEqual([200, 201]);
    // 900 of 1000 is where extraction ends: only one of them reported extraction progress.
    expect(both.filter((x) => x.progress[0]! < 900)).toHaveLength(1);
  });

  it('reports an unexpected failure in the stream as an internal error, without details', async () => {
    const t = app();
    // A closed database makes the store fail after extraction, inside the stream.
    const res = await t.app.request('/api/sources', json({ title: 'Seed', text: seedText }, progressAccept));
    expect(res.status).toBe(200);
    t.db.close();
    const { outcome } = splitOutcome(await lines(res));
    expect(outcome).toEqual({ status: 500, error: { code: 'internal', message: 'internal error' } });
    expect(t.errors).toHaveLength(1);
  });
});
