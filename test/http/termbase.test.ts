// The termbase in and out: exported as TBX-Basic for a CAT tool and CSV for a spreadsheet (read
// back with the importer's own XML and CSV readers: user text escaped, ignored terms left out or
// marked), and a TBX termbase imported as the user's terms.
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResponse, PreviewResponse, SourceSummary, TermDetailResponse, TermRow, TermsResponse } from '../../server/http/api-types.ts';
import { parseCsv } from '../../server/extract/formats/delimited.ts';
import { parseXml } from '../../server/extract/formats/xml.ts';
import { expectError, json, makeApp, makeSeededApp, type TestApp } from './helpers.ts';

let t: TestApp;
afterEach(() => t?.close());

type Node = ReturnType<typeof parseXml>;

function children(node: Node, name: string): Node[] {
  return node.children.filter((c): c is Node => typeof c !== 'string' && c.name === name);
}

function all(node: Node, name: string): Node[] {
  const out: Node[] = [];
  for (const c of node.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    out.push(...all(c, name));
  }
  return out;
}

const text = (node: Node): string => node.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');

/** Per entry: the Chinese term, and the English terms with their administrative status. */
function entries(tbx: string) {
  const root = parseXml(tbx);
  const martif = children(root, 'martif')[0]!;
  expect(martif.attrs.type).toBe('TBX-Basic');
  return all(martif, 'termEntry').map((entry) => {
    const [zh, en] = children(entry, 'langSet');
    expect(zh!.attrs['xml:lang']).toBe('zh-CN');
    expect(en!.attrs['xml:lang']).toBe('en');
    const zhTig = children(zh!, 'tig')[0]!;
    return {
      zh: text(children(zhTig, 'term')[0]!),
      notes: children(zhTig, 'note').map(text),
      context: children(zhTig, 'descrip').map(text)[0],
      en: children(en!, 'tig').map((tig) => ({
        term: text(children(tig, 'term')[0]!),
        status: text(children(tig, 'termNote').find((n) => n.attrs.type === 'administrativeStatus')!),
      })),
    };
  });
}

async function download(query = ''): Promise<Response> {
  const res = await t.app.request(`/api/terms/export${query}`);
  expect(res.status).toBe(200);
  return res;
}

async function term(zh: string): Promise<TermRow> {
  const list = (await (await t.app.request(`/api/terms?status=all&q=${encodeURIComponent(zh)}`)).json()) as TermsResponse;
  return list.terms.find((x) => x.zh === zh)!;
}

describe('GET /api/terms/export', () => {
  it('is a TBX-Basic file with an entry per active term: preferred rendering, variants admitted, pinyin and context', async () => {
    t = await makeSeededApp();
    const res = await download();
    expect(res.headers.get('content-type')).toMatch(/^application\/x-tbx\+xml/);
    expect(res.headers.get('content-disposition')).toBe("attachment; filename=\"duizhao-terms.tbx\"; filename*=UTF-8''duizhao-terms.tbx");
    const list = entries(await res.text());
    const active = (await (await t.app.request('/api/terms?status=active&limit=1')).json()) as TermsResponse;
    expect(list).toHaveLength(active.total);

    const governance = await term('网络生态治理');
    const entry = list.find((e) => e.zh === '网络生态治理')!;
    expect(entry.en).toEqual([
      { term: governance.en, status: 'preferredTerm-admn-sts' },
      ...governance.variants.map((v) => ({ term: v, status: 'admittedTerm-admn-sts' })),
    ]);
    expect(governance.variants.length).toBeGreaterThan(0);
    expect(entry.notes).toContain(`Pinyin: ${governance.pinyin}`);
    expect(entry.context).toContain('网络生态治理');
  });

  it('escapes what the user wrote, and leaves an ignored term out unless status=all marks it deprecated', async () => {
    t = await makeSeededApp();
    const space = await term('网络空间');
    const tricky = 'R&D <core> "quoted" ]]>';
    await t.app.request(`/api/terms/${space.id}`, json({ en: tricky, variants: ["it's & more"], note: 'a < b && c > d' }, { method: 'PATCH' }));
    const edited = entries(await (await download()).text()).find((e) => e.zh === '网络空间')!;
    expect(edited.en).toEqual([
      { term: tricky, status: 'preferredTerm-admn-sts' },
      { term: "it's & more", status: 'admittedTerm-admn-sts' },
    ]);
    expect(edited.notes).toContain('a < b && c > d');

    await t.app.request(`/api/terms/${space.id}`, json({ status: 'ignored' }, { method: 'PATCH' }));
    expect(entries(await (await download()).text()).map((e) => e.zh)).not.toContain('网络空间');
    const withIgnored = entries(await (await download('?status=all')).text()).find((e) => e.zh === '网络空间')!;
    expect(withIgnored.en.map((e) => e.status)).toEqual(['deprecatedTerm-admn-sts', 'deprecatedTerm-admn-sts']);
  });

  it('is a CSV file for a spreadsheet: a BOM, a header, a row per term, quoting where needed', async () => {
    t = await makeSeededApp();
    const space = await term('网络空间');
    await t.app.request(`/api/terms/${space.id}`, json({ en: 'cyberspace, "the" net', variants: ['online space'] }, { method: 'PATCH' }));
    const res = await download('?format=csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe("attachment; filename=\"duizhao-terms.csv\"; filename*=UTF-8''duizhao-terms.csv");
    const body = await res.text();
    // Response.text() drops a leading BOM; the bytes keep it.
    const bytes = new Uint8Array(await (await download('?format=csv')).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Records end in CRLF (RFC 4180); the importer's reader, like every import, sees LF.
    expect(body.split('\n').slice(0, -1).every((l) => l.endsWith('\r'))).toBe(true);
    const rows = parseCsv(body.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')).map((r) => r.fields);
    expect(rows[0]).toEqual(['zh', 'pinyin', 'en', 'variants', 'note', 'count', 'status', 'context_zh', 'context_en']);
    const active = (await (await t.app.request('/api/terms?status=active&limit=1')).json()) as TermsResponse;
    expect(rows.slice(1).filter((r) => r.length > 1)).toHaveLength(active.total);
    const row = rows.find((r) => r[0] === '网络空间')!;
    expect(row.slice(2, 4)).toEqual(['cyberspace, "the" net', 'online space']);
    expect(row[6]).toBe('active');
  });

  it("gives one text's terms only, as its glossary, named after it, with context from it", async () => {
    t = await makeSeededApp();
    const tsv = '网络生态治理需要全社会参与。\tCyberspace governance requires the participation of the whole society.\n人工智能快速发展。\tArtificial intelligence is developing fast.\n';
    const { source } = (await (await t.app.request('/api/sources', json({ title: 'Society 2024', text: tsv }))).json()) as ImportResponse;
    const listed = (await (await t.app.request(`/api/terms?source=${source.id}&limit=500`)).json()) as TermsResponse;
    expect(listed.total).toBe(source.terms);
    expect(listed.terms.map((x) => x.zh)).toContain('网络生态治理');
    const all = (await (await t.app.request('/api/terms?limit=1')).json()) as TermsResponse;
    expect(listed.total).toBeLessThan(all.total);

    const res = await download(`?source=${source.id}`);
    expect(res.headers.get('content-disposition')).toBe("attachment; filename=\"Society-2024-terms.tbx\"; filename*=UTF-8''Society-2024-terms.tbx");
    const glossary = entries(await res.text());
    expect(glossary.map((e) => e.zh).sort()).toEqual(listed.terms.map((x) => x.zh).sort());
    // 网络生态治理 occurs in the seed first, but this glossary's context is this text's sentence.
    expect(glossary.find((e) => e.zh === '网络生态治理')!.context).toContain('需要全社会参与');
  });

  it('refuses the glossary of an unknown source (404) and a source that is no number (400)', async () => {
    t = await makeSeededApp();
    await expectError(await t.app.request('/api/terms/export?source=999'), 404, 'not_found');
    await expectError(await t.app.request('/api/terms/export?source=abc'), 400);
    await expectError(await t.app.request('/api/terms?source=abc'), 400);
  });

  it.each(['?format=xlsx', '?status=ignored', '?format='])('%s → 400', async (query) => {
    t = await makeSeededApp();
    await expectError(await t.app.request(`/api/terms/export${query}`), 400);
  });
});

describe('a TBX termbase imported', () => {
  let other: TestApp | undefined;
  afterEach(() => other?.close());

  async function allTerms(app: TestApp): Promise<TermRow[]> {
    return ((await (await app.app.request('/api/terms?limit=500')).json()) as TermsResponse).terms;
  }

  it("round-trips: another duizhao imports one's export as the same terms, the user's, with term cards", async () => {
    t = await makeSeededApp();
    const tbx = await (await download()).text();
    other = makeApp();
    const preview = (await (await other.app.request('/api/extract', json({ text: tbx }))).json()) as PreviewResponse;
    expect(preview.sentences).toEqual([]);
    const res = await other.app.request('/api/sources', json({ title: 'Client glossary', text: tbx }));
    expect(res.status).toBe(201);
    const imported = (await res.json()) as ImportResponse;
    const original = await allTerms(t);
    expect(preview.terms).toHaveLength(original.length);
    expect(imported.source).toMatchObject({ format: 'tbx', sentences: 0, terms: original.length });

    const byZh = (list: TermRow[]) => Object.fromEntries(list.map((x) => [x.zh, { en: x.en, variants: x.variants, pinyin: x.pinyin, note: x.note }]));
    const copied = await allTerms(other);
    expect(byZh(copied)).toEqual(byZh(original));
    expect(copied.every((x) => x.origin === 'user')).toBe(true);
    const detail = (await (await other.app.request(`/api/terms/${copied[0]!.id}`)).json()) as TermDetailResponse;
    expect(detail.cards.map((c) => `${c.kind} ${c.direction}`)).toEqual(['term zh-en', 'term en-zh']);
    expect(detail.occurrences).toEqual([]);
    // The same file again is a duplicate; the source lists its terms.
    expect((await other.app.request('/api/sources', json({ title: 'Again', text: tbx }))).status).toBe(200);
    const sources = ((await (await other.app.request('/api/sources')).json()) as { sources: SourceSummary[] }).sources;
    expect(sources).toHaveLength(1);
    expect(sources[0]!.terms).toBe(original.length);
  });

  it("makes the termbase's rendering preferred over an extracted one, keeping the extracted as a variant", async () => {
    t = await makeSeededApp();
    const before = await term('网络生态治理');
    expect(before.origin).toBe('extracted');
    const glossary = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><text><body>
  <termEntry id="g1">
    <langSet xml:lang="zh-CN"><tig><term>网络生态治理</term><note>client's choice</note></tig></langSet>
    <langSet xml:lang="en"><tig><term>governance of the online ecosystem</term></tig></langSet>
  </termEntry>
</body></text></martif>`;
    const res = await t.app.request('/api/sources', json({ title: 'Client glossary', text: glossary }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as ImportResponse).counts).toMatchObject({ sentences: 0, terms: 1, newTerms: 0 });
    const after = await term('网络生态治理');
    expect(after).toMatchObject({ en: 'governance of the online ecosystem', origin: 'user', note: "client's choice" });
    expect(after.variants).toEqual([before.en, ...before.variants]);
  });

  it('refuses a broken termbase with its line, storing nothing', async () => {
    t = await makeSeededApp();
    const before = (await allTerms(t)).length;
    const error = await expectError(await t.app.request('/api/sources', json({ title: 'Broken', text: '<?xml version="1.0"?>\n<martif>\n<text><body>\n<termEntry>\n</body></text></martif>' })), 422);
    expect(error.message).toMatch(/^line 5: closing tag <\/body> does not match <termEntry> opened on line 4/);
    expect((await allTerms(t)).length).toBe(before);
  });
});
