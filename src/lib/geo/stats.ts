/**
 * Zone and platform statistics (pure: no DOM, no map).
 *
 * Areas are ellipsoidal (turf.area with a WGS84 correction, see measure.ts), with a fixed stated
 * precision: 0.01 km², 0.1 公顷, whole 亩 (areaFigures, AREA_PRECISION).
 *
 * Counting rule ("inside"): a feature counts in an area when its geometry intersects the area,
 * boundary included — a point lies inside or on the edge; a line or polygon shares at least one
 * point with it (so a road crossing two zones counts in both). An area's own layer is not counted
 * inside it (zones are not counted in zones, platforms not in platforms). Each feature counts once
 * per area, under its primary category.
 */
import { bbox as turfBbox, booleanIntersects } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { areaFigures, geodesicArea, MU_M2 } from './measure.ts';
import { csvDocument } from '../plan/exporter.ts';

export type AreaKind = 'zones' | 'platforms' | 'district';
/** Which geometry an area was computed from. */
export type AreaBasis = 'schematic' | 'generalized';

export interface AreaInput {
  id: string;
  name_zh: string;
  name_en: string;
  kind: AreaKind;
  basis: AreaBasis;
  geometry: Geometry;
}

/** A feature to count: plan features and imported user features alike. */
export interface CountedFeature {
  id: string;
  name_zh?: string;
  name_en?: string;
  /** category for the breakdown: a plan group id, or a user layer id */
  category: string;
  /** the layer the feature belongs to (a plan group id or a user layer id) */
  layer: string;
  geometry: Geometry | null;
}

export interface AreaStat {
  id: string;
  name_zh: string;
  name_en: string;
  kind: AreaKind;
  basis: AreaBasis;
  area_m2: number;
  /** rounded to 0.01 km² */
  area_km2: number;
  /** 公顷, rounded to 0.1 */
  area_ha: number;
  /** whole 亩 */
  area_mu: number;
  total: number;
  byCategory: Record<string, number>;
  features: CountedFeature[];
}

type BBox = [number, number, number, number];

function bboxOf(g: Geometry): BBox | null {
  try {
    const b = turfBbox(g) as number[];
    return b.slice(0, 4).every(Number.isFinite) ? ([b[0], b[1], b[2], b[3]] as BBox) : null;
  } catch {
    return null;
  }
}

const inBox = (p: Position, b: BBox) => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
const overlaps = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Point in a polygon's rings (even–odd, holes excluded), the boundary counting as inside. */
function pointInRings(x: number, y: number, rings: Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      // on the edge?
      if ((x - xi) * (yj - yi) === (y - yi) * (xj - xi) && x >= Math.min(xi, xj) && x <= Math.max(xi, xj) && y >= Math.min(yi, yj) && y <= Math.max(yi, yj)) return true;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function pointInArea(p: Position, area: Geometry): boolean {
  if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return false;
  if (area.type === 'Polygon') return pointInRings(p[0], p[1], area.coordinates);
  if (area.type === 'MultiPolygon') return area.coordinates.some((poly) => pointInRings(p[0], p[1], poly));
  return false;
}

/** The counting rule: does the feature's geometry intersect the area (boundary included)? */
export function isInside(area: Geometry, g: Geometry | null, areaBox: BBox | null = bboxOf(area)): boolean {
  if (!g || !areaBox) return false;
  // points (the bulk of imported files) take a fast exact path
  if (g.type === 'Point') return inBox(g.coordinates, areaBox) && pointInArea(g.coordinates, area);
  if (g.type === 'MultiPoint') return g.coordinates.some((p) => inBox(p, areaBox) && pointInArea(p, area));
  const fb = bboxOf(g);
  if (!fb || !overlaps(areaBox, fb)) return false;
  try {
    return booleanIntersects(area, g);
  } catch {
    return false;
  }
}

export const roundKm2 = (m2: number) => areaFigures(m2).km2;
export const toHa = (m2: number) => areaFigures(m2).ha;
export const toMu = (m2: number) => Math.round(m2 / MU_M2);

/** Areas for the statistics: every zone, every platform and (if present) the district outline. */
export function areasFrom(data: { zones?: FeatureCollection; platforms?: FeatureCollection; outline?: FeatureCollection }): AreaInput[] {
  const out: AreaInput[] = [];
  const polygonal = (f: Feature) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon');
  for (const kind of ['zones', 'platforms'] as const) {
    for (const f of data[kind]?.features ?? []) {
      if (!polygonal(f)) continue;
      const p = (f.properties ?? {}) as Record<string, unknown>;
      out.push({
        id: String(p.id ?? f.id ?? `${kind}-${out.length}`),
        name_zh: String(p.name_zh ?? p.name_en ?? ''),
        name_en: String(p.name_en ?? p.name_zh ?? ''),
        kind,
        basis: p.location_quality === 'schematic' ? 'schematic' : 'generalized',
        geometry: f.geometry!,
      });
    }
  }
  const outline = (data.outline?.features ?? []).filter(polygonal);
  if (outline.length) {
    const polys = outline.flatMap((f) => (f.geometry!.type === 'Polygon' ? [f.geometry!.coordinates] : (f.geometry as { coordinates: number[][][][] }).coordinates));
    out.push({
      id: 'district',
      name_zh: '越城区（概化区界）',
      name_en: 'Yuecheng District (generalized outline)',
      kind: 'district',
      basis: 'generalized',
      geometry: polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys },
    });
  }
  return out;
}

/** Statistics of each area: its size and the features inside it, by category. */
export function computeStats(areas: AreaInput[], features: CountedFeature[]): AreaStat[] {
  const boxes = features.map((f) => (f.geometry ? bboxOf(f.geometry) : null));
  return areas.map((a) => {
    const m2 = geodesicArea(a.geometry);
    const ab = bboxOf(a.geometry);
    const inside: CountedFeature[] = [];
    features.forEach((f, i) => {
      if (f.id === a.id || f.layer === a.kind) return;
      const fb = boxes[i];
      if (!fb || !ab || !overlaps(ab, fb)) return;
      if (isInside(a.geometry, f.geometry, ab)) inside.push(f);
    });
    const byCategory: Record<string, number> = {};
    for (const f of inside) byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
    return {
      id: a.id,
      name_zh: a.name_zh,
      name_en: a.name_en,
      kind: a.kind,
      basis: a.basis,
      area_m2: m2,
      area_km2: roundKm2(m2),
      area_ha: toHa(m2),
      area_mu: toMu(m2),
      total: inside.length,
      byCategory,
      features: inside,
    };
  });
}

/** Categories that occur in any area, in the given order (unknown ones last, sorted). */
export function usedCategories(stats: AreaStat[], order: string[] = []): string[] {
  const seen = new Set(stats.flatMap((s) => Object.keys(s.byCategory)));
  const known = order.filter((c) => seen.has(c));
  const rest = [...seen].filter((c) => !order.includes(c)).sort();
  return [...known, ...rest];
}

/** The statistics table as CSV (UTF-8 with BOM): one row per area, one column per category. */
export function statsToCsv(stats: AreaStat[], categories: { id: string; label: string }[], lang: 'zh' | 'en' = 'zh'): string {
  const header = [
    'area_id',
    'name_zh',
    'name_en',
    'kind',
    'geometry_basis',
    'area_km2',
    'area_ha',
    'area_mu',
    'features_total',
    ...categories.map((c) => `count:${c.label}`),
    'features',
  ];
  const rows = stats.map((s) => [
    s.id,
    s.name_zh,
    s.name_en,
    s.kind,
    s.basis === 'schematic' ? 'computed from schematic geometry' : 'computed from a generalized outline',
    s.area_km2.toFixed(2),
    s.area_ha.toFixed(1),
    String(s.area_mu),
    String(s.total),
    ...categories.map((c) => String(s.byCategory[c.id] ?? 0)),
    s.features.map((f) => (lang === 'zh' ? f.name_zh || f.name_en : f.name_en || f.name_zh) || f.id).join('; '),
  ]);
  return csvDocument([header, ...rows]);
}
