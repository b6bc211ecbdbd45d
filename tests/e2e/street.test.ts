/**
 * Street scale (issue 11): the config-driven default base (a second build with VITE_* settings,
 * served by its own `vite preview`), 天地图 online search against page.route fixtures in the API's
 * published shapes, and Nearby's numbered markers and statuses on a phone. Nothing leaves the
 * machine: every off-origin request is answered by a route (tiles with a local PNG).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { baseUrl, launch, waitIdle } from './browser.ts';
import { TDT_FIXTURES as F } from './tdtFixtures.ts';

type LonLat = [number, number];
const KEY = 'f00dcafe0123456789abcdef01234567';
const REVIEW = 'GS(2099)0001号';
const ICP = '浙ICP备00000000号-1';

const TILE = (() => {
  const png = new PNG({ width: 256, height: 256 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([236, 232, 222, 255], i);
  return PNG.sync.write(png);
})();

let browser: Browser;
let keyed: ChildProcess | undefined;
let keyedUrl = '';
let outDir = '';

beforeAll(async () => {
  browser = await launch();
  // a second build with deployment settings (a fake key), served on its own port
  outDir = mkdtempSync(join(tmpdir(), 'yc-street-'));
  const b = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error', '--minify', 'false'], {
    env: { ...process.env, VITE_TDT_KEY: KEY, VITE_MAP_REVIEW_NO: REVIEW, VITE_ICP: ICP },
    encoding: 'utf8',
  });
  if (b.status !== 0) throw new Error(`keyed build failed: ${b.stderr}`);
  const port = 5200 + Math.floor(Math.random() * 500);
  keyed = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--strictPort', '--port', String(port)], { stdio: 'ignore' });
  keyedUrl = `http://127.0.0.1:${port}/`;
  for (const deadline = Date.now() + 30_000; ; ) {
    try {
      if ((await fetch(keyedUrl)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('keyed preview did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}, 240_000);

afterAll(async () => {
  await browser?.close();
  keyed?.kill('SIGTERM');
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

type Answer = { status?: number; contentType?: string; body: string } | 'hang';
interface Routed {
  page: Page;
  context: BrowserContext;
  /** 天地图 API requests seen (search and geocoder) */
  api: string[];
  tiles: string[];
  /** how the next API requests are answered */
  answer: { search: Answer; geocoder: Answer };
  errors: string[];
}

async function openRouted(url: string, viewport = { width: 1280, height: 800 }, locale = 'zh-CN'): Promise<Routed> {
  const context = await browser.newContext({ viewport, locale });
  const origin = new URL(url).origin;
  const r: Routed = { page: undefined as unknown as Page, context, api: [], tiles: [], answer: { search: { body: JSON.stringify(F.searchOk) }, geocoder: { body: JSON.stringify(F.geocoderOk) } }, errors: [] };
  const hanging: Route[] = [];
  await context.route((u) => u.origin !== origin, (rt) => rt.abort());
  await context.route(/https:\/\/t\d\.tianditu\.gov\.cn\//, (rt) => {
    r.tiles.push(rt.request().url());
    return rt.fulfill({ status: 200, contentType: 'image/png', body: TILE });
  });
  await context.route(/https:\/\/api\.tianditu\.gov\.cn\/(v2\/search|geocoder)/, (rt) => {
    const u = rt.request().url();
    r.api.push(u);
    const a = /geocoder/.test(u) ? r.answer.geocoder : r.answer.search;
    if (a === 'hang') return void hanging.push(rt);
    return rt.fulfill({ status: a.status ?? 200, contentType: a.contentType ?? 'application/json;charset=UTF-8', body: a.body });
  });
  const page = await context.newPage();
  r.page = page;
  page.on('pageerror', (e) => r.errors.push(String(e)));
  await page.goto(url);
  await waitIdle(page, 60_000);
  return r;
}

const mapEval = <T>(page: Page, body: string) => page.evaluate((b) => new Function('m', b)((window as unknown as { __map: unknown }).__map), body) as Promise<T>;

describe('a deployment with a 天地图 key (VITE_TDT_KEY, VITE_MAP_REVIEW_NO, VITE_ICP)', () => {
  let o: Routed;
  beforeAll(async () => {
    o = await openRouted(keyedUrl);
  }, 90_000);
  afterAll(async () => o?.context.close());

  it('starts on 天地图 vector + annotation, says so with its 审图号, shows the ICP, and keeps the default and the key out of the URL', async () => {
    await o.page.waitForSelector('[data-testid=base-info][data-base=tdt-vec]');
    const layers = await mapEval<string[]>(o.page, `return m.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith('bm-'));`);
    expect(layers).toEqual(['bm-tdt-vec', 'bm-tdt-cva']);
    await o.page.waitForFunction(() => document.querySelector('[data-testid=base-info]')?.textContent?.includes('审图号'));
    expect(await o.page.getAttribute('[data-testid=base-info]', 'data-review')).toBe(REVIEW);
    expect(o.tiles.some((u) => u.includes('/vec_w/'))).toBe(true);
    expect(o.tiles.some((u) => u.includes('/cva_w/'))).toBe(true);
    expect(o.tiles.every((u) => u.includes(`tk=${KEY}`))).toBe(true);
    expect(await o.page.textContent('[data-testid=icp-footer]')).toContain(ICP);
    const url = o.page.url();
    expect(url).not.toContain('base=');
    expect(url).not.toContain(KEY);
    // the embedded base, chosen explicitly, goes into the URL and says it is a sketch, without a 审图号
    await o.page.click('[data-testid=basemap-toggle]');
    await o.page.check('[data-testid=basemap-offline]');
    await o.page.waitForFunction(() => location.search.includes('base=offline'));
    const info = await o.page.textContent('[data-testid=base-info]');
    expect(info).toContain('示意图');
    expect(info).not.toContain('审图号');
    await o.page.check('[data-testid=basemap-tdt-vec]');
    await o.page.waitForFunction(() => !location.search.includes('base='));
    await o.page.keyboard.press('Escape');
  }, 60_000);

  /** type a query and wait until the online block has settled */
  async function query(q: string, timeout = 15_000) {
    await o.page.fill('[data-testid=search-input]', '');
    await o.page.fill('[data-testid=search-input]', q);
    await o.page.waitForSelector('[data-testid=online-results][data-state=done]', { timeout });
  }

  it('天地图 results sit below the local ones; debounced, one request at a time, key never in the page URL', async () => {
    o.api.length = 0;
    // typed character by character: the debounce sends one search and one geocoder request
    await o.page.fill('[data-testid=search-input]', '');
    await o.page.type('[data-testid=search-input]', '中兴路', { delay: 60 });
    await o.page.waitForSelector('[data-testid=online-results][data-state=done]', { timeout: 15_000 });
    const hits = await o.page.$$eval('[data-testid=online-hit]', (els) => els.map((e) => e.textContent ?? ''));
    expect(hits.length).toBe(3); // geocoder match + 2 POIs inside the district (the Beijing one is dropped)
    expect(hits.every((t) => t.includes('天地图'))).toBe(true);
    expect(o.api.filter((u) => u.includes('/v2/search')).length).toBe(1);
    expect(o.api.filter((u) => u.includes('/geocoder')).length).toBe(1);
    const post = JSON.parse(new URL(o.api.find((u) => u.includes('/v2/search'))!).searchParams.get('postStr')!);
    expect(post).toMatchObject({ keyWord: '中兴路', queryType: '1', specify: '156330602' });
    const [minx, miny, maxx, maxy] = String(post.mapBound).split(',').map(Number);
    expect(minx).toBeGreaterThan(120.3);
    expect(maxx).toBeLessThan(120.9);
    expect(miny).toBeGreaterThan(29.8);
    expect(maxy).toBeLessThan(30.3);
    // the online block comes after every local result
    const order = await o.page.$$eval('[data-testid=search-results] > li', (els) => els.map((e) => (e.matches('[data-testid=online-results]') ? 'online' : 'local')));
    expect(order.at(-1)).toBe('online');
    expect(order.indexOf('online')).toBe(order.length - 1);
    expect(o.page.url()).not.toContain(KEY);
  }, 60_000);

  it('an address can become "my place" for 附近', async () => {
    await query('鲁迅故里');
    const hit = o.page.locator('[data-testid=online-hit]', { hasText: '鲁迅中路' });
    await hit.locator('[data-testid=online-as-place]').dispatchEvent('mousedown');
    await o.page.waitForSelector('[data-testid=nearby-place][data-place="120.5806,29.9962"]', { timeout: 45_000 });
    expect(await o.page.textContent('[data-testid=nearby-place]')).toContain('鲁迅故里');
    expect(o.page.url()).toContain('place=120.5806');
    expect(o.page.url()).not.toContain(KEY);
  }, 60_000);

  it.each([
    ['empty', { search: { body: JSON.stringify(F.searchEmpty) }, geocoder: { body: JSON.stringify(F.geocoderEmpty) } }, 'none'],
    ['error code', { search: { body: JSON.stringify(F.searchError) }, geocoder: { body: JSON.stringify({ status: '1', msg: '参数错误' }) } }, 'service'],
    ['bad key (403)', { search: { status: 403, body: JSON.stringify(F.keyRefused) }, geocoder: { status: 403, body: JSON.stringify(F.keyRefused) } }, 'key'],
    ['5xx', { search: { status: 502, contentType: 'text/html', body: F.htmlPage }, geocoder: { status: 503, contentType: 'text/html', body: F.htmlPage } }, 'server'],
    ['HTML error page with 200', { search: { contentType: 'text/html', body: F.htmlPage }, geocoder: { contentType: 'text/html', body: F.htmlPage } }, 'format'],
    ['malformed JSON', { search: { body: '{"resultType":1,"pois":[{"name":' }, geocoder: { body: '{"status":"0","location":' } }, 'format'],
    ['timeout', { search: 'hang' as const, geocoder: 'hang' as const }, 'timeout'],
  ] as const)('%s: one quiet line, local results stay', async (_name, answer, want) => {
    o.answer = answer as Routed['answer'];
    await query('鲁迅', 20_000);
    const block = o.page.locator('[data-testid=online-results]');
    if (want === 'none') {
      await expect(block.getAttribute('data-error')).resolves.toBe('');
      expect(await o.page.isVisible('[data-testid=online-none]')).toBe(true);
    } else {
      expect(await block.getAttribute('data-error')).toBe(want);
      const line = await o.page.textContent('[data-testid=online-error]');
      expect(line).toMatch(/仅显示本地结果/);
      expect(line).not.toContain(KEY);
    }
    expect(await o.page.locator('[data-testid=online-hit]').count()).toBe(0);
    // local results still listed above
    expect(await o.page.locator('[data-testid=search-results] li button[data-id]').count()).toBeGreaterThan(0);
    o.answer = { search: { body: JSON.stringify(F.searchOk) }, geocoder: { body: JSON.stringify(F.geocoderOk) } };
  }, 60_000);

  it('no page errors', () => expect(o.errors).toEqual([]));
});

describe('nearby on a phone (390×844) at 鲁迅故里', () => {
  const luxun = JSON.parse(readFileSync('geodata/culture.geojson', 'utf8')).features.find((f: { properties: { id: string } }) => f.properties.id === 'luxun-native-place');
  const LUXUN = luxun.geometry.coordinates as LonLat;
  // one language here (the row text is checked in it); both languages are looked at in the screenshots
  for (const lang of ['zh'] as const) {
    it(`numbered markers in list order, every row with a status (${lang}); without a key no query leaves the page`, async () => {
      const o = await openRouted(`${baseUrl()}?tab=nearby&place=${LUXUN.join(',')}&r=1000&lang=${lang}`, { width: 390, height: 844 }, lang === 'zh' ? 'zh-CN' : 'en-US');
      try {
        await o.page.waitForSelector('[data-testid=nearby-results] li');
        await waitIdle(o.page, 60_000);
        const rows = await o.page.$$eval('[data-testid=nearby-results] li', (els) =>
          els.map((e) => ({ id: e.getAttribute('data-id'), n: Number(e.getAttribute('data-n')), status: e.getAttribute('data-status'), num: e.querySelector('.num [aria-hidden]')?.textContent, when: e.querySelector('[data-testid=nearby-status]')?.textContent ?? '' })),
        );
        expect(rows.length).toBeGreaterThan(2);
        rows.forEach((r, i) => {
          expect(r.n).toBe(i + 1);
          expect(r.num).toBe(String(i + 1));
          expect(['completed', 'underway', 'planned']).toContain(r.status);
          expect(r.when).toContain(lang === 'zh' ? '2021年4月' : 'April 2021');
          expect(r.when).toMatch(/2021–2025|2035/);
        });
        // the markers on the map carry the same numbers for the same features
        const markers = await mapEval<{ n: number; id: string }[]>(o.page, `return m.queryRenderedFeatures({ layers: ['nearby-marker-num'] }).map((f) => ({ n: f.properties.n, id: f.properties.id }));`);
        const byN = new Map(markers.map((k) => [k.n, k.id]));
        const inView = rows.filter((r) => byN.has(r.n));
        expect(inView.length).toBeGreaterThan(2);
        for (const r of inView) expect(byN.get(r.n)).toBe(r.id);
        expect(await mapEval<number>(o.page, `return m.queryRenderedFeatures({ layers: ['nearby-marker'] }).length;`)).toBeGreaterThan(2);
        // markers and the you-are-here dot above every label; zone fills dimmed
        const z = await mapEval<{ dot: number; lastLabel: number; dim: unknown }>(
          o.page,
          `const ls = m.getStyle().layers; const ids = ls.map((l) => l.id);
           const zf = ls.find((l) => l.type === 'fill' && l.metadata && l.metadata['yc:group'] === 'zones');
           return { dot: ids.indexOf('nearby-place'), lastLabel: ls.findLastIndex((l) => l.metadata && l.metadata['yc:label']), dim: zf ? m.getPaintProperty(zf.id, 'fill-opacity') : null };`,
        );
        expect(z.dot).toBeGreaterThan(z.lastLabel);
        expect(JSON.stringify(z.dim)).toContain('0.35');
        // on a phone the list comes before the radius controls
        const yList = (await o.page.locator('[data-testid=nearby-results]').boundingBox())!.y;
        const yRadius = (await o.page.locator('#nearby-radius-h').boundingBox())!.y;
        expect(yList).toBeLessThan(yRadius);
        expect(o.errors).toEqual([]);
        // the default build has no key: typing searches locally only, nothing goes to 天地图
        await o.page.fill('[data-testid=search-input]', '中兴路');
        await o.page.waitForTimeout(1200); // longer than the debounce: a request would have gone by now
        expect(o.api).toEqual([]);
        expect(await o.page.locator('[data-testid=online-results]').count()).toBe(0);
        expect(await o.page.locator('[data-testid=base-info]').count()).toBe(0);
        await o.page.fill('[data-testid=search-input]', '');
        // leaving Nearby restores the fills
        await o.page.click('#tab-layers');
        await o.page.waitForFunction(() => {
          const m = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
          const zf = m.getStyle().layers.find((l) => l.type === 'fill' && (l.metadata as Record<string, unknown>)?.['yc:group'] === 'zones');
          return zf && !JSON.stringify(m.getPaintProperty(zf.id, 'fill-opacity')).includes('0.35');
        });
      } finally {
        await o.context.close();
      }
    }, 120_000);
  }
});
