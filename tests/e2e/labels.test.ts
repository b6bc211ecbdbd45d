/**
 * Cartography at the overview with the plan areas on (off by default): the 滨海 cores and platforms
 * keep their labels (the areas' labels give way to them), neighbouring labels keep clear of each
 * other, and no platform or point label covers a key point's circle. Placed labels are read from MapLibre itself: queryRenderedFeatures on a symbol layer answers
 * with the labels whose placed collision box meets the query box, so bisecting the query box finds
 * each label's box as placed (after any variable-anchor shift).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, renderedIds } from './browser.ts';
import { GROUPS } from '../../src/lib/layers/registry.ts';
import { layerIdsOf } from '../../src/lib/layers/style.ts';
import { loadAllGroups } from '../unit/helpers.ts';

let browser: Browser;
const data = loadAllGroups();
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const ids = (g: string) => data[g].features.map((f) => String(f.properties?.id)).sort();
/** Every default group plus the plan areas: the overview as a planner who switched the areas on sees it. */
const WITH_AREAS = `layers=${GROUPS.filter((g) => g.defaultVisible || g.id === 'areas').map((g) => g.id).join(',')}`;

type Box = { x1: number; y1: number; x2: number; y2: number };

/**
 * The text box of a placed label (CSS px in the map canvas): its collision box, found by bisecting
 * queryRenderedFeatures boxes, less the layer's text-padding. Null when the label is not placed.
 */
async function labelBox(page: Page, layer: string, id: string): Promise<Box | null> {
  return page.evaluate(
    ({ layer, id }) => {
      const m = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      const c = m.getCanvas();
      const W = c.clientWidth;
      const H = c.clientHeight;
      const hit = (x1: number, y1: number, x2: number, y2: number) =>
        m.queryRenderedFeatures([[x1, y1], [x2, y2]], { layers: [layer] }).some((f) => String(f.properties?.id) === id);
      if (!hit(0, 0, W, H)) return null;
      // smallest v in [lo, hi] with pred(v) true, pred monotone (false … true)
      const first = (lo: number, hi: number, pred: (v: number) => boolean) => {
        while (hi - lo > 0.5) {
          const mid = (lo + hi) / 2;
          if (pred(mid)) hi = mid;
          else lo = mid;
        }
        return hi;
      };
      const x1 = first(0, W, (x) => hit(0, 0, x, H));
      const x2 = -first(-W, 0, (x) => hit(-x, 0, W, H));
      const y1 = first(0, H, (y) => hit(0, 0, W, y));
      const y2 = -first(-H, 0, (y) => hit(0, -y, W, H));
      const pad = Number(m.getLayoutProperty(layer, 'text-padding') ?? 2);
      return { x1: x1 + pad, y1: y1 + pad, x2: x2 - pad, y2: y2 - pad };
    },
    { layer, id },
  );
}

/** Clear space between two boxes (px): the larger of the horizontal and vertical gaps; ≤ 0 when they overlap. */
const gap = (a: Box, b: Box) => Math.max(b.x1 - a.x2, a.x1 - b.x2, b.y1 - a.y2, a.y1 - b.y2);

async function placed(page: Page, layer: string): Promise<string[]> {
  return page.evaluate((layer) => {
    const m = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
    return [...new Set(m.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties?.id)))].sort();
  }, layer);
}

describe('labels at the overview with the plan areas on', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`1280×800 ${lang}: every core and every platform is labelled, and the structure labels keep clear of each other`, async () => {
      const o = await openApp(browser, `?lang=${lang}&${WITH_AREAS}`);
      try {
        expect(await o.page.evaluate(() => document.documentElement.lang)).toBe(lang === 'zh' ? 'zh-CN' : 'en');
        expect(await renderedIds(o.page, layerIdsOf('areas')), 'the areas are drawn').not.toHaveLength(0);
        expect(await placed(o.page, 'cores-label')).toEqual(ids('cores'));
        expect(await placed(o.page, 'platforms-label')).toEqual(ids('platforms'));
        // the cores and platforms are placed before the area labels: a lower label layer gives way
        const order = await o.page.evaluate(() => (window as unknown as { __map: import('maplibre-gl').Map }).__map.getStyle().layers.map((l) => l.id));
        for (const l of ['cores-label', 'platforms-label', 'points-label', 'zones-label']) expect(order.indexOf('areas-label'), l).toBeLessThan(order.indexOf(l));
        // every two of these labels: at least 6 px of clear space between their texts (two halos and a gap)
        const boxes: [string, Box][] = [];
        for (const g of ['cores', 'platforms', 'points'])
          for (const id of await placed(o.page, `${g}-label`)) boxes.push([id, (await labelBox(o.page, `${g}-label`, id))!]);
        expect(boxes.length).toBeGreaterThanOrEqual(7);
        // no platform or point label lies on a key point's circle (radius ≈ 7 px here)
        const keyPoints = data.points.features.filter((f) => f.geometry?.type === 'Point').map((f) => [String(f.properties?.id), (f.geometry as import('geojson').Point).coordinates] as const);
        const at = await o.page.evaluate((ps) => ps.map(([id, c]) => { const q = (window as unknown as { __map: import('maplibre-gl').Map }).__map.project(c as [number, number]); return [id, q.x, q.y] as const; }), keyPoints);
        expect(at.length).toBeGreaterThanOrEqual(3);
        for (const [id, b] of boxes.filter(([id]) => !ids('cores').includes(id)))
          for (const [pid, x, y] of at) expect(x < b.x1 - 5 || x > b.x2 + 5 || y < b.y1 - 5 || y > b.y2 + 5, `${id} on ${pid}`).toBe(true);
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) expect(gap(boxes[i][1], boxes[j][1]), `${boxes[i][0]} / ${boxes[j][0]}`).toBeGreaterThanOrEqual(6);
        expect(o.errors).toEqual([]);
      } finally {
        await o.close();
      }
    });
  }

  it('1920×1080 zh: the biomedicine point and the open-industry platform are both labelled, well apart', async () => {
    const o = await openApp(browser, `?lang=zh&${WITH_AREAS}`, { viewport: { width: 1920, height: 1080 } });
    try {
      expect(await placed(o.page, 'cores-label')).toEqual(ids('cores'));
      expect(await placed(o.page, 'platforms-label')).toEqual(ids('platforms'));
      const bio = await labelBox(o.page, 'points-label', 'biomedicine-wanmu-qianyi-platform');
      const open = await labelBox(o.page, 'platforms-label', 'open-industry-platform');
      expect(bio, '高端生物医药 is labelled').not.toBeNull();
      expect(open, '外向产业开放平台 is labelled').not.toBeNull();
      // they touched before (text-padding 2, no other place to go); the boxes are real text boxes
      for (const b of [bio!, open!]) expect(b.y2 - b.y1).toBeGreaterThan(10);
      expect(gap(bio!, open!)).toBeGreaterThanOrEqual(6);
    } finally {
      await o.close();
    }
  });
});
