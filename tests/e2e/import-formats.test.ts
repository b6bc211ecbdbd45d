/**
 * Import through the real file input: a zipped Shapefile (GBK DBF, 4549 .prj) whose coordinate
 * system the user confirms; progress and cancel on a big file; a crashed import worker leaves the
 * loaded layers intact and says what happened; a workbook of several sheets asks which sheet to
 * import (in Chinese and in English, by keyboard and by mouse), and Cancel or Esc leave the loaded
 * layers as they were. One page for the journey.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, waitIdle } from './browser.ts';
import { PRJ_4549, gbk, pointShapefile, xlsx, zip } from '../unit/import/samples.ts';
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

  // three sheets: a notes page, points (lon/lat columns), lines (a WKT column)
  const BOOK = Buffer.from(
    xlsx({
      说明: [['本工作簿为测试数据']],
      点位: [
        ['名称', '经度', '纬度', '类型'],
        ['鲁迅故里', 120.5857, 29.9977, '景点'],
        ['城市广场', 120.58, 30.0, '广场'],
        ['八字桥', 120.5905, 30.0035, '古桥'],
      ],
      道路: [
        ['名称', 'WKT'],
        ['解放路', 'LINESTRING (120.578 29.99, 120.579 30.01)'],
        ['胜利路', 'LINESTRING (120.57 30.0, 120.59 30.0)'],
      ],
    }),
  );
  const data = (id: string) =>
    page.evaluate(async (id) => {
      const src = (window as unknown as W).__map.getSource(id) as unknown as { getData(): Promise<GeoJSON.FeatureCollection> };
      const fc = await src.getData();
      return fc.features.map((f) => ({ type: f.geometry.type, name: f.properties?.['名称'], kind: f.properties?.['类型'] }));
    }, id);
  const question = () => page.getByTestId('sheet-question');

  it('a workbook of three sheets asks which one (zh); the keyboard picks the second, Enter imports its rows', async () => {
    await page.getByTestId('datum-wgs84').check();
    const before = await sources();
    await pick('规划数据.xlsx', BOOK);
    await question().waitFor({ timeout: 60_000 });
    const text = (await question().textContent())!;
    expect(text).toContain('选择要导入的工作表');
    expect(text).toContain('“规划数据.xlsx”有 3 个工作表');
    expect(await question().locator('.name').allTextContents()).toEqual(['说明', '点位', '道路']);
    expect(await question().locator('.rows').allTextContents()).toEqual(['空', '3 行数据', '2 行数据']);
    expect(await page.getByTestId('sheet-import').textContent()).toBe('导入所选工作表');
    // the first sheet is preselected and has the focus; nothing is imported while the question is open
    expect(await page.getByTestId('sheet-0').isChecked()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sheet-0');
    expect(await sources()).toEqual(before);
    await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId('sheet-1').isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await status('import-ok', '点位');
    expect(await question().count()).toBe(0);
    const ok = (await page.getByTestId('import-ok').textContent())!;
    expect(ok).toContain('已导入“规划数据.xlsx”的工作表“点位”：3 个要素');
    expect(ok).toContain('工作簿有 3 个工作表，已读取“点位”。');
    const added = (await sources()).filter((s) => !before.includes(s));
    expect(added).toHaveLength(1);
    const id = added[0];
    expect(await data(id)).toEqual([
      { type: 'Point', name: '鲁迅故里', kind: '景点' },
      { type: 'Point', name: '城市广场', kind: '广场' },
      { type: 'Point', name: '八字桥', kind: '古桥' },
    ]);
    expect(await page.locator(`[data-user-layer=${id}] .name`).textContent()).toBe('规划数据.xlsx · 点位');
    expect(await page.locator(`[data-user-layer=${id}] .meta`).textContent()).toContain('3 个要素');
  }, 120_000);

  it('in English: Cancel and Esc leave the loaded layers intact; the mouse picks the third sheet; one sheet imports directly', async () => {
    await page.getByTestId('lang-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang.startsWith('en'), undefined, { timeout: 10_000 });
    await page.click('#tab-import');
    const loaded = await sources();
    await pick('规划数据.xlsx', BOOK);
    await question().waitFor({ timeout: 60_000 });
    const text = (await question().textContent())!;
    expect(text).toContain('Choose the sheet to import');
    expect(text).toContain('"规划数据.xlsx" has 3 sheets');
    expect(await question().locator('.rows').allTextContents()).toEqual(['empty', '3 data rows', '2 data rows']);
    expect(await question().locator('.name').allTextContents()).toEqual(['说明', '点位', '道路']);
    expect(await page.getByTestId('sheet-import').textContent()).toBe('Import this sheet');
    await page.getByTestId('sheet-cancel').click();
    expect(await question().count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('import-file');
    expect(await sources()).toEqual(loaded);
    expect(await page.getByTestId('import-error').count()).toBe(0);

    await pick('规划数据.xlsx', BOOK);
    await question().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Escape');
    expect(await question().count()).toBe(0);
    expect(await sources()).toEqual(loaded);
    for (const id of loaded) expect((await data(id)).length).toBeGreaterThan(0);

    await pick('规划数据.xlsx', BOOK);
    await question().waitFor({ timeout: 60_000 });
    await question().getByText('道路').click();
    await page.getByTestId('sheet-import').click();
    await status('import-ok', '道路');
    expect(await page.getByTestId('import-ok').textContent()).toContain('Imported sheet "道路" of 规划数据.xlsx: 2 features');
    expect(await page.getByTestId('import-ok').textContent()).toContain('The workbook has 3 sheets; "道路" was read.');
    const roads = (await sources()).filter((s) => !loaded.includes(s));
    expect(roads).toHaveLength(1);
    expect(await data(roads[0])).toEqual([
      { type: 'LineString', name: '解放路', kind: undefined },
      { type: 'LineString', name: '胜利路', kind: undefined },
    ]);

    // a workbook of one sheet: no question
    await pick('one.xlsx', Buffer.from(xlsx({ Sheet1: [['name', 'lon', 'lat'], ['a', 120.58, 30.0], ['b', 120.59, 30.0]] })));
    await status('import-ok', 'one.xlsx');
    expect(await question().count()).toBe(0);
    expect(await page.getByTestId('import-ok').textContent()).toContain('Imported one.xlsx: 2 features');
    expect(await sources()).toHaveLength(loaded.length + 2);
  }, 120_000);
});
