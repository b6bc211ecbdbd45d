/**
 * "What is planned near me": a spatial index over feature bounding boxes (flatbush), built once,
 * then exact distances (nearest point of the geometry, 0 inside a polygon; never centroids) for the
 * candidates of a query only. Pure: no DOM, no map.
 *
 * Distances are on the sphere turf uses (R = 6 371 008.8 m), so the bounding box of a radius can be
 * expanded exactly: every point within r metres of P lies within r/R radians of latitude, and within
 * r / (R·cos φmax) radians of longitude, where φmax is the largest |latitude| the box reaches.
 */
import Flatbush from 'flatbush';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon, circle, nearestPointOnLine, pointOnFeature, polygonToLine } from '@turf/turf';
import { distanceToGeometry, planarRingArea, type LonLat } from './distance.ts';

export type Box = [number, number, number, number];

export interface NearbyHit<F extends Feature = Feature> {
  feature: F;
  /** true distance in metres: to the nearest point of the geometry, 0 inside a polygon */
  distance: number;
}

export interface NearbyIndex<F extends Feature = Feature> {
  /** the indexed features, in index order (features without coordinates are left out) */
  features: F[];
  /** flatbush tree over their bounding boxes; null when there is nothing to index */
  tree: Flatbush | null;
  /** stable tie-breaker: the feature's id, or its position in the input */
  keys: string[];
  /** each feature's box (minX, minY, maxX, maxY at 4i…4i+3), widened by its great-circle bulge */
  boxes: Float64Array;
}

/** Metres per radian on turf's sphere. */
export const EARTH_RADIUS = 6371008.8;
const DEG = 180 / Math.PI;
/** A hair of slack on the box so floating-point rounding can never drop a feature on the radius. */
const SLACK = 1 + 1e-9;

const isFiniteLonLat = (p: unknown): p is LonLat =>
  Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** Bounding box by walking the coordinates in place (no intermediate arrays); null when none is finite. */
export function fastBbox(g: Geometry | null | undefined): Box | null {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown, depth: number): void => {
    if (!Array.isArray(c)) return;
    if (depth === 0) {
      const x = c[0], y = c[1];
      if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) {
        if (x < b[0]) b[0] = x;
        if (y < b[1]) b[1] = y;
        if (x > b[2]) b[2] = x;
        if (y > b[3]) b[3] = y;
      }
      return;
    }
    for (let i = 0; i < c.length; i++) walk(c[i], depth - 1);
  };
  const visit = (g: Geometry | null | undefined): void => {
    if (!g || typeof g !== 'object') return;
    switch (g.type) {
      case 'Point': return walk(g.coordinates, 0);
      case 'MultiPoint': case 'LineString': return walk(g.coordinates, 1);
      case 'MultiLineString': case 'Polygon': return walk(g.coordinates, 2);
      case 'MultiPolygon': return walk(g.coordinates, 3);
      case 'GeometryCollection': return (g.geometries ?? []).forEach(visit);
    }
  };
  visit(g);
  return b[0] <= b[2] ? b : null;
}

/** distanceToGeometry, but never throwing and never NaN: Infinity for anything unmeasurable. */
export function safeDistance(p: LonLat, g: Geometry | null | undefined): number {
  try {
    const d = distanceToGeometry(p, g);
    return Number.isNaN(d) ? Infinity : d;
  } catch {
    return Infinity;
  }
}

const keyOf = (f: Feature, i: number): string => {
  const id = (f.properties as { id?: unknown } | null)?.id ?? f.id;
  return id === undefined || id === null ? `#${String(i).padStart(9, '0')}` : String(id);
};

/**
 * How far (degrees of latitude) a great-circle edge can leave the box of its vertices: an arc between
 * two points bulges towards the pole by about Δλ²·sin φ·cos φ / 8 radians. Doubled, plus a hair, so
 * the box bound below stays a true lower bound even for long edges. 0 for points.
 */
export function bulgeMargin(g: Geometry | null | undefined): number {
  let worst = 0;
  const line = (c: unknown) => {
    if (!Array.isArray(c)) return;
    for (let i = 1; i < c.length; i++) {
      const a = c[i - 1], b = c[i];
      if (!isFiniteLonLat(a) || !isFiniteLonLat(b)) continue;
      let dl = Math.abs(b[0] - a[0]);
      if (dl > 180) dl = 360 - dl;
      const phi = Math.max(Math.abs(a[1]), Math.abs(b[1])) / DEG;
      const m = ((dl / DEG) ** 2 * Math.abs(Math.sin(phi) * Math.cos(phi))) / 8;
      if (m > worst) worst = m;
    }
  };
  const visit = (g: Geometry | null | undefined): void => {
    if (!g || typeof g !== 'object') return;
    switch (g.type) {
      case 'LineString': return line(g.coordinates);
      case 'MultiLineString': case 'Polygon': return (g.coordinates ?? []).forEach(line);
      case 'MultiPolygon': return (g.coordinates ?? []).forEach((p) => (p ?? []).forEach(line));
      case 'GeometryCollection': return (g.geometries ?? []).forEach(visit);
    }
  };
  visit(g);
  return worst > 0 ? 2 * worst * DEG + 1e-9 : 0;
}

/** Build the index once over the features' bounding boxes. Features without coordinates are skipped. */
export function buildNearbyIndex<F extends Feature>(input: readonly F[]): NearbyIndex<F> {
  const features: F[] = [];
  const list: Box[] = [];
  const keys: string[] = [];
  input.forEach((f, i) => {
    const g = f ? (f.geometry as Geometry | null) : null;
    const b = fastBbox(g);
    if (!b) return;
    const m = bulgeMargin(g);
    if (m > 0) {
      b[1] = Math.max(-90, b[1] - m);
      b[3] = Math.min(90, b[3] + m);
    }
    features.push(f);
    list.push(b);
    keys.push(keyOf(f, i));
  });
  const boxes = new Float64Array(list.length * 4);
  list.forEach((b, i) => boxes.set(b, i * 4));
  if (!features.length) return { features, tree: null, keys, boxes };
  const tree = new Flatbush(features.length);
  for (const b of list) tree.add(b[0], b[1], b[2], b[3]);
  tree.finish();
  return { features, tree, keys, boxes };
}

/**
 * A lower bound (metres) on the distance from `p` to anything inside box i: the haversine with the
 * smallest latitude and longitude gaps and the smaller cosine of the box's latitudes. Every point q
 * in the box has |Δφ| ≥ the gap, |Δλ| ≥ the gap and cos φq ≥ that cosine, so hav(p, q) can only be
 * larger. Shrunk by a part in 10⁹ for floating-point rounding.
 */
export function boxLowerBound(boxes: Float64Array, i: number, p: LonLat): number {
  const x0 = boxes[4 * i], y0 = boxes[4 * i + 1], x1 = boxes[4 * i + 2], y1 = boxes[4 * i + 3];
  const dPhi = p[1] < y0 ? y0 - p[1] : p[1] > y1 ? p[1] - y1 : 0;
  let dLam = p[0] < x0 ? x0 - p[0] : p[0] > x1 ? p[0] - x1 : 0;
  if (dLam > 180) dLam = 360 - dLam;
  if (dPhi === 0 && dLam === 0) return 0;
  const cosMin = Math.max(0, Math.min(Math.cos(y0 / DEG), Math.cos(y1 / DEG)));
  const sPhi = Math.sin(dPhi / DEG / 2);
  const sLam = Math.sin(dLam / DEG / 2);
  const h = sPhi * sPhi + Math.cos(p[1] / DEG) * cosMin * sLam * sLam;
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h))) * (1 - 1e-9);
}

/**
 * Boxes (in degrees) that contain every point within `radius` metres of `p`. Usually one box; two
 * when the box crosses the antimeridian; the whole world for a huge radius or near a pole.
 */
export function radiusBoxes(p: LonLat, radius: number): Box[] {
  const world: Box = [-180, -90, 180, 90];
  if (!Number.isFinite(radius) || radius >= Math.PI * EARTH_RADIUS) return [world];
  const dLat = (radius / EARTH_RADIUS) * DEG * SLACK;
  const minLat = p[1] - dLat;
  const maxLat = p[1] + dLat;
  const phiMax = Math.max(Math.abs(minLat), Math.abs(maxLat));
  if (phiMax >= 89.999) return [[-180, Math.max(-90, minLat), 180, Math.min(90, maxLat)]];
  const dLon = ((radius / EARTH_RADIUS) * DEG * SLACK) / Math.cos(phiMax / DEG);
  if (dLon >= 180) return [[-180, Math.max(-90, minLat), 180, Math.min(90, maxLat)]];
  const minLon = p[0] - dLon;
  const maxLon = p[0] + dLon;
  const lat: [number, number] = [Math.max(-90, minLat), Math.min(90, maxLat)];
  if (minLon < -180) return [[minLon + 360, lat[0], 180, lat[1]], [-180, lat[0], maxLon, lat[1]]];
  if (maxLon > 180) return [[minLon, lat[0], 180, lat[1]], [-180, lat[0], maxLon - 360, lat[1]]];
  return [[minLon, lat[0], maxLon, lat[1]]];
}

const byDistance = (keys: string[]) => (a: { i: number; d: number }, b: { i: number; d: number }) =>
  a.d - b.d || (keys[a.i] < keys[b.i] ? -1 : keys[a.i] > keys[b.i] ? 1 : 0);

/**
 * Every indexed feature whose true distance to `p` is at most `radius` metres (inclusive), nearest
 * first (ties by id). Work is proportional to the candidates whose boxes meet the radius box, not to
 * the whole index. `limit` keeps the nearest n: candidates are then visited in order of a cheap
 * lower bound from their boxes, and the exact distance is computed only until that bound exceeds the
 * n-th best distance so far (the answer is the same as sorting them all). Bad input (NaN point,
 * negative or NaN radius) → [].
 */
export function queryNearby<F extends Feature>(index: NearbyIndex<F>, p: LonLat, radius: number, limit = Infinity): NearbyHit<F>[] {
  if (!index.tree || !isFiniteLonLat(p) || !(radius >= 0) || !(limit > 0)) return [];
  const boxes = radiusBoxes(p, radius);
  let ids: number[] = index.tree.search(boxes[0][0], boxes[0][1], boxes[0][2], boxes[0][3]);
  if (boxes.length > 1) {
    const seen = new Set(ids);
    for (const b of boxes.slice(1)) for (const i of index.tree.search(b[0], b[1], b[2], b[3])) seen.add(i);
    ids = [...seen];
  }
  const cmp = byDistance(index.keys);
  const toHits = (xs: { i: number; d: number }[]) => xs.map(({ i, d }) => ({ feature: index.features[i], distance: d }));
  const exact = (i: number) => safeDistance(p, index.features[i].geometry);

  if (!Number.isFinite(limit)) {
    const found: { i: number; d: number }[] = [];
    for (const i of ids) {
      const d = exact(i);
      if (Number.isFinite(d) && d <= radius) found.push({ i, d });
    }
    return toHits(found.sort(cmp));
  }

  const k = Math.floor(limit);
  // candidates by lower bound (those that cannot reach the radius are dropped at once)
  const order: { i: number; lb: number }[] = [];
  for (const i of ids) {
    const lb = boxLowerBound(index.boxes, i, p);
    if (lb <= radius) order.push({ i, lb });
  }
  order.sort((a, b) => a.lb - b.lb);
  // the best k so far, kept sorted (k is small: a list, not a heap)
  const best: { i: number; d: number }[] = [];
  for (const { i, lb } of order) {
    if (best.length === k && lb > best[k - 1].d) break;
    const d = exact(i);
    if (!Number.isFinite(d) || d > radius) continue;
    const hit = { i, d };
    if (best.length === k && cmp(hit, best[k - 1]) >= 0) continue;
    let j = best.length;
    while (j > 0 && cmp(hit, best[j - 1]) < 0) j--;
    best.splice(j, 0, hit);
    if (best.length > k) best.pop();
  }
  return toHits(best);
}

/**
 * Layer groups never listed as "planned near me": the five functional zones (the panel names the
 * zone in a line of its own) and the plan areas (滨海新区, 袍江, the corridor…: district-scale
 * extents, not projects a resident would find near them).
 */
export const NOT_NEARBY: ReadonlySet<string> = new Set(['zones', 'areas']);

/** The features the nearby list draws from: every plan feature outside the NOT_NEARBY groups. */
export function nearbyCandidates<F extends Feature>(features: readonly F[]): F[] {
  return features.filter((f) => !NOT_NEARBY.has(String((f?.properties as { layer?: unknown } | null)?.layer)));
}

/** One-off convenience: build and query (use buildNearbyIndex + queryNearby for repeated queries). */
export function nearby<F extends Feature>(features: readonly F[], p: LonLat, radius: number, limit?: number): NearbyHit<F>[] {
  return queryNearby(buildNearbyIndex(features), p, radius, limit);
}

/** The nearest of a few features (e.g. the three cores), by true distance; null if none has coordinates. */
export function nearestOf<F extends Feature>(p: LonLat, features: readonly F[]): NearbyHit<F> | null {
  if (!isFiniteLonLat(p)) return null;
  let best: NearbyHit<F> | null = null;
  features.forEach((f) => {
    const d = f ? safeDistance(p, f.geometry as Geometry | null) : Infinity;
    if (Number.isFinite(d) && (!best || d < best.distance)) best = { feature: f, distance: d };
  });
  return best;
}

const polygonal = (g: Geometry | null | undefined): g is Extract<Geometry, { type: 'Polygon' | 'MultiPolygon' }> =>
  !!g && (g.type === 'Polygon' || g.type === 'MultiPolygon') && g.coordinates.length > 0;

/** Rough planar area in square degrees, only to prefer the smaller of overlapping zones. */
const areaOf = (g: Extract<Geometry, { type: 'Polygon' | 'MultiPolygon' }>) =>
  g.type === 'Polygon' ? planarRingArea(g.coordinates[0] ?? []) : g.coordinates.reduce((s, poly) => s + planarRingArea(poly[0] ?? []), 0);

function inside(p: LonLat, g: Extract<Geometry, { type: 'Polygon' | 'MultiPolygon' }>): boolean {
  try {
    if (g.type === 'Polygon' && (g.coordinates[0]?.length ?? 0) < 4) return false;
    return booleanPointInPolygon(p, g);
  } catch {
    return false;
  }
}

/**
 * The zone (polygon feature) containing the point, or null. Where schematic zones overlap, the
 * smaller one wins; a point on an edge counts as inside.
 */
export function zoneOf<F extends Feature>(p: LonLat, zones: FeatureCollection | readonly F[] | null | undefined): F | null {
  if (!isFiniteLonLat(p) || !zones) return null;
  const list = (Array.isArray(zones) ? zones : (zones as FeatureCollection).features ?? []) as F[];
  let best: F | null = null;
  let bestArea = Infinity;
  for (const f of list) {
    const g = f?.geometry as Geometry | null;
    if (!polygonal(g) || !inside(p, g)) continue;
    const a = areaOf(g);
    if (a < bestArea) {
      best = f;
      bestArea = a;
    }
  }
  return best;
}

/** Is the point inside any polygon of a collection (e.g. the district outline)? null when there is no polygon to test. */
export function insideAny(p: LonLat, fc: FeatureCollection | null | undefined): boolean | null {
  const polys = (fc?.features ?? []).map((f) => f.geometry).filter(polygonal);
  if (!polys.length || !isFiniteLonLat(p)) return null;
  return polys.some((g) => inside(p, g));
}

/** Distance from a point to the nearest polygon boundary of a collection (for "x km outside the district"). */
export function distanceToAny(p: LonLat, fc: FeatureCollection | null | undefined): number {
  return nearestOf(p, (fc?.features ?? []).filter((f) => polygonal(f.geometry)))?.distance ?? Infinity;
}

/** The radius as a polygon (geodesic on turf's sphere, like the distances). */
export function radiusCircle(p: LonLat, radius: number, steps = 128): Feature<Geometry> | null {
  if (!isFiniteLonLat(p) || !(radius > 0) || !Number.isFinite(radius)) return null;
  return circle(p, radius, { units: 'meters', steps }) as Feature<Geometry>;
}

/** [[w, s], [e, n]] of the radius around a point, for fitBounds. */
export function radiusBounds(p: LonLat, radius: number): [[number, number], [number, number]] | null {
  if (!isFiniteLonLat(p) || !(radius >= 0) || !Number.isFinite(radius)) return null;
  const [b] = radiusBoxes(p, radius);
  return [
    [Math.max(-180, b[0]), b[1]],
    [Math.min(180, b[2]), b[3]],
  ];
}

/** Speeds of the straight-line travel estimates, km/h. */
export const SPEEDS = { walk: 5, cycle: 15, drive: 30 } as const;
export type Mode = keyof typeof SPEEDS;

/** Minutes to cover a straight-line distance at a mode's speed (at least 1 for any distance > 0). */
export function travelMinutes(metres: number, mode: Mode): number {
  if (!(metres > 0) || !Number.isFinite(metres)) return 0;
  return Math.max(1, Math.round((metres / 1000 / SPEEDS[mode]) * 60));
}

/** Distance as text: "0 m", "35 m", "850 m", "1.2 km", "12 km" (or 米 / 公里 in Chinese). */
export function formatDistance(metres: number, lang: 'zh' | 'en' = 'en'): string {
  const m = lang === 'zh' ? ' 米' : ' m';
  const km = lang === 'zh' ? ' 公里' : ' km';
  if (!Number.isFinite(metres) || metres < 0) return '—';
  if (metres < 100) return `${Math.round(metres)}${m}`;
  if (metres < 995) return `${Math.round(metres / 10) * 10}${m}`;
  if (metres < 9950) return `${(metres / 1000).toFixed(1)}${km}`;
  return `${Math.round(metres / 1000)}${km}`;
}

/** Smallest and largest radius a user may enter (the `r` URL parameter accepts the same range). */
export const RADIUS_MIN = 50;
export const RADIUS_MAX = 50000;
export const RADIUS_PRESETS = [500, 1000, 2000, 5000] as const;

export type RadiusParse = { ok: true; metres: number } | { ok: false; reason: 'empty' | 'nan' | 'range' };

/** Parse a typed radius: "800", "800 m", "1.5 km", "1.5公里", "800米". Metres when no unit. */
export function parseRadius(text: string): RadiusParse {
  const s = String(text ?? '').trim().toLowerCase().replace(/,/g, '').replace(/\s+/g, '');
  if (!s) return { ok: false, reason: 'empty' };
  const m = /^(\d+(?:\.\d+)?|\.\d+)(m|米|km|公里|千米)?$/.exec(s);
  if (!m) return { ok: false, reason: 'nan' };
  const n = Number(m[1]) * (m[2] === 'km' || m[2] === '公里' || m[2] === '千米' ? 1000 : 1);
  if (!Number.isFinite(n)) return { ok: false, reason: 'nan' };
  const metres = Math.round(n);
  if (metres < RADIUS_MIN || metres > RADIUS_MAX) return { ok: false, reason: 'range' };
  return { ok: true, metres };
}

/**
 * Where a nearby result's numbered marker goes: the point itself; the point of a line nearest the
 * place; for an area, the nearest point of its edge, or (place inside it) the area's own interior
 * point (turf pointOnFeature).
 */
export function markerPoint(g: Geometry | null | undefined, place: LonLat): LonLat | null {
  if (!g) return null;
  try {
    if (g.type === 'Point') return [g.coordinates[0], g.coordinates[1]];
    if (g.type === 'MultiPoint' || g.type === 'LineString' || g.type === 'MultiLineString') {
      const line: Feature<Geometry> = { type: 'Feature', properties: {}, geometry: g.type === 'MultiPoint' ? { type: 'LineString', coordinates: g.coordinates.length > 1 ? g.coordinates : [g.coordinates[0], g.coordinates[0]] } : g };
      if (g.type === 'MultiPoint') {
        let best: LonLat | null = null;
        let bd = Infinity;
        for (const c of g.coordinates) {
          const d = (c[0] - place[0]) ** 2 + (c[1] - place[1]) ** 2;
          if (d < bd) [bd, best] = [d, [c[0], c[1]]];
        }
        return best;
      }
      const c = nearestPointOnLine(line as Feature<LineString | MultiLineString>, place).geometry.coordinates;
      return [c[0], c[1]];
    }
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
      const f: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: g };
      if (!booleanPointInPolygon(place, f)) {
        const edge = polygonToLine(f);
        const lines = edge.type === 'FeatureCollection' ? edge.features : [edge];
        let best: LonLat | null = null;
        let bd = Infinity;
        for (const l of lines) {
          const p = nearestPointOnLine(l as Feature<LineString | MultiLineString>, place);
          const d = p.properties.dist ?? Infinity;
          if (d < bd) [bd, best] = [d, [p.geometry.coordinates[0], p.geometry.coordinates[1]]];
        }
        return best;
      }
      const c = pointOnFeature(f).geometry.coordinates;
      return [c[0], c[1]];
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * The plan period a feature speaks of: 2035 where its own text (excerpt, figures, descriptions)
 * names 2035 as a horizon, else the 14th Five-Year Plan's 2021–2025. (In dataset v-current no
 * feature's text names 2035, so every row reads 2021–2025; the rule is data-driven for edits.)
 */
export function planPeriod(p: { excerpt_zh?: string | null; figures?: string | null; description_zh?: string | null; description_en?: string | null }): '2021–2025' | '2035' {
  const text = [p.excerpt_zh, p.figures, p.description_zh, p.description_en].filter(Boolean).join(' ');
  return /2035/.test(text) ? '2035' : '2021–2025';
}
