import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import { areasFrom, computeStats, isInside, roundKm2, statsToCsv, toHa, toMu, usedCategories, type AreaInput, type CountedFeature } from '../../../src/lib/geo/stats.ts';
import { loadAllGroups, allPlanFeatures } from '../helpers.ts';
import { parseCsvRecords } from '../../../src/lib/plan/importer.ts';
import type { Polygon } from 'geojson';

const require = createRequire(import.meta.url);
const { Geodesic, PolygonArea } = require('geographiclib-geodesic');

const square = (lon: number, lat: number, d: number): Polygon => ({ type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] });
const area = (id: string, g: Polygon, kind: AreaInput['kind'] = 'zones'): AreaInput => ({ id, name_zh: id, name_en: id, kind, basis: 'schematic', geometry: g });
const f = (id: string, category: string, geometry: CountedFeature['geometry'], layer = category): CountedFeature => ({ id, name_zh: id, category, layer, geometry });

describe('rounding', () => {
  it('km² to 0.1, 亩 to 3 significant figures', () => {
    expect(roundKm2(12_345_678)).toBe(12.35);
    expect(roundKm2(4_999)).toBe(0);
    expect(toHa(12_345_678)).toBe(1234.6);
    expect(toMu(12_345_678)).toBe(18519);
    expect(toMu(666.67 * 123.4)).toBe(123);
  });
});

describe('the counting rule', () => {
  const A = square(120.5, 30, 0.1);
  it('points inside or on the edge count; outside do not', () => {
    expect(isInside(A, { type: 'Point', coordinates: [120.55, 30.05] })).toBe(true);
    expect(isInside(A, { type: 'Point', coordinates: [120.5, 30.05] })).toBe(true);
    expect(isInside(A, { type: 'Point', coordinates: [120.65, 30.05] })).toBe(false);
  });
  it('lines and polygons count when they intersect', () => {
    expect(isInside(A, { type: 'LineString', coordinates: [[120.4, 30.05], [120.7, 30.05]] })).toBe(true); // crosses, no vertex inside
    expect(isInside(A, { type: 'LineString', coordinates: [[120.4, 30.2], [120.7, 30.2]] })).toBe(false);
    expect(isInside(A, square(120.58, 30.08, 0.1))).toBe(true);
    expect(isInside(A, square(120.7, 30.2, 0.1))).toBe(false);
    expect(isInside(A, null)).toBe(false);
  });
});

describe('computeStats', () => {
  const areas = [area('z1', square(120.5, 30, 0.1)), area('z2', square(120.6, 30, 0.1)), area('p1', square(120.52, 30.02, 0.02), 'platforms')];
  const feats = [
    f('a', 'culture', { type: 'Point', coordinates: [120.55, 30.05] }),
    f('b', 'culture', { type: 'Point', coordinates: [120.53, 30.03] }),
    f('c', 'transport', { type: 'LineString', coordinates: [[120.45, 30.01], [120.65, 30.01]] }),
    f('z2', 'zones', square(120.6, 30, 0.1)),
    f('p1', 'platforms', square(120.52, 30.02, 0.02)),
    f('u', 'user-1', { type: 'Point', coordinates: [120.65, 30.05] }, 'user-1'),
  ];
  const stats = computeStats(areas, feats);
  it('counts by category, a line in both zones it crosses, user features too', () => {
    const z1 = stats.find((s) => s.id === 'z1')!;
    expect(z1.byCategory).toEqual({ culture: 2, transport: 1, platforms: 1 });
    expect(z1.total).toBe(4);
    const z2 = stats.find((s) => s.id === 'z2')!;
    expect(z2.byCategory).toEqual({ transport: 1, 'user-1': 1 });
  });
  it("does not count an area's own layer inside it", () => {
    const z1 = stats.find((s) => s.id === 'z1')!;
    expect(z1.features.map((x) => x.id)).not.toContain('z2');
    const p1 = stats.find((s) => s.id === 'p1')!;
    expect(p1.features.map((x) => x.id).sort()).toEqual(['b']);
  });
  it('areas agree with Karney to 0.05 %', () => {
    const pa = new PolygonArea.PolygonArea(Geodesic.WGS84);
    for (const c of square(120.5, 30, 0.1).coordinates[0].slice(0, -1)) pa.AddPoint(c[1], c[0]);
    const ref = Math.abs(pa.Compute(false, true).area);
    const z1 = stats.find((s) => s.id === 'z1')!;
    expect(Math.abs(z1.area_m2 - ref) / ref).toBeLessThan(5e-4);
    expect(z1.area_km2).toBe(roundKm2(ref));
  });
  it('lists categories in the given order', () => {
    expect(usedCategories(stats, ['transport', 'culture'])).toEqual(['transport', 'culture', 'platforms', 'user-1']);
  });
  it('CSV has a BOM, one row per area and a column per category', () => {
    const csv = statsToCsv(stats, [{ id: 'culture', label: '文化' }, { id: 'transport', label: '交通' }]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const r = parseCsvRecords(csv.slice(1));
    if (!('records' in r)) throw new Error('bad csv');
    expect(r.records).toHaveLength(4);
    expect(r.records[0].cells).toContain('count:文化');
    const z1 = r.records.find((x) => x.cells[0] === 'z1')!;
    expect(z1.cells[r.records[0].cells.indexOf('count:文化')]).toBe('2');
    expect(z1.cells[4]).toBe('computed from schematic geometry');
  });
});

describe('on the real data', () => {
  const data = loadAllGroups();
  const areas = areasFrom({ zones: data.zones, platforms: data.platforms, outline: data.outline });
  it('finds every zone and platform polygon, labelled by geometry basis', () => {
    const nz = data.zones.features.filter((x) => x.geometry && /Polygon/.test(x.geometry.type)).length;
    const np = data.platforms.features.filter((x) => x.geometry && /Polygon/.test(x.geometry.type)).length;
    expect(areas.filter((a) => a.kind === 'zones')).toHaveLength(nz);
    expect(areas.filter((a) => a.kind === 'platforms')).toHaveLength(np);
    for (const a of areas) expect(['schematic', 'generalized']).toContain(a.basis);
    if (data.outline.features.length) expect(areas.find((a) => a.kind === 'district')?.basis).toBe('generalized');
  });
  it('gives positive areas and plausible sizes for the district outline', () => {
    const stats = computeStats(areas, allPlanFeatures().map((p) => ({ id: p.properties.id, category: p.properties.category, layer: p.properties.layer, geometry: p.geometry })));
    for (const s of stats) expect(s.area_m2).toBeGreaterThan(0);
    const d = stats.find((s) => s.kind === 'district');
    if (d) {
      expect(d.area_km2).toBeGreaterThan(300);
      expect(d.area_km2).toBeLessThan(900);
      // zones are schematic, but together they should be of the order of the district
      const zones = stats.filter((s) => s.kind === 'zones').reduce((a, s) => a + s.area_m2, 0);
      if (zones) expect(zones / d.area_m2).toBeGreaterThan(0.3);
    }
  });
});

describe('points: the fast path agrees with turf', () => {
  it('matches booleanPointInPolygon (boundary included) on a polygon with a hole and a multipolygon', async () => {
    const { booleanPointInPolygon } = await import('@turf/turf');
    const holed: Polygon = { type: 'Polygon', coordinates: [square(120.5, 30, 0.1).coordinates[0], square(120.53, 30.03, 0.03).coordinates[0].slice().reverse()] };
    const multi = { type: 'MultiPolygon' as const, coordinates: [square(120.5, 30, 0.05).coordinates, square(120.6, 30.06, 0.05).coordinates] };
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 2000; i++) {
      // include exact vertices and edge points now and then
      const p = i % 50 === 0 ? [120.5, 30 + (i % 7) * 0.01] : i % 61 === 0 ? [120.53, 30.045] : [120.45 + rnd() * 0.25, 29.95 + rnd() * 0.2];
      for (const area of [holed, multi]) expect(isInside(area, { type: 'Point', coordinates: p }), `${p}`).toBe(booleanPointInPolygon(p, area));
    }
  });
  it('counts a large point file exactly (a grid against a square, edges included)', () => {
    const a = area('z', square(120.5, 30, 0.1));
    const pts = Array.from({ length: 50_000 }, (_, i) => {
      const x = Math.round((120.45 + (i % 250) * 0.001) * 1e6) / 1e6;
      const y = Math.round((29.95 + Math.floor(i / 250) * 0.001) * 1e6) / 1e6;
      return f(`p${i}`, 'user-1', { type: 'Point', coordinates: [x, y] }, 'user-1');
    });
    const expected = pts.filter((p) => {
      const [x, y] = (p.geometry as { coordinates: number[] }).coordinates;
      return x >= 120.5 && x <= 120.6 && y >= 30 && y <= 30.1;
    }).length;
    const [s] = computeStats([a], pts);
    expect(expected).toBe(101 * 101);
    expect(s.total).toBe(expected);
  });
});
