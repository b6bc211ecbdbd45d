/**
 * Imported layers first-class, the workspace kept across reloads, select by area, Esc that never
 * discards a measurement. One browser; cases share one page where they can. No network.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { pointOnFeature } from '@turf/turf';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FeatureCollection } from 'geojson';
import { readFileSync } from 'node:fs';
import { baseUrl, launch, waitIdle } from './browser.ts';
import { geodataPath } from '../unit/helpers.ts';

type W = { __map: import('maplibre-gl').Map };
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
const errors: string[] = [];

// a point of the first zone polygon: an imported point placed on it must win the click
const zones = JSON.parse(readFileSync(geodataPath('zones.geojson'), 'utf8')) as FeatureCollection;
const onZone = pointOnFeature(zones.features[0] as never).geometry.coordinates as [number, number];
const POINTS: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { 名称: '测试甲', 编号: 3, 类型: '学校' }, geometry: { type: 'Point', coordinates: onZone } },
    ...Array.from({ length: 24 }, (_, i) => ({
      type: 'Feature' as const,
      properties: { 名称: `测试${i + 1}号`, 编号: 100 + i, 类型: i % 2 ? '公园' : '医院' },
      geometry: { type: 'Point' as const, coordinates: [onZone[0] + 0.004 * ((i % 6) - 2.5), onZone[1] + 0.004 * (Math.floor(i / 6) - 1.5)] },
    })),
  ],
};

async function fresh(init?: () => void) {
  const c = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const origin = new URL(baseUrl()).origin;
  await c.route((u) => u.origin !== origin, (r) => r.abort());
  if (init) await c.addInitScript(init);
  const p = await c.newPage();
  p.on('pageerror', (e) => errors.push(String(e)));
  p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { c, p };
}

async function go(p: Page, query = '') {
  await p.goto(baseUrl() + query);
  await waitIdle(p, 60_000);
  await p.waitForFunction(() => document.documentElement.dataset.workspace === 'restored', undefined, { timeout: 30_000 });
}

async function importFc(p: Page, name: string, fc: FeatureCollection) {
  if (!(await p.getByTestId('import-file').count())) await p.click('#tab-import');
  await p.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fc)) });
  await p.getByTestId('import-ok').filter({ hasText: name }).waitFor({ timeout: 30_000 });
}

async function clickLngLat(p: Page, ll: number[]) {
  const xy = await p.evaluate((ll) => {
    const m = (window as unknown as W).__map;
    const r = m.getCanvas().getBoundingClientRect();
    const q = m.project(ll as [number, number]);
    return { x: r.left + q.x, y: r.top + q.y };
  }, ll);
  await p.mouse.click(xy.x, xy.y);
}

const paint = (p: Page, layer: string, prop: string) => p.evaluate(([l, pr]) => (window as unknown as W).__map.getPaintProperty(l, pr as never), [layer, prop]);

beforeAll(async () => {
  browser = await launch();
  ({ c: ctx, p: page } = await fresh());
  await go(page);
}, 120_000);
afterAll(async () => browser?.close());

describe('imported layers, inspection, table', () => {
  it('imports, styles (colour, size, label field), inspects by click over a plan polygon, zooms to the layer', async () => {
    await importFc(page, 'points.geojson', POINTS);
    await page.getByTestId('user-color-user-1').fill('#00aa44');
    await page.getByTestId('user-label-user-1').selectOption('名称');
    await page.getByTestId('user-size-user-1').evaluate((el: HTMLInputElement) => {
      el.value = '2';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await paint(page, 'user-1-circle', 'circle-color')).toBe('#00aa44');
    expect(JSON.stringify(await paint(page, 'user-1-circle', 'circle-radius'))).toContain('16');
    expect(await page.evaluate(() => JSON.stringify((window as unknown as W).__map.getLayoutProperty('user-1-label', 'text-field')))).toContain('名称');

    await page.getByTestId('user-zoom-user-1').click();
    await page.waitForFunction(() => (window as unknown as W).__map.getZoom() > 13, undefined, { timeout: 20_000 });
    await waitIdle(page);
    // a plan polygon is under the point
    const under = await page.evaluate((ll) => {
      const m = (window as unknown as W).__map;
      const q = m.project(ll as [number, number]);
      return m.queryRenderedFeatures([q.x, q.y]).map((f) => f.layer.id);
    }, onZone);
    expect(under.some((id) => id.startsWith('zones'))).toBe(true);
    expect(under).toContain('user-1-circle');
    await clickLngLat(page, onZone);
    const pop = page.getByTestId('inspect');
    await pop.getByText('测试甲').waitFor({ timeout: 10_000 });
    expect(await pop.textContent()).toContain('学校');
    // the plan feature underneath was not selected
    expect(await page.evaluate(() => new URLSearchParams(location.search).get('sel'))).toBeNull();
    expect(await page.getByTestId('detail').count()).toBe(0);
  });

  it('attribute table: sort, filter, row click zooms and inspects', async () => {
    await page.getByTestId('user-table-user-1').click();
    const table = page.getByTestId('attribute-table');
    await table.waitFor();
    expect(await table.getAttribute('data-rows')).toBe('25');
    await page.getByTestId('table-sort-编号').click();
    await page.getByTestId('table-sort-编号').click(); // descending
    await expect.poll(() => page.getByTestId('table-row').first().getAttribute('data-row')).toBe('24');
    await page.getByTestId('table-filter').fill('公园');
    await expect.poll(() => table.getAttribute('data-rows')).toBe('12');
    await page.getByTestId('table-row').nth(2).click();
    const name = await page.getByTestId('table-row').nth(2).locator('.c').nth(1).textContent();
    await expect.poll(async () => (await page.getByTestId('inspect').textContent()) ?? '').toContain(name!);
    await expect.poll(() => page.evaluate(() => (window as unknown as W).__map.getZoom()), { timeout: 15_000 }).toBeGreaterThan(14);
    await page.getByTestId('table-close').click();
    await page.getByTestId('inspect-close').click();
  });
});

describe('measurement, Esc, workspace', () => {
  it('Esc never discards a finished measurement: About over it, then story', async () => {
    await page.evaluate((ll) => (window as unknown as W).__map.jumpTo({ center: ll as [number, number], zoom: 13 }), onZone);
    await waitIdle(page);
    await page.getByTestId('measure-toggle').click();
    await page.getByTestId('measure-line').and(page.locator('[aria-pressed=true]')).waitFor({ timeout: 20_000 });
    const a = [onZone[0] - 0.01, onZone[1]];
    const b = [onZone[0] + 0.01, onZone[1] + 0.005];
    await clickLngLat(page, a);
    await clickLngLat(page, b);
    await clickLngLat(page, b);
    await page.locator('[data-testid=measure-result][data-phase=edit]').waitFor();
    await page.getByTestId('measure-note').fill('河道长度');
    await page.getByTestId('about-open').click();
    await page.getByTestId('about').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('about').count()).toBe(0);
    expect(await page.getByTestId('measure-length').count()).toBe(1);
    await page.getByTestId('sketch-list').locator('li').first().waitFor();
    expect(await page.getByTestId('sketch-note').inputValue()).toBe('河道长度');

    // story over it: Esc leaves the story only; the measurement stays
    await page.getByTestId('measure-stop').click();
    await page.getByTestId('story-start').click();
    await page.getByTestId('story-card').waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('story-card').count(), { timeout: 20_000 }).toBe(0);
    await waitIdle(page);
    expect(await page.evaluate(() => (window as unknown as W).__map.querySourceFeatures('ws-sketches').length)).toBeGreaterThan(0);
  });

  it('explicit delete can be undone', async () => {
    if (!(await page.getByTestId('sketch-list').count())) await page.click('#tab-import');
    await page.getByTestId('sketch-delete').click();
    await expect.poll(() => page.getByTestId('sketch-list').count()).toBe(0);
    await page.getByTestId('sketch-undo').click();
    await expect.poll(() => page.getByTestId('sketch-note').count()).toBe(1);
    expect(await page.getByTestId('sketch-note').inputValue()).toBe('河道长度');
  });

  it('select by polygon: counts by category, area with 公顷 and 亩', async () => {
    const d = 0.0125;
    const ring = [[onZone[0] - d, onZone[1] - d], [onZone[0] + d, onZone[1] - d], [onZone[0] + d, onZone[1] + d], [onZone[0] - d, onZone[1] + d]];
    await page.evaluate((ll) => (window as unknown as W).__map.jumpTo({ center: ll as [number, number], zoom: 13 }), onZone);
    await waitIdle(page);
    await page.getByTestId('select-polygon').click();
    for (const p of ring) await clickLngLat(page, p);
    await clickLngLat(page, ring[0]);
    const res = page.getByTestId('select-result');
    await res.waitFor();
    // all 25 imported points lie inside the square; plan features too
    const cats = await page.getByTestId('select-cats').locator('tr[data-cat=user-1] td.num').textContent();
    expect(cats).toBe('25');
    expect(Number(await res.getAttribute('data-count'))).toBeGreaterThanOrEqual(25);
    const area = await page.getByTestId('select-area').textContent();
    expect(area).toMatch(/km².*公顷.*亩/);
    await page.getByTestId('select-clear').click();
  });

  it('after a reload: layers, styles, measurement with note and the view come back', async () => {
    await page.evaluate((ll) => (window as unknown as W).__map.jumpTo({ center: ll as [number, number], zoom: 14.5 }), onZone);
    await waitIdle(page);
    await page.waitForTimeout(800); // debounced save
    await go(page, ''); // no view in the URL: the workspace's view is used
    await page.click('#tab-import');
    await page.locator('[data-user-layer=user-1]').first().waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('user-color-user-1').inputValue()).toBe('#00aa44');
    expect(await page.getByTestId('user-label-user-1').inputValue()).toBe('名称');
    expect(await paint(page, 'user-1-circle', 'circle-color')).toBe('#00aa44');
    expect(await page.getByTestId('sketch-note').inputValue()).toBe('河道长度');
    const v = await page.evaluate(() => ({ c: (window as unknown as W).__map.getCenter(), z: (window as unknown as W).__map.getZoom() }));
    expect(Math.abs(v.z - 14.5)).toBeLessThan(0.05);
    expect(Math.abs(v.c.lng - onZone[0])).toBeLessThan(1e-4);
  });

  it('Clear workspace asks first; cancel keeps everything, confirm clears', async () => {
    await page.getByTestId('workspace-clear').click();
    await page.getByTestId('workspace-clear-dialog').waitFor();
    await page.getByTestId('workspace-clear-cancel').click();
    expect(await page.locator('[data-user-layer=user-1]').count()).toBeGreaterThan(0);
    await page.getByTestId('workspace-clear').click();
    await page.getByTestId('workspace-clear-confirm').click();
    await expect.poll(() => page.locator('[data-user-layer]').count()).toBe(0);
    expect(await page.getByTestId('sketch-list').count()).toBe(0);
    await go(page, '');
    await page.click('#tab-import');
    expect(await page.locator('[data-user-layer]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('storage blocked', () => {
  it('a blocked IndexedDB is reported and the session keeps working', async () => {
    const { c, p } = await fresh(() => {
      const err = () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
      Object.defineProperty(IDBFactory.prototype, 'open', { value: err, configurable: true });
    });
    await go(p);
    await p.locator('.notice.error').filter({ hasText: /不允许保存|private/ }).waitFor({ timeout: 20_000 });
    await importFc(p, 'still.geojson', POINTS);
    await p.locator('[data-user-layer=user-1]').first().waitFor();
    expect(await p.getByTestId('workspace-status').getAttribute('data-storage')).toBe('blocked');
    await c.close();
  });
});
