/** The frame (issue 2): layers, filters, search, detail, URL state, languages, no outside requests. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, renderedIds, waitIdle, baseUrl, type Opened } from './browser.ts';
import { GROUPS } from '../../src/lib/layers/registry.ts';
import { layerIdsOf } from '../../src/lib/layers/style.ts';
import { loadAllGroups } from '../unit/helpers.ts';

let browser: Browser;
const data = loadAllGroups();
const SHOTS = 'tests/e2e/__screens__';

beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => browser?.close());

const outsideRequests = (o: Opened) => o.requests.filter((u) => !/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(u));
const allGroupLayers = GROUPS.flatMap((g) => layerIdsOf(g.id));
const planLayers = GROUPS.filter((g) => !g.base).flatMap((g) => layerIdsOf(g.id));
const featureGroup = (id: string) => GROUPS.find((g) => data[g.id].features.some((f) => f.properties?.id === id))?.id;

async function whole(page: Page) {
  await page.evaluate(() => (window as unknown as { __map: { jumpTo(o: unknown): void } }).__map.jumpTo({ center: [120.66, 30.05], zoom: 10.2 }));
  await waitIdle(page);
}

describe('the app frame', () => {
  it('loads with no console errors and no request to any other host', async () => {
    const o = await openApp(browser);
    try {
      expect(await renderedIds(o.page, planLayers)).not.toHaveLength(0);
      expect(o.errors).toEqual([]);
      expect(outsideRequests(o)).toEqual([]);
      expect(o.requests.length).toBeGreaterThan(5);
      await o.page.screenshot({ path: `${SHOTS}/home-zh-1280.png` });
    } finally {
      await o.close();
    }
  });

  it('toggling each group changes what the map renders for its layers', async () => {
    const o = await openApp(browser);
    try {
      const checked: string[] = [];
      for (const g of GROUPS.filter((g) => g.toggleable)) {
        if (!data[g.id].features.length) continue;
        await whole(o.page);
        const layers = layerIdsOf(g.id);
        if (!g.defaultVisible) {
          // a group off by default (areas) renders nothing until it is switched on
          expect(await renderedIds(o.page, layers), `${g.id} is off by default`).toEqual([]);
          await o.page.getByTestId(`toggle-${g.id}`).check();
          await waitIdle(o.page);
        }
        const before = await renderedIds(o.page, layers);
        expect(before.length, `${g.id} renders when on`).toBeGreaterThan(0);
        await o.page.getByTestId(`toggle-${g.id}`).uncheck();
        await waitIdle(o.page);
        expect(await renderedIds(o.page, layers), `${g.id} renders nothing when off`).toEqual([]);
        // off is a change from the defaults for a group on by default (the link says so); for a group
        // off by default it is the default again, so the link carries no layers=
        if (g.defaultVisible) await expect.poll(() => o.page.url(), { timeout: 15_000 }).toContain('layers=');
        else await expect.poll(() => o.page.url(), { timeout: 15_000 }).not.toContain('layers=');
        await o.page.getByTestId(`toggle-${g.id}`).check();
        await waitIdle(o.page);
        expect(await renderedIds(o.page, layers)).toEqual(before);
        checked.push(g.id);
      }
      expect(checked.length).toBeGreaterThanOrEqual(15);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  }, 600_000); // one page walks every group on and off: ~290 s on this 2-core machine with the areas group and its labels

  it('a category filter leaves only that category rendered and listed', async () => {
    const o = await openApp(browser, '?tab=filter');
    try {
      await o.page.getByTestId('cat-culture').click();
      await waitIdle(o.page);
      const rendered = await renderedIds(o.page, planLayers);
      expect(rendered.length).toBeGreaterThan(3);
      const isCulture = (id: string) => {
        const f = Object.values(data).flatMap((fc) => fc.features).find((x) => x.properties?.id === id)!;
        return f.properties!.category === 'culture' || (f.properties!.also ?? []).includes('culture');
      };
      for (const id of rendered) expect(isCulture(id), id).toBe(true);
      const listed = await o.page.locator('[data-testid="result-list"] button[data-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
      const expected = Object.values(data).flatMap((fc) => fc.features).filter((f) => f.properties?.excerpt_zh && isCulture(String(f.properties.id))).map((f) => String(f.properties!.id));
      expect([...listed].sort()).toEqual([...new Set(expected)].sort());
      await expect.poll(() => o.page.getByTestId('match-count').textContent(), { timeout: 15_000 }).toContain(String(listed.length));
      await expect.poll(() => o.page.url(), { timeout: 5_000 }).toContain('cat=culture');
    } finally {
      await o.close();
    }
  });

  it.each(['lxgl', '鲁迅', 'Lu Xun'])('search "%s" finds 鲁迅故里', async (q) => {
    const o = await openApp(browser);
    try {
      await o.page.getByTestId('search-input').fill(q);
      const hit = o.page.locator('[data-testid="search-results"] button[data-id="luxun-native-place"]');
      await hit.waitFor();
      await hit.dispatchEvent('mousedown');
      await o.page.getByTestId('detail').waitFor();
      expect(await o.page.getByTestId('detail').getAttribute('data-id')).toBe('luxun-native-place');
      await expect.poll(() => o.page.url(), { timeout: 15_000 }).toContain('sel=luxun-native-place');
    } finally {
      await o.close();
    }
  });

  it('clicking a project opens its detail, and the URL reproduces the state in a fresh page', async () => {
    const id = 'luxun-native-place';
    const o = await openApp(browser, '?v=15/29.996/120.581&tab=filter&st=completed,underway,planned');
    try {
      const pt = await o.page.evaluate((id) => {
        const m = (window as unknown as { __map: { queryRenderedFeatures(o?: unknown): { properties: { id: string }; geometry: { coordinates: [number, number] } }[]; project(c: [number, number]): { x: number; y: number } } }).__map;
        const f = m.queryRenderedFeatures().find((x) => x.properties.id === id)!;
        return m.project(f.geometry.coordinates);
      }, id);
      const box = (await o.page.locator('.maplibregl-canvas').boundingBox())!;
      await o.page.mouse.click(box.x + pt.x, box.y + pt.y);
      await o.page.getByTestId('detail').waitFor();
      const excerpt = data[featureGroup(id)!].features.find((f) => f.properties!.id === id)!.properties!.excerpt_zh;
      expect(await o.page.getByTestId('detail-excerpt').textContent()).toContain(excerpt);
      await o.page.getByTestId('read-in-plan').click();
      await o.page.getByTestId('plan-highlight').waitFor();
      expect((await o.page.getByTestId('plan-highlight').textContent())!.replace(/\s/g, '')).toBe(excerpt.replace(/\s|\*\*/g, ''));
      await o.page.keyboard.press('Escape');
      await expect.poll(() => o.page.url(), { timeout: 15_000 }).toContain(`sel=${id}`);
      const url = o.page.url();
      const view = await o.page.evaluate(() => {
        const m = (window as unknown as { __map: { getCenter(): { lng: number; lat: number }; getZoom(): number } }).__map;
        return { c: m.getCenter(), z: m.getZoom() };
      });

      const fresh = await openApp(browser, url.slice(baseUrl().length));
      try {
        await fresh.page.getByTestId('detail').waitFor();
        expect(await fresh.page.getByTestId('detail').getAttribute('data-id')).toBe(id);
        const v2 = await fresh.page.evaluate(() => {
          const m = (window as unknown as { __map: { getCenter(): { lng: number; lat: number }; getZoom(): number } }).__map;
          return { c: m.getCenter(), z: m.getZoom() };
        });
        expect(v2.z).toBeCloseTo(view.z, 1);
        expect(v2.c.lng).toBeCloseTo(view.c.lng, 3);
        expect(v2.c.lat).toBeCloseTo(view.c.lat, 3);
        expect(fresh.page.url()).toBe(url);
        expect(fresh.errors).toEqual([]);
      } finally {
        await fresh.close();
      }
    } finally {
      await o.close();
    }
  });

  it('switching zh→en changes the panel text and the map labels without a reload', async () => {
    const o = await openApp(browser, '?v=14/29.999/120.583');
    try {
      await o.page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
      expect(await o.page.getByRole('tab', { name: '图层' }).count()).toBe(1);
      const zhField = await o.page.evaluate(() => JSON.stringify((window as unknown as { __map: { getLayoutProperty(l: string, p: string): unknown } }).__map.getLayoutProperty('culture-label', 'text-field')));
      await o.page.getByTestId('lang-toggle').click();
      await waitIdle(o.page);
      expect(await o.page.getByRole('tab', { name: 'Layers' }).count()).toBe(1);
      const enField = await o.page.evaluate(() => JSON.stringify((window as unknown as { __map: { getLayoutProperty(l: string, p: string): unknown } }).__map.getLayoutProperty('culture-label', 'text-field')));
      const enZones = await o.page.evaluate(() => JSON.stringify((window as unknown as { __map: { getLayoutProperty(l: string, p: string): unknown } }).__map.getLayoutProperty('zones-label', 'text-field')));
      expect(zhField.startsWith('["coalesce",["get","name_zh"]')).toBe(true);
      // small project labels are English only in English; large labels (zones) keep the Chinese below
      expect(enField.startsWith('["coalesce",["get","name_en"]')).toBe(true);
      expect(enZones.startsWith('["format",["coalesce",["get","name_en"]')).toBe(true);
      expect(await o.page.evaluate(() => (window as unknown as { __marker: number }).__marker)).toBe(42);
      await expect.poll(() => o.page.url(), { timeout: 5_000 }).toContain('lang=en');
      expect(await o.page.evaluate(() => document.documentElement.lang)).toBe('en');
      await o.page.screenshot({ path: `${SHOTS}/oldcity-en-1280.png` });
    } finally {
      await o.close();
    }
  });

  it('a malformed or unknown parameter is ignored with a notice, never a blank page', async () => {
    const o = await openApp(browser, '?v=abc&zone=middle&foo=1&sel=<script>&cat=culture');
    try {
      const notices = await o.page.getByTestId('notices').textContent();
      expect(notices).toContain('v');
      expect(notices).toContain('foo');
      expect(await renderedIds(o.page, planLayers)).not.toHaveLength(0);
      await expect.poll(() => o.page.url(), { timeout: 15_000 }).toContain('cat=culture');
      expect(o.page.url()).not.toContain('foo=');
    } finally {
      await o.close();
    }
  });

  it('phone layout: a bottom drawer that leaves the map controls usable, in both languages', async () => {
    for (const lang of ['zh', 'en']) {
      const o = await openApp(browser, `?lang=${lang}`, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      try {
        const panel = (await o.page.locator('aside.panel').boundingBox())!;
        const zoomIn = (await o.page.locator('.maplibregl-ctrl-zoom-in').boundingBox())!;
        const scale = (await o.page.locator('.maplibregl-ctrl-scale').boundingBox())!;
        expect(panel.y).toBeGreaterThan(400);
        expect(zoomIn.y + zoomIn.height).toBeLessThan(panel.y);
        expect(scale.y + scale.height).toBeLessThanOrEqual(panel.y + 1);
        const z0 = await o.page.evaluate(() => (window as unknown as { __map: { getZoom(): number } }).__map.getZoom());
        await o.page.locator('.maplibregl-ctrl-zoom-in').tap();
        await expect.poll(() => o.page.evaluate(() => (window as unknown as { __map: { getZoom(): number } }).__map.getZoom()), { timeout: 15_000 }).toBeGreaterThan(z0);
        await o.page.screenshot({ path: `${SHOTS}/home-${lang}-390.png` });
        expect(allGroupLayers.length).toBeGreaterThan(0);
        // the attribution starts folded, clear of the legend button, and its ⓘ unfolds it
        const attrib = o.page.locator('.maplibregl-ctrl-attrib');
        expect(await attrib.getAttribute('class')).not.toContain('maplibregl-compact-show');
        const legend = (await o.page.locator('[data-testid=legend] .head').boundingBox())!;
        const folded = (await attrib.boundingBox())!;
        expect(folded.x).toBeGreaterThan(legend.x + legend.width);
        await o.page.locator('.maplibregl-ctrl-attrib-button').tap();
        await expect.poll(() => attrib.getAttribute('class')).toContain('maplibregl-compact-show');
        expect(await attrib.textContent()).toContain('OpenStreetMap');
      } finally {
        await o.close();
      }
    }
  });

  it('at street zoom a polygon is labelled once, at its label point (not once per tile)', async () => {
    // zoom 14 over the old city: the central zone and several parks span many 512 px tiles
    const o = await openApp(browser, '?v=14/30.0/120.585');
    try {
      const labels = await o.page.evaluate(() => {
        const m = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
        const ids = m.getStyle().layers.filter((l) => l.type === 'symbol' && (l.metadata as { 'yc:label'?: boolean } | undefined)?.['yc:label']).map((l) => l.id);
        return m.queryRenderedFeatures({ layers: ids }).map((f) => ({ layer: f.layer.id, id: String(f.properties.id), lp: !!f.properties.label_point }));
      });
      const polygonLabels = labels.filter((l) => l.lp);
      expect(polygonLabels.length).toBeGreaterThan(0);
      expect(polygonLabels.some((l) => l.layer === 'zones-label')).toBe(true);
      const counts = new Map<string, number>();
      for (const l of polygonLabels) counts.set(`${l.layer} ${l.id}`, (counts.get(`${l.layer} ${l.id}`) ?? 0) + 1);
      expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
      // the polygons themselves are still drawn (fills), just not labelled per tile
      expect(await renderedIds(o.page, ['zones-fill'])).not.toHaveLength(0);
    } finally {
      await o.close();
    }
  });

  it('every feature is reachable without a mouse: the list opens details with Enter', async () => {
    const o = await openApp(browser, '?tab=filter');
    try {
      const first = o.page.locator('[data-testid="result-list"] button[data-id]').first();
      const id = await first.getAttribute('data-id');
      await first.focus();
      await o.page.keyboard.press('Enter');
      await o.page.getByTestId('detail').waitFor();
      expect(await o.page.getByTestId('detail').getAttribute('data-id')).toBe(id);
    } finally {
      await o.close();
    }
  });
});
