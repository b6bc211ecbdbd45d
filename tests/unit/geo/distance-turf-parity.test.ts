/**
 * distance.ts computes turf's distances without turf (for speed and a small first load): the
 * results must stay identical to turf's own functions.
 */
import { describe, it, expect } from 'vitest';
import { booleanPointInPolygon, distance as turfDistance, pointToLineDistance, point, lineString } from '@turf/turf';
import { lineDistance, pointDistance, pointInPolygon, distanceToGeometry, type LonLat } from '../../../src/lib/geo/distance.ts';
import { mixedFeatures, rng } from '../../bench/synthetic.ts';
import type { Position } from 'geojson';

describe('distance.ts equals turf', () => {
  it('point to point: identical to turf.distance', () => {
    const r = rng(1);
    for (let i = 0; i < 5000; i++) {
      const a: LonLat = [120 + r() - 0.5, 30 + r() - 0.5];
      const b: LonLat = [120 + (r() - 0.5) * 40, 30 + (r() - 0.5) * 40];
      expect(pointDistance(a, b)).toBe(turfDistance(point(a), point(b), { units: 'meters' }));
    }
  });

  it('point to line: identical to turf.pointToLineDistance (geodesic), degenerate segments included', () => {
    const r = rng(2);
    for (let i = 0; i < 20000; i++) {
      const scale = [0.001, 0.05, 1, 40][i % 4];
      const p: LonLat = [120 + (r() - 0.5) * scale * 3, 30 + (r() - 0.5) * scale * 3];
      const c: Position[] = [];
      const m = 2 + Math.floor(r() * 5);
      for (let j = 0; j < m; j++) c.push(i % 7 === 0 && j === 1 ? c[0] : [120 + (r() - 0.5) * scale, 30 + (r() - 0.5) * scale]);
      if (i % 11 === 0) c.push([p[0], p[1]]);
      expect(lineDistance(p, c)).toBe(pointToLineDistance(point(p), lineString(c), { units: 'meters', method: 'geodesic' }));
    }
  });

  it('point in polygon: the same answer as turf.booleanPointInPolygon, on vertices and holes too', () => {
    const r = rng(3);
    const polys: Position[][][] = mixedFeatures(2000, 4)
      .filter((f) => f.geometry.type === 'Polygon')
      .map((f) => (f.geometry as { coordinates: Position[][] }).coordinates);
    polys.push([
      [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
      [[3, 3], [3, 6], [6, 6], [6, 3], [3, 3]],
    ]);
    let n = 0;
    for (const rings of polys) {
      const xs = rings.flat().map((q) => q[0]);
      const ys = rings.flat().map((q) => q[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const tests: Position[] = rings.flat();
      for (let i = 0; i < 40; i++) tests.push([x0 + (r() * 1.2 - 0.1) * (x1 - x0), y0 + (r() * 1.2 - 0.1) * (y1 - y0)]);
      for (const t of tests) {
        n++;
        expect(pointInPolygon(t[0], t[1], rings)).toBe(booleanPointInPolygon(t, { type: 'Polygon', coordinates: rings }));
      }
    }
    expect(n).toBeGreaterThan(10000);
    // boundary points of the square with a hole: edges of the outer ring and of the hole are inside
    expect(pointInPolygon(5, 0, polys[polys.length - 1])).toBe(true);
    expect(pointInPolygon(3, 4.5, polys[polys.length - 1])).toBe(true);
    expect(pointInPolygon(4.5, 4.5, polys[polys.length - 1])).toBe(false);
  });

  it('never overflows the stack on huge multi-geometries', () => {
    const coords: Position[] = Array.from({ length: 300_000 }, (_, i) => [120 + (i % 1000) * 1e-4, 30 + Math.floor(i / 1000) * 1e-4]);
    expect(distanceToGeometry([120, 30], { type: 'MultiPoint', coordinates: coords })).toBe(0);
    expect(distanceToGeometry([120, 30], { type: 'MultiLineString', coordinates: coords.map((c) => [c, [c[0] + 1e-5, c[1]]]) })).toBe(0);
  });
});
