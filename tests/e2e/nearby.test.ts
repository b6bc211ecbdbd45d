/**
 * Residents: what is planned near me. The app's list is checked against an independent oracle:
 * a brute-force scan with turf over every plan feature, read here from the geodata files.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { booleanPointInPolygon, distance, lineString, point, pointToLineDistance, pointToPolygonDistance } from '@turf/turf';
import { launch, openApp, waitIdle, baseUrl, type Opened } from './browser.ts';
import { PLAN_GROUPS } from '../../src/lib/plan/types.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = 'tests/e2e/__screens__';
const readFc = (rel: string): FeatureCollection => {
  const p = `${ROOT}geodata/${rel}`;
  if (!existsSync(p)) throw new Error(`geodata/${rel} is missing`);
  return JSON.parse(readFileSync(p, 'utf8')) as FeatureCollection;
};

type LonLat = [number, number];

// ---------- the oracle: turf, brute force, no app code ----------
/**
 * Every plan feature a resident is told about: the functional zones are reported in their own line,
 * and the plan areas (滨海新区, 袍江…: district-scale extents) are not "planned near me".
 */
const PLAN: Feature[] = PLAN_GROUPS.filter((g) => g !== 'zones' && g !== 'areas' && existsSync(`${ROOT}geodata/${g}.geojson`)).flatMap((g) => readFc(`${g}.geojson`).features);
const AREA_IDS = new Set(readFc('areas.geojson').features.map((f) => String(f.properties?.id)));
const ZONES = readFc('zones.geojson');
const OUTLINE = readFc('base/outline.geojson');

function oracleDistance(p: LonLat, g: Geometry | null): number {
  if (!g) return Infinity;
  const P = point(p);
  const line = (cs: Position[]) => (cs.length === 1 ? distance(P, point(cs[0]), { units: 'meters' }) : pointToLineDistance(P, lineString(cs), { units: 'meters', method: 'geodesic' }));
  switch (g.type) {
    case 'Point':
      return distance(P, point(g.coordinates), { units: 'meters' });
    case 'MultiPoint':
      return Math.min(...g.coordinates.map((c) => distance(P, point(c), { units: 'meters' })));
    case 'LineString':
      return line(g.coordinates);
    case 'MultiLineString':
      return Math.min(...g.coordinates.map(line));
    case 'Polygon':
    case 'MultiPolygon':
      return Math.max(0, pointToPolygonDistance(P, g, { units: 'meters' }));
    default:
      return Infinity;
  }
}

function oracle(p: LonLat, r: number): { id: string; d: number }[] {
  return PLAN.map((f) => ({ id: String(f.properties?.id), d: oracleDistance(p, f.geometry) }))
    .filter((x) => x.d <= r)
    .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const oracleZone = (p: LonLat) => ZONES.features.filter((z) => booleanPointInPolygon(p, z as Feature<never>)).map((z) => String(z.properties?.id));

// ---------- reading the app ----------
async function listed(page: Page): Promise<{ id: string; d: number }[]> {
  return page.$$eval('[data-testid=nearby-results] > li', (els) => els.map((e) => ({ id: (e as HTMLElement).dataset.id!, d: Number((e as HTMLElement).dataset.distance) })));
}

async function waitRadius(page: Page, r: number) {
  await page.waitForSelector(`[data-testid=nearby-travel][data-r="${r}"]`, { timeout: 30_000 });
}

async function waitPlace(page: Page, place: string) {
  await page.waitForSelector(`[data-testid=nearby-place][data-place="${place}"]`, { timeout: 30_000 });
}

function expectSameAsOracle(got: { id: string; d: number }[], want: { id: string; d: number }[], label: string) {
  expect(got.map((x) => x.id), label).toEqual(want.map((x) => x.id));
  got.forEach((x, i) => expect(Math.abs(x.d - want[i].d), `${label}: ${x.id}`).toBeLessThan(0.01));
}

const mapEval = <T>(page: Page, fn: string) => page.evaluate(`(() => { const m = window.__map; ${fn} })()`) as Promise<T>;

let browser: Browser;
/** Reduced motion: the app then jumps instead of animating, so software rendering has less to draw. */
const open = (query: string, ctx: BrowserContextOptions = {}) => openApp(browser, query, { reducedMotion: 'reduce', ...ctx });
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => browser?.close());

const luxun = PLAN.find((f) => f.properties?.id === 'luxun-native-place');
const LUXUN = (luxun?.geometry as { coordinates: LonLat } | undefined)?.coordinates;
const fmt = (p: LonLat) => `${+p[0].toFixed(6)},${+p[1].toFixed(6)}`;

describe('nearby: the list equals a brute-force oracle', () => {
  it('has data to test with', () => {
    expect(PLAN.length).toBeGreaterThan(30);
    expect(LUXUN).toBeDefined();
    expect(ZONES.features.length).toBeGreaterThan(0);
  });

  const places: { name: string; p: LonLat }[] = [
    { name: '鲁迅故里', p: LUXUN ?? [120.58111, 29.995] },
    { name: 'high-tech zone', p: [120.64, 30.03] },
    { name: 'Binhai', p: [120.74, 30.15] },
    { name: 'Dongpu', p: [120.53, 30.04] },
    { name: 'Kuaijishan', p: [120.6, 29.95] },
  ];
  const RADII = [500, 1000, 2000, 5000];

  for (const { name, p } of places) {
    it(`${name} (${fmt(p)}): same set, same order for ${RADII.join(', ')} m; zone line matches point-in-polygon`, async () => {
      const o = await open(`?tab=nearby&place=${fmt(p)}&r=${RADII[0]}`);
      try {
        await waitPlace(o.page, fmt(p));
        for (const r of RADII) {
          if (r !== RADII[0]) await o.page.click(`[data-testid=nearby-r-${r}]`);
          await waitRadius(o.page, r);
          expect(await o.page.getAttribute(`[data-testid=nearby-r-${r}]`, 'aria-pressed')).toBe('true');
          const got = await listed(o.page);
          const want = oracle(p, r);
          expectSameAsOracle(got, want, `${name} r=${r}`);
          expect(got.filter((x) => AREA_IDS.has(x.id)), `${name} r=${r}: no plan area listed`).toEqual([]);
          expect(Number(await o.page.getAttribute('[data-testid=nearby-count]', 'data-n'))).toBe(want.length);
          if (name === '鲁迅故里' && r === 1000) expect(got.map((x) => x.id)).toEqual(expect.arrayContaining(['luxun-native-place', 'shaoxing-ancient-city']));
          if (name === '鲁迅故里' && r === 2000) expect(got.map((x) => x.id)).toEqual(expect.arrayContaining(['bazi-bridge', 'shusheng-native-place', 'shaoxing-ancient-city']));
        }
        // the URL keeps place and radius
        await expect.poll(() => o.page.url(), { timeout: 5_000 }).toContain(`place=${fmt(p)}`);
        await expect.poll(() => o.page.url(), { timeout: 5_000 }).toContain('r=5000');
        // zone line: the oracle's point-in-polygon answer
        const z = oracleZone(p);
        const shown = await o.page.getAttribute('[data-testid=nearby-zone]', 'data-zone');
        if (z.length) {
          expect(z).toContain(shown);
          const zf = ZONES.features.find((f) => f.properties?.id === shown)!;
          expect(await o.page.textContent('[data-testid=nearby-zone]')).toContain(String(zf.properties?.name_zh));
        } else expect(shown).toBe('');
        // nearest core and platform, with distances, by the same oracle
        for (const [tid, group] of [['nearby-core', 'cores'], ['nearby-platform', 'platforms']] as const) {
          const fs = readFc(`${group}.geojson`).features.map((f) => ({ id: String(f.properties?.id), d: oracleDistance(p, f.geometry) })).sort((a, b) => a.d - b.d);
          expect(await o.page.getAttribute(`[data-testid=${tid}]`, 'data-id')).toBe(fs[0].id);
          expect(Math.abs(Number(await o.page.getAttribute(`[data-testid=${tid}]`, 'data-distance')) - fs[0].d)).toBeLessThan(0.01);
        }
        expect(o.errors).toEqual([]);
      } finally {
        await o.close();
      }
    });
  }

  it('the places lie in at least four different zones (so the zone line is really tested)', () => {
    expect(new Set(places.flatMap(({ p }) => oracleZone(p))).size).toBeGreaterThanOrEqual(4);
  });
});

describe('nearby: deep link, map, keyboard and hover', () => {
  it('restores place, radius and results from the link, draws the circle and frames it', async () => {
    const p: LonLat = [120.64, 30.03];
    const o = await open(`?tab=nearby&place=${fmt(p)}&r=2000`);
    try {
      await waitPlace(o.page, fmt(p));
      await waitRadius(o.page, 2000);
      expect(await o.page.getAttribute('[data-testid=nearby-r-2000]', 'aria-pressed')).toBe('true');
      expectSameAsOracle(await listed(o.page), oracle(p, 2000), 'deep link');
      await waitIdle(o.page);
      // the marker and the circle are rendered: the circle below the labels, the you-are-here dot above them (issue 11)
      const drawn = await mapEval<{ place: number; rim: number; order: boolean; bounds: number[] }>(
        o.page,
        `const ids = m.getStyle().layers.map((l) => l.id);
         const firstLabel = m.getStyle().layers.findIndex((l) => l.metadata && l.metadata['yc:label']);
         const lastLabel = m.getStyle().layers.findLastIndex((l) => l.metadata && l.metadata['yc:label']);
         const b = m.getBounds();
         return { place: m.queryRenderedFeatures({ layers: ['nearby-place'] }).length, rim: m.queryRenderedFeatures({ layers: ['nearby-rim'] }).length,
                  order: ids.indexOf('nearby-place') > lastLabel && ids.indexOf('nearby-fill') < firstLabel && ids.indexOf('nearby-fill') > 0, bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] };`,
      );
      expect(drawn.place).toBe(1);
      expect(drawn.rim).toBeGreaterThan(0);
      expect(drawn.order).toBe(true);
      // the whole circle is in view (framed from the link)
      const dLat = 2000 / 111195;
      expect(drawn.bounds[1]).toBeLessThan(p[1] - dLat);
      expect(drawn.bounds[3]).toBeGreaterThan(p[1] + dLat);
      expect(drawn.bounds[0]).toBeLessThan(p[0] - dLat / Math.cos((p[1] * Math.PI) / 180));

      // keyboard: arrows move through the list, hover follows focus, Enter opens the detail
      const first = await o.page.$('[data-testid=nearby-results] li:nth-child(1) button');
      const ids = (await listed(o.page)).map((x) => x.id);
      expect(ids.length).toBeGreaterThan(2);
      await first!.focus();
      await o.page.keyboard.press('ArrowDown');
      expect(await o.page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe(ids[1]);
      const group = String(PLAN.find((f) => f.properties?.id === ids[1])?.properties?.layer);
      await o.page.waitForFunction(([g, id]) => (window as unknown as { __map: { getFeatureState(k: unknown): { hover?: boolean } } }).__map.getFeatureState({ source: `g-${g}`, id }).hover === true, [group, ids[1]]);
      await o.page.keyboard.press('Enter');
      await o.page.waitForSelector(`[data-testid=detail][data-id="${ids[1]}"]`);
      await expect.poll(() => o.page.url(), { timeout: 5_000 }).toContain(`sel=${ids[1]}`);
      // back to the list: the place and radius are still there and focus returns to the item
      await o.page.click('[data-testid=detail-close]');
      await waitPlace(o.page, fmt(p));
      await o.page.waitForFunction((id) => (document.activeElement as HTMLElement | null)?.dataset?.id === id, ids[1]);
      expectSameAsOracle(await listed(o.page), oracle(p, 2000), 'after detail');

      // map hover → the list item lights up
      const pointHit = ids.map((id) => PLAN.find((f) => f.properties?.id === id)!).find((f) => f.geometry.type === 'Point')!;
      const xy = await o.page.evaluate((c) => {
        const m = (window as unknown as { __map: { project(c: unknown): { x: number; y: number }; getCanvas(): HTMLCanvasElement } }).__map;
        const r = m.getCanvas().getBoundingClientRect();
        const q = m.project(c);
        return { x: r.left + q.x, y: r.top + q.y };
      }, (pointHit.geometry as { coordinates: number[] }).coordinates);
      await o.page.mouse.move(xy.x, xy.y);
      await o.page.waitForFunction(
        (id) => document.querySelector(`[data-testid=nearby-results] button[data-id="${id}"]`)?.classList.contains('hover'),
        String(pointHit.properties?.id),
      );
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('tapping empty map sets the place (and the list follows); bad radius input gets a message and keeps the radius', async () => {
    const o = await open('?tab=nearby&lang=en');
    try {
      await o.page.waitForSelector('[data-testid=nearby-noplace]');
      // an empty spot inside the district: no plan point or line within 8 px
      await mapEval(o.page, `m.jumpTo({ center: [120.6, 30.02], zoom: 12 });`);
      await waitIdle(o.page);
      const spot = await mapEval<{ x: number; y: number; lon: number; lat: number } | null>(
        o.page,
        `const c = m.getCanvas(); const r = c.getBoundingClientRect();
         const ids = m.getStyle().layers.filter((l) => l.metadata && l.metadata['yc:filterable']).map((l) => l.id);
         for (let y = 0.3; y < 0.8; y += 0.05) for (let x = 0.3; x < 0.8; x += 0.05) {
           const px = Math.round(x * r.width), py = Math.round(y * r.height);
           const hits = m.queryRenderedFeatures([[px - 8, py - 8], [px + 8, py + 8]], { layers: ids }).filter((f) => !f.geometry.type.includes('Polygon'));
           if (!hits.length) { const ll = m.unproject([px, py]); return { x: r.left + px, y: r.top + py, lon: ll.lng, lat: ll.lat }; }
         }
         return null;`,
      );
      expect(spot).not.toBeNull();
      await o.page.mouse.click(spot!.x, spot!.y);
      await o.page.waitForSelector('[data-testid=nearby-place]');
      const placed = (await o.page.getAttribute('[data-testid=nearby-place]', 'data-place'))!.split(',').map(Number) as LonLat;
      // within two pixels (~0.00035° at zoom 12) of the tapped spot
      expect(Math.abs(placed[0] - spot!.lon)).toBeLessThan(3.5e-4);
      expect(Math.abs(placed[1] - spot!.lat)).toBeLessThan(3.5e-4);
      expect(await o.page.textContent('[data-testid=nearby-place]')).toContain('tapped on the map');
      expectSameAsOracle(await listed(o.page), oracle(placed, 1000), 'tap');
      // no detail opened by the tap
      expect(await o.page.$('[data-testid=detail]')).toBeNull();

      // free radius entry: valid, then invalid (message, radius kept)
      await o.page.fill('[data-testid=nearby-r-input]', '1.5 km');
      await o.page.click('[data-testid=nearby-r-apply]');
      await waitRadius(o.page, 1500);
      expectSameAsOracle(await listed(o.page), oracle(placed, 1500), 'r=1.5 km');
      for (const bad of ['abc', '10', '99 km']) {
        await o.page.fill('[data-testid=nearby-r-input]', bad);
        await o.page.click('[data-testid=nearby-r-apply]');
        await o.page.waitForSelector('[data-testid=nearby-r-error]');
        expect((await o.page.textContent('[data-testid=nearby-r-error]'))!.length).toBeGreaterThan(10);
        await waitRadius(o.page, 1500);
      }
      await expect.poll(() => o.page.url(), { timeout: 5_000 }).toContain('r=1500');
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('searching a place (pinyin initials, then a town) sets the place', async () => {
    const o = await open('?tab=nearby');
    try {
      await o.page.fill('[data-testid=nearby-search]', 'lxgl');
      await o.page.waitForSelector('[data-testid=nearby-search-results] button[data-id="luxun-native-place"]');
      await o.page.keyboard.press('Enter');
      await waitPlace(o.page, fmt(LUXUN!));
      expectSameAsOracle(await listed(o.page), oracle(LUXUN!, 1000), 'search lxgl');
      const towns = readFc('base/towns.geojson').features;
      const town = towns[0];
      await o.page.fill('[data-testid=nearby-search]', String(town.properties?.name_zh));
      await o.page.click(`[data-testid=nearby-search-results] button[data-id="${town.properties?.id}"]`);
      const tp = (town.geometry as unknown as { coordinates: LonLat }).coordinates;
      await waitPlace(o.page, fmt(tp));
      expectSameAsOracle(await listed(o.page), oracle([+tp[0].toFixed(6), +tp[1].toFixed(6)], 1000), 'search town');
    } finally {
      await o.close();
    }
  });
});

describe('nearby: geolocation and sharing', () => {
  async function locate(o: Opened) {
    await o.page.waitForSelector('[data-testid=nearby-locate]:not([disabled])');
    await o.page.click('[data-testid=nearby-locate]');
  }

  it('denied → a message and nothing lost; outside the district → a message; granted → the place, the list and the URL; share copies the link', async () => {
    // no permission granted: the browser denies
    const o = await open(`?tab=nearby&place=${fmt(LUXUN!)}&lang=en`, { geolocation: { longitude: 120.6, latitude: 30.0 } });
    try {
      const ctx = o.page.context();
      await waitPlace(o.page, fmt(LUXUN!));
      const before = await listed(o.page);
      await locate(o);
      await o.page.waitForSelector('[data-testid=nearby-message]');
      expect(await o.page.textContent('[data-testid=nearby-message]')).toContain('permission was denied');
      expect(await o.page.getAttribute('[data-testid=nearby-place]', 'data-place')).toBe(fmt(LUXUN!));
      expect(await listed(o.page)).toEqual(before);

      // granted, but in Hangzhou: outside the district
      const hangzhou: LonLat = [120.155, 30.274];
      expect(OUTLINE.features.length).toBeGreaterThan(0);
      expect(OUTLINE.features.some((f) => booleanPointInPolygon(hangzhou, f as Feature<never>))).toBe(false);
      await ctx.grantPermissions(['geolocation', 'clipboard-read', 'clipboard-write']);
      await ctx.setGeolocation({ longitude: hangzhou[0], latitude: hangzhou[1], accuracy: 30 });
      await locate(o);
      await o.page.waitForFunction(() => document.querySelector('[data-testid=nearby-message]')?.textContent?.includes('outside Yuecheng District'));
      expect(await o.page.getAttribute('[data-testid=nearby-place]', 'data-place')).toBe(fmt(LUXUN!));

      // granted, inside: the place moves there and the list follows
      const here: LonLat = [120.64, 30.03];
      await ctx.setGeolocation({ longitude: here[0], latitude: here[1], accuracy: 25 });
      await locate(o);
      await waitPlace(o.page, fmt(here));
      expect(await o.page.$('[data-testid=nearby-message]')).toBeNull();
      expect(await o.page.textContent('[data-testid=nearby-place]')).toContain('your device');
      expectSameAsOracle(await listed(o.page), oracle(here, 1000), 'gps');
      await o.page.waitForFunction((q) => location.search.includes(q), `place=${fmt(here)}`);

      // share: the clipboard gets the link, and the link restores the same list
      await o.page.click('[data-testid=nearby-r-5000]');
      await waitRadius(o.page, 5000);
      await o.page.waitForFunction(() => location.search.includes('r=5000'));
      await o.page.click('[data-testid=nearby-share]');
      await o.page.waitForSelector('[data-testid=nearby-share-msg]');
      expect(await o.page.textContent('[data-testid=nearby-share-msg]')).toContain('Link copied');
      const copied = await o.page.evaluate(() => navigator.clipboard.readText());
      expect(copied.startsWith(baseUrl())).toBe(true);
      expect(copied).toContain(`place=${fmt(here)}`);
      expect(copied).toContain('r=5000');
      expect(copied).toContain('tab=nearby');
      await o.page.goto('about:blank');
      await o.page.goto(copied);
      await waitIdle(o.page);
      await waitPlace(o.page, fmt(here));
      await waitRadius(o.page, 5000);
      expectSameAsOracle(await listed(o.page), oracle(here, 5000), 'copied link');
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('without a secure context it explains and offers tapping; without a clipboard, share shows the link to copy', async () => {
    const o = await open(`?tab=nearby&place=${fmt(LUXUN!)}&r=2000&lang=en`);
    try {
      await o.page.addInitScript(() => {
        Object.defineProperty(window, 'isSecureContext', { value: false });
        Object.defineProperty(navigator, 'clipboard', { value: undefined });
      });
      await o.page.reload();
      await waitIdle(o.page);
      await waitPlace(o.page, fmt(LUXUN!));
      await locate(o);
      await o.page.waitForSelector('[data-testid=nearby-message]');
      const text = await o.page.textContent('[data-testid=nearby-message]');
      expect(text).toContain('HTTPS');
      expect(text).toMatch(/tap the map/i);
      await o.page.click('[data-testid=nearby-share]');
      await o.page.waitForSelector('[data-testid=nearby-share-url]');
      const url = await o.page.inputValue('[data-testid=nearby-share-url]');
      expect(url.startsWith(baseUrl())).toBe(true);
      expect(url).toContain(`place=${fmt(LUXUN!)}`);
      expect(url).toContain('r=2000');
      expect(url).toContain('tab=nearby');
    } finally {
      await o.close();
    }
  });
});

describe('nearby: phone size', () => {
  it('390×844 in both languages: the panel fits, results are reachable, screenshots saved', async () => {
    const o = await open(`?tab=nearby&place=${fmt(LUXUN!)}&r=2000&lang=zh`, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      for (const lang of ['zh', 'en'] as const) {
        if (lang === 'en') {
          await o.page.click('[data-testid=lang-toggle]');
          await o.page.waitForFunction(() => document.documentElement.lang === 'en');
          await waitIdle(o.page);
        }
        await waitPlace(o.page, fmt(LUXUN!));
        expect(await o.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await o.page.screenshot({ path: `${SHOTS}/nearby-${lang}-390.png` });
        const first = o.page.locator('[data-testid=nearby-results] li').first();
        await first.scrollIntoViewIfNeeded();
        const box = await first.boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(390);
        expect(box!.y + box!.height).toBeLessThanOrEqual(844);
        expect(await o.page.textContent('[data-testid=nearby-results] li:first-child')).toMatch(lang === 'zh' ? /米|公里|在范围内/ : /\d+ (m|km)\b|inside/);
        expect(await o.page.textContent('[data-testid=nearby-zone]')).toMatch(lang === 'zh' ? /功能区/ : /zone/);
        await o.page.screenshot({ path: `${SHOTS}/nearby-${lang}-390-list.png` });
        expectSameAsOracle(await listed(o.page), oracle(LUXUN!, 2000), `phone ${lang}`);
      }
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });
});
