/**
 * A big import (30k points, sent from the import worker in pieces): the points are drawn under
 * the app's own Content Security Policy with no error, a click inspects one, the
 * attribute table filters and sorts in slices to the same rows as an oracle, and the layer comes
 * back after a reload (kept in IndexedDB in pieces). One page for the journey.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openApp, waitIdle } from './browser.ts';

type W = { __map: import('maplibre-gl').Map };
let browser: Browser;
let page: Page;
let errors: string[];
let close: () => Promise<void>;

const N = 30_000;
/** a 150 × 200 grid of points over the city centre; every 7th has an empty name */
const names = Array.from({ length: N }, (_, i) => (i % 7 === 3 ? '' : `站点${String((i * 7919) % N).padStart(5, '0')}`));
const at = (i: number): [number, number] => [120.52 + (i % 150) * 0.0008, 29.97 + Math.floor(i / 150) * 0.0004];
const file = () =>
  Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: names.map((name, i) => ({ type: 'Feature', properties: { name, i }, geometry: { type: 'Point', coordinates: at(i) } })) }));

beforeAll(async () => {
  browser = await launch();
  ({ page, errors, close } = await openApp(browser, '?lang=zh'));
  await page.click('#tab-import');
}, 90_000);
afterAll(async () => {
  await close?.();
  await browser?.close();
});

const drawn = () => page.evaluate(() => (window as unknown as W).__map.queryRenderedFeatures({ layers: ['user-1-circle'] }).length);

describe('a 30k-point import', () => {
  it('is drawn, with no error under the app’s own CSP, and a click inspects a point', async () => {
    await page.getByTestId('import-file').setInputFiles({ name: 'grid.geojson', mimeType: 'application/geo+json', buffer: file() });
    await page.getByTestId('import-ok').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('import-ok').textContent()).toContain('30000');
    await page.getByTestId('user-zoom-user-1').click();
    await page.waitForFunction(() => (window as unknown as W).__map.getZoom() > 12, undefined, { timeout: 30_000 });
    await waitIdle(page, 90_000);
    const n = await drawn();
    expect(n).toBeGreaterThan(N / 2);
    expect(errors).toEqual([]);
    // close in on the point with index 151 (second row, second column) and click it: its attributes open
    await page.evaluate((p) => (window as unknown as W).__map.jumpTo({ center: p as [number, number], zoom: 17 }), at(151));
    await waitIdle(page, 90_000);
    const xy = await page.evaluate((p) => (window as unknown as W).__map.project(p as [number, number]), at(151));
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + xy.x, box.y + xy.y);
    await page.getByTestId('inspect').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('inspect').textContent()).toContain(names[151]);
  }, 180_000);

  it('the attribute table filters and sorts 30k rows in slices, to the same rows as a plain sort', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('user-table-user-1').click();
    const table = page.getByTestId('attribute-table');
    await table.waitFor();
    expect(await table.getAttribute('data-rows')).toBe(String(N));
    const ready = () => page.waitForFunction(() => document.querySelector('[data-testid=attribute-table]')?.getAttribute('data-busy') === 'false', undefined, { timeout: 60_000 });
    await page.getByTestId('table-filter').fill('站点0');
    await expect.poll(() => table.getAttribute('data-rows'), { timeout: 60_000 }).toBe(String(names.filter((s) => s.includes('站点0')).length));
    await page.getByTestId('table-filter').fill('');
    await expect.poll(() => table.getAttribute('data-rows'), { timeout: 60_000 }).toBe(String(N));
    // descending by name: empty names last, ties in file order
    await page.getByTestId('table-sort-name').click();
    await page.getByTestId('table-sort-name').click();
    await ready();
    const coll = new Intl.Collator(['zh-CN', 'en'], { numeric: true });
    const order = names
      .map((_, i) => i)
      .sort((a, b) => (names[a] === '' || names[b] === '' ? (names[a] === '' && names[b] === '' ? a - b : names[a] === '' ? 1 : -1) : -coll.compare(names[a], names[b]) || a - b));
    await expect.poll(async () => Number(await page.getByTestId('table-row').first().getAttribute('data-row')), { timeout: 60_000 }).toBe(order[0]);
    expect(Number(await page.getByTestId('table-row').nth(1).getAttribute('data-row'))).toBe(order[1]);
    expect(await page.getByTestId('table-count').textContent()).toContain(`${N} / ${N}`);
    await page.getByTestId('table-close').click();
  }, 180_000);

  const totals = async () => {
    await page.click('#tab-stats');
    await page.getByTestId('stats').waitFor();
    await page.getByTestId('stats-pending').waitFor({ state: 'detached', timeout: 90_000 });
    const out = await page.locator('[data-testid^="stats-total-"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-testid')}=${e.textContent}`));
    await page.click('#tab-import');
    return out;
  };
  let before: string[] = [];

  it('comes back after a reload, all 30k points, drawn, and counted per area as the import worker counted them', async () => {
    before = await totals();
    expect(before.length).toBeGreaterThan(5);
    // the features are written in pieces once the layer appears: wait for the last piece
    await page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const r = indexedDB.open('yuecheng-workspace');
          r.onsuccess = () => {
            const g = r.result.transaction('kv').objectStore('kv').get('fc:user-1');
            g.onsuccess = () => resolve((g.result as { count?: number } | undefined)?.count === 30_000);
            g.onerror = () => resolve(false);
          };
          r.onerror = () => resolve(false);
        }),
      undefined,
      { timeout: 90_000, polling: 500 },
    );
    await page.reload();
    await waitIdle(page, 90_000);
    await page.click('#tab-import');
    await expect.poll(() => page.locator('[data-user-layer=user-1] .meta').textContent(), { timeout: 60_000 }).toContain('30000');
    await page.getByTestId('user-zoom-user-1').click();
    await waitIdle(page, 90_000);
    await expect.poll(drawn, { timeout: 60_000 }).toBeGreaterThan(N / 2);
    // a restored layer's features-in-area indices are computed again, in slices on the page: same totals
    expect(await totals()).toEqual(before);
  }, 240_000);

  it('a 1,000,000-row CSV is refused before parsing, says the limit and the way out; the tab lives and the layer stays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yc-1m-'));
    const path = join(dir, 'million.csv');
    const rows: string[] = ['lon,lat,id'];
    for (let i = 0; i < 1_000_000; i++) rows.push(`${(120.5 + (i % 1000) / 5000).toFixed(5)},${(29.95 + Math.floor(i / 1000) / 10000).toFixed(5)},${i}`);
    writeFileSync(path, rows.join('\n'));
    await page.click('#tab-import');
    await page.getByTestId('import-file').setInputFiles(path, { timeout: 120_000 });
    const err = page.getByTestId('import-error');
    await err.waitFor({ timeout: 120_000 });
    // (the browser reads the file from disk when the import worker asks for it: removed only now)
    rmSync(dir, { recursive: true, force: true });
    expect(await err.getAttribute('data-kind')).toBe('too-many-rows');
    const text = (await err.textContent()) ?? '';
    expect(text).toContain('1,000,000');
    expect(text).toContain('500,000');
    expect(text).toContain('拆分');
    // the page still answers and the loaded layer is untouched
    expect(await page.evaluate(() => Object.keys((window as unknown as W).__map.getStyle().sources).filter((s) => s.startsWith('user-')))).toEqual(['user-1']);
    await expect.poll(() => page.locator('[data-user-layer=user-1] .meta').textContent()).toContain('30000');
  }, 180_000);
});
