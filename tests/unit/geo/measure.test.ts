import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import { areaFigures, formatHa, formatKm2, formatLength, formatMu, geodesicArea, measureGeometry, MU_M2, pathLength, segmentLength, sig3 } from '../../../src/lib/geo/measure.ts';
import type { Polygon } from 'geojson';

// independent oracle: Karney's geodesics (not turf)
const require = createRequire(import.meta.url);
const { Geodesic, PolygonArea } = require('geographiclib-geodesic') as {
  Geodesic: { WGS84: { Inverse(lat1: number, lon1: number, lat2: number, lon2: number): { s12: number } } };
  PolygonArea: { PolygonArea: new (g: unknown, polyline?: boolean) => { AddPoint(lat: number, lon: number): void; Compute(reverse: boolean, sign: boolean): { area: number; perimeter: number } } };
};
const geod = Geodesic.WGS84;
const karney = (a: number[], b: number[]) => geod.Inverse(a[1], a[0], b[1], b[0]).s12;

describe('geodesic length', () => {
  const cases: [number[], number[]][] = [
    [[120.5, 30.0], [120.6, 30.0]], // east–west
    [[120.5, 30.0], [120.5, 30.1]], // north–south
    [[120.45, 29.95], [120.75, 30.2]], // diagonal ~40 km
    [[120.58, 30.0], [120.5801, 30.0001]], // ~14 m
    [[121.0, 29.0], [120.0, 31.0]], // ~240 km
  ];
  for (const [a, b] of cases)
    it(`agrees with Karney to 0.02 % for ${a} → ${b}`, () => {
      const ours = segmentLength(a, b);
      const ref = karney(a, b);
      expect(Math.abs(ours - ref) / ref).toBeLessThan(2e-4);
    });
  it('is 0 for a repeated point and sums a path', () => {
    expect(segmentLength([120, 30], [120, 30])).toBe(0);
    const p = [[120.5, 30], [120.6, 30], [120.6, 30.1]];
    expect(pathLength(p)).toBeCloseTo(segmentLength(p[0], p[1]) + segmentLength(p[1], p[2]), 6);
    expect(pathLength([])).toBe(0);
    expect(pathLength([[120, 30]])).toBe(0);
  });
  it('is NaN for non-finite input, never a silent number', () => {
    expect(segmentLength([NaN, 30], [120, 30])).toBeNaN();
  });
});

describe('geodesic area', () => {
  const ringOf = (lon: number, lat: number, d: number) => [[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]];
  const refArea = (ring: number[][]) => {
    const p = new PolygonArea.PolygonArea(geod);
    for (const c of ring.slice(0, -1)) p.AddPoint(c[1], c[0]);
    return Math.abs(p.Compute(false, true).area);
  };
  for (const d of [0.01, 0.1, 0.3]) {
    it(`agrees with Karney to 0.05 % for a ${d}° square at 30° N`, () => {
      const ring = ringOf(120.5, 30.0, d);
      const g: Polygon = { type: 'Polygon', coordinates: [ring] };
      const ref = refArea(ring);
      expect(Math.abs(geodesicArea(g) - ref) / ref).toBeLessThan(5e-4);
    });
  }
  it('subtracts holes and is 0 for lines and null', () => {
    const outer = ringOf(120.5, 30, 0.1);
    const hole = ringOf(120.52, 30.02, 0.02).reverse();
    const withHole = geodesicArea({ type: 'Polygon', coordinates: [outer, hole] });
    const a = geodesicArea({ type: 'Polygon', coordinates: [outer] });
    const h = geodesicArea({ type: 'Polygon', coordinates: [hole] });
    expect(Math.abs(withHole - (a - h)) / withHole).toBeLessThan(1e-5);
    expect(withHole).toBeLessThan(a);
    expect(geodesicArea({ type: 'LineString', coordinates: [[120, 30], [121, 30]] })).toBe(0);
    expect(geodesicArea(null)).toBe(0);
  });
});

describe('measureGeometry', () => {
  it('measures a line', () => {
    const m = measureGeometry({ type: 'LineString', coordinates: [[120.5, 30], [120.6, 30]] });
    expect(m?.kind).toBe('line');
    if (m?.kind === 'line') {
      expect(m.length_m).toBeCloseTo(karney([120.5, 30], [120.6, 30]), -1);
      expect(m.vertices).toBe(2);
    }
  });
  it('measures a polygon: area and perimeter', () => {
    const ring = [[120.5, 30], [120.51, 30], [120.51, 30.01], [120.5, 30.01], [120.5, 30]];
    const m = measureGeometry({ type: 'Polygon', coordinates: [ring] });
    expect(m?.kind).toBe('area');
    if (m?.kind === 'area') {
      expect(m.area_m2).toBeGreaterThan(1.0e6);
      expect(m.area_m2).toBeLessThan(1.1e6);
      expect(m.perimeter_m).toBeGreaterThan(4000);
      expect(m.vertices).toBe(4);
    }
  });
  it('gives 0 area for a degenerate polygon being drawn and null for points', () => {
    const m = measureGeometry({ type: 'Polygon', coordinates: [[[120.5, 30], [120.51, 30], [120.5, 30]]] });
    expect(m?.kind === 'area' && m.area_m2).toBe(0);
    expect(measureGeometry({ type: 'Point', coordinates: [120, 30] })).toBeNull();
    expect(measureGeometry(null)).toBeNull();
  });
});

describe('formatting', () => {
  it('formats lengths in m and km', () => {
    expect(formatLength(849.6)).toBe('850 m');
    expect(formatLength(1234.5)).toBe('1.23 km');
    expect(formatLength(12_345)).toBe('12.35 km');
    expect(formatLength(123_456)).toBe('123.5 km');
    expect(formatLength(NaN)).toBe('–');
  });
  it('formats areas in km² and 亩', () => {
    expect(formatKm2(123_456)).toBe('0.123 km²');
    expect(formatKm2(12_345_678)).toBe('12.35 km²');
    expect(formatKm2(123_456_789)).toBe('123.5 km²');
    expect(MU_M2).toBeCloseTo(666.67, 2);
    expect(formatMu(666.67 * 100)).toBe('100 亩');
    expect(formatMu(1e6, 'en')).toBe('1,500 mu');
    expect(formatMu(12_345_678)).toBe('18,519 亩');
    expect(formatHa(12_345_678)).toBe('1,234.6 公顷');
    expect(formatHa(12_345_678, 'en')).toBe('1,234.6 ha');
    expect(areaFigures(12_345_678)).toEqual({ km2: 12.35, ha: 1234.6, mu: 18519 });
    expect(areaFigures(38_500 * MU_M2 + 300)).toEqual({ km2: 25.67, ha: 2566.7, mu: 38500 });
  });
  it('rounds to 3 significant figures', () => {
    expect(sig3(18518.5)).toBe(18500);
    expect(sig3(0.012345)).toBe(0.0123);
    expect(sig3(999.6)).toBe(1000);
    expect(sig3(0)).toBe(0);
  });
});
