/**
 * One label point per polygon, for the map only. MapLibre places a polygon's label per tile (at the
 * pole of inaccessibility of the part of the polygon in that tile), so a large zone or park is
 * labelled once per tile it touches: "中部" twice on a phone screen. Instead every polygon gets one
 * extra Point feature (same properties and id, plus `label_point: true`) at the pole of
 * inaccessibility of its largest part, computed once; label layers draw only points and lines, and
 * circle layers skip label points. The plan data (`app.data`: lists, counts, nearby, export) never
 * see these points: they exist only in the style's sources (style.ts, buildStyle).
 * Each label point also carries the area of the part it labels (`label_area`, km²), so a label layer
 * can place the labels of small polygons first (symbol-sort-key): a large polygon's label has more
 * room to step aside.
 */
import polylabel from 'polylabel';
import type { Feature, FeatureCollection, Point, Position } from 'geojson';
import { planarRingArea } from '../geo/distance.ts';

/** Property that marks a label point. */
export const LABEL_POINT = 'label_point';
/** Property of a label point: the area of the labelled part, km² (planar, longitude scaled by cos φ). */
export const LABEL_AREA = 'label_area';

const finiteRing = (r: unknown): r is Position[] =>
  Array.isArray(r) && r.length >= 4 && r.every((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]));

/**
 * The label position of a polygon (rings in lon/lat): the pole of inaccessibility of its largest
 * part, found in a plane where longitude is scaled by cos(latitude) so "farthest from the edges" is
 * measured in ground distance, to about 1 m. Null for a polygon without a usable outer ring.
 */
export function labelPosition(parts: Position[][][]): [number, number] | null {
  return labelPlace(parts)?.at ?? null;
}

/** Kilometres per degree of latitude (and of longitude at the equator) on a 6 371 km sphere. */
const KM_PER_DEG = 111.195;

/** The label position of a polygon and the area (km²) of the part it sits in; null as labelPosition. */
export function labelPlace(parts: Position[][][]): { at: [number, number]; km2: number } | null {
  let best: Position[][] | null = null;
  let bestArea = -1;
  for (const rings of parts) {
    if (!Array.isArray(rings) || !finiteRing(rings[0])) continue;
    const a = planarRingArea(rings[0]);
    if (a > bestArea) (best = rings), (bestArea = a);
  }
  if (!best) return null;
  const lat0 = best[0].reduce((s, p) => s + p[1], 0) / best[0].length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const scaled = best.filter(finiteRing).map((r) => r.map((p) => [p[0] * k, p[1]]));
  const [x, y] = polylabel(scaled, 1e-5);
  return { at: [+(x / k).toFixed(6), +y.toFixed(6)], km2: +(bestArea * k * KM_PER_DEG ** 2).toFixed(4) };
}

/** The collection plus one label point per polygon feature (same properties and id). */
export function withLabelPoints(fc: FeatureCollection): FeatureCollection {
  const extra: Feature<Point>[] = [];
  for (const f of fc.features) {
    const g = f?.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const place = labelPlace(g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
    if (!place) continue;
    extra.push({ type: 'Feature', ...(f.id !== undefined ? { id: f.id } : {}), properties: { ...f.properties, [LABEL_POINT]: true, [LABEL_AREA]: place.km2 }, geometry: { type: 'Point', coordinates: place.at } });
  }
  return extra.length ? { ...fc, features: [...fc.features, ...extra] } : fc;
}
