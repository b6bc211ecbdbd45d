/**
 * True distance from a point to a geometry, in metres: to the nearest point of a line or a
 * polygon's edge, 0 inside a polygon. Never a centroid. Never NaN for valid input; Infinity for
 * geometries without coordinates.
 */
import type { Geometry, Position } from 'geojson';
// No dependencies: distances use the same formulas as turf's `distance` (haversine) and
// `pointToLineDistance` (method 'geodesic', via nearestPointOnLine's great-circle vectors), step for
// step, but without building GeoJSON objects per segment: equal results, an order of magnitude
// faster (nearby search and check:geodata call this per candidate / per feature). The
// point-in-polygon test is a crossing count with the boundary counted as inside, like turf's
// booleanPointInPolygon; this module sits on the first-load path (camera.ts uses bboxOf), so it
// pulls in no turf packages at all.

export type LonLat = [number, number];

const finite = (p: Position) => Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** Smallest value of f over xs (Infinity when empty); a loop, not Math.min(...xs), so huge arrays cannot overflow the stack. */
function minOf<T>(xs: readonly T[], f: (x: T) => number): number {
  let m = Infinity;
  for (const x of xs) {
    const d = f(x);
    if (d < m) m = d;
  }
  return m;
}

/** turf's sphere: earthRadius (m) and the 'degrees' length factor. */
const EARTH_RADIUS = 6371008.8;
const DEGREES = 360 / (2 * Math.PI);
const rad = (deg: number) => ((deg % 360) * Math.PI) / 180;
const deg = (r: number) => ((r % (2 * Math.PI)) * 180) / Math.PI;

/** Central angle (radians) between two lon/lat positions: turf's haversine. */
function haversine(ax: number, ay: number, bx: number, by: number): number {
  const dLat = rad(by - ay);
  const dLon = rad(bx - ax);
  const a = Math.pow(Math.sin(dLat / 2), 2) + Math.pow(Math.sin(dLon / 2), 2) * Math.cos(rad(ay)) * Math.cos(rad(by));
  return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}

/**
 * Central angle from C to the nearest point of the great-circle segment A–B: turf's
 * nearestPointOnSegment (unit vectors, cross products), then the haversine to that point.
 */
function segmentAngle(cx: number, cy: number, ax: number, ay: number, bx: number, by: number): number {
  if (bx === cx && by === cy) return 0;
  if (ax === cx && ay === cy) return 0;
  const la = rad(ay), oa = rad(ax), lb = rad(by), ob = rad(bx), lc = rad(cy), oc = rad(cx);
  const A0 = Math.cos(la) * Math.cos(oa), A1 = Math.cos(la) * Math.sin(oa), A2 = Math.sin(la);
  const B0 = Math.cos(lb) * Math.cos(ob), B1 = Math.cos(lb) * Math.sin(ob), B2 = Math.sin(lb);
  const C0 = Math.cos(lc) * Math.cos(oc), C1 = Math.cos(lc) * Math.sin(oc), C2 = Math.sin(lc);
  // segment axis S = A × B
  const S0 = A1 * B2 - A2 * B1, S1 = A2 * B0 - A0 * B2, S2 = A0 * B1 - A1 * B0;
  if (S0 === 0 && S1 === 0 && S2 === 0) {
    // A and B coincide (or are antipodal): turf answers B, or C itself
    return A0 * B0 + A1 * B1 + A2 * B2 > 0 ? haversine(cx, cy, bx, by) : 0;
  }
  // target axis T = S × C
  const T0 = S1 * C2 - S2 * C1, T1 = S2 * C0 - S0 * C2, T2 = S0 * C1 - S1 * C0;
  if (T0 === 0 && T1 === 0 && T2 === 0) return haversine(cx, cy, bx, by);
  // intersection axis X = T × S, normalised; I is the one of ±X nearer to C
  const X0 = T1 * S2 - T2 * S1, X1 = T2 * S0 - T0 * S2, X2 = T0 * S1 - T1 * S0;
  const xm = Math.sqrt(Math.pow(X0, 2) + Math.pow(X1, 2) + Math.pow(X2, 2));
  let I0 = X0 / xm, I1 = X1 / xm, I2 = X2 / xm;
  if (!(C0 * I0 + C1 * I1 + C2 * I2 > C0 * -I0 + C1 * -I1 + C2 * -I2)) {
    I0 = -I0;
    I1 = -I1;
    I2 = -I2;
  }
  const sm = Math.sqrt(Math.pow(S0, 2) + Math.pow(S1, 2) + Math.pow(S2, 2));
  const N0 = S0 / sm, N1 = S1 / sm, N2 = S2 / sm;
  // is I between A and B?  (A × I)·N ≥ 0 and (I × B)·N ≥ 0
  const cmpAI = (A1 * I2 - A2 * I1) * N0 + (A2 * I0 - A0 * I2) * N1 + (A0 * I1 - A1 * I0) * N2;
  const cmpIB = (I1 * B2 - I2 * B1) * N0 + (I2 * B0 - I0 * B2) * N1 + (I0 * B1 - I1 * B0) * N2;
  if (cmpAI >= 0 && cmpIB >= 0) {
    const iy = deg(Math.asin(Math.min(Math.max(I2, -1), 1)));
    const ix = deg(Math.atan2(I1, I0));
    return haversine(cx, cy, ix, iy);
  }
  return A0 * C0 + A1 * C1 + A2 * C2 > B0 * C0 + B1 * C1 + B2 * C2 ? haversine(cx, cy, ax, ay) : haversine(cx, cy, bx, by);
}

export function pointDistance(a: LonLat, b: Position): number {
  if (!finite(a) || !finite(b)) return Infinity;
  return haversine(a[0], a[1], b[0], b[1]) * EARTH_RADIUS;
}

export function lineDistance(p: LonLat, coords: Position[]): number {
  if (!finite(p)) return Infinity;
  let prev: Position | null = null;
  let n = 0;
  let best = Infinity;
  for (const c of coords) {
    if (!c || !finite(c)) continue; // like the former filter(finite): non-finite positions are skipped
    n++;
    if (prev) {
      // turf's pointToLineDistance keeps the distance in degrees, then converts to metres
      const d = segmentAngle(p[0], p[1], prev[0], prev[1], c[0], c[1]) * DEGREES;
      if (d < best) best = d;
    }
    prev = c;
  }
  if (n === 0) return Infinity;
  if (n === 1) return pointDistance(p, prev!);
  const m = (best / DEGREES) * EARTH_RADIUS;
  return Number.isFinite(m) ? m : Infinity;
}

/**
 * Is (x, y) inside the polygon (outer ring + holes, even–odd), a point on any ring's edge counting
 * as inside? Planar in lon/lat, like turf's booleanPointInPolygon.
 */
export function pointInPolygon(x: number, y: number, rings: Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length;
    if (n === 0) continue;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      // on the edge j→i: collinear and within its box
      if ((xi - x) * (yj - y) - (xj - x) * (yi - y) === 0 && Math.min(xi, xj) <= x && x <= Math.max(xi, xj) && Math.min(yi, yj) <= y && y <= Math.max(yi, yj)) return true;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export function polygonDistance(p: LonLat, rings: Position[][]): number {
  if (!finite(p) || rings.length === 0 || rings[0].length < 4) return Infinity;
  if (pointInPolygon(p[0], p[1], rings)) return 0;
  return minOf(rings, (r) => lineDistance(p, r));
}

export function distanceToGeometry(p: LonLat, g: Geometry | null | undefined): number {
  if (!g) return Infinity;
  switch (g.type) {
    case 'Point':
      return pointDistance(p, g.coordinates);
    case 'MultiPoint':
      return minOf(g.coordinates, (c) => pointDistance(p, c));
    case 'LineString':
      return lineDistance(p, g.coordinates);
    case 'MultiLineString':
      return minOf(g.coordinates, (l) => lineDistance(p, l));
    case 'Polygon':
      return polygonDistance(p, g.coordinates);
    case 'MultiPolygon':
      return minOf(g.coordinates, (poly) => polygonDistance(p, poly));
    case 'GeometryCollection':
      return minOf(g.geometries, (x) => distanceToGeometry(p, x));
  }
}

/** Every position of a geometry. */
export function positionsOf(g: Geometry | null | undefined): Position[] {
  if (!g) return [];
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positionsOf);
  }
}

/** Bounding box [minLon, minLat, maxLon, maxLat] of a geometry, or null. */
export function bboxOf(g: Geometry | null | undefined): [number, number, number, number] | null {
  const ps = positionsOf(g).filter(finite);
  if (!ps.length) return null;
  let a = Infinity, b = Infinity, c = -Infinity, d = -Infinity;
  for (const p of ps) {
    if (p[0] < a) a = p[0];
    if (p[1] < b) b = p[1];
    if (p[0] > c) c = p[0];
    if (p[1] > d) d = p[1];
  }
  return [a, b, c, d];
}

/** Planar (shoelace) area of a ring in its own units, e.g. square degrees: only for comparing sizes, never shown. */
export function planarRingArea(r: Position[]): number {
  let s = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) s += (r[j][0] + r[i][0]) * (r[j][1] - r[i][1]);
  return Math.abs(s / 2);
}
