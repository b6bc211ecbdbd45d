import { describe, it, expect } from 'vitest';
import { circle } from '@turf/turf';
import { bboxOf, distanceToGeometry, type LonLat } from '../../../src/lib/geo/distance.ts';
import type { Geometry } from 'geojson';

const square: Geometry = { type: 'Polygon', coordinates: [[[120.5, 30], [120.6, 30], [120.6, 30.1], [120.5, 30.1], [120.5, 30]]] };

describe('distance to a geometry', () => {
  it('is 0 inside a polygon', () => {
    expect(distanceToGeometry([120.55, 30.05], square)).toBe(0);
  });
  it('measures to the nearest edge, not the centroid', () => {
    const p: LonLat = [120.61, 30.05]; // ~963 m east of the east edge, ~5.8 km from the centroid
    const d = distanceToGeometry(p, square);
    expect(d).toBeGreaterThan(900);
    expect(d).toBeLessThan(1000);
  });
  it('measures a point to a line by its nearest segment', () => {
    const line: Geometry = { type: 'LineString', coordinates: [[120.5, 30], [120.7, 30]] };
    const d = distanceToGeometry([120.6, 30.01], line);
    expect(d).toBeGreaterThan(1100);
    expect(d).toBeLessThan(1120);
  });
  it('handles holes: a point in a hole is outside', () => {
    const withHole: Geometry = { type: 'Polygon', coordinates: [square.coordinates[0], [[120.54, 30.04], [120.54, 30.06], [120.56, 30.06], [120.56, 30.04], [120.54, 30.04]]] };
    expect(distanceToGeometry([120.55, 30.05], withHole)).toBeGreaterThan(900);
  });
  it('handles multi-geometries by their nearest part', () => {
    const mp: Geometry = { type: 'MultiPoint', coordinates: [[120, 30], [120.6, 30]] };
    expect(distanceToGeometry([120.6, 30], mp)).toBe(0);
  });
  it('a large circle whose centre is far away but whose edge is near', () => {
    const c = circle([120.7, 30.05], 9, { units: 'kilometers', steps: 64 }).geometry;
    const d = distanceToGeometry([120.59, 30.05], c); // centre 10.6 km away, edge ~1.6 km
    expect(d).toBeGreaterThan(1400);
    expect(d).toBeLessThan(1800);
  });
  it('never returns NaN', () => {
    const bad: (Geometry | null)[] = [null, { type: 'Point', coordinates: [NaN, 1] }, { type: 'LineString', coordinates: [] }, { type: 'Polygon', coordinates: [] }, { type: 'MultiPolygon', coordinates: [] }, { type: 'GeometryCollection', geometries: [] }];
    for (const g of bad) expect(Number.isNaN(distanceToGeometry([120.5, 30], g))).toBe(false);
    expect(Number.isNaN(distanceToGeometry([NaN, 30], square))).toBe(false);
  });
  it('computes a bbox', () => {
    expect(bboxOf(square)).toEqual([120.5, 30, 120.6, 30.1]);
    expect(bboxOf(null)).toBeNull();
  });
});
