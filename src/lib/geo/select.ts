/**
 * Select by area (pure): which features lie in a drawn polygon, a circle, a zone or a platform.
 * The rule is the statistics' rule (stats.ts isInside): a point counts when inside or on the edge;
 * a line or polygon counts when it intersects the area. Bounding boxes go into a flatbush index
 * built once per feature list, so a selection over 100k points costs one index query and exact
 * tests of the candidates only (bench case select-100k).
 */
import Flatbush from 'flatbush';
import { circle as turfCircle } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { isInside, type CountedFeature } from './stats.ts';
import { geodesicArea } from './measure.ts';
import { bboxOf } from '../map/zoomTo.ts';

export interface SelectIndex {
  items: CountedFeature[];
  tree: Flatbush | null;
  /** item index of each tree entry */
  slot: Uint32Array;
}

export function buildSelectIndex(items: CountedFeature[]): SelectIndex {
  const boxes: [number, number, number, number, number][] = [];
  items.forEach((f, i) => {
    const g = f.geometry;
    if (!g) return;
    if (g.type === 'Point') {
      const [x, y] = g.coordinates;
      if (Number.isFinite(x) && Number.isFinite(y)) boxes.push([x, y, x, y, i]);
      return;
    }
    const b = bboxOf(g);
    if (b) boxes.push([b[0], b[1], b[2], b[3], i]);
  });
  if (!boxes.length) return { items, tree: null, slot: new Uint32Array(0) };
  const tree = new Flatbush(boxes.length);
  const slot = new Uint32Array(boxes.length);
  boxes.forEach((b, k) => {
    tree.add(b[0], b[1], b[2], b[3]);
    slot[k] = b[4];
  });
  tree.finish();
  return { items, tree, slot };
}

export interface Selection {
  /** the features inside, in input order */
  features: CountedFeature[];
  byCategory: Record<string, number>;
  area_m2: number;
}

export function selectInArea(index: SelectIndex, area: Polygon | MultiPolygon): Selection {
  const box = bboxOf(area);
  const hits: number[] = [];
  if (box && index.tree) {
    for (const k of index.tree.search(box[0], box[1], box[2], box[3])) {
      const i = index.slot[k];
      if (isInside(area, index.items[i].geometry, box)) hits.push(i);
    }
  }
  hits.sort((a, b) => a - b);
  const features = hits.map((i) => index.items[i]);
  const byCategory: Record<string, number> = {};
  for (const f of features) byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
  return { features, byCategory, area_m2: geodesicArea(area) };
}

/** A circle as a polygon (128 segments: its area is within 0.05 % of πr²). */
export function circlePolygon(center: Position, radius_m: number): Polygon {
  return turfCircle([center[0], center[1]], radius_m / 1000, { steps: 128, units: 'kilometers' }).geometry;
}

export const isAreaGeometry = (g: Geometry | null | undefined): g is Polygon | MultiPolygon => !!g && (g.type === 'Polygon' || g.type === 'MultiPolygon');
