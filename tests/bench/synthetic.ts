/**
 * Seeded synthetic plan features for the bench: points, lines and polygons mixed, inside the
 * district's box, with the properties plan layers read. Deterministic for a given seed.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { DISTRICT_BOUNDS } from '../../src/lib/map/camera.ts';

/** mulberry32: a small seeded PRNG in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const [[W, S], [E, N]] = DISTRICT_BOUNDS;
const STATUSES = ['completed', 'underway', 'planned'] as const;
const QUALITIES = ['sourced', 'estimated', 'schematic'] as const;
const ZONES = ['north', 'west', 'central', 'south', 'east'] as const;
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function props(i: number, layer: string) {
  return {
    id: `bench-${i}`,
    name_zh: `测试${i}`,
    name_en: `Bench ${i}`,
    layer,
    category: layer,
    zone: ZONES[i % ZONES.length],
    section: '六(二)1',
    excerpt_zh: '测试',
    figures: null,
    status: STATUSES[i % STATUSES.length],
    location_quality: QUALITIES[(i >> 2) % QUALITIES.length],
    location_source: 'bench',
  };
}

/** n features: 60 % points, 25 % lines (2–6 vertices, ≤ ~1 km), 15 % polygons (small rings). */
export function mixedFeatures(n: number, seed = 1, layer = 'industry'): Feature[] {
  const rand = rng(seed);
  const out: Feature[] = [];
  for (let i = 0; i < n; i++) {
    const x = W + rand() * (E - W);
    const y = S + rand() * (N - S);
    const k = rand();
    let geometry: Geometry;
    if (k < 0.6) geometry = { type: 'Point', coordinates: [r6(x), r6(y)] };
    else if (k < 0.85) {
      const m = 2 + Math.floor(rand() * 5);
      const c: Position[] = [[r6(x), r6(y)]];
      for (let j = 1; j < m; j++) c.push([r6(c[j - 1][0] + (rand() - 0.5) * 0.004), r6(c[j - 1][1] + (rand() - 0.5) * 0.004)]);
      geometry = { type: 'LineString', coordinates: c };
    } else {
      const sides = 4 + Math.floor(rand() * 5);
      const rad = 0.0005 + rand() * 0.002;
      const ring: Position[] = [];
      for (let j = 0; j < sides; j++) {
        const a = (j / sides) * 2 * Math.PI; // counter-clockwise
        ring.push([r6(x + rad * Math.cos(a)), r6(y + rad * Math.sin(a))]);
      }
      ring.push(ring[0]);
      geometry = { type: 'Polygon', coordinates: [ring] };
    }
    out.push({ type: 'Feature', properties: props(i, layer), geometry });
  }
  return out;
}

/**
 * n points only (for the filter case), as a FeatureCollection of the `points` group. Unnamed, so
 * neither page lays out 100k labels: the case measures filtering, not text placement.
 */
export function pointCollection(n: number, seed = 2): FeatureCollection {
  const rand = rng(seed);
  const features: Feature[] = [];
  for (let i = 0; i < n; i++) {
    const { name_zh: _z, name_en: _e, ...p } = props(i, 'points');
    features.push({ type: 'Feature', properties: p, geometry: { type: 'Point', coordinates: [r6(W + rand() * (E - W)), r6(S + rand() * (N - S))] } });
  }
  return { type: 'FeatureCollection', features };
}

/** Query points spread over the district. */
export function queryPoints(n: number, seed = 3): [number, number][] {
  const rand = rng(seed);
  return Array.from({ length: n }, () => [W + 0.05 + rand() * (E - W - 0.1), S + 0.05 + rand() * (N - S - 0.1)] as [number, number]);
}
