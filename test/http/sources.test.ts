// Importing through the API: JSON and multipart, the preview that stores nothing, re-import, and
// every kind of bad input refused with the error shape and the database untouched.
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { autoBackup } from '../../server/store/index.ts';
import iconv from 'iconv-lite';
import type {
  BackupsResponse,
  DeleteSourceResponse,
  ImportResponse,
  PairSearchResponse,
  PreviewResponse,
  RestoreResponse,
  Settings,
  SourceDetailResponse,
  SourceRemoval,
  SourceSummary,
  StatsResponse,
  TermsResponse,
} from '../../server/http/api-types.ts';
import { expectError, importSeed, json, makeApp, makeSeededApp, seedText, snapshot, type TestApp } from './helpers.ts';

let t: TestApp;
afterEach(() => t?.close());

function upload(fields: Record<string, string | File>): RequestInit {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return { method: 'POST', body: form };
}

describe('POST /api/sources', () => {
  it('imports the seed (201), lists it, and a re-import is a 200 duplicate that changes nothing', async () => {
    t = makeApp();
    const res = await importSeed(t);
    expect(res.status).toBe(201);
    const body = (await res.json()) as ImportResponse;
    expect(body.duplicate).toBe(false);
    expect(body.source.title).toBe('Cyber ecosystem governance');
    expect(body.counts.sentences).toBeGreaterThanOrEqual(9);
    expect(body.counts.terms).toBeGreaterThan(5);
    expect(body.counts.cards).toBeGreaterThan(body.counts.terms);

    const before = snapshot(t.db);
    const again = await t.app.request('/api/sources', json({ title: 'Another title', text: seedText }));
    expect(again.status).toBe(200);
    expect(((await again.json()) as ImportResponse).duplicate).toBe(true);
    expect(snapshot(t.db)).toEqual(before);

    const list = (await (await t.app.request('/api/sources')).json()) as { sources: SourceSummary[] };
    expect(list.sources).toHaveLength(1);
    expect(list.sources[0]).toMatchObject({ id: body.source.id, title: 'Cyber ecosystem governance', sentences: body.counts.sentences });
  });

  it('imports an uploaded Word document (.docx), its bilingual table as sentence pairs', async () => {
    t = makeApp();
    const docx = readFileSync(new URL('../fixtures/office/seed-table.docx', import.meta.url));
    const res = await t.app.request('/api/sources', upload({ file: new File([docx], '网络生态治理 handout.docx') }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as ImportResponse;
    expect(body.source).toMatchObject({ title: '网络生态治理 handout', format: 'tsv' });
    expect(body.counts.sentences).toBe(12);
    expect(body.counts.terms).toBeGreaterThan(5);
    // An archive without a document in it is refused with the reason, and nothing is stored.
    const before = snapshot(t.db);
    const other = Buffer.from(docx.toString('latin1').split('word/document.xml').join('word/documenX.xml'), 'latin1');
    const refused = await expectError(await t.app.request('/api/sources', upload({ file: new File([other], 'notes.docx') })), 422);
    expect(refused.message).toBe('notes.docx: this is a ZIP archive, not a Word document (.docx)');
    expect(snapshot(t.db)).toEqual(before);
  });

  it('imports an Excel glossary as the user’s terms, no sentence pairs', async () => {
    t = makeApp();
    const xlsx = readFileSync(new URL('../fixtures/office/glossary.xlsx', import.meta.url));
    const res = await t.app.request('/api/sources', upload({ file: new File([xlsx], 'course terms.xlsx') }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as ImportResponse;
    expect(body.source).toMatchObject({ title: 'Course terms', format: 'glossary' });
    // Its two sheets of terms; not its notes, nor its hidden sheet.
    expect(body.counts).toMatchObject({ sentences: 0, terms: 5, newTerms: 5, cards: 10 });
    const terms = (await (await t.app.request('/api/terms?q=%E7%BD%91%E7%BB%9C%E7%94%9F%E6%80%81%E6%B2%BB%E7%90%86')).json()) as TermsResponse;
    expect(terms.terms[0]).toMatchObject({ zh: '网络生态治理', en: 'cyber ecosystem governance', variants: ['online ecosystem governance'] });
  });

  it('imports an uploaded file, taking the title from the file name', async () => {
    t = makeApp();
    const res = await t.app.request('/api/sources', upload({ file: new File([seedText], 'cyber-governance.txt') }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as ImportResponse).source.title).toBe('Cyber governance');
  });

  it('leaves out the terms unticked in the preview (multipart excludeTerms as a JSON array, as the client sends it)', async () => {
    t = makeApp();
    const res = await t.app.request(
      '/api/sources',
      upload({ file: new File([seedText], 'seed.txt'), title: 'Seed', excludeTerms: JSON.stringify(['网络生态治理']) }),
    );
    expect(res.status).toBe(201);
    const found = (await (await t.app.request(`/api/terms?q=${encodeURIComponent('网络生态治理')}`)).json()) as TermsResponse;
    expect(found.terms.map((term) => term.zh)).not.toContain('网络生态治理');
  });

  it('stores the terms marked known in the preview as known (multipart knownTerms, and JSON)', async () => {
    t = makeApp();
    const res = await t.app.request(
      '/api/sources',
      upload({ file: new File([seedText], 'seed.txt'), title: 'Seed', knownTerms: JSON.stringify(['网络生态治理']) }),
    );
    expect(res.status).toBe(201);
    const known = (await (await t.app.request('/api/terms?status=known')).json()) as TermsResponse;
    expect(known.terms.map((term) => term.zh)).toEqual(['网络生态治理']);
    await expectError(await t.app.request('/api/sources', json({ title: 'x', text: seedText, knownTerms: '网络' })), 400);
  });

  it('leaves out the terms scored below minScore (multipart and JSON); an out-of-range one is a 400 that stores nothing', async () => {
    t = makeApp();
    const preview = (await (await t.app.request('/api/extract', json({ text: seedText }))).json()) as PreviewResponse;
    const kept = preview.terms.filter((term) => Number(term.score.toFixed(2)) >= 0.6).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(preview.terms.length);
    const before = snapshot(t.db);
    for (const minScore of ['1.5', '-1', 'high', true, [0.5], '0x1', '', null]) {
      const err = await expectError(await t.app.request('/api/sources', json({ title: 'x', text: seedText, minScore })), 400);
      expect(err.message).toMatch(/minScore/);
    }
    expect(snapshot(t.db)).toEqual(before);
    const res = await t.app.request('/api/sources', upload({ file: new File([seedText], 'seed.txt'), title: 'Seed', minScore: '0.6' }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as ImportResponse).counts.terms).toBe(kept);
    const other = makeApp();
    try {
      const res2 = await other.app.request('/api/sources', json({ title: 'Seed', text: seedText, minScore: 0.6 }));
      expect(((await res2.json()) as ImportResponse).counts.terms).toBe(kept);
    } finally {
      other.close();
    }
  });

  it('decodes a GBK file the same as its UTF-8 original', async () => {
    t = makeApp();
    const gbk = new Uint8Array(iconv.encode(seedText, 'gbk'));
    const res = await t.app.request('/api/sources', upload({ file: new File([gbk], 'gbk.txt'), title: 'GBK' }));
    expect(res.status).toBe(201);
    // Same content, so the UTF-8 JSON import is recognised as a duplicate.
    const again = await t.app.request('/api/sources', json({ title: 'UTF-8', text: seedText }));
    expect(((await again.json()) as ImportResponse).duplicate).toBe(true);
  });

  it('imports two monolingual files as one source', async () => {
    t = makeApp();
    const lines = seedText.split('\n');
    const en = lines.filter((_, i) => i % 2 === 0).join('\n');
    const zh = lines.filter((_, i) => i % 2 === 1).join('\n');
    const res = await t.app.request('/api/sources', upload({ file: new File([en], 'en.txt'), file2: new File([zh], 'zh.txt'), title: 'Two files' }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as ImportResponse).counts.sentences).toBeGreaterThanOrEqual(9);
  });

  it('imports a Chinese and an English subtitle file of one video, paired by time', async () => {
    t = makeApp();
    const zh = '1\r\n00:00:01,000 --> 00:00:04,000\r\n网络生态治理是一项系统工程。\r\n\r\n2\r\n00:00:04,000 --> 00:00:07,000\r\n要坚持党的领导。\r\n';
    const en = 'WEBVTT\n\n00:01.100 --> 00:04.100\nCyber ecosystem governance is a systematic project.\n\n00:04.100 --> 00:07.100\nWe must uphold the Party leadership.\n';
    const preview = (await (await t.app.request('/api/extract', upload({ file: new File([en], 'talk.en.vtt'), file2: new File([zh], 'talk.zh.srt') }))).json()) as PreviewResponse;
    expect(preview.format).toBe('subtitles');
    expect(preview.sentences.map((s) => [s.zh, s.en])).toEqual([
      ['网络生态治理是一项系统工程。', 'Cyber ecosystem governance is a systematic project.'],
      ['要坚持党的领导。', 'We must uphold the Party leadership.'],
    ]);
    const res = await t.app.request('/api/sources', upload({ file: new File([en], 'talk.en.vtt'), file2: new File([zh], 'talk.zh.srt') }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as ImportResponse).source).toMatchObject({ format: 'subtitles' });
  });

  const bad: [string, RequestInit, number, string, RegExp?][] = [
    ['no title', json({ text: seedText }), 400, 'invalid_request', /title/],
    ['an empty title', json({ title: '   ', text: seedText }), 400, 'invalid_request', /title/],
    ['text as a number', json({ title: 'x', text: 42 }), 400, 'invalid_request', /text/],
    ['no text', json({ title: 'x' }), 400, 'invalid_request', /text/],
    ['an unknown format', json({ title: 'x', text: seedText, format: 'docx' }), 400, 'invalid_request', /format/],
    ['excludeTerms not a list', json({ title: 'x', text: seedText, excludeTerms: '网络' }), 400, 'invalid_request', /excludeTerms/],
    ['a JSON array', json([seedText]), 400, 'invalid_request'],
    ['an English line without its Chinese', json({ title: 'x', text: 'Only English here.\nAnd more English.' }), 422, 'invalid_input'],
    ['a multipart body without a file', upload({ title: 'x' }), 400, 'invalid_request', /file/],
    ['a binary file', upload({ file: new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2])], 'image.png') }), 422, 'invalid_input', /image\.png: .*binary/],
    ['an empty file', upload({ file: new File([''], 'empty.txt') }), 422, 'invalid_input', /empty/],
    ['a form-urlencoded body', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'title=x' }, 415, 'unsupported_media_type'],
  ];
  it.each(bad)('refuses %s, storing nothing', async (_name, init, status, code, message) => {
    t = await makeSeededApp();
    const before = snapshot(t.db);
    const error = await expectError(await t.app.request('/api/sources', init), status, code);
    if (message) expect(error.message).toMatch(message);
    expect(snapshot(t.db)).toEqual(before);
  });

  it('names the line of an unpairable text', async () => {
    t = makeApp();
    const text = '网络生态治理是重要任务。\nCyberspace governance is a crucial task.\nA second English line with nothing to pair.\nAnd a third.';
    const error = await expectError(await t.app.request('/api/sources', json({ title: 'x', text })), 422, 'invalid_input');
    expect(error.message).toMatch(/line \d+/);
  });
});

describe('POST /api/extract', () => {
  it('previews sentences and terms without storing anything, and marks terms already known', async () => {
    t = makeApp();
    const before = snapshot(t.db);
    const res = await t.app.request('/api/extract', json({ text: seedText }));
    expect(res.status).toBe(200);
    const preview = (await res.json()) as PreviewResponse;
    expect(snapshot(t.db)).toEqual(before);
    expect(preview.sentences.length).toBeGreaterThanOrEqual(9);
    expect(preview.sentences[0]).toEqual({ zh: expect.any(String), en: expect.any(String), score: expect.any(Number) });
    expect(preview.terms.length).toBeGreaterThan(5);
    expect(preview.terms.every((term) => term.known === false)).toBe(true);
    expect(preview.terms.map((term) => term.zh)).toContain('网络生态治理');

    await importSeed(t);
    const after = (await (await t.app.request('/api/extract', json({ text: seedText }))).json()) as PreviewResponse;
    const governance = after.terms.find((term) => term.zh === '网络生态治理');
    expect(governance?.known).toBe(true);
  });

  it('says how it read the input: a glossary by detection, with the format that reads its rows as sentence pairs instead', async () => {
    t = makeApp();
    const glossary = '自媒体\twe media\n网络\tcyberspace\n风清气正\ta clean and righteous cyberspace\n';
    const read = (await (await t.app.request('/api/extract', json({ text: glossary }))).json()) as PreviewResponse;
    expect(read).toMatchObject({ format: 'glossary', asBitext: 'tsv', sentences: [] });
    expect(read.terms.map((x) => x.en)).toEqual(['we media', 'cyberspace', 'a clean and righteous cyberspace']);
    const asPairs = (await (await t.app.request('/api/extract', json({ text: glossary, format: 'tsv' }))).json()) as PreviewResponse;
    expect(asPairs.format).toBe('tsv');
    expect(asPairs.asBitext).toBeUndefined();
    expect(asPairs.sentences).toHaveLength(3);
    // Saved as previewed: the format the preview was read as.
    const saved = (await (await t.app.request('/api/sources', json({ title: 'Pairs', text: glossary, format: 'tsv' }))).json()) as ImportResponse;
    expect(saved.counts.sentences).toBe(3);
    const seed = (await (await t.app.request('/api/extract', json({ text: seedText }))).json()) as PreviewResponse;
    expect(seed.format).toBe('interleaved');
  });

  it('previews an uploaded file', async () => {
    t = makeApp();
    const res = await t.app.request('/api/extract', upload({ file: new File([seedText], 'seed.txt') }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as PreviewResponse).sentences.length).toBeGreaterThanOrEqual(9);
  });

  it.each([
    ['no text', json({}), 400, 'invalid_request'],
    ['text as a list', json({ text: ['a'] }), 400, 'invalid_request'],
    ['an unpaired line', json({ text: 'Only English here.\nAnd more English.' }), 422, 'invalid_input'],
  ])('refuses %s', async (_name, init, status, code) => {
    t = makeApp();
    await expectError(await t.app.request('/api/extract', init), status, code);
  });
});

describe('GET /api/sources/:id and DELETE /api/sources/:id', () => {
  it('reads the seed side by side, with the English span of each marked term inside its sentence', async () => {
    t = makeApp();
    const { source } = (await (await importSeed(t)).json()) as ImportResponse;
    const res = await t.app.request(`/api/sources/${source.id}?limit=5`);
    expect(res.status).toBe(200);
    const detail = (await res.json()) as SourceDetailResponse;
    expect(detail).toMatchObject({ offset: 0, total: source.sentences, source: { id: source.id, title: 'Cyber ecosystem governance' } });
    expect(detail.sentences).toHaveLength(5);
    const terms = new Map(detail.terms.map((x) => [x.id, x]));
    const marks = detail.sentences.flatMap((s) => s.marks.map((m) => ({ s, m, term: terms.get(m.termId)! })));
    expect(marks.length).toBeGreaterThan(5);
    for (const { s, m, term } of marks) {
      expect(s.zh.slice(m.zhStart, m.zhEnd)).toBe(term.zh);
      if (m.enStart !== null) expect(m.enEnd! > m.enStart && m.enEnd! <= s.en.length).toBe(true);
    }
    expect(marks.map((x) => x.term.zh)).toContain('网络生态治理');
  });

  it('deletes a source: it leaves the list, its text can be imported again, and its answers stay in the statistics', async () => {
    t = makeApp();
    const { source } = (await (await importSeed(t)).json()) as ImportResponse;
    const next = (await (await t.app.request('/api/drill/next')).json()) as { card: { id: number } };
    const answered = await t.app.request('/api/drill/answer', json({ cardId: next.card.id, rating: 3, reviewId: crypto.randomUUID() }));
    expect(answered.status).toBe(200);

    const removal = (await (await t.app.request(`/api/sources/${source.id}/removal`)).json()) as SourceRemoval;
    const res = await t.app.request(`/api/sources/${source.id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as DeleteSourceResponse;
    expect(body).toEqual({
      source: { id: source.id, title: 'Cyber ecosystem governance' },
      deleted: { sentences: removal.sentences, terms: removal.ownTerms, cards: removal.sentenceCards + removal.ownTermCards },
    });
    expect(((await (await t.app.request('/api/sources')).json()) as { sources: SourceSummary[] }).sources).toEqual([]);
    expect(((await (await t.app.request('/api/terms')).json()) as TermsResponse).total).toBe(0);
    const stats = (await (await t.app.request('/api/stats')).json()) as StatsResponse;
    expect(stats.today.reviews).toBe(1);
    expect(stats.counts).toEqual({ new: 0, learning: 0, review: 0 });
    await expectError(await t.app.request(`/api/sources/${source.id}`), 404, 'not_found');
    expect((await importSeed(t)).status).toBe(201);
  });

  it('keeps the source’s terms and their cards with ?keepTerms=1', async () => {
    t = makeApp();
    const { source, counts } = (await (await importSeed(t)).json()) as ImportResponse;
    const res = await t.app.request(`/api/sources/${source.id}?keepTerms=1`, { method: 'DELETE' });
    expect(((await res.json()) as DeleteSourceResponse).deleted.terms).toBe(0);
    expect(((await (await t.app.request('/api/terms')).json()) as TermsResponse).total).toBe(counts.terms);
  });

  it('merges a pair with the next one (POST /api/pairs/:id/merge-next), and refuses the last with 409', async () => {
    t = makeApp();
    const { source } = (await (await importSeed(t)).json()) as ImportResponse;
    const read = async () => ((await (await t.app.request(`/api/sources/${source.id}?limit=500`)).json()) as SourceDetailResponse).sentences;
    const [first, second] = await read();
    const res = await t.app.request(`/api/pairs/${first!.id}/merge-next`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ merged: first!.id, removed: second!.id });
    const after = await read();
    expect(after[0]).toMatchObject({ zh: first!.zh + second!.zh, en: `${first!.en} ${second!.en}` });
    const before = snapshot(t.db);
    await expectError(await t.app.request(`/api/pairs/${after.at(-1)!.id}/merge-next`, { method: 'POST' }), 409, 'no_next_pair');
    await expectError(await t.app.request('/api/pairs/999999/merge-next', { method: 'POST' }), 404, 'not_found');
    await expectError(await t.app.request('/api/pairs/x/merge-next', { method: 'POST' }), 400);
    expect(snapshot(t.db)).toEqual(before);
  });

  it('corrects a pair’s text (PATCH /api/pairs/:id), and refuses a bad body or an empty pair with nothing changed', async () => {
    t = makeApp();
    const { source } = (await (await importSeed(t)).json()) as ImportResponse;
    const read = async () => ((await (await t.app.request(`/api/sources/${source.id}?limit=500`)).json()) as SourceDetailResponse).sentences;
    const [first] = await read();
    const before = snapshot(t.db);
    const patchPair = (id: number | string, body: unknown) => t.app.request(`/api/pairs/${id}`, json(body, { method: 'PATCH' }));
    await expectError(await patchPair(first!.id, {}), 400);
    await expectError(await patchPair(first!.id, { en: 5 }), 400);
    await expectError(await patchPair(first!.id, { en: 'x', score: 1 }), 400);
    await expectError(await patchPair(first!.id, { zh: '', en: ' ' }), 422, 'invalid_input');
    await expectError(await patchPair(999_999, { en: 'x' }), 404, 'not_found');
    expect(snapshot(t.db)).toEqual(before);

    const en = `${first!.en} (revised)`;
    const res = await patchPair(first!.id, { en });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: first!.id, zh: first!.zh, en });
    expect((await read())[0]).toMatchObject({ id: first!.id, zh: first!.zh, en });
  });

  it('cuts a pair in two where a sentence begins (GET and POST /api/pairs/:id/split)', async () => {
    t = makeApp();
    const { source } = (await (await importSeed(t)).json()) as ImportResponse;
    const read = async () => ((await (await t.app.request(`/api/sources/${source.id}?limit=500`)).json()) as SourceDetailResponse).sentences;
    const [first, second] = await read();
    await t.app.request(`/api/pairs/${first!.id}/merge-next`, { method: 'POST' });
    const points = (await (await t.app.request(`/api/pairs/${first!.id}/split`)).json()) as { zh: number[]; en: number[] };
    expect(points.zh).toContain(first!.zh.length);
    const res = await t.app.request(`/api/pairs/${first!.id}/split`, json({ zh: first!.zh.length, en: first!.en.length + 1 }));
    expect(res.status).toBe(200);
    const [a, b] = await read();
    expect([a!.zh, a!.en, b!.zh, b!.en]).toEqual([first!.zh, first!.en, second!.zh, second!.en]);

    const before = snapshot(t.db);
    await expectError(await t.app.request(`/api/pairs/${a!.id}/split`, json({ zh: 1, en: 0 })), 422, 'invalid_input');
    await expectError(await t.app.request(`/api/pairs/${a!.id}/split`, json({ zh: -1, en: 0 })), 400);
    await expectError(await t.app.request(`/api/pairs/${a!.id}/split`, json({ zh: 0 })), 400);
    await expectError(await t.app.request('/api/pairs/999999/split'), 404, 'not_found');
    expect(snapshot(t.db)).toEqual(before);
  });

  it("puts a source's new cards first in the drill with POST /api/sources/:id/learn-next", async () => {
    t = makeApp();
    const { source } = (await (await importSeed(t)).json()) as ImportResponse;
    const { newCards } = (await (await t.app.request(`/api/sources/${source.id}`)).json()) as SourceDetailResponse;
    expect(newCards).toBe(source.cards);
    const res = await t.app.request(`/api/sources/${source.id}/learn-next`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ moved: newCards });
  });

  it.each([
    ['an unknown source', 'GET', '/api/sources/999', 404, 'not_found'],
    ['learning an unknown source next', 'POST', '/api/sources/999/learn-next', 404, 'not_found'],
    ["what deleting an unknown source would take", 'GET', '/api/sources/999/removal', 404, 'not_found'],
    ['an id that is no number', 'GET', '/api/sources/abc', 400, 'invalid_request'],
    ['a page too long', 'GET', '/api/sources/1?limit=501', 400, 'invalid_request'],
    ['a negative offset', 'GET', '/api/sources/1?offset=-1', 400, 'invalid_request'],
    ['a sentence pair id that is no number', 'GET', '/api/sources/1?at=first', 400, 'invalid_request'],
    ['a sentence pair of no such source', 'GET', '/api/sources/1?at=999999', 404, 'not_found'],
    ['deleting an unknown source', 'DELETE', '/api/sources/999', 404, 'not_found'],
    ['keepTerms that is no flag', 'DELETE', '/api/sources/1?keepTerms=maybe', 400, 'invalid_request'],
  ])('refuses %s and changes nothing', async (_name, method, path, status, code) => {
    t = makeApp();
    await importSeed(t);
    const before = snapshot(t.db);
    await expectError(await t.app.request(path, { method }), status, code);
    expect(snapshot(t.db)).toEqual(before);
  });
});

describe('GET /api/sources/:id/export', () => {
  const pairsOf = async (app: TestApp, id: number) =>
    ((await (await app.app.request(`/api/sources/${id}?limit=500`)).json()) as SourceDetailResponse).sentences
      .filter((x) => x.zh.trim() && x.en.trim())
      .map((x) => [x.zh, x.en]);

  it('gives the sentence pairs as TMX that imports back as the same pairs', async () => {
    t = makeApp();
    const { source } = (await (await importSeed(t)).json()) as ImportResponse;
    const res = await t.app.request(`/api/sources/${source.id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-tmx+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      "attachment; filename=\"Cyber-ecosystem-governance.tmx\"; filename*=UTF-8''Cyber-ecosystem-governance.tmx",
    );
    const tmx = await res.text();
    const pairs = await pairsOf(t, source.id);
    expect(tmx.match(/<tu /g)).toHaveLength(pairs.length);
    expect(tmx).toContain('srclang="zh-CN"');

    const other = makeApp();
    try {
      const imported = await other.app.request('/api/sources', json({ title: 'From the TM', text: tmx }));
      expect(imported.status).toBe(201);
      const back = (await imported.json()) as ImportResponse;
      expect(back.source.format).toBe('tmx');
      expect(await pairsOf(other, back.source.id)).toEqual(pairs);
    } finally {
      other.close();
    }
  });

  it('gives them as TSV, a pair a line, and names the file after a title in any script', async () => {
    t = makeApp();
    const text = '网络生态治理是一项系统工程。\tCyber ecosystem governance is a systematic project.\n要坚持依法管网治网。\tWe must govern cyberspace by law.\n';
    const { source } = (await (await t.app.request('/api/sources', json({ title: '网络 "治理" 2024', text }))).json()) as ImportResponse;
    const res = await t.app.request(`/api/sources/${source.id}/export?format=tsv`);
    expect(res.headers.get('content-type')).toBe('text/tab-separated-values; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="__-__-2024.tsv"; filename*=UTF-8''${encodeURIComponent('网络-治理-2024.tsv')}`,
    );
    expect(await res.text()).toBe(text);
  });

  it.each([
    ['an unknown source', '/api/sources/999/export', 404],
    ['an unknown format', '/api/sources/1/export?format=xlsx', 400],
  ])('refuses %s', async (_name, path, status) => {
    t = makeApp();
    await importSeed(t);
    await expectError(await t.app.request(path), status);
  });
});

describe('GET /api/backup', () => {
  it('downloads the whole database, a copy that opens with the same content', async () => {
    t = makeApp();
    await importSeed(t);
    const res = await t.app.request('/api/backup');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.sqlite3');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="duizhao-20260302-090000\.db"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
    // Streamed, its length known beforehand.
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    const file = join(t.dir, 'downloaded.db');
    writeFileSync(file, bytes);
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.prepare('SELECT title FROM sources').all()).toEqual([{ title: 'Cyber ecosystem governance' }]);
      expect((copy.prepare('SELECT count(*) AS n FROM cards').get() as { n: number }).n).toBeGreaterThan(100);
    } finally {
      copy.close();
    }
    // No automatic backup yet: the server makes the first after start-up, not a test app.
    expect(await (await t.app.request('/api/backup/list')).json()).toEqual({ backups: [] });
    await autoBackup(t.db, t.db.name, new Date('2026-03-02T04:00:00Z'), 7);
    expect(await (await t.app.request('/api/backup/list')).json()).toEqual({
      backups: [{ name: 'duizhao-20260302-040000.db', takenAt: '2026-03-02T04:00:00.000Z', bytes: expect.any(Number) }],
    });
  });
});

describe('POST /api/backup/restore', () => {
  it('puts an automatic backup back, keeping what was there as another', async () => {
    t = makeApp();
    await importSeed(t);
    await autoBackup(t.db, t.db.name, new Date('2026-03-02T04:00:00Z'), 7);
    const then = snapshot(t.db);
    await t.app.request('/api/settings', json({ newCardsPerDay: 44 }, { method: 'PUT' }));
    const second = await t.app.request('/api/sources', json({ title: 'Second', text: 'We value data.\n我们重视数据。\n' }));
    expect(second.status).toBe(201);

    const res = await t.app.request('/api/backup/restore', json({ name: 'duizhao-20260302-040000.db' }));
    expect(res.status).toBe(200);
    const result = (await res.json()) as RestoreResponse;
    expect(result).toMatchObject({ restored: 'duizhao-20260302-040000.db', before: 'duizhao-20260302-090000.db' });
    const { schema_migrations: _a, ...now } = snapshot(t.db);
    const { schema_migrations: _b, ...expected } = then;
    expect(now).toEqual(expected);
    expect(((await (await t.app.request('/api/settings')).json()) as Settings).newCardsPerDay).toBe(20);
    expect(((await (await t.app.request('/api/sources')).json()) as { sources: SourceSummary[] }).sources.map((s) => s.title)).toEqual(['Cyber ecosystem governance']);
    const list = (await (await t.app.request('/api/backup/list')).json()) as BackupsResponse;
    expect(list.backups.map((b) => b.name)).toEqual(['duizhao-20260302-090000.db', 'duizhao-20260302-040000.db']);
  });

  it.each([
    ['a backup that is not there', { name: 'duizhao-20260101-000000.db' }, 404],
    ['a path instead of a name', { name: '../duizhao.db' }, 400],
    ['no name', {}, 400],
  ])('refuses %s and changes nothing', async (_name, body, status) => {
    t = makeApp();
    await importSeed(t);
    const before = snapshot(t.db);
    await expectError(await t.app.request('/api/backup/restore', json(body)), status);
    expect(snapshot(t.db)).toEqual(before);
  });
});

describe('GET /api/pairs?q: a concordance search of every text', () => {
  it('finds the pairs holding the words in either language, English case aside, with their text', async () => {
    t = makeApp();
    const { source } = (await (await importSeed(t)).json()) as ImportResponse;
    const search = async (q: string) => (await (await t.app.request(`/api/pairs?q=${encodeURIComponent(q)}&limit=500`)).json()) as PairSearchResponse;
    const zh = await search('网络生态治理');
    expect(zh.total).toBeGreaterThan(3);
    expect(zh.pairs).toHaveLength(zh.total);
    expect(zh.pairs.every((p) => p.zh.includes('网络生态治理') && p.sourceId === source.id && p.sourceTitle === 'Cyber ecosystem governance')).toBe(true);
    const en = await search('CYBERSPACE GOVERNANCE');
    expect(en.total).toBeGreaterThan(0);
    expect(en.pairs.every((p) => p.en.toLowerCase().includes('cyberspace governance'))).toBe(true);
    // LIKE's wildcards are the user's characters, not patterns.
    expect((await search('%')).total).toBe(0);
    expect((await search('_')).total).toBe(0);
  });

  it.each([
    ['no words', '/api/pairs?q=%20', 422],
    ['words too long', `/api/pairs?q=${'x'.repeat(201)}`, 400],
    ['a page too long', '/api/pairs?q=a&limit=501', 400],
  ])('refuses %s', async (_name, path, status) => {
    t = makeApp();
    await expectError(await t.app.request(path), status);
  });
});
