import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import { area, booleanPointInPolygon, pointToLineDistance, polygonToLine, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { labelPosition, withLabelPoints, LABEL_AREA, LABEL_POINT } from '../../../src/lib/layers/labelPoints.ts';
import { allLayers, buildStyle } from '../../../src/lib/layers/style.ts';
import { GROUPS } from '../../../src/lib/layers/registry.ts';
import { loadAllGroups } from '../helpers.ts';

const require = createRequire(import.meta.url);
const spec = require('@maplibre/maplibre-gl-style-spec') as { featureFilter: (f: unknown, rootKey: string) => { filter: (g: { zoom: number }, f: unknown) => boolean } };

// a U: its centroid (≈ 120.55, 30.0045) falls in the notch, outside the shape
const U: Polygon = {
  type: 'Polygon',
  coordinates: [[[120.5, 30], [120.6, 30], [120.6, 30.02], [120.58, 30.02], [120.58, 30.005], [120.52, 30.005], [120.52, 30.02], [120.5, 30.02], [120.5, 30]]],
};

describe('labelPosition', () => {
  it('puts a concave polygon’s label inside it, away from the edges', () => {
    const p = labelPosition([U.coordinates])!;
    expect(booleanPointInPolygon(p, U)).toBe(true);
    // the arms are 2 km wide, the base 0.55 km tall: the best spot is ~1 km from every edge
    const toEdge = pointToLineDistance(point(p), polygonToLine(U) as Feature<import('geojson').LineString>, { units: 'meters' });
    expect(toEdge).toBeGreaterThan(800);
  });
  it('uses the largest part of a multipolygon', () => {
    const small: Polygon['coordinates'] = [[[121, 30], [121.001, 30], [121.001, 30.001], [121, 30.001], [121, 30]]];
    const p = labelPosition([small, U.coordinates])!;
    expect(booleanPointInPolygon(p, U)).toBe(true);
  });
  it('skips parts without a usable ring; null when none is left', () => {
    expect(labelPosition([[[[1, 2], [NaN, 3], [4, 5], [1, 2]]]])).toBeNull();
    expect(labelPosition([])).toBeNull();
    expect(labelPosition([[]] as never)).toBeNull();
  });
});

describe('withLabelPoints', () => {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { id: 'u', name_zh: '优' }, geometry: U },
      { type: 'Feature', properties: { id: 'pt' }, geometry: { type: 'Point', coordinates: [120.5, 30] } },
      { type: 'Feature', properties: { id: 'ln' }, geometry: { type: 'LineString', coordinates: [[120.5, 30], [120.6, 30.1]] } },
    ],
  };
  it('adds one point per polygon with the same properties, and leaves the rest alone', () => {
    const out = withLabelPoints(fc);
    expect(out.features.slice(0, 3)).toEqual(fc.features);
    expect(out.features).toHaveLength(4);
    const lp = out.features[3];
    expect(lp.geometry.type).toBe('Point');
    expect(lp.properties).toEqual({ id: 'u', name_zh: '优', [LABEL_POINT]: true, [LABEL_AREA]: expect.any(Number) });
    // the labelled part's area in km², within 1 % of turf's (it orders labels, small polygons first)
    expect(Math.abs(lp.properties?.[LABEL_AREA] / (area(U) / 1e6) - 1)).toBeLessThan(0.01);
    expect(fc.features).toHaveLength(3); // the input is not changed
  });

  it('every polygon of the real geodata gets exactly one label point, inside it', () => {
    const data = loadAllGroups();
    let n = 0;
    for (const g of GROUPS) {
      const src = data[g.id];
      const polys = src.features.filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
      const pts = withLabelPoints(src).features.filter((f) => f.properties?.[LABEL_POINT]);
      expect(pts.map((f) => f.properties?.id), g.id).toEqual(polys.map((f) => f.properties?.id));
      pts.forEach((p, i) => expect(booleanPointInPolygon(p.geometry as import('geojson').Point, polys[i].geometry as Polygon | MultiPolygon), `${g.id} ${p.properties?.id}`).toBe(true));
      n += pts.length;
    }
    expect(n).toBeGreaterThan(25);
  });
});

describe('the style labels polygons only at their label point (MapLibre’s own filter evaluation)', () => {
  const feature = (type: number, props: Record<string, unknown>) => ({ type, properties: props });
  const POLY = 3, POINT = 1, LINE = 2;
  const layers = allLayers('zh');
  const pass = (id: string, f: unknown) => {
    const l = layers.find((x) => x.id === id) as { filter?: unknown };
    return spec.featureFilter(l.filter, 'layers[0].filter').filter({ zoom: 12 }, f);
  };
  it('label layers draw label points, points and lines, never the polygon itself', () => {
    const labels = layers.filter((l) => l.type === 'symbol' && (l.metadata as { 'yc:label'?: boolean })['yc:label']);
    expect(labels.length).toBeGreaterThan(15);
    for (const l of labels) {
      expect(pass(l.id, feature(POLY, { kind: 'metro-station' })), l.id).toBe(false);
      if (l.id !== 'metro-label') expect(pass(l.id, feature(POINT, { [LABEL_POINT]: true })), l.id).toBe(true);
    }
    expect(pass('culture-label', feature(POINT, {}))).toBe(true);
    expect(pass('culture-label', feature(LINE, {}))).toBe(true);
  });
  it('circle layers never draw a label point', () => {
    const circles = layers.filter((l) => l.type === 'circle');
    for (const l of circles) expect(pass(l.id, feature(POINT, { [LABEL_POINT]: true, kind: 'metro-station' })), l.id).toBe(false);
    expect(pass('culture-circle', feature(POINT, {}))).toBe(true);
  });
  it('the label points are in the sources the style builds, not in the plan data', () => {
    const data = loadAllGroups();
    const style = buildStyle(data, 'zh');
    const src = style.sources['g-culture'] as { data: FeatureCollection };
    expect(src.data.features.length).toBeGreaterThan(data.culture.features.length);
    expect(data.culture.features.some((f) => f.properties?.[LABEL_POINT])).toBe(false);
  });
});
