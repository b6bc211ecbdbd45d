/**
 * True distance from a point to a geometry, in metres: to the nearest point of a line or a
 * polygon's edge, 0 inside a polygon. Never a centroid. Never NaN for valid input; Infinity for
 * geometries without coordinates.
 */
import type { Geometry, Position } from 'geojson';
import { booleanPointInPolygon, pointToLineDistance, distance as turfDistance, point, lineString } from '@turf/turf';

export type LonLat = [number, number];

const finite = (p: Position) => Number.isFinite(p[0]) && Number.isFinite(p[1]);

export function pointDistance(a: LonLat, b: Position): number {
  if (!finite(a) || !finite(b)) return Infinity;
  return turfDistance(point(a), point([b[0], b[1]]), { units: 'meters' });
}

export function lineDistance(p: LonLat, coords: Position[]): number {
  const pts = coords.filter(finite);
  if (!finite(p) || pts.length === 0) return Infinity;
  if (pts.length === 1) return pointDistance(p, pts[0]);
  const d = pointToLineDistance(point(p), lineString(pts.map((c) => [c[0], c[1]])), { units: 'meters', method: 'geodesic' });
  return Number.isFinite(d) ? d : Infinity;
}

export function polygonDistance(p: LonLat, rings: Position[][]): number {
  if (!finite(p) || rings.length === 0 || rings[0].length < 4) return Infinity;
  if (booleanPointInPolygon(p, { type: 'Polygon', coordinates: rings })) return 0;
  return Math.min(...rings.map((r) => lineDistance(p, r)));
}

export function distanceToGeometry(p: LonLat, g: Geometry | null | undefined): number {
  if (!g) return Infinity;
  switch (g.type) {
    case 'Point':
      return pointDistance(p, g.coordinates);
    case 'MultiPoint':
      return Math.min(Infinity, ...g.coordinates.map((c) => pointDistance(p, c)));
    case 'LineString':
      return lineDistance(p, g.coordinates);
    case 'MultiLineString':
      return Math.min(Infinity, ...g.coordinates.map((l) => lineDistance(p, l)));
    case 'Polygon':
      return polygonDistance(p, g.coordinates);
    case 'MultiPolygon':
      return Math.min(Infinity, ...g.coordinates.map((poly) => polygonDistance(p, poly)));
    case 'GeometryCollection':
      return Math.min(Infinity, ...g.geometries.map((x) => distanceToGeometry(p, x)));
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
