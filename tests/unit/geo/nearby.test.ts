import { describe, it, expect } from 'vitest';
import { centroid, destination, distance as turfDistance, point } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import {
  boxLowerBound,
  buildNearbyIndex,
  bulgeMargin,
  fastBbox,
  formatDistance,
  insideAny,
  nearby,
  nearbyCandidates,
  NOT_NEARBY,
  nearestOf,
  parseRadius,
  queryNearby,
  radiusBoxes,
  radiusCircle,
  travelMinutes,
  zoneOf,
} from '../../../src/lib/geo/nearby.ts';
import { bboxOf, distanceToGeometry, type LonLat } from '../../../src/lib/geo/distance.ts';
import { allPlanFeatures, loadAllGroups } from '../helpers.ts';
import { rng } from '../../bench/synthetic.ts';

const feat = (id: string, geometry: Geometry | null): Feature => ({ type: 'Feature', id, properties: { id }, geometry: geometry as Geometry });
const ids = (hits: { feature: Feature }[]) => hits.map((h) => String(h.feature.properties?.id));

// a long thin rectangle: its centroid is ~3.9 km east of P, its west edge ~550 m east of P
const P: LonLat = [120.58, 30.0];
const longRect = feat('long', {
  type: 'Polygon',
  coordinates: [[[120.5857, 29.995], [120.6543, 29.995], [120.6543, 30.005], [120.5857, 30.005], [120.5857, 29.995]]],
});
const square = feat('square', { type: 'Polygon', coordinates: [[[120.57, 29.99], [120.59, 29.99], [120.59, 30.01], [120.57, 30.01], [120.57, 29.99]]] });
const line = feat('line', { type: 'LineString', coordinates: [[120.5, 30.01], [120.7, 30.01]] });

describe('queryNearby: true distances, not centroids', () => {
  it('finds a polygon whose centroid lies beyond the radius while its edge lies within it', () => {
    const c = centroid(longRect as Feature<Geometry>).geometry.coordinates;
    const toCentroid = turfDistance(point(P), point(c), { units: 'meters' });
    const toEdge = distanceToGeometry(P, longRect.geometry);
    expect(toCentroid).toBeGreaterThan(3000);
    expect(toEdge).toBeLessThan(600);
    const hits = nearby([longRect], P, 1000);
    expect(ids(hits)).toEqual(['long']);
    expect(hits[0].distance).toBeCloseTo(toEdge, 6);
  });

  it('gives 0 for a point inside a polygon', () => {
    const hits = nearby([square], P, 500);
    expect(hits).toHaveLength(1);
    expect(hits[0].distance).toBe(0);
    // radius 0 still finds what contains the point
    expect(ids(nearby([square, longRect], P, 0))).toEqual(['square']);
  });

  it('measures a point to a line by its nearest segment (≈1.11 km north)', () => {
    const [h] = nearby([line], P, 2000);
    expect(h.distance).toBeGreaterThan(1100);
    expect(h.distance).toBeLessThan(1120);
    expect(nearby([line], P, 1000)).toEqual([]);
  });

  it('sorts by distance, ties by id', () => {
    const a = feat('b-point', { type: 'Point', coordinates: P });
    const b = feat('a-point', { type: 'Point', coordinates: P });
    const hits = nearby([line, longRect, a, square, b], P, 5000);
    expect(ids(hits)).toEqual(['a-point', 'b-point', 'square', 'long', 'line']);
    for (let i = 1; i < hits.length; i++) expect(hits[i].distance).toBeGreaterThanOrEqual(hits[i - 1].distance);
  });
});

describe('queryNearby: radius edge cases', () => {
  const q = destination(point(P), 1234.5, 37, { units: 'meters' }).geometry.coordinates;
  const onTheRim = feat('rim', { type: 'Point', coordinates: q });
  const d = distanceToGeometry(P, onTheRim.geometry);

  it('includes a feature exactly on the radius, excludes it just inside', () => {
    expect(ids(nearby([onTheRim], P, d))).toEqual(['rim']);
    expect(nearby([onTheRim], P, d - 1e-6)).toEqual([]);
  });

  it('radius 0 finds only what is at the point', () => {
    expect(nearby([onTheRim], P, 0)).toEqual([]);
    expect(ids(nearby([feat('here', { type: 'Point', coordinates: P })], P, 0))).toEqual(['here']);
  });

  it('a huge or infinite radius finds everything, across the world', () => {
    const far = [feat('sydney', { type: 'Point', coordinates: [151.2, -33.9] }), feat('antimeridian', { type: 'Point', coordinates: [179.99, 0] }), feat('pole', { type: 'Point', coordinates: [0, 89.9] })];
    expect(nearby(far, P, 3e7)).toHaveLength(3);
    expect(nearby(far, P, Infinity)).toHaveLength(3);
  });

  it('finds features across the antimeridian', () => {
    const east = feat('east', { type: 'Point', coordinates: [179.999, 10] });
    expect(ids(nearby([east], [-179.999, 10], 1000))).toEqual(['east']);
    expect(radiusBoxes([-179.999, 10], 1000)).toHaveLength(2);
  });

  it('the radius box is latitude-aware: wide enough at 60°N', () => {
    const p: LonLat = [10, 60];
    const east = destination(point(p), 5000, 90, { units: 'meters' }).geometry.coordinates;
    const [b] = radiusBoxes(p, 5000);
    expect(b[2]).toBeGreaterThanOrEqual(east[0]);
    expect(b[2] - p[0]).toBeGreaterThan(1.9 * (p[1] + (b[3] - p[1]) - p[1])); // ~2× wider in degrees than tall
    expect(ids(nearby([feat('e', { type: 'Point', coordinates: east })], p, 5000.001))).toEqual(['e']);
  });

  it('limit keeps the nearest n', () => {
    const pts = Array.from({ length: 20 }, (_, i) => feat(`p${String(i).padStart(2, '0')}`, { type: 'Point', coordinates: [P[0] + i * 0.001, P[1]] }));
    expect(ids(nearby(pts, P, 10_000, 3))).toEqual(['p00', 'p01', 'p02']);
  });
});

describe('no NaN, no throw, for any input', () => {
  const bad: Feature[] = [
    feat('null-geom', null),
    feat('empty-point', { type: 'Point', coordinates: [] }),
    feat('nan-point', { type: 'Point', coordinates: [NaN, 30] }),
    feat('empty-line', { type: 'LineString', coordinates: [] }),
    feat('nan-line', { type: 'LineString', coordinates: [[NaN, NaN], [120.58, 30.0]] }),
    feat('empty-poly', { type: 'Polygon', coordinates: [] }),
    feat('short-ring', { type: 'Polygon', coordinates: [[[120.58, 30], [120.59, 30]]] }),
    feat('empty-multi', { type: 'MultiPolygon', coordinates: [] }),
    feat('empty-gc', { type: 'GeometryCollection', geometries: [] }),
    feat('broken', { type: 'Polygon' } as unknown as Geometry),
    null as unknown as Feature,
    square,
  ];

  it('indexes and queries bad features without NaN', () => {
    const index = buildNearbyIndex(bad);
    for (const p of [P, [120.6, 30.02] as LonLat]) {
      for (const r of [0, 10, 1000, 1e6, Infinity]) {
        const hits = queryNearby(index, p, r);
        for (const h of hits) {
          expect(Number.isNaN(h.distance)).toBe(false);
          expect(h.distance).toBeLessThanOrEqual(r);
        }
      }
    }
    // the one-point line and the sound square are found; nothing else is
    expect(ids(queryNearby(index, P, 10)).sort()).toEqual(['nan-line', 'square']);
  });

  it('returns nothing for a NaN point, NaN radius or negative radius', () => {
    const index = buildNearbyIndex([square]);
    expect(queryNearby(index, [NaN, 30], 1000)).toEqual([]);
    expect(queryNearby(index, [120.58, Infinity], 1000)).toEqual([]);
    expect(queryNearby(index, P, NaN)).toEqual([]);
    expect(queryNearby(index, P, -1)).toEqual([]);
    expect(queryNearby(buildNearbyIndex([]), P, 1000)).toEqual([]);
    expect(nearestOf([NaN, NaN], [square])).toBeNull();
    expect(zoneOf([NaN, 0], [square])).toBeNull();
    expect(formatDistance(NaN)).toBe('—');
    expect(travelMinutes(NaN, 'walk')).toBe(0);
  });
});

describe('zoneOf, nearestOf, insideAny', () => {
  const big = feat('big', { type: 'Polygon', coordinates: [[[120, 29.5], [121, 29.5], [121, 30.5], [120, 30.5], [120, 29.5]]] });
  const zones: FeatureCollection = { type: 'FeatureCollection', features: [big, square, line] };

  it('reports the zone containing the point, the smaller of overlapping zones', () => {
    expect(zoneOf(P, zones)?.properties?.id).toBe('square');
    expect(zoneOf([120.8, 30.3], zones)?.properties?.id).toBe('big');
    expect(zoneOf([100, 10], zones)).toBeNull();
    expect(zoneOf(P, null)).toBeNull();
  });

  it('nearestOf picks the nearest by true distance', () => {
    const n = nearestOf(P, [line, longRect]);
    expect(n?.feature.properties?.id).toBe('long');
    expect(nearestOf(P, [])).toBeNull();
  });

  it('insideAny: null without polygons, else whether the point is inside', () => {
    expect(insideAny(P, { type: 'FeatureCollection', features: [] })).toBeNull();
    expect(insideAny(P, zones)).toBe(true);
    expect(insideAny([100, 10], zones)).toBe(false);
  });

  it('radiusCircle has its rim at the radius', () => {
    const c = radiusCircle(P, 1000)!;
    const rim = (c.geometry as { coordinates: number[][][] }).coordinates[0];
    for (const v of rim.slice(0, 10)) expect(turfDistance(point(P), point(v), { units: 'meters' })).toBeCloseTo(1000, 3);
    expect(radiusCircle(P, 0)).toBeNull();
  });
});

describe('text helpers', () => {
  it('formats distances', () => {
    expect(formatDistance(0)).toBe('0 m');
    expect(formatDistance(37.4)).toBe('37 m');
    expect(formatDistance(849)).toBe('850 m');
    expect(formatDistance(1234)).toBe('1.2 km');
    expect(formatDistance(12_345)).toBe('12 km');
    expect(formatDistance(1234, 'zh')).toBe('1.2 公里');
  });
  it('estimates straight-line travel minutes', () => {
    expect(travelMinutes(1000, 'walk')).toBe(12);
    expect(travelMinutes(1000, 'cycle')).toBe(4);
    expect(travelMinutes(1000, 'drive')).toBe(2);
    expect(travelMinutes(10, 'drive')).toBe(1);
    expect(travelMinutes(0, 'walk')).toBe(0);
  });
  it('parses a typed radius and rejects bad input', () => {
    expect(parseRadius('800')).toEqual({ ok: true, metres: 800 });
    expect(parseRadius(' 1.5 km ')).toEqual({ ok: true, metres: 1500 });
    expect(parseRadius('3公里')).toEqual({ ok: true, metres: 3000 });
    expect(parseRadius('750米')).toEqual({ ok: true, metres: 750 });
    expect(parseRadius('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseRadius('abc')).toEqual({ ok: false, reason: 'nan' });
    expect(parseRadius('-5')).toEqual({ ok: false, reason: 'nan' });
    expect(parseRadius('10')).toEqual({ ok: false, reason: 'range' });
    expect(parseRadius('60 km')).toEqual({ ok: false, reason: 'range' });
  });
});

describe('fastBbox', () => {
  it('equals bboxOf for every real feature and for odd input', () => {
    for (const f of allPlanFeatures()) expect(fastBbox(f.geometry)).toEqual(bboxOf(f.geometry));
    expect(fastBbox(null)).toBeNull();
    expect(fastBbox({ type: 'Point', coordinates: [NaN, 1] })).toBeNull();
    expect(fastBbox({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }, { type: 'LineString', coordinates: [[3, -1], [0, 5]] }] })).toEqual([0, -1, 3, 5]);
  });
});

describe('equality with a brute-force scan over the real geodata', () => {
  const features = allPlanFeatures();
  const index = buildNearbyIndex(features);
  const culture = loadAllGroups().culture.features;
  const luxun = culture.find((f) => f.properties?.id === 'luxun-native-place');
  const places: LonLat[] = [
    (luxun?.geometry as { coordinates: LonLat } | undefined)?.coordinates ?? [120.58111, 29.995],
    [120.6, 30.03],
    [120.65, 30.07],
    [120.74, 30.15],
    [120.55, 29.95],
    [120.7, 30.0],
    [121.5, 31.2], // far outside: Shanghai
  ];
  const radii = [0, 500, 1000, 2000, 5000, 20000, 1e7];

  it('has real data to scan', () => {
    expect(features.length).toBeGreaterThan(30);
    expect(luxun).toBeDefined();
  });

  for (const p of places)
    for (const r of radii)
      it(`same set and order at ${p.join(',')} within ${r} m`, () => {
        const brute = features
          .map((f) => ({ id: f.properties.id, d: distanceToGeometry(p, f.geometry) }))
          .filter((x) => Number.isFinite(x.d) && x.d <= r)
          .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const got = queryNearby(index, p, r);
        expect(got.map((h) => h.feature.properties.id)).toEqual(brute.map((b) => b.id));
        got.forEach((h, i) => expect(h.distance).toBe(brute[i].d));
      });
});

describe('the n nearest: early stopping gives the same answer as sorting every candidate', () => {
  // a seeded generator (the bench's), so a failure can be replayed
  const rand = rng(12345);
  /** points, short and long lines, polygons around (lon0, lat0) within ±spread degrees */
  const mixed = (n: number, lon0: number, lat0: number, spread: number): Feature[] =>
    Array.from({ length: n }, (_, i) => {
      const x = lon0 + (rand() - 0.5) * 2 * spread;
      const y = lat0 + (rand() - 0.5) * 2 * spread;
      const k = rand();
      const id = `f${String(i).padStart(4, '0')}`;
      if (k < 0.5) return feat(id, { type: 'Point', coordinates: [x, y] });
      if (k < 0.8) {
        const len = k < 0.75 ? 0.01 : 1.5; // a few very long edges bulge off their boxes
        return feat(id, { type: 'LineString', coordinates: [[x, y], [x + (rand() - 0.5) * len, y + (rand() - 0.5) * len * 0.2]] });
      }
      const r = 0.002 + rand() * 0.01;
      return feat(id, { type: 'Polygon', coordinates: [[[x - r, y - r], [x + r, y - r], [x + r, y + r], [x - r, y + r], [x - r, y - r]]] });
    });

  for (const [name, lon0, lat0] of [
    ['Shaoxing', 120.58, 30.0],
    ['high latitude', 25, 68],
    ['across the antimeridian', 179.95, -17],
  ] as const) {
    it(`${name}: 300 features, 60 queries × limits 1, 5, 20 × radii 500 m…50 km`, () => {
      const features = mixed(300, lon0, lat0, 0.3);
      // duplicates at one spot: ties must be broken by id, like the full sort
      features.push(feat('dup-b', { type: 'Point', coordinates: [lon0, lat0] }), feat('dup-a', { type: 'Point', coordinates: [lon0, lat0] }));
      const index = buildNearbyIndex(features);
      let compared = 0;
      for (let q = 0; q < 60; q++) {
        const p: LonLat = q === 0 ? [lon0, lat0] : [lon0 + (rand() - 0.5) * 0.7, lat0 + (rand() - 0.5) * 0.7];
        for (const r of [500, 2000, 10_000, 50_000]) {
          const all = queryNearby(index, p, r);
          for (const k of [1, 5, 20]) {
            const got = queryNearby(index, p, r, k);
            expect(ids(got)).toEqual(ids(all.slice(0, k)));
            expect(got.map((h) => h.distance)).toEqual(all.slice(0, k).map((h) => h.distance));
            compared += got.length;
          }
        }
      }
      expect(compared).toBeGreaterThan(1000);
    });
  }

  it('the box bound never exceeds the true distance (10 000 random pairs, long edges included)', () => {
    const features = mixed(200, 120.58, 30, 0.5).concat(mixed(100, 10, 75, 0.5));
    const index = buildNearbyIndex(features);
    let positive = 0;
    for (let n = 0; n < 10_000; n++) {
      const i = Math.floor(rand() * index.features.length);
      const f = index.features[i];
      const c = fastBbox(f.geometry)!;
      const p: LonLat = [c[0] + (rand() - 0.5) * 2, Math.max(-89, Math.min(89, c[1] + (rand() - 0.5) * 2))];
      const lb = boxLowerBound(index.boxes, i, p);
      const d = distanceToGeometry(p, f.geometry);
      expect(lb).toBeLessThanOrEqual(d);
      if (lb > 0) positive++;
    }
    // a bound that is always 0 would pass the line above and prune nothing
    expect(positive).toBeGreaterThan(9000);
  });

  it('a long east–west edge bulges north of its vertices; its box is widened so the edge is still found', () => {
    // 20° of longitude at 60° N: the great circle peaks at atan(tan 60° / cos 10°) = 60.378° N,
    // 41 km north of the vertices' box
    const edge = feat('arc', { type: 'LineString', coordinates: [[0, 60], [20, 60]] });
    const peak = (Math.atan(Math.tan(Math.PI / 3) / Math.cos(Math.PI / 18)) * 180) / Math.PI;
    expect(peak).toBeCloseTo(60.378, 3);
    expect(bulgeMargin(edge.geometry)).toBeGreaterThan(peak - 60);
    const index = buildNearbyIndex([edge]);
    const p: LonLat = [10, peak + 0.005];
    const d = distanceToGeometry(p, edge.geometry);
    expect(d).toBeLessThan(2000);
    expect(ids(queryNearby(index, p, 2000, 1))).toEqual(['arc']);
    expect(ids(queryNearby(index, p, 2000))).toEqual(['arc']);
    expect(bulgeMargin({ type: 'Point', coordinates: [1, 2] })).toBe(0);
  });
});

describe('the nearby list: projects and structure, not zones or plan areas', () => {
  const all = allPlanFeatures();
  // in 滨海新区, on the edge of the start-up area: whole areas lie at 0 m from here
  const binhai: LonLat = [120.74, 30.15];

  it('leaves out every zone and every plan area, and nothing else', () => {
    const kept = nearbyCandidates(all);
    expect(kept.some((f) => NOT_NEARBY.has(f.properties.layer))).toBe(false);
    const left = all.filter((f) => !kept.includes(f));
    expect(new Set(left.map((f) => f.properties.layer))).toEqual(new Set(['zones', 'areas']));
    expect(left.filter((f) => f.properties.layer === 'areas').length).toBeGreaterThanOrEqual(7);
  });

  it('a resident in 滨海新区 is not told that 滨海新区 (or the zone) is planned near them', () => {
    const everything = ids(nearby(all, binhai, 1000));
    // the areas would otherwise be listed, at 0 m: the test place really lies in them
    expect(everything).toEqual(expect.arrayContaining(['binhai-new-area']));
    const listed = ids(nearby(nearbyCandidates(all), binhai, 1000));
    const groupOf = new Map(all.map((f) => [f.properties.id, f.properties.layer]));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((id) => NOT_NEARBY.has(groupOf.get(id)!))).toEqual([]);
    expect(listed).toEqual(everything.filter((id) => !NOT_NEARBY.has(groupOf.get(id)!)));
  });
});
