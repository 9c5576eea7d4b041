// Terms and settings over HTTP: list, search, detail, edit, ignore; read and change settings; every
// bad request refused with the error shape and nothing changed.
import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerResponse, Settings, TermDetailResponse, TermRow, TermsResponse } from '../../server/http/api-types.ts';
import { expectError, json, makeApp, makeSeededApp, snapshot, uuid, type TestApp } from './helpers.ts';

let t: TestApp;
afterEach(() => t?.close());

async function terms(query = ''): Promise<TermsResponse> {
  const res = await t.app.request(`/api/terms${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as TermsResponse;
}

function patch(id: number | string, body: unknown) {
  return t.app.request(`/api/terms/${id}`, json(body, { method: 'PATCH' }));
}

describe('terms', () => {
  it('lists, pages, searches and shows a term with its concordance', async () => {
    t = await makeSeededApp();
    const all = await terms();
    expect(all.total).toBeGreaterThan(5);
    const page = await terms('?limit=2&offset=1');
    expect(page.terms).toHaveLength(2);
    expect(page.total).toBe(all.total);

    const found = await terms(`?q=${encodeURIComponent('网络生态治理')}`);
    const governance = found.terms.find((term) => term.zh === '网络生态治理');
    expect(governance).toBeDefined();

    const res = await t.app.request(`/api/terms/${governance!.id}`);
    const detail = (await res.json()) as TermDetailResponse;
    expect(detail.term.zh).toBe('网络生态治理');
    expect(detail.occurrences.length).toBeGreaterThan(1);
    const first = detail.occurrences[0];
    expect(first.zh.slice(first.zhStart, first.zhEnd)).toBe('网络生态治理');
  });

  it('lists the weakest extractions first with sort=weakest, the user\'s own terms last; a bad sort is a 400', async () => {
    t = await makeSeededApp();
    const all = await terms('?limit=500');
    // The term the user edits is no extraction's miss, however low its score.
    const lowest = [...all.terms].sort((a, b) => a.score - b.score)[0];
    expect((await patch(lowest.id, { en: lowest.en + ' (checked)' })).status).toBe(200);
    const weakest = await terms('?sort=weakest&limit=500');
    expect(weakest.total).toBe(all.total);
    const scores = weakest.terms.map((x) => x.score);
    const extracted = weakest.terms.filter((x) => x.origin === 'extracted');
    expect(weakest.terms.slice(0, extracted.length)).toEqual(extracted);
    expect(extracted.map((x) => x.score)).toEqual([...extracted.map((x) => x.score)].sort((a, b) => a - b));
    expect(scores[0]).toBeLessThan(scores[extracted.length - 1]);
    expect(weakest.terms.at(-1)!.id).toBe(lowest.id);
    // Paged the same way.
    expect((await terms('?sort=weakest&limit=3&offset=2')).terms.map((x) => x.id)).toEqual(weakest.terms.slice(2, 5).map((x) => x.id));
    await expectError(await t.app.request('/api/terms?sort=score'), 400);
  });

  it('an edit makes the rendering the user\'s; ignoring hides the term from the active list', async () => {
    t = await makeSeededApp();
    const term = (await terms()).terms[0];
    const res = await patch(term.id, { en: 'my rendering', variants: ['another one'], note: 'from the 2026 white paper' });
    expect(res.status).toBe(200);
    const edited = ((await res.json()) as { term: TermRow }).term;
    expect(edited).toMatchObject({ id: term.id, en: 'my rendering', origin: 'user', note: 'from the 2026 white paper' });
    expect(edited.variants).toContain('another one');

    await patch(term.id, { status: 'ignored' });
    const active = await terms('?status=active');
    expect(active.terms.map((x) => x.id)).not.toContain(term.id);
    const ignored = await terms('?status=ignored');
    expect(ignored.terms.map((x) => x.id)).toContain(term.id);
    expect((await terms('?status=all')).total).toBe(active.total + ignored.total);
  });

  it('adds a variant to the variants as they stand, so two additions from stale views both stay', async () => {
    t = await makeSeededApp();
    const term = (await terms()).terms[0];
    // Two tabs saw the same variants; each adds its own.
    await patch(term.id, { addVariant: 'a rendering of one tab' });
    const res = await patch(term.id, { addVariant: '  a rendering of  the other ' });
    const after = ((await res.json()) as { term: TermRow }).term;
    expect(after.variants).toEqual([...term.variants, 'a rendering of one tab', 'a rendering of the other']);
    expect(after.origin).toBe('user');
    // The same rendering again, in other case, adds nothing.
    const again = ((await (await patch(term.id, { addVariant: 'A Rendering Of One Tab' })).json()) as { term: TermRow }).term;
    expect(again.variants).toEqual(after.variants);
  });

  const badPatches: [string, unknown, number][] = [
    ['an empty patch', {}, 400],
    ['en as a number', { en: 5 }, 400],
    ['an empty en', { en: '  ' }, 400],
    ['variants as a string', { variants: 'x' }, 400],
    ['an empty variant to add', { addVariant: ' ' }, 400],
    ['an unknown status', { status: 'deleted' }, 400],
    ['status "all", which only the list takes', { status: 'all' }, 400],
    ['an unknown field', { zh: '改' }, 400],
    ['a list', ['en'], 400],
  ];
  it.each(badPatches)('PATCH with %s (%j) → %i, changing nothing', async (_name, body, status) => {
    t = await makeSeededApp();
    const term = (await terms()).terms[0];
    const before = snapshot(t.db);
    await expectError(await patch(term.id, body), status);
    expect(snapshot(t.db)).toEqual(before);
  });

  it.each([
    ['GET', '/api/terms/987654', 404],
    ['GET', '/api/terms/abc', 400],
    ['GET', '/api/terms/-3', 400],
    ['GET', '/api/terms?limit=0', 400],
    ['GET', '/api/terms?limit=ten', 400],
    ['GET', '/api/terms?offset=-1', 400],
    ['GET', '/api/terms?status=deleted', 400],
  ])('%s %s → %i', async (method, path, status) => {
    t = await makeSeededApp();
    await expectError(await t.app.request(path, { method }), status);
  });

  it('PATCH of an unknown term is a 404, changing nothing', async () => {
    t = await makeSeededApp();
    const before = snapshot(t.db);
    await expectError(await patch(987654, { en: 'x' }), 404, 'not_found');
    expect(snapshot(t.db)).toEqual(before);
  });
});

async function termByZh(zh: string): Promise<TermDetailResponse> {
  const row = (await terms(`?q=${encodeURIComponent(zh)}`)).terms.find((x) => x.zh === zh)!;
  return (await (await t.app.request(`/api/terms/${row.id}`)).json()) as TermDetailResponse;
}

describe("a term's cards", () => {
  it('are listed on the term; one suspended shows on the term, in its row and under ?cards=suspended, until unsuspended', async () => {
    t = await makeSeededApp();
    const detail = await termByZh('网络生态治理');
    expect(detail.cards.map((c) => `${c.kind} ${c.direction}`)).toEqual(['term zh-en', 'term en-zh', 'cloze zh-en']);
    expect(detail.cards.every((c) => c.state === 'new' && !c.suspended && !c.leech && c.reps === 0)).toBe(true);
    expect(detail.term).toMatchObject({ suspended: 0, leech: false });
    expect((await terms('?cards=suspended')).total).toBe(0);

    const enZh = detail.cards[1];
    expect((await t.app.request(`/api/cards/${enZh.id}/suspend`, { method: 'POST' })).status).toBe(200);
    const after = await termByZh('网络生态治理');
    expect(after.cards.map((c) => c.suspended)).toEqual([false, true, false]);
    expect(after.term.suspended).toBe(1);
    const listed = await terms('?cards=suspended');
    expect(listed.terms.map((x) => x.zh)).toEqual(['网络生态治理']);
    expect(listed.total).toBe(1);
    // A suspended card has no due date on the term: the others' earliest is shown.
    expect(after.term.due).toBe(detail.term.due);

    expect((await t.app.request(`/api/cards/${enZh.id}/unsuspend`, { method: 'POST' })).status).toBe(200);
    expect((await terms('?cards=suspended')).total).toBe(0);
    expect((await termByZh('网络生态治理')).cards.every((c) => !c.suspended)).toBe(true);
  });

  it('a card that lapsed into a leech is found under ?cards=leech, suspended and flagged', async () => {
    t = await makeSeededApp();
    await t.app.request('/api/settings', json({ leechThreshold: 1 }, { method: 'PUT' }));
    const card = (await termByZh('网络空间')).cards[0];
    const easy = await t.app.request('/api/drill/answer', json({ cardId: card.id, rating: 4, reviewId: uuid(1) }));
    expect(easy.status).toBe(200);
    t.clock.now = new Date(((await easy.json()) as AnswerResponse).card.due);
    const lapse = await t.app.request('/api/drill/answer', json({ cardId: card.id, rating: 1, reviewId: uuid(2) }));
    expect(((await lapse.json()) as AnswerResponse).card).toMatchObject({ suspended: true, leech: true });

    const leeches = await terms('?cards=leech');
    expect(leeches.terms.map((x) => x.zh)).toEqual(['网络空间']);
    expect(leeches.terms[0]).toMatchObject({ leech: true, suspended: 1 });
    const detail = await termByZh('网络空间');
    expect(detail.cards[0]).toMatchObject({ id: card.id, state: 'relearning', suspended: true, leech: true, reps: 2, lapses: 1 });
  });

  it.each(['?cards=ignored', '?cards=', '?cards=suspended&cards=leech'])('GET /api/terms%s → 400', async (query) => {
    t = await makeSeededApp();
    await expectError(await t.app.request(`/api/terms${query}`), 400);
  });
});

describe('a term added by hand', () => {
  it('is the user\'s, with pinyin and term cards both ways, drilled before the new cards waiting', async () => {
    t = await makeSeededApp();
    const res = await t.app.request('/api/terms', json({ zh: ' 新质生产力 ', en: 'new quality productive forces', variants: ['new-quality productive forces', 'New Quality Productive Forces'], note: 'from the 2024 work report' }));
    expect(res.status).toBe(201);
    const { term } = (await res.json()) as { term: TermRow };
    expect(term).toMatchObject({
      zh: '新质生产力',
      en: 'new quality productive forces',
      variants: ['new-quality productive forces'],
      pinyin: 'xīn zhì shēng chǎn lì',
      origin: 'user',
      note: 'from the 2024 work report',
      count: 0,
      state: 'new',
    });
    const detail = (await (await t.app.request(`/api/terms/${term.id}`)).json()) as TermDetailResponse;
    expect(detail.cards.map((c) => `${c.kind} ${c.direction}`)).toEqual(['term zh-en', 'term en-zh']);
    const next = (await (await t.app.request('/api/drill/next')).json()) as { card: { id: number } };
    expect(detail.cards.map((c) => c.id)).toContain(next.card.id);
  });

  it('is found in the texts already imported: a concordance with its English marked, and a cloze', async () => {
    t = await makeSeededApp();
    // 正能量 is no term of the seed on its own (the extractor keeps 正能量传播者), but its sentences hold it.
    const res = await t.app.request('/api/terms', json({ zh: '正能量', en: 'positive energy' }));
    expect(res.status).toBe(201);
    const { term } = (await res.json()) as { term: TermRow };
    expect(term.count).toBeGreaterThanOrEqual(1);
    const detail = (await (await t.app.request(`/api/terms/${term.id}`)).json()) as TermDetailResponse;
    expect(detail.occurrences).toHaveLength(term.count);
    for (const o of detail.occurrences) {
      expect(o.zh.slice(o.zhStart, o.zhEnd)).toBe('正能量');
      expect(o.sourceTitle).toBe('Cyber ecosystem governance');
    }
    const rendered = detail.occurrences.filter((o) => o.enStart !== null).map((o) => o.en.slice(o.enStart!, o.enEnd!));
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.every((r) => r.toLowerCase() === 'positive energy')).toBe(true);
    expect(detail.cards.map((c) => `${c.kind} ${c.direction}`)).toEqual(['term zh-en', 'term en-zh', 'cloze zh-en']);
  });

  it.each<[string, unknown, number]>([
    ['a term already known', { zh: '网络生态治理', en: 'x' }, 409],
    ['no Chinese', { zh: 'governance', en: 'governance' }, 422],
    ['an empty rendering', { zh: '治网', en: '  ' }, 400],
    ['an unknown field', { zh: '治网', en: 'internet governance', status: 'ignored' }, 400],
  ])('refuses %s (%j) with %i, changing nothing', async (_name, body, status) => {
    t = await makeSeededApp();
    const before = snapshot(t.db);
    await expectError(await t.app.request('/api/terms', json(body)), status);
    expect(snapshot(t.db)).toEqual(before);
  });
});

describe('settings', () => {
  it('reads the defaults and changes only what is sent', async () => {
    t = makeApp();
    const defaults = (await (await t.app.request('/api/settings')).json()) as Settings;
    expect(defaults).toMatchObject({ desiredRetention: 0.9, newCardsPerDay: 20, dayStartHour: 4, leechThreshold: 8 });

    const res = await t.app.request('/api/settings', json({ newCardsPerDay: 5, timeZone: 'Asia/Shanghai', cardKinds: { cloze: false } }, { method: 'PUT' }));
    expect(res.status).toBe(200);
    const changed = (await res.json()) as Settings;
    expect(changed).toEqual({
      ...defaults,
      newCardsPerDay: 5,
      timeZone: 'Asia/Shanghai',
      cardKinds: { ...defaults.cardKinds, cloze: false },
    });
    expect(await (await t.app.request('/api/settings')).json()).toEqual(changed);
  });

  it.each([
    ['desiredRetention as a string', { desiredRetention: '0.9' }, 400],
    ['desiredRetention above 1', { desiredRetention: 1.5 }, 400],
    ['desiredRetention too low to schedule sensibly', { desiredRetention: 0.3 }, 422],
    ['a fractional new-card limit', { newCardsPerDay: 2.5 }, 400],
    ['dayStartHour 24', { dayStartHour: 24 }, 400],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 422],
    ['a malformed learning step', { learningSteps: ['ten minutes'] }, 400],
    ['an unknown setting', { dailyGoal: 10 }, 400],
    ['a card kind as a string', { cardKinds: { cloze: 'no' } }, 400],
  ])('refuses %s (%j) with %i, changing nothing', async (_name, body, status) => {
    t = makeApp();
    await t.app.request('/api/settings');
    const before = snapshot(t.db);
    await expectError(await t.app.request('/api/settings', json(body, { method: 'PUT' })), status);
    expect(snapshot(t.db)).toEqual(before);
  });
});

describe('known terms over HTTP', () => {
  it('marks a text’s unstarted terms known and back, one term by PATCH, and refuses bad bodies with nothing changed', async () => {
    t = await makeSeededApp();
    const source = (t.db.prepare('SELECT id FROM sources').get() as { id: number }).id;
    const before = snapshot(t.db);
    await expectError(await t.app.request('/api/terms/known', json({ ids: [], known: true })), 400);
    await expectError(await t.app.request('/api/terms/known', json({ ids: [1], known: 'yes' })), 400);
    await expectError(await t.app.request('/api/terms/known', json({ ids: [1.5], known: true })), 400);
    await expectError(await t.app.request(`/api/sources/${source + 1}/known`, { method: 'POST' }), 404);
    await expectError(await patch(1, { known: 1 }), 400);
    expect(snapshot(t.db)).toEqual(before);

    const marked = await t.app.request(`/api/sources/${source}/known`, { method: 'POST' });
    expect(marked.status).toBe(200);
    const { terms: ids } = (await marked.json()) as { terms: number[] };
    expect(ids.length).toBe((await terms('?status=active')).total);
    expect((await terms('?status=known')).total).toBe(ids.length);
    // Nothing of the text is left to drill but its sentences.
    const next = (await (await t.app.request('/api/drill/next')).json()) as { card: { kind: string } | null };
    expect(next.card?.kind).toBe('sentence');

    const back = await t.app.request('/api/terms/known', json({ ids: ids.slice(1), known: false }));
    expect(((await back.json()) as { terms: number[] }).terms.sort()).toEqual(ids.slice(1).sort());
    // Ignored and restored in bulk, with bad bodies refused.
    await expectError(await t.app.request('/api/terms/status', json({ ids: [ids[0]], status: 'gone' })), 400);
    await expectError(await t.app.request('/api/terms/status', json({ ids: [], status: 'ignored' })), 400);
    const ignored = await t.app.request('/api/terms/status', json({ ids: ids.slice(0, 2), status: 'ignored' }));
    expect(((await ignored.json()) as { terms: number[] }).terms.sort()).toEqual(ids.slice(0, 2).sort());
    expect((await terms('?status=ignored')).total).toBe(2);
    await t.app.request('/api/terms/status', json({ ids: ids.slice(0, 2), status: 'active' }));
    expect((await terms('?status=ignored')).total).toBe(0);
    const one = await patch(ids[0]!, { known: false });
    expect(((await one.json()) as { term: TermRow }).term.known).toBe(false);
    expect((await terms('?status=known')).total).toBe(0);
  });
});
