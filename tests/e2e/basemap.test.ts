/**
 * Base maps. No network: every online tile/style request is intercepted with page routes (aborted,
 * answered with a local PNG, or left hanging), and everything else off-origin is aborted.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { baseUrl, launch, waitIdle } from './browser.ts';

type W = { __map: import('maplibre-gl').Map };
type Mode = 'abort' | 'tile' | 'hang';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const TILE = (() => {
  const png = new PNG({ width: 256, height: 256 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([225, 228, 232, 255], i);
  return PNG.sync.write(png);
})();

interface Opened {
  page: Page;
  context: BrowserContext;
  errors: string[];
  /** off-origin requests seen (all intercepted) */
  online: string[];
  /** how online requests are answered from now on */
  setMode: (m: Mode) => void;
  close: () => Promise<void>;
}

/** Open the app with every off-origin request intercepted before the first byte is loaded. */
async function openRouted(query: string, init?: () => void): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const origin = new URL(baseUrl()).origin;
  let mode: Mode = 'abort';
  const online: string[] = [];
  const hanging: Route[] = [];
  // catch-all: nothing leaves the machine
  await context.route((u) => u.origin !== origin, (r) => r.abort());
  // online bases (tiles and the OpenFreeMap TileJSON): the mode decides
  await context.route(/tile\.openstreetmap\.org|tiles\.openfreemap\.org|tianditu\.gov\.cn/, (r) => {
    online.push(r.request().url());
    if (mode === 'abort') return r.abort();
    if (mode === 'hang') return void hanging.push(r);
    return r.fulfill({ status: 200, contentType: 'image/png', body: TILE });
  });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // console errors, except the failed requests the tests cause on purpose
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|ERR_FAILED|AJAXError|Failed to fetch|Load failed|NetworkError/.test(m.text())) errors.push(m.text());
  });
  await page.goto(baseUrl() + query);
  await waitIdle(page);
  return {
    page,
    context,
    errors,
    online,
    setMode: (m) => (mode = m),
    close: async () => {
      for (const r of hanging) await r.abort().catch(() => {});
      await context.close();
    },
  };
}

const snapshot = (page: Page) =>
  page.evaluate(() => {
    const m = (window as unknown as W).__map;
    const q = new URLSearchParams(location.search);
    return {
      layers: m.getStyle().layers.map((l) => l.id),
      sources: Object.keys(m.getStyle().sources).sort(),
      sel: q.get('sel'),
      cat: q.get('cat'),
      base: q.get('base'),
      landFilter: m.getFilter('land-fill') ?? null,
      neighbourFilter: m.getFilter('neighbours-fill') ?? null,
    };
  });

/** The URL is written 150 ms after a change (debounced): poll until the style and URL match, failing after 10 s. */
const backToStart = (page: Page, start: Awaited<ReturnType<typeof snapshot>>) =>
  expect.poll(() => snapshot(page), { timeout: 10_000, interval: 100 }).toEqual(start);

const renderedIds = (page: Page, prefix: string) =>
  page.evaluate((prefix) => {
    const m = (window as unknown as W).__map;
    const ls = m.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith(prefix));
    return [...new Set(m.queryRenderedFeatures({ layers: ls }).map((f) => String(f.properties.id)))].sort();
  }, prefix);

async function choose(page: Page, id: string) {
  if (!(await page.getByTestId(`basemap-${id}`).count())) await page.getByTestId('basemap-toggle').click();
  // click, not check(): a failing base may already have switched back when check() verifies
  await page.getByTestId(`basemap-${id}`).click();
}

async function dismissAll(page: Page) {
  while (await page.locator('[data-testid=notices] button').count()) await page.locator('[data-testid=notices] button').first().click();
}

const fallbackNotice = (page: Page, name: string) => page.locator('[data-testid=notices] [data-kind=warn]', { hasText: name }).waitFor({ timeout: 20_000 });

describe('online base maps', () => {
  let o: Opened;
  let start: Awaited<ReturnType<typeof snapshot>>;
  let culture: string[];
  beforeAll(async () => {
    // a selection and a category filter first
    o = await openRouted('?cat=culture&sel=luxun-native-place&layers=culture,outline');
    start = await snapshot(o.page);
    culture = await renderedIds(o.page, 'culture-');
  });
  afterAll(async () => o?.close());

  it('starts on the embedded offline base without touching the network', async () => {
    expect(start.base).toBeNull();
    expect(start.sel).toBe('luxun-native-place');
    expect(start.cat).toBe('culture');
    expect(start.sources.some((s) => s.startsWith('bm-'))).toBe(false);
    expect(culture.length).toBeGreaterThan(0);
    expect(o.online).toEqual([]);
  });

  it('OSM with its tiles aborted falls back with a notice; layers, filter and selection are kept', async () => {
    o.setMode('abort');
    await choose(o.page, 'osm');
    await fallbackNotice(o.page, 'OpenStreetMap');
    expect(o.online.some((u) => u.startsWith('https://tile.openstreetmap.org/'))).toBe(true);
    await expect.poll(async () => (await snapshot(o.page)).base).toBeNull();
    await waitIdle(o.page);
    await backToStart(o.page, start);
    expect(await renderedIds(o.page, 'culture-')).toEqual(culture);
    expect(await o.page.getByTestId('basemap-offline').isChecked()).toBe(true);
  });

  it('OpenFreeMap with its TileJSON aborted falls back too', async () => {
    await choose(o.page, 'openfreemap');
    await fallbackNotice(o.page, 'OpenFreeMap');
    expect(o.online.some((u) => u.startsWith('https://tiles.openfreemap.org/'))).toBe(true);
    await waitIdle(o.page);
    await backToStart(o.page, start);
  });

  it('天地图 asks for a key, keeps it out of the URL, uses it in tile requests, and falls back when tiles fail', async () => {
    const key = '0123456789abcdef0123456789abcdef';
    await choose(o.page, 'tdt-img');
    await o.page.getByTestId('tdt-key').fill(key);
    await o.page.getByTestId('tdt-key-save').click();
    await fallbackNotice(o.page, '天地图 影像');
    const tdt = o.online.filter((u) => u.includes('tianditu.gov.cn'));
    expect(tdt.some((u) => /^https:\/\/t[0-7]\.tianditu\.gov\.cn\/img_w\/wmts\?SERVICE=WMTS&REQUEST=GetTile&VERSION=1\.0\.0&LAYER=img&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=\d+&TILEROW=\d+&TILECOL=\d+&tk=/.test(u))).toBe(true);
    expect(tdt.every((u) => u.endsWith(`tk=${key}`))).toBe(true);
    expect(await o.page.evaluate(() => localStorage.getItem('yc:tdt-key'))).toBe(key);
    expect(o.page.url()).not.toContain(key);
    await waitIdle(o.page);
    await backToStart(o.page, start);
  });

  it('a working online base goes below the plan layers, hides the offline fills and keeps the outline', async () => {
    await dismissAll(o.page);
    o.setMode('tile');
    await choose(o.page, 'osm');
    await o.page.waitForFunction(() => {
      const m = (window as unknown as W).__map;
      return !!m.getSource('bm-osm') && m.isSourceLoaded('bm-osm') && new URLSearchParams(location.search).get('base') === 'osm';
    }, undefined, { polling: 100, timeout: 20_000 });
    await waitIdle(o.page);
    const s = await snapshot(o.page);
    expect(s.base).toBe('osm');
    expect(s.layers.indexOf('bm-osm')).toBe(s.layers.indexOf('neighbours-fill') - 1);
    expect(s.layers.indexOf('bm-osm')).toBeGreaterThan(s.layers.indexOf('land-fill'));
    expect(s.landFilter).toEqual(['boolean', false]);
    expect(s.neighbourFilter).toEqual(['boolean', false]);
    expect(await renderedIds(o.page, 'land-')).toEqual([]);
    expect((await renderedIds(o.page, 'outline-')).length).toBeGreaterThan(0);
    expect(await renderedIds(o.page, 'culture-')).toEqual(culture);
    expect(s.sel).toBe(start.sel);
    expect(s.cat).toBe(start.cat);
    // its tiles loaded, so it cannot fall back: no notice
    expect(await o.page.locator('[data-testid=notices] [data-kind=warn]').count()).toBe(0);
    // the attribution names OpenStreetMap
    expect(await o.page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('OpenStreetMap');

    // back to offline: exactly the starting style
    await choose(o.page, 'offline');
    await waitIdle(o.page);
    await backToStart(o.page, start);
  });

  it('a base whose tiles never arrive falls back after the timeout', async () => {
    o.setMode('hang');
    await choose(o.page, 'osm');
    await fallbackNotice(o.page, 'OpenStreetMap');
    await waitIdle(o.page);
    await backToStart(o.page, start);
    expect(o.errors).toEqual([]);
  });
});

describe('base from the link', () => {
  it('?base=osm with failing tiles falls back; ?base=tdt-vec without a key uses the offline base', async () => {
    const o = await openRouted('?base=osm&sel=luxun-native-place&layers=outline');
    try {
      await fallbackNotice(o.page, 'OpenStreetMap');
      await expect.poll(async () => (await snapshot(o.page)).base).toBeNull();
      expect((await snapshot(o.page)).sel).toBe('luxun-native-place');
      await o.page.goto(baseUrl() + '?base=tdt-vec&layers=outline');
      await waitIdle(o.page);
      await o.page.locator('[data-testid=notices] [data-kind=warn]', { hasText: '天地图' }).waitFor();
      await expect.poll(async () => (await snapshot(o.page)).base).toBeNull();
      expect(o.online.filter((u) => u.includes('tianditu'))).toEqual([]);
    } finally {
      await o.close();
    }
  });
});
