/**
 * Planner tools: statistics, import (valid, broken, datums), export round trip, measurement.
 * No network: every request outside the app's own origin is aborted.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pointOnFeature } from '@turf/turf';
import type { Browser, Page } from 'playwright-core';
import type { Feature, FeatureCollection } from 'geojson';
import { baseUrl, launch, openApp, waitIdle } from './browser.ts';
import { geodataPath } from '../unit/helpers.ts';

const require = createRequire(import.meta.url);
const { Geodesic, PolygonArea } = require('geographiclib-geodesic');
const karney = (a: number[], b: number[]) => Geodesic.WGS84.Inverse(a[1], a[0], b[1], b[0]).s12 as number;

type W = { __map: import('maplibre-gl').Map };
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function open(query: string, ctx = {}) {
  const o = await openApp(browser, query, ctx);
  const origin = new URL(baseUrl()).origin;
  await o.page.context().route((u) => u.origin !== origin, (r) => r.abort());
  return o;
}

/** Layer and source ids of the map. */
const mapState = (page: Page) =>
  page.evaluate(() => {
    const m = (window as unknown as W).__map;
    return { layers: m.getStyle().layers.map((l) => l.id), sources: Object.keys(m.getStyle().sources).sort() };
  });

async function importBuffer(page: Page, name: string, content: string | Buffer, datum: 'wgs84' | 'gcj02' | 'bd09' = 'wgs84') {
  if (!(await page.getByTestId('import-file').count())) await page.click('#tab-import');
  await page.getByTestId(`datum-${datum}`).check();
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
}

/** Wait until the import status names this file (ok or error). */
async function importOutcome(page: Page, name: string): Promise<'ok' | 'error'> {
  const h = await page.waitForFunction(
    (name) => {
      const ok = document.querySelector('[data-testid=import-ok]');
      const err = document.querySelector('[data-testid=import-error]');
      const el = ok ?? err;
      return el && el.textContent!.includes(name) ? (ok ? 'ok' : 'error') : null;
    },
    name,
    { polling: 50, timeout: 20_000 },
  );
  return (await h.jsonValue()) as 'ok' | 'error';
}

const sourceCoords = (page: Page, id: string) =>
  page.evaluate((id) => {
    const s = (window as unknown as W).__map.getSource(id) as unknown as { serialize(): { data: FeatureCollection } };
    return s.serialize().data.features.map((f) => (f.geometry as { coordinates: number[] }).coordinates);
  }, id);

const rendered = (page: Page, layer: string) =>
  page.evaluate((layer) => {
    const m = (window as unknown as W).__map;
    return m.getLayer(layer) ? m.queryRenderedFeatures({ layers: [layer] }).length : -1;
  }, layer);

const zones = JSON.parse(readFileSync(geodataPath('zones.geojson'), 'utf8')) as FeatureCollection;
const north = zones.features.find((f) => f.properties?.zone === 'north') as Feature;
const inNorth = pointOnFeature(north as never).geometry.coordinates;

describe('statistics and import', () => {
  // one page for the whole journey (user layers accumulate: user-1, user-2, …)
  let page: Page;
  let errors: string[];
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ page, errors, close } = await open('?tab=stats'));
  });
  afterAll(async () => close?.());

  it('a valid CSV appears on the map, in the legend and counts in the statistics of its zone', async () => {
    await page.getByTestId('stats').waitFor();
    const id = north.properties!.id as string;
    const before = Number(await page.getByTestId(`stats-total-${id}`).textContent());
    expect(await page.getByTestId('stats-follow').textContent()).toMatch(/0 个导入要素/);
    // areas are shown with units and the geometry basis is stated
    expect(Number((await page.getByTestId(`stats-km2-${id}`).textContent())!.replace(/,/g, ''))).toBeGreaterThan(1);
    expect(await page.getByTestId('stats-basis-zones').textContent()).toContain('示意');

    await importBuffer(page, '我的点.csv', `名称,经度,纬度\n北部测试点,${inNorth[0]},${inNorth[1]}\n`);
    expect(await importOutcome(page, '我的点.csv')).toBe('ok');
    await waitIdle(page);
    expect(await rendered(page, 'user-1-circle')).toBe(1);
    expect(await page.locator('[data-testid=legend] [data-user-layer=user-1]').textContent()).toContain('我的点.csv');

    await page.click('#tab-stats');
    await page.getByTestId('stats').waitFor();
    expect(Number(await page.getByTestId(`stats-total-${id}`).textContent())).toBe(before + 1);
    expect(await page.getByTestId(`stats-cat-${id}-user-1`).textContent()).toContain('1');
    expect(await page.getByTestId('stats-follow').textContent()).toMatch(/1 个导入要素/);

    // hiding the user layer removes it from the figures and the legend
    await page.click('#tab-import');
    await page.getByTestId('user-toggle-user-1').uncheck();
    await page.click('#tab-stats');
    expect(Number(await page.getByTestId(`stats-total-${id}`).textContent())).toBe(before);
    expect(await page.locator('[data-testid=legend] [data-user-layer=user-1]').count()).toBe(0);
    await page.click('#tab-import');
    await page.getByTestId('user-toggle-user-1').check();
    expect(errors).toEqual([]);
  });

  it('a broken file shows a message and leaves the map unchanged', async () => {
    await page.click('#tab-import');
    await waitIdle(page);
    const before = await mapState(page);
    expect(before.sources).toContain('user-1');
    const cases: [string, string, string][] = [
      ['broken.geojson', '{"type": "FeatureCollection", "features": [', 'not-json'],
      ['table.json', '{"rows": []}', 'not-geojson'],
      ['ring.geojson', JSON.stringify({ type: 'Polygon', coordinates: [[[120.5, 30], [120.6, 30], [120.6, 30.1]]] }), 'bad-geometry'],
      ['bad.csv', 'lon,lat\n120.6,abc\n', 'bad-coordinates'],
      ['far.geojson', JSON.stringify({ type: 'Point', coordinates: [2.35, 48.85] }), 'wrong-datum-range'],
      ['empty.csv', '', 'empty'],
    ];
    for (const [name, content, kind] of cases) {
      await importBuffer(page, name, content);
      expect(await importOutcome(page, name)).toBe('error');
      expect(await page.getByTestId('import-error').getAttribute('data-kind')).toBe(kind);
      expect(await page.locator('[data-testid=notices] [data-kind=error]').last().textContent()).toContain(name);
    }
    // the CSV message names the line (the header is line 1)
    expect(await page.getByTestId('import-error').textContent()).not.toContain('第 3 行');
    // a bad row is skipped and named by its line (the header is line 1); the good row comes in
    await importBuffer(page, 'bad2.csv', 'lon,lat\n120.5,30\n120.6,abc\n');
    expect(await importOutcome(page, 'bad2.csv')).toBe('ok');
    expect(await page.getByTestId('import-ok').textContent()).toContain('第 3 行');
    expect(await page.getByTestId('import-ok').textContent()).toContain('1 / 2');
    await page.getByTestId('user-remove-user-2').click();

    // over 50 MB: refused by its size (checked before reading), the limit in the message
    const dir = mkdtempSync(join(tmpdir(), 'yc-'));
    const big = join(dir, 'huge.geojson');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024 + 10);
    await page.getByTestId('import-file').setInputFiles(big);
    expect(await importOutcome(page, 'huge.geojson')).toBe('error');
    expect(await page.getByTestId('import-error').getAttribute('data-kind')).toBe('too-large');
    expect(await page.getByTestId('import-error').textContent()).toContain('50 MB');
    rmSync(dir, { recursive: true, force: true });

    await waitIdle(page);
    expect(await mapState(page)).toEqual(before);
    expect(await rendered(page, 'user-1-circle')).toBe(1);
  });

  it('a GCJ-02 file lands about 490 m from the same numbers read as WGS84', async () => {
    const csv = `name,lng,lat\np,120.5858,30.0\n`;
    await importBuffer(page, 'wgs.csv', csv, 'wgs84');
    expect(await importOutcome(page, 'wgs.csv')).toBe('ok');
    await importBuffer(page, 'gcj.csv', csv, 'gcj02');
    expect(await importOutcome(page, 'gcj.csv')).toBe('ok');
    await waitIdle(page);
    const [a] = await sourceCoords(page, 'user-3');
    const [b] = await sourceCoords(page, 'user-4');
    expect(a).toEqual([120.5858, 30.0]);
    const d = karney(a, b);
    expect(d).toBeGreaterThan(400);
    expect(d).toBeLessThan(600);
    // both are drawn, at different places on screen
    expect(await rendered(page, 'user-3-circle')).toBe(1);
    expect(await rendered(page, 'user-4-circle')).toBe(1);
    const px = await page.evaluate(([a, b]) => {
      const m = (window as unknown as W).__map;
      const p = m.project(a as [number, number]);
      const q = m.project(b as [number, number]);
      return Math.hypot(p.x - q.x, p.y - q.y);
    }, [a, b]);
    expect(px).toBeGreaterThan(1);
    // removing a layer removes its source and layers, and nothing else
    const before = await mapState(page);
    await page.getByTestId('user-remove-user-3').click();
    await waitIdle(page);
    const s = await mapState(page);
    expect(s.sources).toEqual(before.sources.filter((x) => x !== 'user-3'));
    expect(s.layers).toEqual(before.layers.filter((l) => !l.startsWith('user-3-')));
  });

  it('a file dropped onto the map is imported with the chosen datum', async () => {
    await page.click('#tab-import');
    await page.getByTestId('datum-bd09').check();
    const dt = await page.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File(['lon,lat,name\n120.60,30.02,dropped\n'], 'dropped.csv', { type: 'text/csv' }));
      return d;
    });
    await page.dispatchEvent('.maplibregl-canvas', 'dragenter', { dataTransfer: dt });
    await page.getByTestId('drop-hint').waitFor();
    await page.dispatchEvent('.maplibregl-canvas', 'drop', { dataTransfer: dt });
    expect(await importOutcome(page, 'dropped.csv')).toBe('ok');
    await expect.poll(() => page.getByTestId('drop-hint').count()).toBe(0);
    const layer = await page.locator('[data-user-layer]').last().getAttribute('data-user-layer');
    expect(await page.locator(`[data-user-layer=${layer}] .meta`).textContent()).toContain('BD-09');
    const [p] = await sourceCoords(page, layer!);
    // BD-09 → WGS84 moves it roughly 1 km
    expect(karney(p, [120.6, 30.02])).toBeGreaterThan(700);
    expect(karney(p, [120.6, 30.02])).toBeLessThan(1500);
    await page.getByTestId(`user-remove-${layer}`).click();
    await page.getByTestId('datum-wgs84').check();
  });

  it('statistics follow the filters; exported GeoJSON round-trips through import; CSVs have a BOM', async () => {
    await page.click('#tab-filter');
    await page.getByTestId('cat-culture').click();
    await page.click('#tab-stats');
    await page.getByTestId('stats').waitFor();
    const plan = await page.evaluate(() => [...document.querySelectorAll('[data-testid^=stats-cat-]')].map((e) => e.getAttribute('data-cat')!).filter((c) => !c.startsWith('user-')));
    expect(plan.length).toBeGreaterThan(0);
    expect(new Set(plan)).toEqual(new Set(['culture']));
    const [dl0] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-csv').click()]);
    const statsCsv = readFileSync((await dl0.path())!, 'utf8');
    expect(statsCsv.charCodeAt(0)).toBe(0xfeff);
    expect(statsCsv).toContain('area_km2');
    expect(statsCsv).toContain(north.properties!.id as string);

    await page.click('#tab-import');
    const n = Number(/\d+/.exec((await page.locator('[data-testid=export-section] .help').textContent())!)![0]);
    expect(n).toBeGreaterThan(0);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-geojson').click()]);
    expect(dl.suggestedFilename()).toMatch(/^yuecheng-plan-\d{4}-\d{2}-\d{2}\.geojson$/);
    const text = readFileSync((await dl.path())!, 'utf8');
    const fc = JSON.parse(text) as FeatureCollection;
    expect(fc.features).toHaveLength(n);
    expect(fc.features.every((f) => f.properties?.category === 'culture' || (f.properties?.also ?? []).includes('culture'))).toBe(true);
    expect(fc.features[0].properties).toHaveProperty('excerpt_zh');

    await importBuffer(page, 'roundtrip.geojson', text);
    expect(await importOutcome(page, 'roundtrip.geojson')).toBe('ok');
    await waitIdle(page);
    const back = await page.evaluate(() => {
      const s = (window as unknown as W).__map.getSource('user-6') as unknown as { serialize(): { data: FeatureCollection } };
      return s.serialize().data.features.map((f) => [f.properties!.id, f.geometry]);
    });
    expect(back).toEqual(fc.features.map((f) => [f.properties!.id, f.geometry]));
    expect(await rendered(page, 'user-6-circle')).toBeGreaterThan(0);

    const [dl2] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csv = readFileSync((await dl2.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    // 中文列名 in the Chinese UI (#13 §6); values translated, no Markdown markers
    expect(csv.slice(1).split('\r\n')[0]).toBe('编号,名称,英文名称,类别,功能区,规划条目,状态,位置精度,经度,纬度,规划原文摘录');
    expect(csv).not.toContain('**');
    expect(errors).toEqual([]);
  });
});

describe('measurement', () => {
  let page: Page;
  let errors: string[];
  let requests: string[];
  let close: () => Promise<void>;
  let box: { x: number; y: number };
  beforeAll(async () => {
    // only the outline is drawn (less to render per click); the clicks land on plain map
    ({ page, errors, requests, close } = await open('?v=12/30.0/120.58&layers=outline', { viewport: { width: 1600, height: 1000 } }));
    box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.click('[data-testid=legend] .head'); // fold the legend away from the clicks
  });
  afterAll(async () => close?.());

  /** Click at a lon/lat (projected to a page pixel). */
  async function clickAt(lonlat: number[]) {
    const p = await page.evaluate((ll) => (window as unknown as W).__map.project(ll as [number, number]), lonlat);
    await page.mouse.move(box.x + p.x, box.y + p.y, { steps: 2 });
    await page.mouse.click(box.x + p.x, box.y + p.y);
  }
  const displayedMetres = async () => {
    const t = (await page.getByTestId('measure-length').textContent())!.replace(/,/g, '');
    const m = /([\d.]+)\s*(km|m)/.exec(t)!;
    return Number(m[1]) * (m[2] === 'km' ? 1000 : 1);
  };

  it('measures a known segment within 0.5 % of Karney; vertices can be dragged; Esc cancels a drawing only', async () => {
    expect(requests.some((u) => /terra-draw/.test(u))).toBe(false); // loaded only when measuring starts
    const before = await mapState(page);
    await page.getByTestId('measure-toggle').click();
    await page.getByTestId('measure-line').and(page.locator('[aria-pressed=true]')).waitFor();
    expect(requests.some((u) => /terra-draw/.test(u))).toBe(true);

    const a = [120.505, 29.965];
    const b = [120.63, 30.035];
    await clickAt(a);
    await clickAt(b);
    await clickAt(b); // clicking the last point again finishes
    await page.locator('[data-testid=measure-result][data-phase=edit]').waitFor();
    const ref = karney(a, b);
    expect(Math.abs((await displayedMetres()) - ref) / ref).toBeLessThan(0.005);
    // the clicks selected no plan feature
    expect(await page.evaluate(() => new URLSearchParams(location.search).get('sel'))).toBeNull();

    // drag the end vertex to c
    const c = [120.6, 30.05];
    const [pb, pc] = await page.evaluate(([b, c]) => [(window as unknown as W).__map.project(b as [number, number]), (window as unknown as W).__map.project(c as [number, number])], [b, c]);
    await page.mouse.move(box.x + pb.x, box.y + pb.y, { steps: 3 });
    await page.mouse.down();
    await page.mouse.move(box.x + pc.x, box.y + pc.y, { steps: 8 });
    const ref2 = karney(a, c);
    // the readout follows the drag; release once it has caught up, then it must hold
    await expect.poll(async () => Math.abs((await displayedMetres()) - ref2) / ref2, { timeout: 10_000 }).toBeLessThan(0.005);
    await page.mouse.up();
    expect(Math.abs((await displayedMetres()) - ref2) / ref2).toBeLessThan(0.005);

    // a new distance, one click, then Esc: nothing measured, the tool stays open
    await page.getByTestId('measure-line').click();
    await clickAt(a);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('measure-length').count()).toBe(0);
    expect(await page.getByTestId('measure-line').count()).toBe(1);
    // Esc again claims nothing (no drawing in progress): the tool stays; the stop button ends
    // measuring and removes the drawing layers (the finished measurement stays in the workspace)
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('measure-line').count()).toBe(1);
    await page.getByTestId('measure-stop').click();
    await expect.poll(() => page.getByTestId('measure-line').count()).toBe(0);
    await waitIdle(page);
    expect(await mapState(page)).toEqual(before);
    expect(errors).toEqual([]);
  });

  it('measures an area in km² and 亩 within 0.5 % of Karney (English)', async () => {
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('measure-toggle').click();
    await page.getByTestId('measure-area-mode').click();
    await page.getByTestId('measure-area-mode').and(page.locator('[aria-pressed=true]')).waitFor();
    const ring = [
      [120.52, 29.97],
      [120.62, 29.97],
      [120.62, 30.03],
      [120.52, 30.03],
    ];
    for (const p of ring) await clickAt(p);
    await clickAt(ring[0]); // close on the first point
    await page.locator('[data-testid=measure-result][data-phase=edit]').waitFor();
    const t = (await page.getByTestId('measure-area').textContent())!.replace(/,/g, '');
    const km2 = Number(/([\d.]+) km²/.exec(t)![1]);
    const mu = Number(/([\d.]+) mu/.exec(t)![1]);
    const pa = new PolygonArea.PolygonArea(Geodesic.WGS84);
    for (const p of ring) pa.AddPoint(p[1], p[0]);
    const ref = Math.abs(pa.Compute(false, true).area);
    expect(Math.abs(km2 * 1e6 - ref) / ref).toBeLessThan(0.005);
    expect(Math.abs((mu * 10000) / 15 - ref) / ref).toBeLessThan(0.005);
    await page.getByTestId('measure-stop').click();
    await expect.poll(() => page.getByTestId('measure-area-mode').count()).toBe(0);
  });
});
