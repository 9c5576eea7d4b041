// The web app in a real browser against the real server: import the seed through the Import
// page, drill ten cards by keyboard only, undo, edit a term, see the reviews on Stats, and see
// the server's message for a bad import. Screenshots of every page land in test/e2e/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root, startServer, type TestServer } from './server.ts';
import type { Settings, SourceDetailResponse, SourceSummary, StatsResponse, TermDetailResponse, TermsResponse } from '../../server/http/api-types.ts';

const NOW = '2026-11-28T09:00:00Z';
const shots = join(root, 'test/e2e/screenshots');
const seed = readFileSync(join(root, 'seeds/cyber-ecosystem-governance.en-zh.txt'), 'utf8');

let server: TestServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

async function api<T>(path: string): Promise<T> {
  const res = await page.request.get(server.url + path);
  expect(res.ok()).toBe(true);
  return (await res.json()) as T;
}

async function go(hash: string) {
  await page.goto(`${server.url}/${hash}`);
  await page.waitForLoadState('networkidle');
}

/** Chooses a fixture of test/fixtures/office on the Import page's File tab, under `name`, and asks for its preview. */
async function previewFile(name: string, fixture: string, mimeType: string) {
  await page.click('nav a:has-text("Import")');
  await page.click('.tab:has-text("File")');
  await page.setInputFiles('input[type=file]', { name, mimeType, buffer: readFileSync(join(root, 'test/fixtures/office', fixture)) });
  expect(await page.locator('.file-list').textContent()).toContain(name);
  await page.click('button[type=submit]');
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer(NOW);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('duizhao in the browser', () => {
  it('greets a new user with what to do', async () => {
    await go('');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Welcome to duizhao');
    expect(await page.locator('a.button.primary').getAttribute('href')).toBe('#/import');
    await page.screenshot({ path: join(shots, 'today-empty-desktop-light.png'), fullPage: true });
  });

  it('shows the server message for a bad import (an unpaired line)', async () => {
    await go('#/import');
    await page.fill('textarea[name=text]', '中共中央政治局11月28日下午就加强网络生态治理进行第二十三次集体学习。\n要健全网络生态治理长效机制。');
    await page.click('button[type=submit]');
    const alert = page.locator('[role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/line \d+/);
    // The named line can be selected in the text to fix it.
    await page.click('button:has-text("Show line")');
    const selected = await page.evaluate(() => {
      const el = document.querySelector('textarea[name=text]') as HTMLTextAreaElement;
      return el.value.slice(el.selectionStart, el.selectionEnd);
    });
    expect(selected).toMatch(/^(中共中央政治局|要健全)/);
    expect(await page.locator('.preview').count()).toBe(0);
    // The browser logs the expected 422 of this import; nothing else may fail.
    pageErrors.length = 0;
    await page.screenshot({ path: join(shots, 'import-error-desktop-light.png'), fullPage: true });
  });

  let excluded = '';
  it('imports the seed through the preview, with one term unticked', async () => {
    await go('#/import');
    await page.fill('input[name=title]', 'Cyber ecosystem governance');
    await page.fill('textarea[name=text]', seed);
    await page.click('button[type=submit]');
    await page.locator('.preview').waitFor({ timeout: 60_000 });
    const pairs = await page.locator('.pairs li').count();
    expect(pairs).toBeGreaterThan(10);
    const boxes = page.locator('.candidates input[type=checkbox]');
    expect(await boxes.count()).toBeGreaterThan(5);
    // A score floor unticks the candidates under it, and Tick all takes them back.
    const scores = (await page.locator('.candidates .score').allTextContents()).map((s) => Number(s.trim()));
    const atLeastHalf = scores.filter((s) => s >= 0.5).length;
    expect(atLeastHalf).toBeGreaterThan(0);
    expect(atLeastHalf).toBeLessThan(scores.length);
    await page.selectOption('.score-floor select', '0.5');
    expect(await page.locator('.preview-head').textContent()).toContain(`${scores.length} term candidates · ${atLeastHalf} kept`);
    expect(await page.locator('.candidates tbody tr.unticked').count()).toBe(scores.length - atLeastHalf);
    await page.click('button:has-text("Tick all")');
    expect(await page.locator('.preview-head').textContent()).toContain(`${scores.length} kept`);
    expect(await page.locator('.score-floor select').inputValue()).toBe('');
    // A term unticked by hand stays unticked whatever the floor.
    await page.locator('.candidates tbody tr').first().locator('input[aria-label^="Keep"]').uncheck();
    expect(scores[0]).toBeGreaterThanOrEqual(0.4);
    await page.selectOption('.score-floor select', '0.4');
    expect(await page.locator('.candidates tbody tr.unticked').count()).toBe(scores.filter((s) => s < 0.4).length + 1);
    await page.selectOption('.score-floor select', '');
    expect(await page.locator('.candidates tbody tr.unticked').count()).toBe(1);
    expect(await page.locator('.candidates tbody tr').first().getAttribute('class')).toBe('unticked');
    excluded = (await page.locator('.candidates tbody tr').first().locator('.zh-cell').textContent())!.trim();
    await page.locator('.candidates tbody tr').first().locator('input[aria-label^="Keep"]').uncheck();
    // The second candidate is one the user knows: stored, marked known, not drilled.
    const knownZh = (await page.locator('.candidates tbody tr').nth(1).locator('.zh-cell').textContent())!.trim();
    await page.locator('.candidates tbody tr').nth(1).locator('input[aria-label^="I know"]').check();
    expect(await page.locator('.preview-head').textContent()).toMatch(/kept, 1 of them known/);
    await page.screenshot({ path: join(shots, 'import-preview-desktop-light.png'), fullPage: false });
    await page.click('.preview-head button');
    const result = page.locator('[data-testid=import-result]');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toMatch(/\d+ sentence pairs/);
    // The text just imported can be read at once.
    expect(await page.locator('a:has-text("Read it side by side")').getAttribute('href')).toMatch(/^#\/sources\/\d+$/);

    const terms = await api<TermsResponse>('/api/terms?limit=500');
    expect(terms.terms.length).toBeGreaterThan(0);
    expect(terms.terms.map((t) => t.zh)).not.toContain(excluded);
    expect((await api<TermsResponse>('/api/terms?status=known')).terms.map((t) => t.zh)).toEqual([knownZh]);
    // Drilled after all, for the tests that follow.
    const knownId = terms.terms.find((t) => t.zh === knownZh)!.id;
    expect((await page.request.post(server.url + '/api/terms/known', { data: { ids: [knownId], known: false } })).ok()).toBe(true);
  });

  it('imports a chosen file, and says so when the same text comes again', async () => {
    // Still on the result of the previous import.
    await page.click('button:has-text("Import another")');
    // A file dropped anywhere on the page switches to file import.
    const dropped = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['人类\thumankind\n'], 'dropped.tsv', { type: 'text/plain' }));
      return dt;
    });
    await page.dispatchEvent('section.import', 'dragover', { dataTransfer: dropped });
    await page.dispatchEvent('section.import', 'drop', { dataTransfer: dropped });
    expect(await page.locator('.file-list').textContent()).toContain('dropped.tsv');
    expect(await page.locator('.tab.active').textContent()).toBe('File');
    const tsv = [
      '人类命运共同体\ta community with a shared future for mankind',
      '要坚持共商共建共享的全球治理观。\tWe must uphold the principle of extensive consultation, joint contribution and shared benefits in global governance.',
      '要推动构建人类命运共同体。\tWe must promote the building of a community with a shared future for mankind.',
    ].join('\n');
    await page.setInputFiles('input[type=file]', { name: 'global-governance.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(tsv) });
    expect(await page.locator('.file-list').textContent()).toContain('global-governance.tsv');
    await page.click('button:has-text("Import without preview")');
    const result = page.locator('[data-testid=import-result]');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toMatch(/“global-governance”: 3 sentence pairs/);

    // A termbase from a CAT tool imports as terms only.
    await page.click('button:has-text("Import another")');
    const tbxFile = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<martif type="TBX-Basic" xml:lang="en"><text><body>',
      '<termEntry><langSet xml:lang="zh-CN"><tig><term>全球治理观</term></tig></langSet>',
      '<langSet xml:lang="en"><tig><term>global governance philosophy</term></tig></langSet></termEntry>',
      '</body></text></martif>',
    ].join('\n');
    await page.setInputFiles('input[type=file]', { name: 'client-glossary.tbx', mimeType: 'application/x-tbx+xml', buffer: Buffer.from(tbxFile) });
    await page.click('button:has-text("Import without preview")');
    await page.locator('[data-testid=import-result]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=import-result]').textContent()).toMatch(/“client-glossary”: 0 sentence pairs, 1 term \(1 new\)/);

    // Two monolingual texts are aligned paragraph by paragraph before the preview. Choosing
    // Import in the navigation again starts a fresh import.
    await page.click('nav a:has-text("Import")');
    await page.click('.tab:has-text("Two texts")');
    const lines = seed.split('\n').filter((l) => l.trim());
    await page.fill('textarea[name=text]', lines.filter((_, i) => i % 2 === 1).slice(0, 3).join('\n\n'));
    await page.fill('textarea[name=text2]', lines.filter((_, i) => i % 2 === 0).slice(0, 3).join('\n\n'));
    await page.click('button[type=submit]');
    await page.locator('.preview').waitFor({ timeout: 60_000 });
    expect(await page.locator('.pairs li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.pairs li p[lang=zh-CN]').first().textContent()).toMatch(/^中共中央政治局/);

    // A Word document's bilingual table (title, note and header row left out) previews as its pairs.
    await previewFile('handout.docx', 'seed-table.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    await page.locator('.preview').waitFor({ timeout: 60_000 });
    expect(await page.locator('.pairs li').count()).toBe(12);
    expect(await page.locator('.pairs li p[lang=zh-CN]').first().textContent()).toMatch(/^中共中央政治局/);

    // An Excel glossary of several sheets: its two sheets of terms read, the preview says which.
    await previewFile('course terms.xlsx', 'glossary.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await page.locator('[data-testid=sheets]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=sheets]').textContent()).toBe(
      'Read the sheets “Glossary” and “Economy”; left out “Notes” (not a table of Chinese beside English) and “Lookup” (hidden).',
    );
    expect(await page.locator('.candidates tbody tr').count()).toBe(5);

    // A Chinese and an English subtitle file of one talk, chosen together, pair by their cues' times.
    await page.click('nav a:has-text("Import")');
    await page.click('.tab:has-text("File")');
    const zhSubs = '1\n00:00:01,000 --> 00:00:04,000\n网络生态治理是一项系统工程。\n\n2\n00:00:04,000 --> 00:00:07,000\n要坚持党的领导。\n';
    const enSubs = 'WEBVTT\n\n00:01.200 --> 00:04.200\nCyber ecosystem governance is a systematic project.\n\n00:04.200 --> 00:07.200\nWe must uphold the Party leadership.\n';
    await page.setInputFiles('input[type=file]', [
      { name: 'talk.zh.srt', mimeType: 'application/x-subrip', buffer: Buffer.from(zhSubs) },
      { name: 'talk.en.vtt', mimeType: 'text/vtt', buffer: Buffer.from(enSubs) },
    ]);
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('.pairs li').count(), { timeout: 60_000 }).toBe(2);
    expect(await page.locator('.pairs li').nth(1).textContent()).toBe('要坚持党的领导。We must uphold the Party leadership.');
    expect(await page.locator('[data-testid=read-as-subtitles]').textContent()).toMatch(/^Read as subtitles: Chinese and English cues paired by their times/);

    // A pasted table of terms previews as a glossary; one click reads its rows as sentence pairs.
    await page.click('nav a:has-text("Import")');
    await page.click('.tab:has-text("Bilingual text")');
    await page.fill('textarea[name=text]', '自媒体\twe media\n网络空间\tcyberspace\n风清气正\ta clean and righteous cyberspace\n');
    await page.click('button[type=submit]');
    await page.locator('[data-testid=read-as]').waitFor({ timeout: 60_000 });
    expect(await page.locator('.preview-head p').textContent()).toMatch(/^0 sentence pairs · 3 term candidates/);
    await page.click('[data-testid=read-as] button');
    await expect.poll(() => page.locator('.pairs li').count(), { timeout: 60_000 }).toBe(3);
    expect(await page.locator('[data-testid=read-as]').count()).toBe(0);
    expect(await page.locator('details select').inputValue()).toBe('tsv');

    // A fresh import detects the format again.
    await page.click('nav a:has-text("Import")');
    expect(await page.locator('details select').inputValue()).toBe('');
    await page.click('.tab:has-text("Bilingual text")');
    await page.fill('textarea[name=text]', seed);
    await page.click('button:has-text("Import without preview")');
    await expect.poll(() => page.locator('main h1').textContent(), { timeout: 60_000 }).toBe('Already imported');
  });

  it("shows the extraction's own progress on a long text", async () => {
    // Choosing Import in the navigation starts a fresh import (the last one's result is showing).
    await page.click('nav a:has-text("Import")');
    // The seed forty times over: 360 paragraph pairs, extracted in a few hundred steps.
    await page.fill('textarea[name=text]', Array.from({ length: 40 }, () => seed.trim()).join('\n\n'));
    // Every label the progress bar shows, recorded as the page changes.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('.progress [role=progressbar]');
        const label = bar?.getAttribute('aria-label');
        if (label && seen.at(-1) !== label) seen.push(label);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.click('button[type=submit]');
    await page.locator('.preview').waitFor({ timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    const percents = seen.map((l) => /^Extracting sentence pairs and terms… (\d+)%$/.exec(l)?.[1]).filter((p) => p !== undefined).map(Number);
    // Several steps between the start and the end, only growing.
    expect(percents.filter((p) => p > 0 && p < 100).length).toBeGreaterThan(1);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  });

  it('shows what is due today and the source', async () => {
    await go('');
    await page.locator('.tiles').waitFor();
    expect(await page.locator('.source-title').allTextContents()).toContain('Cyber ecosystem governance');
    expect(await page.locator('a.button.primary').textContent()).toMatch(/Start drill/);
  });

  it('drills ten cards by keyboard only, IME-safe, and undoes the last', async () => {
    await go('');
    await page.locator('a.button.primary').waitFor();
    // Today focuses its start button: Enter opens the drill.
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=prompt]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('answer');

    // An Enter that confirms an input method's candidate must not check the answer.
    await page.keyboard.insertText('网络');
    await page.evaluate(() => {
      const el = document.getElementById('answer')!;
      el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, keyCode: 229, bubbles: true }));
      el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true }));
    });
    expect(await page.locator('.ratings').count()).toBe(0);
    await page.fill('#answer', '');

    const ratings = ['3', ' ', '1', '4', 'Enter', '2', '3', ' ', '3', '4'];
    for (let i = 0; i < ratings.length; i++) {
      const prompt = await page.locator('[data-testid=prompt]').textContent();
      expect(prompt?.trim()).toBeTruthy();
      // The first card is a term, 中 → EN: answered with a rendering the text did not use.
      if (i === 0) expect(await page.locator('.drill-bar').textContent()).toContain('Term · 中 → EN');
      if (i % 2 === 0) await page.keyboard.type(i === 0 ? 'a rendering of my own' : 'the Party');
      await page.keyboard.press('Enter');
      await page.locator('.ratings').waitFor();
      if (i === 0) {
        // A counts it as a rendering of the term: kept as a variant, and this answer graded again.
        expect(await page.locator('.rating.selected').getAttribute('class')).not.toMatch(/\br[34]\b/);
        await page.keyboard.press('a');
        const zh = prompt!.trim();
        await expect.poll(() => page.locator('[role=status]').textContent()).toBe(`“a rendering of my own” now counts as a rendering of ${zh}.`);
        expect(await page.locator('.rating.selected').getAttribute('class')).toMatch(/\br[34]\b/);
        expect(await page.locator('.variants').textContent()).toContain('a rendering of my own');
        const term = (await api<TermsResponse>(`/api/terms?q=${encodeURIComponent(zh)}`)).terms.find((t) => t.zh === zh)!;
        expect(term.variants).toContain('a rendering of my own');
      }
      // Every rating button shows its next interval, and one rating is preselected.
      expect(await page.locator('.rating .interval').allTextContents()).toSatisfy((l: string[]) => l.length === 4 && l.every((s) => s.trim()));
      expect(await page.locator('.rating.selected').count()).toBe(1);
      if (i === 1) await page.screenshot({ path: join(shots, 'drill-checked-desktop-light.png'), fullPage: true });
      await page.keyboard.press(ratings[i]!);
      await expect.poll(() => page.locator('.session-count').textContent().catch(() => null)).toBe(`${i + 1} done`);
      expect(await page.locator('.ratings').count()).toBe(0);
    }
    const stats = await api<StatsResponse>('/api/stats');
    expect(stats.today.reviews).toBe(10);

    await page.keyboard.press('Escape');
    await page.keyboard.press('u');
    await expect.poll(() => page.locator('.session-count').textContent()).toBe('9 done');
    expect(await page.locator('[role=status]').textContent()).toMatch(/undone/);
    expect((await api<StatsResponse>('/api/stats')).today.reviews).toBe(9);

    // P shows the pinyin of the Chinese side; S suspends, and the notice offers to take it back.
    await page.keyboard.press('Escape');
    const pinyinShown = await page.locator('.pinyin').count();
    await page.keyboard.press('p');
    expect(await page.locator('.pinyin').count()).toBe(pinyinShown ? 0 : 1);
    const before = await page.locator('[data-testid=prompt]').textContent();
    await page.keyboard.press('Escape');
    await page.keyboard.press('s');
    await expect.poll(() => page.locator('[role=status]').textContent()).toMatch(/^Card suspended/);
    expect(await page.locator('[data-testid=prompt]').textContent()).not.toBe(before);
    await page.click('[role=status] button');
    await expect.poll(() => page.locator('[role=status]').textContent()).toMatch(/restored/);
    expect(pageErrors).toEqual([]);
  });

  it('edits a term in the drill with E, and on the Terms page', async () => {
    await go('#/drill');
    await page.locator('[data-testid=prompt]').waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('e');
    const form = page.locator('form.edit-term');
    await form.waitFor();
    const drillZh = (await form.locator('h2 span').textContent())!.trim();
    await page.fill('form.edit-term input[name=en]', 'edited in the drill');
    await page.press('form.edit-term input[name=en]', 'Enter');
    await expect.poll(() => page.locator('[role=status]').textContent()).toBe('Term saved.');
    expect(await form.count()).toBe(0);
    const fromDrill = await api<TermsResponse>(`/api/terms?q=${encodeURIComponent(drillZh)}`);
    expect(fromDrill.terms.find((t) => t.zh === drillZh)?.en).toBe('edited in the drill');

    await go('#/terms');
    await page.locator('.term-table tbody tr').first().waitFor();
    await page.fill('input[type=search]', '网络');
    await expect.poll(async () => (await page.locator('.term-table tbody .zh-cell').allTextContents()).every((t) => t.includes('网络'))).toBe(true);
    // Keyboard: ↓ from the search box into the rows, Enter opens one.
    await page.focus('input[type=search]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.rowIndex)).toBe(1);
    await page.keyboard.press('Enter');
    await page.locator('input[name=en]').waitFor();
    const zh = (await page.locator('.term-zh').textContent())!.trim();
    expect(await page.locator('.concordance mark').count()).toBeGreaterThan(0);
    await page.fill('input[name=en]', 'online ecosystem (edited)');
    await page.fill('textarea[name=variants]', 'edited variant one\nedited variant two');
    await page.press('input[name=en]', 'Enter');
    await page.locator('.saved').waitFor();
    await page.screenshot({ path: join(shots, 'term-detail-desktop-light.png'), fullPage: true });

    await page.reload();
    await page.locator('input[name=en]').waitFor();
    expect(await page.inputValue('input[name=en]')).toBe('online ecosystem (edited)');
    const terms = await api<TermsResponse>(`/api/terms?q=${encodeURIComponent(zh)}`);
    const edited = terms.terms.find((t) => t.zh === zh)!;
    expect(edited.en).toBe('online ecosystem (edited)');
    expect(edited.variants).toEqual(['edited variant one', 'edited variant two']);

    // Ignore takes it out of the drill and the active list; Restore brings it back.
    await page.click('button:has-text("Ignore term")');
    await expect.poll(() => page.locator('.saved').textContent()).toMatch(/^Ignored/);
    const ignored = await api<TermsResponse>(`/api/terms?status=ignored&q=${encodeURIComponent(zh)}`);
    expect(ignored.terms.map((t) => t.zh)).toContain(zh);
    await page.click('button:has-text("Restore term")');
    await expect.poll(() => page.locator('.saved').textContent()).toBe('Restored.');
    const active = await api<TermsResponse>(`/api/terms?status=active&q=${encodeURIComponent(zh)}`);
    expect(active.terms.map((t) => t.zh)).toContain(zh);
  });

  it('suspends a card on the Terms page, finds it under "With a suspended card" and on the Suspended page, and brings it back', async () => {
    await go('#/terms');
    await page.locator('.term-table tbody tr').first().waitFor();
    await page.selectOption('select[aria-label=Show]', 'suspended');
    await expect.poll(() => page.locator('.empty').textContent()).toMatch(/No term has a suspended card/);

    // The termbase downloads as TBX for a CAT tool.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.export a:has-text("TBX")')]);
    expect(download.suggestedFilename()).toBe('duizhao-terms.tbx');
    const tbx = readFileSync((await download.path())!, 'utf8');
    expect(tbx).toMatch(/<martif type="TBX-Basic"/);
    expect(tbx).toContain('<term>网络生态治理</term>');

    await page.selectOption('select[aria-label=Show]', 'active');
    await page.fill('input[type=search]', '网络生态治理');
    await page.locator('.term-table tbody a', { hasText: /^网络生态治理$/ }).click();
    const cards = page.locator('.term-cards li');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(3);
    expect(await cards.first().locator('.card-kind').textContent()).toBe('中文 → English');
    await cards.first().locator('button', { hasText: 'Suspend' }).click();
    await expect.poll(() => page.locator('.saved').textContent()).toMatch(/^Suspended/);
    expect(await cards.first().locator('button').textContent()).toBe('Unsuspend');
    await page.screenshot({ path: join(shots, 'term-cards-desktop-light.png'), fullPage: true });

    await page.click('a:has-text("← All terms")');
    await page.locator('.term-table tbody tr').first().waitFor();
    await page.fill('input[type=search]', '');
    await page.selectOption('select[aria-label=Show]', 'suspended');
    await expect.poll(() => page.locator('.term-table tbody .zh-cell').allTextContents()).toEqual(['网络生态治理']);
    expect(await page.locator('.term-table tbody .badge.suspended').count()).toBe(1);

    // Stats counts it among the suspended cards and leads to all of them, sentences included.
    await go('#/stats');
    await page.click('.legend a:has-text("suspended")');
    await page.locator('.suspended-cards li').first().waitFor();
    expect(await page.locator('.suspended-cards li').count()).toBe(1);
    expect(await page.locator('.suspended-cards li .zh').textContent()).toBe('网络生态治理');
    await page.screenshot({ path: join(shots, 'suspended-list-desktop-light.png'), fullPage: true });
    await page.click('.suspended-cards li button:has-text("Unsuspend")');
    await expect.poll(() => page.locator('.empty').textContent()).toMatch(/No suspended cards/);
    expect(await page.locator('[role=status]').textContent()).toMatch(/^Back in the drill: 网络生态治理/);
    const after = await api<TermsResponse>('/api/terms?cards=suspended');
    expect(after.total).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('adds a term by hand on the Terms page and opens it', async () => {
    await go('#/terms');
    await page.locator('.term-table tbody tr').first().waitFor();
    await page.click('button:has-text("+ Add a term")');
    await page.fill('form.add-term input[name=zh]', '新质生产力');
    await page.fill('form.add-term input[name=en]', 'new quality productive forces');
    await page.fill('form.add-term textarea[name=variants]', 'new-quality productive forces');
    await page.click('form.add-term button[type=submit]');
    await expect.poll(() => page.locator('.term-zh').textContent().catch(() => null)).toBe('新质生产力');
    expect(await page.inputValue('input[name=en]')).toBe('new quality productive forces');
    expect(await page.locator('.term-cards li').count()).toBe(2);
    expect(await page.locator('.term-detail .muted').first().textContent()).toMatch(/edited by you/);
    expect(pageErrors).toEqual([]);
  });

  it('ignores, restores and marks known several terms at once on the Terms page', async () => {
    await go('#/terms');
    const rows = page.locator('.term-table tbody tr');
    await rows.first().waitFor();
    const picked = [(await rows.nth(1).locator('.zh-cell').textContent())!.trim(), (await rows.nth(2).locator('.zh-cell').textContent())!.trim()];
    await rows.nth(1).locator('input[type=checkbox]').check();
    await rows.nth(2).locator('input[type=checkbox]').check();
    const bar = page.locator('.bulk-bar');
    expect(await bar.textContent()).toMatch(/^2 terms selected:/);
    await page.screenshot({ path: join(shots, 'terms-bulk-desktop-light.png') });
    await bar.locator('button:has-text("Ignore")').click();
    const said = page.locator('p.notice[role=status]');
    await expect.poll(() => said.textContent().catch(() => null)).toBe('2 terms ignored.');
    expect((await api<TermsResponse>('/api/terms?status=ignored')).terms.map((t) => t.zh).sort()).toEqual([...picked].sort());
    // The ignored ones, all selected from the header, restored.
    await page.selectOption('select[aria-label=Show]', 'ignored');
    await expect.poll(() => rows.count()).toBe(2);
    await page.locator('.term-table thead input[type=checkbox]').check();
    await bar.locator('button:has-text("Restore")').click();
    await expect.poll(() => said.textContent().catch(() => null)).toBe('2 terms restored.');
    expect((await api<TermsResponse>('/api/terms?status=ignored')).total).toBe(0);
    // Known in bulk, and drilled again.
    await page.selectOption('select[aria-label=Show]', 'active');
    await rows.first().waitFor();
    await rows.nth(0).locator('input[type=checkbox]').check();
    await bar.locator('button:has-text("I know these")').click();
    await expect.poll(() => said.textContent().catch(() => null)).toBe('1 term marked known: out of the drill.');
    const known = await api<TermsResponse>('/api/terms?status=known');
    expect(known.total).toBe(1);
    expect((await page.request.post(server.url + '/api/terms/known', { data: { ids: [known.terms[0]!.id], known: false } })).ok()).toBe(true);

    // Ordered weakest first: the extraction's likeliest misses on top, each with its score.
    await page.selectOption('select[aria-label=Order]', 'weakest');
    const weakest = await api<TermsResponse>('/api/terms?status=active&sort=weakest&limit=1');
    await expect.poll(async () => (await rows.first().locator('.zh-cell').textContent())?.trim()).toBe(weakest.terms[0]!.zh);
    const scores = page.locator('.term-table tbody td.col-score');
    const shown = await scores.allTextContents();
    expect(shown.length).toBe(await rows.count());
    // The extractor's scores ascending, then the terms the user added or edited.
    const numbers = shown.filter((s) => s !== 'yours').map(Number);
    expect(numbers.length).toBeGreaterThan(2);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(shown.slice(numbers.length).every((s) => s === 'yours')).toBe(true);
    await page.screenshot({ path: join(shots, 'terms-weakest-desktop-light.png') });
    await page.selectOption('select[aria-label=Order]', 'count');
    await expect.poll(() => scores.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('shows the reviews on Stats, also when opened by a plain path', async () => {
    await page.goto(`${server.url}/stats`);
    expect(new URL(page.url()).hash).toBe('#/stats');
    await page.locator('[data-testid=today-reviews]').waitFor();
    expect(await page.locator('[data-testid=today-reviews]').textContent()).toBe('9');
    expect(await page.locator('.heatmap rect').count()).toBe(365);
    expect(await page.locator('.heatmap rect.l0').count()).toBe(364);
    expect(await page.locator('.bars-forecast svg rect').count()).toBe(30);
    // What is sticking: a row per kind of card, the answers given today counted under their kinds.
    const kinds = (await api<StatsResponse>('/api/stats')).byKind;
    const rows = page.locator('.kind-table tbody tr');
    expect(await rows.count()).toBe(kinds.length);
    expect(await rows.locator('th').allTextContents()).toContain('Term 中 → EN');
    const answersColumn = await rows.locator('td:nth-of-type(4)').allTextContents();
    expect(answersColumn.reduce((n, x) => n + Number(x), 0)).toBe(9);
    // And a row per text, its reviews and retention as the API gives them.
    const texts = (await api<StatsResponse>('/api/stats')).sources;
    const textRows = page.locator('.text-table tbody tr');
    expect(await textRows.count()).toBe(texts.length);
    expect(await textRows.locator('th').allTextContents()).toEqual(texts.map((x) => x.title));
    expect((await textRows.locator('td:nth-of-type(2)').allTextContents()).map(Number)).toEqual(texts.map((x) => x.reviewAnswers));
  });

  it('records an answer once when its response was lost and the user rates again', async () => {
    const before = (await api<StatsResponse>('/api/stats')).today.reviews;
    await go('#/drill');
    await page.locator('[data-testid=prompt]').waitFor();
    let lost = 0;
    await page.route('**/api/drill/answer', async (route) => {
      if (lost++ === 0) {
        await route.fetch(); // the server records it…
        return route.abort('connectionreset'); // …but the browser never hears back
      }
      return route.continue();
    });
    await page.keyboard.press('Enter');
    await page.locator('.ratings').waitFor();
    await page.keyboard.press('3');
    await page.locator('.error').waitFor();
    expect(await page.locator('.error').textContent()).toMatch(/Cannot reach/);
    await page.keyboard.press('3');
    await expect.poll(() => page.locator('.session-count').textContent()).toBe('1 done');
    // Same review id: the server answers "duplicate", not a conflict about a second answer.
    expect(await page.locator('.notice').count()).toBe(0);
    await page.unroute('**/api/drill/answer');
    expect((await api<StatsResponse>('/api/stats')).today.reviews).toBe(before + 1);
    // The browser logs the aborted request; nothing else may fail.
    pageErrors.length = 0;
  });

  it('reads a source side by side from Today: each term marked in both languages, lit together, a link to the term', async () => {
    await go('');
    await page.click('a.source-title:has-text("Cyber ecosystem governance")');
    await page.locator('.reader').waitFor();
    expect(await page.locator('main h1').textContent()).toBe('Cyber ecosystem governance');
    expect(await page.locator('.reader .pair').count()).toBeGreaterThanOrEqual(9);
    // Pointing at 网络生态治理 in the Chinese lights its rendering in the English of the same pair.
    const zhMark = page.locator('.reader p[lang=zh-CN] a.term-mark', { hasText: /^网络生态治理$/ }).first();
    await zhMark.hover();
    const lit = page.locator('.reader p[lang=en] .term-mark.lit');
    await expect.poll(() => lit.count()).toBe(1);
    // The span aligned with that occurrence, as the server stored it (the term's rendering may have been edited since).
    const term = (await api<TermsResponse>('/api/terms?q=' + encodeURIComponent('网络生态治理'))).terms[0]!;
    const sourceId = Number(page.url().split('/').pop());
    const detail = await api<SourceDetailResponse>(`/api/sources/${sourceId}`);
    const first = detail.sentences.flatMap((x) => x.marks.filter((m) => m.termId === term.id).map((m) => x.en.slice(m.enStart!, m.enEnd!)))[0];
    expect(await lit.textContent()).toBe(first);
    expect(first!.toLowerCase()).toMatch(/governance/);
    // Terms drilled already are coloured apart from new ones.
    expect(await page.locator('.reader a.term-mark.progress-new').count()).toBeGreaterThan(0);
    expect(await page.locator('.reader a.term-mark:not(.progress-new)').count()).toBeGreaterThan(0);
    // Selecting words in the Chinese, then their rendering in the English of the same pair, adds
    // them as a term (here words inside a longer term's mark: 正能量 of 正能量传播者).
    const select = (lang: string, words: string) =>
      page.evaluate(
        ([lang, words]) => {
          const p = [...document.querySelectorAll(`.reader p[lang=${lang}]`)].find((x) => x.textContent!.includes(words))!;
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          const from = p.textContent!.indexOf(words);
          const range = document.createRange();
          for (let seen = 0, node = walker.nextNode(); node; seen += node.textContent!.length, node = walker.nextNode()) {
            const len = node.textContent!.length;
            if (from >= seen && from < seen + len) range.setStart(node, from - seen);
            if (from + words.length > seen && from + words.length <= seen + len) range.setEnd(node, from + words.length - seen);
          }
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        },
        [lang, words],
      );
    await select('zh-CN', '正能量');
    const bar = page.locator('form.pick-bar');
    await bar.waitFor();
    expect(await bar.locator('input[name=zh]').inputValue()).toBe('正能量');
    await select('en', 'positive energy');
    await expect.poll(() => bar.locator('input[name=en]').inputValue()).toBe('positive energy');
    await page.screenshot({ path: join(shots, 'source-pick-term-desktop-light.png') });
    await bar.locator('button:has-text("Add term")').click();
    await expect.poll(() => page.locator('.pick-bar[role=status]').textContent()).toMatch(/Added 正能量 → positive energy: found in \d+ places? of your texts/);
    await expect.poll(() => page.locator('.reader p[lang=en] a.term-mark', { hasText: /^positive energy$/ }).count()).toBeGreaterThan(0);
    await page.locator('.reader li.pair', { hasText: '正能量传播者' }).first().screenshot({ path: join(shots, 'source-nested-term-desktop-light.png') });

    // A misaligned pair is fixed by merging it with the next one, after a yes.
    const pairs = page.locator('.reader li.pair');
    const count = await pairs.count();
    const [zh1, zh2] = [await pairs.nth(3).locator('p[lang=zh-CN]').textContent(), await pairs.nth(4).locator('p[lang=zh-CN]').textContent()];
    await pairs.nth(3).hover();
    await pairs.nth(3).locator('button:has-text("Merge with the next pair")').click();
    await pairs.nth(3).locator('.pair-tools.open').waitFor();
    await page.screenshot({ path: join(shots, 'source-merge-desktop-light.png') });
    await pairs.nth(3).locator('.pair-tools button:has-text("Merge")').click();
    await expect.poll(() => pairs.count()).toBe(count - 1);
    expect(await pairs.nth(3).locator('p[lang=zh-CN]').textContent()).toBe(zh1! + zh2!);

    // And cut in two again where its second sentence begins (the form proposes the first boundary).
    await pairs.nth(3).hover();
    await pairs.nth(3).locator('button:has-text("Split…")').click();
    const form = pairs.nth(3).locator('form.split-form');
    await form.waitFor();
    await page.screenshot({ path: join(shots, 'source-split-desktop-light.png') });
    await form.locator('button:has-text("Split")').click();
    await expect.poll(() => pairs.count()).toBe(count);
    expect([await pairs.nth(3).locator('p[lang=zh-CN]').textContent(), await pairs.nth(4).locator('p[lang=zh-CN]').textContent()]).toEqual([zh1, zh2]);

    // A pair's text corrected by hand (a better reference translation): saved, its terms marked again.
    const fourth = pairs.nth(3);
    const oldEn = (await fourth.locator('p[lang=en]').textContent())!;
    await fourth.hover();
    await fourth.locator('button:has-text("Edit…")').click();
    const textForm = fourth.locator('form.text-form');
    await textForm.waitFor();
    expect(await textForm.locator('textarea[name=en]').inputValue()).toBe(oldEn);
    await textForm.locator('textarea[name=en]').fill(`${oldEn} (revised)`);
    await page.screenshot({ path: join(shots, 'source-edit-pair-desktop-light.png') });
    await textForm.locator('textarea[name=en]').press('Control+Enter');
    await expect.poll(() => fourth.locator('p[lang=en]').textContent()).toBe(`${oldEn} (revised)`);
    expect(await fourth.locator('p[lang=zh-CN] a.term-mark').count()).toBeGreaterThan(0);

    // Its sentence pairs download as a translation memory.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.export-links a:has-text("TMX")')]);
    expect(download.suggestedFilename()).toBe('Cyber-ecosystem-governance.tmx');

    // Its terms, as a list of their own: the text's glossary.
    await page.click('a:has-text("the list")');
    await page.locator('.term-table').waitFor();
    expect(await page.locator('.filter-note').textContent()).toMatch(/The terms of Cyber ecosystem governance, its glossary/);
    const listed = await page.locator('.term-table tbody tr').count();
    expect(listed).toBeGreaterThan(20);
    await page.goBack();
    await page.locator('.reader').waitFor();

    // Its new cards can jump the queue.
    await page.click('button:has-text("new cards next")');
    await expect.poll(() => page.locator('.source-actions [role=status]').textContent()).toMatch(/^\d+ new cards of this text now come first in the drill/);

    // Its terms not yet started can be marked known at once (kept, marked, not drilled), and taken back.
    const know = page.locator('button:has-text("I know its")');
    const unstarted = Number(/(\d+)/.exec((await know.textContent())!)![1]);
    expect(unstarted).toBeGreaterThan(10);
    await know.click();
    const knownNote = page.locator('.source-actions [role=status]', { hasText: 'marked known' });
    await expect.poll(() => knownNote.textContent()).toMatch(new RegExp(`^${unstarted} terms marked known`));
    await expect.poll(() => page.locator('.reader .term-mark.progress-known').count()).toBeGreaterThan(0);
    expect((await api<TermsResponse>('/api/terms?status=known')).total).toBe(unstarted);
    await page.screenshot({ path: join(shots, 'source-known-desktop-light.png') });
    await knownNote.locator('button:has-text("Undo")').click();
    await expect.poll(async () => (await api<TermsResponse>('/api/terms?status=known')).total).toBe(0);
    await expect.poll(() => page.locator('.reader .term-mark.progress-known').count()).toBe(0);

    // Any words, searched in every text's sentence pairs, open the text at the pair.
    await go('#/terms?q=' + encodeURIComponent('网络生态治理'));
    await page.click('a:has-text("in the sentence pairs of your texts")');
    await page.locator('section.search .concordance li').first().waitFor();
    expect(await page.locator('section.search .concordance li').count()).toBeGreaterThan(3);
    expect(await page.locator('section.search .concordance li mark').first().textContent()).toBe('网络生态治理');
    await page.locator('section.search .concordance li').nth(2).locator('a').click();
    await page.locator('.reader li.pair.target').waitFor();
    expect(await page.locator('.reader li.pair.target p[lang=zh-CN]').textContent()).toContain('网络生态治理');
    await page.goBack();
    await page.goBack();
    await page.goBack();
    await page.locator('.reader').waitFor();

    // By keyboard: Tab reaches the marks, Enter opens the term.
    await zhMark.focus();
    await page.keyboard.press('Enter');
    await page.locator('.concordance').waitFor();
    expect(page.url()).toContain(`#/terms/${term.id}`);
    // A concordance line's source opens the text at that sentence pair.
    await page.locator('.concordance li').nth(1).locator('a').click();
    const target = page.locator('.reader li.pair.target');
    await target.waitFor();
    expect(await target.locator('p[lang=zh-CN]').textContent()).toContain('网络生态治理');
    expect(await target.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('renders every page in light and dark, desktop and phone width', async () => {
    const firstTerm = (await api<TermsResponse>('/api/terms?q=' + encodeURIComponent('网络生态治理'))).terms[0]!;
    const pages: [string, string, string][] = [
      ['term', `#/terms/${firstTerm.id}`, '.concordance'],
      ['today', '', '.tiles'],
      ['drill', '#/drill', '.prompt'],
      ['terms', '#/terms', '.term-table'],
      ['import', '#/import', 'textarea'],
      ['stats', '#/stats', '.heatmap'],
      ['settings', '#/settings', '.settings-form'],
      ['suspended', '#/suspended', 'section.suspended h1'],
      ['search', '#/search?q=' + encodeURIComponent('网络'), 'section.search .concordance'],
      ['source', `#/sources/${(await api<{ sources: SourceSummary[] }>('/api/sources')).sources.find((x) => x.title === 'Cyber ecosystem governance')!.id}`, '.reader'],
    ];
    for (const [w, h, size] of [
      [1280, 860, 'desktop'],
      [360, 740, 'phone'],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const [name, hash, ready] of pages) {
          await go(hash);
          await page.locator(ready).first().waitFor();
          if (name === 'drill') {
            await page.keyboard.type(scheme === 'light' ? 'cyber' : '');
            await page.keyboard.press('Enter');
            await page.locator('.ratings').waitFor();
          }
          // Nothing may overflow the phone's width except the scrollable charts and tables.
          if (size === 'phone') expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
          await page.screenshot({ path: join(shots, `${name}-${size}-${scheme}.png`), fullPage: true });
        }
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(pageErrors).toEqual([]);
  });

  it('saves settings', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await go('#/settings');
    const perDay = page.locator('label:has-text("New cards per day") input');
    await perDay.fill('35');
    await page.click('.settings-form button[type=submit]');
    await page.locator('.settings-form .saved').waitFor();
    expect((await api<{ newCardsPerDay: number }>('/api/settings')).newCardsPerDay).toBe(35);
    // Optimizing the scheduler's parameters needs a history this test has not built: it says so.
    expect(await page.locator('.parameters p').first().textContent()).toMatch(/default parameters/);
    await page.click('button:has-text("Optimize from my reviews")');
    await expect.poll(() => page.locator('.parameters [role=alert]').textContent()).toMatch(/not enough reviews to optimize: \d+ of the 400 needed/);
    pageErrors.length = 0; // the browser logs the expected 422

    // The whole database downloads as one file, a copy that opens with the sources in it.
    await page.locator('.backups p').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a:has-text("Download a backup now")')]);
    expect(download.suggestedFilename()).toBe('duizhao-20261128-090000.db');
    const saved = join(server.dir, 'downloaded.db');
    await download.saveAs(saved);
    const copy = new Database(saved, { readonly: true });
    try {
      const titles = (copy.prepare('SELECT title FROM sources').all() as { title: string }[]).map((r) => r.title);
      expect(titles).toContain('Cyber ecosystem governance');
    } finally {
      copy.close();
    }
  });

  it('shows what a new desired retention would move once it is saved, and reschedules the cards in review to it', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await go('#/settings');
    const section = page.locator('section.reschedule');
    expect(await section.locator('h2').textContent()).toBe('Due dates');
    expect(await section.locator('[data-testid=reschedule-summary]').count()).toBe(0);
    await page.locator('.settings-form input[type=range]').fill('0.8');
    await page.click('.settings-form button[type=submit]');
    await page.locator('.settings-form .saved').waitFor();
    expect((await api<{ desiredRetention: number }>('/api/settings')).desiredRetention).toBe(0.8);
    // The preview comes by itself, its figures the server's.
    const summary = section.locator('[data-testid=reschedule-summary]');
    await summary.waitFor();
    type Figures = { cards: number; moved: number; due: { days: number; before: number; after: number }[] };
    const figures = await api<Figures>('/api/settings/reschedule');
    expect(figures.cards).toBeGreaterThan(0);
    const rows = async () =>
      section.locator('.due-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))));
    expect(figures.due.map((d) => d.days)).toEqual([1, 7, 30]);
    expect(await section.locator('.due-table tbody th').allTextContents()).toEqual(['By the end of today', 'Within 7 days', 'Within 30 days']);
    const apply = section.locator('button:has-text("Reschedule")');
    if (figures.moved === 0) {
      expect(await summary.textContent()).toMatch(/already follows the settings in use/);
      expect(await rows()).toEqual(figures.due.map((d) => [d.before]));
      expect(await apply.count()).toBe(0);
    } else {
      expect(await summary.textContent()).toBe(`${figures.moved} card${figures.moved === 1 ? '' : 's'} in review of ${figures.cards} studied would move.`);
      expect(await rows()).toEqual(figures.due.map((d) => [d.before, d.after]));
      await page.screenshot({ path: join(shots, 'settings-reschedule-desktop-light.png'), fullPage: true });
      await page.setViewportSize({ width: 360, height: 740 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: join(shots, 'settings-reschedule-phone-light.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 860 });
      expect(await apply.textContent()).toBe(`Reschedule ${figures.moved} card${figures.moved === 1 ? '' : 's'}`);
      await apply.click();
      await expect.poll(() => section.locator('[role=status]').textContent()).toBe(`${figures.moved} card${figures.moved === 1 ? '' : 's'} rescheduled.`);
      expect((await api<Figures>('/api/settings/reschedule')).moved).toBe(0);
      expect(await rows()).toEqual(figures.due.map((d) => [d.before, d.after]));
      await page.emulateMedia({ colorScheme: 'dark' });
      await section.screenshot({ path: join(shots, 'settings-rescheduled-desktop-dark.png') });
      await page.emulateMedia({ colorScheme: 'light' });
    }
    // Back to 90%, and the cards back to their due dates (the replay is deterministic), for the tests that follow.
    expect((await page.request.put(server.url + '/api/settings', { data: { desiredRetention: 0.9 } })).ok()).toBe(true);
    const back = await page.request.post(server.url + '/api/settings/reschedule');
    expect(back.ok()).toBe(true);
    const restored = (await back.json()) as Figures;
    expect(restored.moved).toBe(figures.moved);
    expect(restored.due.map((d) => d.after)).toEqual(figures.due.map((d) => d.before));
    expect(pageErrors).toEqual([]);
  });

  it('restores a backup from Settings after asking, Escape leaving everything as it is, and keeps what was there as a backup', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    // The server makes its daily backup at start, when the database was still empty: this one is
    // made by the CLI, as a user would, of the state the later tests expect.
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'backup'], {
      cwd: root,
      env: { ...process.env, DUIZHAO_DB: join(server.dir, 'e2e.db'), DUIZHAO_NOW: NOW, DUIZHAO_SEED: 'off' },
      encoding: 'utf8',
    });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const taken = 'duizhao-20261128-090000.db';
    const state = async () => ({
      settings: await api<Settings>('/api/settings'),
      sources: await api<{ sources: SourceSummary[] }>('/api/sources'),
      terms: (await api<TermsResponse>('/api/terms?status=all&limit=1')).total,
      stats: await api<StatsResponse>('/api/stats'),
    });
    const before = await state();
    const file = new Database(join(server.dir, 'backups', taken), { readonly: true });
    const n = (table: string) => (file.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const counts = { sources: n('sources'), terms: n('terms'), cards: n('cards'), reviews: n('reviews') };
    file.close();
    expect(counts.sources).toBe(before.sources.sources.length);
    expect(counts.terms).toBe(before.terms);

    // Changes made after the backup: another daily limit, a term added by hand.
    expect((await page.request.put(server.url + '/api/settings', { data: { newCardsPerDay: 7 } })).ok()).toBe(true);
    expect((await page.request.post(server.url + '/api/terms', { data: { zh: '数字孪生', en: 'digital twin' } })).ok()).toBe(true);
    const added = async () => (await api<TermsResponse>('/api/terms?q=' + encodeURIComponent('数字孪生'))).total;
    expect(await added()).toBe(1);

    // Loaded afresh: the page may still be the Settings opened before the backup and the changes.
    await go('#/settings');
    await page.reload();
    const section = page.locator('section.backups');
    const items = section.locator('.backup-list li');
    await items.first().waitFor();
    expect(await items.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.name))).toEqual([taken]);
    expect(await items.first().locator('.backup-moment').textContent()).toBe('2026-11-28 09:00 UTC');
    expect(await items.first().textContent()).toMatch(/\d+ (KB|MB)/);
    expect(await page.inputValue('label:has-text("New cards per day") input')).toBe('7');

    // Asked first; Escape cancels, the focus back on the button, nothing restored.
    const restoreButton = items.first().locator('button:has-text("Restore…")');
    await restoreButton.click();
    const dialog = page.locator('dialog.confirm');
    await dialog.waitFor();
    expect(await dialog.locator('h2').textContent()).toBe('Put back the backup of 2026-11-28 09:00 UTC?');
    expect(await dialog.locator('p').textContent()).toBe(
      "Everything studied, imported or changed since then is replaced by the backup's content. What duizhao holds now is kept as a backup first, so you can come back to it.",
    );
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.screenshot({ path: join(shots, 'settings-restore-desktop-light.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Restore…');
    expect((await api<Settings>('/api/settings')).newCardsPerDay).toBe(7);
    expect(await added()).toBe(1);
    expect(await items.count()).toBe(1);

    // Restored: the changes gone, everything else as it was when the backup was taken.
    await restoreButton.click();
    await dialog.locator('button:has-text("Restore this backup")').click();
    const notice = section.locator('[role=status]');
    await notice.waitFor();
    const kept = 'duizhao-20261128-090001.db';
    const pl = (k: number, one: string) => `${k} ${one}${k === 1 ? '' : 's'}`;
    expect(await notice.textContent()).toBe(
      `Restored the backup of 2026-11-28 09:00:00 UTC: ${pl(counts.sources, 'source')}, ${pl(counts.terms, 'term')}, ${pl(counts.cards, 'card')}, ${pl(counts.reviews, 'review')}. ` +
        `What was there before is kept as ${kept}. Every page shows the restored content now; reload any other tab open on duizhao.`,
    );
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await added()).toBe(0);
    expect(await state()).toEqual(before);
    // The form shows the restored settings, not those it was opened with.
    await expect.poll(() => page.inputValue('label:has-text("New cards per day") input')).toBe(String(before.settings.newCardsPerDay));
    // What was there before the restore heads the list: restoring it would undo this one.
    await expect.poll(() => items.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.name))).toEqual([kept, taken]);
    expect(await items.locator('.backup-moment').allTextContents()).toEqual(['2026-11-28 09:00:01 UTC', '2026-11-28 09:00:00 UTC']);
    expect(await items.first().textContent()).toMatch(/what was there before the restore/);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await section.screenshot({ path: join(shots, 'settings-backups-phone-light.png') });
    await page.setViewportSize({ width: 1280, height: 860 });
    expect(pageErrors).toEqual([]);
  });

  it('lists every keyboard shortcut on ?, and keeps the drill’s keys from acting under the list', async () => {
    await go('');
    await page.locator('.tiles').waitFor();
    await page.keyboard.press('?');
    const list = page.locator('dialog.shortcuts');
    await list.waitFor();
    expect(await list.locator('h2').textContent()).toBe('Keyboard shortcuts');
    expect(await list.locator('h3').allTextContents()).toEqual(['Drill', 'A text, side by side', 'Terms', 'Everywhere']);
    await page.screenshot({ path: join(shots, 'shortcuts-desktop-light.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => list.count()).toBe(0);

    // In the drill, out of the answer box: the list opens, and a rating key pressed there rates nothing.
    await go('#/drill');
    await page.locator('[data-testid=prompt]').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.ratings').waitFor();
    const before = (await api<StatsResponse>('/api/stats')).today.reviews;
    await page.keyboard.press('?');
    await list.waitFor();
    await page.keyboard.press('3');
    await page.keyboard.press('Escape');
    await expect.poll(() => list.count()).toBe(0);
    expect((await api<StatsResponse>('/api/stats')).today.reviews).toBe(before);
    expect(await page.locator('.ratings').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('remembers the theme toggle over the system preference', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.emulateMedia({ colorScheme: 'light' });
    await go('#/stats');
    await page.click('.theme-toggle');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(21, 20, 19)');
    await page.click('.theme-toggle');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });

  it('ends the session with a summary, and charts the reviews of later days', async () => {
    // A deck of its own, small enough to finish: Easy takes every new card out of today.
    let small = await startServer(NOW, { keep: true });
    const dir = small.dir;
    try {
      const res = await page.request.post(small.url + '/api/sources', {
        data: { title: 'Three pairs', text: '人类命运共同体\ta community with a shared future for mankind\n要坚持共商共建共享的全球治理观。\tWe must uphold extensive consultation, joint contribution and shared benefits in global governance.\n' },
      });
      expect(res.status()).toBe(201);
      await page.setViewportSize({ width: 1280, height: 860 });
      await page.goto(small.url + '/#/drill');
      const drillAll = async (keys: string[]) => {
        let answered = 0;
        for (; answered < 30; answered++) {
          await page.locator('[data-testid=prompt], .drill-end').first().waitFor();
          if (await page.locator('.drill-end').count()) break;
          await page.keyboard.press('Enter');
          await page.locator('.ratings').waitFor();
          await page.keyboard.press(keys[answered % keys.length]!);
          await expect.poll(() => page.locator('.session-count, .drill-end h1').first().textContent()).toMatch(new RegExp(`^${answered + 1} done$|Session complete`));
        }
        return answered;
      };
      const answered = await drillAll(['4']);
      expect(answered).toBeGreaterThan(1);
      expect(await page.locator('.drill-end h1').textContent()).toBe('Session complete');
      const summary = Object.fromEntries(
        await page.locator('.summary > div').evaluateAll((divs) => divs.map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent])),
      );
      expect(summary).toMatchObject({ Cards: String(answered), Again: '0', Recalled: '100%' });
      await page.screenshot({ path: join(shots, 'drill-summary-desktop-light.png'), fullPage: true });

      // U still takes back the last answer from the summary; answer it again.
      await page.keyboard.press('u');
      await page.locator('[data-testid=prompt]').waitFor();
      expect(await page.locator('.session-count').textContent()).toBe(`${answered - 1} done`);
      await drillAll(['4']);
      await small.stop();

      // A month later the cards are due as reviews (Again would bring a card back at the same fixed
      // instant, which the server rightly refuses to record twice; so would Good on a new card):
      // pass them with Easy, and see them on Stats.
      small = await startServer('2026-12-28T09:00:00Z', { dir, keep: true });
      await page.goto(small.url + '/#/drill');
      const reviewed = await drillAll(['4']);
      expect(reviewed).toBeGreaterThan(1);
      await page.goto(small.url + '/#/stats');
      await page.locator('.heatmap').waitFor();
      expect(await page.locator('.heatmap rect:not(.l0)').count()).toBe(2);
      expect(await page.locator('svg.retention').count()).toBe(2);
      expect(await page.locator('svg.retention circle').count()).toBe(2);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: join(shots, `stats-with-history-desktop-${scheme}.png`), fullPage: true });
      }
      await page.emulateMedia({ colorScheme: 'light' });
      expect(pageErrors).toEqual([]);
    } finally {
      await small.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('offers to review ahead when nothing is due, and then serves the cards due in the next days', async () => {
    let small = await startServer(NOW, { keep: true });
    const dir = small.dir;
    try {
      const res = await page.request.post(small.url + '/api/sources', {
        data: { title: 'Two pairs', text: '人类命运共同体\ta community with a shared future for mankind\n要坚持共商共建共享的全球治理观。\tWe must uphold extensive consultation, joint contribution and shared benefits in global governance.\n' },
      });
      expect(res.status()).toBe(201);
      // Every card served today, passed with Easy: reviews days away.
      for (let i = 0; i < 50; i++) {
        const next = (await (await page.request.get(small.url + '/api/drill/next')).json()) as { card: { id: number; reps: number } | null };
        if (!next.card) break;
        const answered = await page.request.post(small.url + '/api/drill/answer', { data: { cardId: next.card.id, rating: 4, reviewId: crypto.randomUUID(), reps: next.card.reps } });
        expect(answered.ok(), await answered.text()).toBe(true);
      }
      // No new cards on the later day: answering one would bury its siblings due ahead for that day.
      expect((await page.request.put(small.url + '/api/settings', { data: { newCardsPerDay: 0 } })).ok()).toBe(true);
      await small.stop();
      const db = new Database(join(dir, 'e2e.db'), { readonly: true });
      const firstDue = db.prepare('SELECT min(due) FROM cards WHERE state = 2').pluck().get() as number;
      db.close();

      // Two days before the first of them falls due, with nothing else left, the drill's end offers
      // to review ahead, and the drill then serves the cards due in the next days.
      small = await startServer(new Date(firstDue - 2 * 86_400_000).toISOString(), { dir, keep: true });
      await page.setViewportSize({ width: 1280, height: 860 });
      await page.goto(small.url + '/#/drill');
      const offer = page.locator('.learn-more a:has-text("Review ahead")');
      await offer.waitFor();
      expect(await page.locator('.learn-more').last().textContent()).toMatch(/^\d+ reviews? of your cards falls? due in the next 7 days/);
      // The day's limit holds the new cards back: that offer comes first (Enter), this one beside it.
      expect(await page.locator('.learn-more').first().textContent()).toMatch(/^Today's new-card limit is reached/);
      await page.screenshot({ path: join(shots, 'drill-review-ahead-desktop-light.png') });
      await offer.click();
      await page.locator('[data-testid=prompt]').waitFor();
      expect(page.url()).toContain('#/drill?ahead=7');
      expect(await page.locator('.focus-bar').textContent()).toMatch(/^Reviewing ahead: cards due in the next 7 days/);
      await page.keyboard.press('Enter');
      await page.locator('.ratings').waitFor();
      await page.keyboard.press('3');
      await expect.poll(() => page.locator('.session-count, .drill-end h1').first().textContent()).toMatch(/^1 done$|Session complete/);
      expect(pageErrors).toEqual([]);
    } finally {
      await small.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('studies one text alone, from its page and from Today, then all texts again', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    const settings = await api<{ newCardsPerDay: number }>('/api/settings');
    // Today's new-card limit just reached: the text's drill has nothing to serve but offers more.
    const doneToday = (await api<StatsResponse>('/api/stats')).today.newCards;
    expect((await page.request.put(server.url + '/api/settings', { data: { newCardsPerDay: doneToday } })).ok()).toBe(true);
    const source = (await api<StatsResponse>('/api/stats')).sources.find((x) => x.title === 'global-governance')!;
    expect(source.counts).toEqual({ new: 0, learning: 0, review: 0 });
    await go(`#/sources/${source.id}`);
    await page.click('a:has-text("Study this text")');
    await page.locator('.drill-end .learn-more').waitFor();
    expect(await page.locator('.drill-end h1').textContent()).toBe('Nothing of this text due right now');
    expect(await page.locator('.learn-more').textContent()).toMatch(/^Today's new-card limit is reached; \d+ new cards? waits? in this text\./);
    await page.screenshot({ path: join(shots, 'drill-focused-limit-desktop-light.png') });
    // Keyboard first: Enter takes ten more.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Learn 10 more today');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=prompt]').waitFor();
    expect((await api<StatsResponse>('/api/stats')).sources.find((x) => x.id === source.id)!.counts.new).toBeGreaterThan(0);
    // Room for every new card of the text today, whatever the earlier tests used.
    expect((await page.request.put(server.url + '/api/settings', { data: { newCardsPerDay: 500 } })).ok()).toBe(true);
    // What a card of this text may show: its sentences, and its terms in either language (a
    // termbase's term found in it among them).
    const { terms } = await api<TermsResponse>(`/api/terms?source=${source.id}&limit=500`);
    const texts = [
      ...(await api<SourceDetailResponse>(`/api/sources/${source.id}`)).sentences.flatMap((x) => [x.zh, x.en]),
      ...terms.flatMap((t) => [t.zh, t.en, ...t.variants]),
    ];

    expect(await page.locator('.focus-bar').textContent()).toBe('Only global-governance · Study all texts');

    await go('');
    const link = page.locator('.sources li', { hasText: 'global-governance' }).locator('a.study-link');
    expect(await link.textContent()).toMatch(/^Study · (.+ · )?\d+ new$/);
    await page.locator('.sources').screenshot({ path: join(shots, 'today-study-links-desktop-light.png') });
    await link.click();
    await page.locator('[data-testid=prompt]').waitFor();
    await page.screenshot({ path: join(shots, 'drill-focused-desktop-light.png') });
    // K: the card's term is one the user knows; it leaves the drill until taken back.
    const bar = (await page.locator('.drill-bar').textContent())!;
    if (/Term|Cloze/.test(bar)) {
      // The card shown: its kind and prompt (a pair of the text may hold the term alone).
      const shown = async () => `${await page.locator('.drill-bar').textContent()} ${await page.locator('[data-testid=prompt]').textContent()}`;
      const before = await shown();
      await page.keyboard.press('Escape');
      await page.keyboard.press('k');
      await expect.poll(() => page.locator('[role=status]').textContent()).toMatch(/marked known: its cards leave the drill/);
      expect(await shown()).not.toBe(before);
      expect((await api<TermsResponse>('/api/terms?status=known')).total).toBe(1);
      await page.click('[role=status] button:has-text("Drill it again")');
      await expect.poll(async () => (await api<TermsResponse>('/api/terms?status=known')).total).toBe(0);
      // The page has taken it back too (the button is gone): an Enter pressed while the button still
      // held the focus would press it again rather than check the answer.
      await expect.poll(() => page.locator('[role=status]').textContent()).toMatch(/is drilled again/);
    }
    let answered = 0;
    let fixLinks = 0;
    for (; answered < 100 && (await page.locator('[data-testid=prompt]').count()) > 0; answered++) {
      const prompt = (await page.locator('[data-testid=prompt]').textContent())!.trim();
      // A cloze blanks its term: the text around the blank is the text's.
      for (const piece of prompt.split('____').map((x) => x.trim()).filter(Boolean)) expect(texts.some((x) => x.includes(piece)), piece).toBe(true);
      await page.keyboard.press('Enter');
      await page.locator('.ratings').waitFor();
      // A sentence or a cloze links to its pair in the text, to fix a wrong reference there.
      const fix = page.locator('a:has-text("Fix the pair in its text")');
      if (await fix.count()) {
        expect(await fix.getAttribute('href')).toMatch(new RegExp(`^#/sources/${source.id}\\?at=\\d+$`));
        fixLinks++;
      }
      await page.keyboard.press('4');
      await expect.poll(() => page.locator('.session-count, .summary').first().textContent()).not.toBe(`${answered} done`);
    }
    // One card of each sentence pair and each term: their siblings wait for tomorrow.
    expect(answered).toBeGreaterThanOrEqual(3);
    expect(fixLinks).toBeGreaterThan(0);
    expect(await page.locator('.drill-end h1').textContent()).toBe('Session complete');
    expect(await page.locator('.drill-end .focus-bar').count()).toBe(1);
    expect((await api<StatsResponse>('/api/stats')).sources.find((x) => x.id === source.id)!.counts).toEqual({ new: 0, learning: 0, review: 0 });
    await page.screenshot({ path: join(shots, 'drill-focused-end-desktop-light.png') });

    // The other texts' cards were waiting all along.
    await page.click('.drill-end a.button:has-text("Study all texts")');
    await page.locator('[data-testid=prompt]').waitFor();
    expect(await page.locator('.focus-bar').count()).toBe(0);
    expect((await page.request.put(server.url + '/api/settings', { data: { newCardsPerDay: settings.newCardsPerDay } })).ok()).toBe(true);

    // A term drilled here lists the answers given to it on its page, newest first.
    const drilled = terms.find((x) => x.zh === '人类命运共同体')!;
    const { history } = await api<TermDetailResponse>(`/api/terms/${drilled.id}`);
    expect(history.length).toBeGreaterThan(0);
    await go(`#/terms/${drilled.id}`);
    const rows = page.locator('.history-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(history.length);
    expect(await rows.first().locator('td.rated').textContent()).toBe(['Again', 'Hard', 'Good', 'Easy'][history[0]!.rating - 1]);
    await page.screenshot({ path: join(shots, 'term-history-desktop-light.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('deletes a source after saying what goes, and keeps its answers in the statistics', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    const before = await api<StatsResponse>('/api/stats');
    await go('');
    await page.click('a.source-title:has-text("global-governance")');
    await page.locator('.reader').waitFor();
    await page.click('button:has-text("Delete this source")');
    const dialog = page.locator('dialog.confirm');
    await dialog.waitFor();
    expect(await dialog.locator('h2').textContent()).toBe('Delete “global-governance”?');
    // What would go is counted by the server after the dialog opens.
    await expect.poll(() => dialog.textContent()).toMatch(/Its 3 sentence pairs and their 6 cards/);
    await page.screenshot({ path: join(shots, 'source-delete-desktop-light.png') });
    // Escape cancels: nothing is deleted.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await api<{ sources: SourceSummary[] }>('/api/sources')).sources.map((x) => x.title)).toContain('global-governance');

    await page.click('button:has-text("Delete this source")');
    await dialog.locator('button:has-text("Delete")').click();
    await expect.poll(() => page.locator('[role=status]').textContent()).toMatch(/“global-governance” is deleted: 3 sentence pairs/);
    await page.click('a:has-text("Back to Today")');
    await page.locator('.tiles').waitFor();
    expect(await page.locator('.source-title').allTextContents()).not.toContain('global-governance');
    const after = await api<StatsResponse>('/api/stats');
    expect(after.today.reviews).toBe(before.today.reviews);
    expect(pageErrors).toEqual([]);
  });
  it('reads terms and sentences aloud first, their text hidden until asked for (interpreting practice)', async () => {
    // Cards to drill, whatever the earlier tests left.
    expect((await page.request.post(server.url + '/api/drill/extend', { data: { newCards: 30 } })).ok()).toBe(true);
    const listener = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
    const errors: string[] = [];
    listener.on('pageerror', (e) => errors.push(e.message));
    // The browser's speech engine is not ours: a stand-in with a Chinese and an English voice that
    // records what it is asked to say.
    await listener.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      const voices = [
        { lang: 'zh-CN', name: 'zh', default: true, localService: true, voiceURI: 'zh' },
        { lang: 'en-US', name: 'en', default: false, localService: true, voiceURI: 'en' },
      ];
      class Utterance {
        lang = '';
        voice: unknown = null;
        constructor(readonly text: string) {}
      }
      const w = window as unknown as Record<string, unknown>;
      w.spoken = spoken;
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
      Object.defineProperty(window, 'speechSynthesis', {
        configurable: true,
        value: { getVoices: () => voices, speak: (u: Utterance) => spoken.push({ text: u.text, lang: u.lang }), cancel: () => {}, addEventListener: () => {}, removeEventListener: () => {} },
      });
    });
    const spoken = () => listener.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken.slice());
    try {
      await listener.goto(`${server.url}/#/drill`);
      await listener.locator('[data-testid=prompt]').waitFor();
      await listener.keyboard.press('Escape');
      await listener.keyboard.press('l');
      // A cloze is read as it is shown; terms and sentences are heard first.
      for (let i = 0; i < 20 && /Cloze/.test((await listener.locator('.drill-bar').textContent())!); i++) {
        await listener.keyboard.press('Enter');
        await listener.locator('.ratings').waitFor();
        await listener.keyboard.press('4');
        await expect.poll(() => listener.locator('.session-count').textContent()).toBe(`${i + 1} done`);
        await listener.keyboard.press('Escape');
      }
      const hidden = listener.locator('[data-testid=prompt-hidden]');
      await hidden.waitFor();
      expect(await listener.locator('[data-testid=prompt]').count()).toBe(0);
      const heard = (await spoken()).at(-1)!;
      expect(heard.text.trim()).toBeTruthy();
      expect(heard.lang).toMatch(/^(zh-CN|en-US)$/);
      await listener.screenshot({ path: join(shots, 'drill-listening-desktop-light.png') });
      // R reads it again; T shows the text that was read.
      const before = (await spoken()).length;
      await listener.keyboard.press('r');
      await expect.poll(async () => (await spoken()).length).toBe(before + 1);
      await listener.keyboard.press('t');
      await listener.locator('[data-testid=prompt]').waitFor();
      expect((await listener.locator('[data-testid=prompt]').textContent())!.trim()).toBe(heard.text.trim());
      // Listening first stays on for the next card, until L turns it off.
      await listener.keyboard.press('Enter');
      await listener.locator('.ratings').waitFor();
      expect(await listener.locator('[data-testid=prompt]').count()).toBe(1);
      await listener.keyboard.press('l');
      await expect.poll(() => listener.locator('[role=status]').textContent()).toBe('Listening first is off.');
      expect(errors).toEqual([]);
    } finally {
      await listener.close();
    }
  });
});
