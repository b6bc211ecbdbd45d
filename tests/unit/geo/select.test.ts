import { describe, expect, it } from 'vitest';
import { booleanIntersects, booleanPointInPolygon, area as turfArea, point } from '@turf/turf';
import type { Geometry, Polygon } from 'geojson';
import { buildSelectIndex, circlePolygon, selectInArea } from '../../../src/lib/geo/select.ts';
import type { CountedFeature } from '../../../src/lib/geo/stats.ts';
import { allPlanFeatures, loadAllGroups } from '../helpers.ts';

/** seeded generator (mulberry32) */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const concave: Polygon = {
  type: 'Polygon',
  coordinates: [
    [[120.5, 29.95], [120.7, 29.95], [120.7, 30.1], [120.62, 30.1], [120.62, 30.0], [120.58, 30.0], [120.58, 30.1], [120.5, 30.1], [120.5, 29.95]],
    // a hole
    [[120.52, 29.97], [120.56, 29.97], [120.56, 29.99], [120.52, 29.99], [120.52, 29.97]],
  ],
};

describe('select by area', () => {
  it('agrees with turf booleanPointInPolygon on 20 000 random points (concave, with a hole) and on the vertices', () => {
    const r = rng(42);
    const items: CountedFeature[] = [];
    for (let i = 0; i < 20000; i++) items.push({ id: `p${i}`, category: i % 3 ? 'a' : 'b', layer: 'u', geometry: { type: 'Point', coordinates: [120.45 + r() * 0.3, 29.9 + r() * 0.25] } });
    // every vertex of the outline and the hole: on the boundary, so inside
    concave.coordinates.flat().forEach((p, i) => items.push({ id: `v${i}`, category: 'v', layer: 'u', geometry: { type: 'Point', coordinates: p } }));
    const sel = selectInArea(buildSelectIndex(items), concave);
    const oracle = items.filter((f) => booleanPointInPolygon(point((f.geometry as { coordinates: number[] }).coordinates), concave));
    expect(sel.features.map((f) => f.id)).toEqual(oracle.map((f) => f.id));
    expect(sel.features.length).toBeGreaterThan(5000);
    expect(sel.byCategory.b + sel.byCategory.a + sel.byCategory.v).toBe(sel.features.length);
    expect(sel.byCategory.v).toBe(concave.coordinates.flat().length);
  });
  it('a circle: points inside a 2 km circle match turf', () => {
    const r = rng(7);
    const c = circlePolygon([120.58, 30.0], 2000);
    const items: CountedFeature[] = Array.from({ length: 5000 }, (_, i) => ({ id: `p${i}`, category: 'x', layer: 'u', geometry: { type: 'Point', coordinates: [120.55 + r() * 0.06, 29.97 + r() * 0.06] } }));
    const sel = selectInArea(buildSelectIndex(items), c);
    expect(sel.features.map((f) => f.id)).toEqual(items.filter((f) => booleanPointInPolygon((f.geometry as { coordinates: number[] }).coordinates, c)).map((f) => f.id));
    // area of the circle: within 0.5 % of π r² (ellipsoidal vs planar circle)
    expect(Math.abs(sel.area_m2 - Math.PI * 2000 ** 2) / (Math.PI * 2000 ** 2)).toBeLessThan(0.005);
  });
  it('plan features inside the first zone: same as turf booleanIntersects', () => {
    const zone = loadAllGroups().zones.features.find((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
    if (!zone) return;
    const plan = allPlanFeatures().filter((f) => f.properties.layer !== 'zones');
    const items: CountedFeature[] = plan.map((f) => ({ id: f.properties.id, category: f.properties.category, layer: f.properties.layer, geometry: f.geometry as Geometry }));
    const sel = selectInArea(buildSelectIndex(items), zone.geometry as Polygon);
    const oracle = items.filter((f) => f.geometry && booleanIntersects(zone.geometry as Polygon, f.geometry));
    expect(sel.features.map((f) => f.id).sort()).toEqual(oracle.map((f) => f.id).sort());
    expect(sel.features.length).toBeGreaterThan(0);
    expect(Math.abs(sel.area_m2 - turfArea(zone.geometry as Polygon)) / sel.area_m2).toBeLessThan(0.01);
  });
  it('nothing inside an empty area; features without geometry are ignored', () => {
    const sel = selectInArea(buildSelectIndex([{ id: 'n', category: 'x', layer: 'u', geometry: null }]), concave);
    expect(sel.features).toEqual([]);
  });
});
