/**
 * Geodesic length and area on the WGS84 ellipsoid, from turf's spherical results with a local
 * ellipsoidal correction (pure functions: no DOM, no map).
 *
 * - Length: turf gives each segment's central angle on the sphere; we multiply it by the WGS84
 *   radius of curvature in the segment's azimuth at its mid-latitude (Euler's formula). For
 *   segments up to a few tens of km this agrees with Karney's geodesic to about 0.01 %.
 * - Area: turf.area is the spherical area on a sphere of radius 6371008.8 m; the ellipsoidal area
 *   element is M·N·cosφ dφ dλ, so we scale by M·N / R² at the polygon's middle latitude (≈ 0.1 %
 *   smaller than turf at Shaoxing's 30° N).
 */
import { area as turfArea, bearing, distance, point } from '@turf/turf';
import type { Geometry, Position } from 'geojson';

export const WGS84_A = 6378137;
export const WGS84_F = 1 / 298.257223563;
const E2 = WGS84_F * (2 - WGS84_F);
/** turf's mean earth radius (turf.area and turf.distance use it) */
const TURF_R = 6371008.8;
/** 1 亩 = 10000/15 m² ≈ 666.67 m² */
export const MU_M2 = 10000 / 15;

const rad = (d: number) => (d * Math.PI) / 180;
const finite = (p: Position | undefined): p is Position => !!p && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** Meridional (M) and prime-vertical (N) radii of curvature of WGS84 at a latitude, metres. */
export function radiiOfCurvature(latDeg: number): { M: number; N: number } {
  const s = Math.sin(rad(latDeg));
  const w = 1 - E2 * s * s;
  return { M: (WGS84_A * (1 - E2)) / (w * Math.sqrt(w)), N: WGS84_A / Math.sqrt(w) };
}

/** Ellipsoidal length of one segment, metres. */
export function segmentLength(a: Position, b: Position): number {
  if (!finite(a) || !finite(b)) return NaN;
  if (a[0] === b[0] && a[1] === b[1]) return 0;
  const angle = distance(point([a[0], a[1]]), point([b[0], b[1]]), { units: 'radians' });
  const { M, N } = radiiOfCurvature((a[1] + b[1]) / 2);
  // azimuth at the middle of the segment: mean of the initial and the reversed final bearing
  const az1 = rad(bearing([a[0], a[1]], [b[0], b[1]]));
  const az2 = rad(bearing([b[0], b[1]], [a[0], a[1]]) + 180);
  const az = Math.atan2(Math.sin(az1) + Math.sin(az2), Math.cos(az1) + Math.cos(az2));
  const c = Math.cos(az);
  const s = Math.sin(az);
  const R = (M * N) / (N * c * c + M * s * s);
  return angle * R;
}

/** Length of a path (sum of its segments), metres. */
export function pathLength(coords: Position[]): number {
  let sum = 0;
  for (let i = 1; i < coords.length; i++) sum += segmentLength(coords[i - 1], coords[i]);
  return sum;
}

/** Middle latitude of a geometry's bounding box (stable: holes and vertex density do not move it). */
function midLatitude(g: Geometry): number {
  let lo = Infinity;
  let hi = -Infinity;
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const y = c[1] as number;
      if (Number.isFinite(y)) {
        if (y < lo) lo = y;
        if (y > hi) hi = y;
      }
    } else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  if (g.type === 'GeometryCollection') for (const x of g.geometries) walk('coordinates' in x ? x.coordinates : []);
  else walk(g.coordinates);
  return lo <= hi ? (lo + hi) / 2 : 0;
}

/** Ellipsoidal area of a (multi)polygon, m² (0 for other geometries). */
export function geodesicArea(g: Geometry | null | undefined): number {
  if (!g) return 0;
  const sphere = turfArea(g);
  if (!Number.isFinite(sphere) || sphere === 0) return 0;
  const { M, N } = radiiOfCurvature(midLatitude(g));
  return (sphere * M * N) / (TURF_R * TURF_R);
}

export type Measurement =
  | { kind: 'line'; length_m: number; vertices: number }
  | { kind: 'area'; area_m2: number; perimeter_m: number; vertices: number };

/** Measure a drawn geometry: a LineString gives a length, a Polygon an area and perimeter. */
export function measureGeometry(g: Geometry | null | undefined): Measurement | null {
  if (!g) return null;
  if (g.type === 'LineString') {
    const pts = g.coordinates.filter(finite);
    return { kind: 'line', length_m: pathLength(pts), vertices: pts.length };
  }
  if (g.type === 'Polygon') {
    const ring = (g.coordinates[0] ?? []).filter(finite);
    if (ring.length < 4) return { kind: 'area', area_m2: 0, perimeter_m: pathLength(ring), vertices: Math.max(0, ring.length - 1) };
    return { kind: 'area', area_m2: geodesicArea(g), perimeter_m: pathLength(ring), vertices: ring.length - 1 };
  }
  return null;
}

/** 3 significant figures (for 亩 and large numbers). */
export function sig3(n: number): number {
  if (!Number.isFinite(n) || n === 0) return 0;
  const d = Math.ceil(Math.log10(Math.abs(n)));
  const f = 10 ** (3 - d);
  return Math.round(n * f) / f;
}

const group = (n: number, digits: number) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A length for display: "850 m", "1.23 km", "123.4 km". */
export function formatLength(m: number): string {
  if (!Number.isFinite(m)) return '–';
  if (m < 1000) return `${Math.round(m)} m`;
  if (m < 100_000) return `${group(m / 1000, 2)} km`;
  return `${group(m / 1000, 1)} km`;
}

/** An area in km² for display, precision growing as the area shrinks. */
export function formatKm2(m2: number): string {
  if (!Number.isFinite(m2)) return '–';
  const k = m2 / 1e6;
  if (k < 1) return `${group(k, 3)} km²`;
  if (k < 100) return `${group(k, 2)} km²`;
  return `${group(k, 1)} km²`;
}

/**
 * Area figures with a stated, fixed precision (not significant figures): km² to 0.01,
 * 公顷 (hectares) to 0.1, 亩 to a whole 亩. 1 公顷 = 10 000 m², 1 亩 = 10 000/15 m² ≈ 666.67 m².
 */
export const AREA_DECIMALS = { km2: 2, ha: 1, mu: 0 } as const;
export interface AreaFigures {
  km2: number;
  ha: number;
  mu: number;
}
const roundTo = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;
export function areaFigures(m2: number): AreaFigures {
  const v = Number.isFinite(m2) ? m2 : 0;
  return { km2: roundTo(v / 1e6, AREA_DECIMALS.km2), ha: roundTo(v / 1e4, AREA_DECIMALS.ha), mu: roundTo(v / MU_M2, AREA_DECIMALS.mu) };
}
/** The precision statement shown next to area figures. */
export const AREA_PRECISION = {
  zh: '面积按 WGS84 椭球计算；平方公里保留两位小数，公顷保留一位小数，亩取整（1 公顷 = 10 000 m²，1 亩 = 666.67 m²）。',
  en: 'Areas on the WGS84 ellipsoid; km² to 0.01, hectares (公顷) to 0.1, mu (亩) to a whole mu (1 ha = 10,000 m², 1 mu = 666.67 m²).',
};

/** An area in 亩 for display, to a whole 亩 (the precision is stated, see AREA_PRECISION). */
export function formatMu(m2: number, lang: 'zh' | 'en' = 'zh'): string {
  if (!Number.isFinite(m2)) return '–';
  return `${group(areaFigures(m2).mu, 0)} ${lang === 'zh' ? '亩' : 'mu'}`;
}

/** An area in 公顷 / hectares, to 0.1 ha. */
export function formatHa(m2: number, lang: 'zh' | 'en' = 'zh'): string {
  if (!Number.isFinite(m2)) return '–';
  return `${group(areaFigures(m2).ha, 1)} ${lang === 'zh' ? '公顷' : 'ha'}`;
}
