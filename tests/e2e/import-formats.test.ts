/**
 * Import through the real file input: a zipped Shapefile (GBK DBF, 4549 .prj) whose coordinate
 * system the user confirms; progress and cancel on a big file; a crashed import worker leaves the
 * loaded layers intact and says what happened. One page for the journey.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, waitIdle } from './browser.ts';
import { PRJ_4549, gbk, pointShapefile, zip } from '../unit/import/samples.ts';
import { lonLatToGk } from '../../src/lib/import/crs.ts';

type W = { __map: import('maplibre-gl').Map };
let browser: Browser;
let page: Page;
let close: () => Promise<void>;

beforeAll(async () => {
  browser = await launch();
  // no service worker: the crash case routes the worker's script, which a service worker would serve from its cache
  ({ page, close } = await openApp(browser, '?lang=zh', { serviceWorkers: 'block' }));
  await page.click('#tab-import');
}, 90_000);
afterAll(async () => {
  await close?.();
  await browser?.close();
});

const pick = (name: string, buffer: Buffer) => page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
const status = (testid: 'import-ok' | 'import-error', name: string) =>
  page.waitForFunction(([t, n]) => document.querySelector(`[data-testid=${t}]`)?.textContent?.includes(n) ?? false, [testid, name] as const, { timeout: 60_000, polling: 100 });
const sources = () => page.evaluate(() => Object.keys((window as unknown as W).__map.getStyle().sources).filter((s) => s.startsWith('user-')));

describe('import formats in the browser', () => {
  it('a zipped shapefile in CGCS2000 GK CM 120° E: the .prj is detected, confirmed, and the points land on the map', async () => {
    const LL: [number, number][] = [
      [120.5857, 29.9977],
      [120.58, 30.0],
    ];
    const { shp, shx, dbf } = pointShapefile(LL.map(([x, y]) => lonLatToGk(4549)(x, y)), ['NAME'], [['鲁迅故里'], ['名称']], gbk);
    await page.getByTestId('datum-wgs84').check();
    await pick('点位.zip', Buffer.from(zip({ '点位.shp': shp, '点位.shx': shx, '点位.dbf': dbf, '点位.prj': PRJ_4549 })));
    const q = page.getByTestId('crs-question');
    await q.waitFor({ timeout: 60_000 });
    expect(await q.textContent()).toContain('EPSG:4549');
    await page.getByTestId('crs-confirm').click();
    await status('import-ok', '点位.zip');
    expect(await page.getByTestId('import-ok').textContent()).toContain('GBK');
    expect(await sources()).toEqual(['user-1']);
    await waitIdle(page);
    const px = await page.evaluate(() => {
      const m = (window as unknown as W).__map;
      m.jumpTo({ center: [120.5857, 29.9977], zoom: 14 });
      return new Promise<number>((res) => m.once('idle', () => res(m.queryRenderedFeatures({ layers: ['user-1-circle'] }).length)));
    });
    expect(px).toBe(2);
    const name = await page.evaluate(() => {
      const m = (window as unknown as W).__map;
      return m.queryRenderedFeatures({ layers: ['user-1-circle'] }).map((f) => f.properties.NAME).sort();
    });
    expect(name).toEqual(['名称', '鲁迅故里']);
    // the layer list says where it came from
    expect(await page.locator('[data-user-layer=user-1] .meta').textContent()).toContain('EPSG:4549');
  }, 120_000);

  it('a big file shows progress and can be cancelled; nothing loaded is lost', async () => {
    const n = 80_000;
    const feats = new Array(n);
    for (let i = 0; i < n; i++) feats[i] = { type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [120.5 + (i % 400) / 2000, 29.95 + Math.floor(i / 400) / 3000] } };
    await pick('big.geojson', Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: feats })));
    await page.getByTestId('import-progress').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid=import-progress] progress').count()).toBe(1);
    await page.getByTestId('import-cancel').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=import-error]')?.getAttribute('data-kind') === 'cancelled', undefined, { timeout: 30_000 });
    expect(await page.getByTestId('import-progress').count()).toBe(0);
    expect(await sources()).toEqual(['user-1']);
  }, 120_000);

  it('a crashed import worker: the message says so, and the loaded layer is intact', async () => {
    await page.route(/\/assets\/worker-[^/]*\.js$/, (r) => r.fulfill({ contentType: 'text/javascript', body: 'throw new Error("simulated crash")' }));
    await page.getByTestId('datum-wgs84').check();
    await pick('crash.geojson', Buffer.from(JSON.stringify({ type: 'Point', coordinates: [120.58, 30] })));
    await status('import-error', 'crash.geojson');
    expect(await page.getByTestId('import-error').getAttribute('data-kind')).toBe('worker-failed');
    expect(await page.getByTestId('import-error').textContent()).toContain('已加载的图层不受影响');
    await page.unroute(/\/assets\/worker-[^/]*\.js$/);
    expect(await sources()).toEqual(['user-1']);
    await waitIdle(page);
    const still = await page.evaluate(() => (window as unknown as W).__map.queryRenderedFeatures({ layers: ['user-1-circle'] }).length);
    expect(still).toBe(2);
  }, 120_000);
});
