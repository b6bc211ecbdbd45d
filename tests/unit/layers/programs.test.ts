import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import type { LayerSpecification } from 'maplibre-gl';
import { allLayers } from '../../../src/lib/layers/style.ts';
import { perFeature, programKind, sharePrograms } from '../../../src/lib/layers/programs.ts';

const require = createRequire(import.meta.url);
type Expr = { result: string; value: { kind: string; evaluate: (g: { zoom: number }, f: unknown) => unknown } };
const spec = require('@maplibre/maplibre-gl-style-spec') as {
  createPropertyExpression: (e: unknown, rootKey: string, s: unknown) => Expr;
  latest: Record<string, Record<string, { 'property-type'?: string }>>;
};

/** The paint properties MapLibre reads per feature for a layer (MapLibre's own expression kinds). */
function perFeatureProps(l: LayerSpecification): string[] {
  const paintSpec = spec.latest[`paint_${l.type}`] ?? {};
  const paint = ((l as { paint?: Record<string, unknown> }).paint ?? {}) as Record<string, unknown>;
  return Object.keys(paint)
    .filter((k) => {
      const e = spec.createPropertyExpression(paint[k], 'paint', paintSpec[k]);
      expect(e.result, `${l.id} ${k}`).toBe('success');
      return e.value.kind === 'source' || e.value.kind === 'composite';
    })
    .sort();
}

describe('shader programs: one per kind of layer', () => {
  const layers = allLayers('zh');
  it('every layer of a kind reads the same paint properties per feature, so they share one program', () => {
    const byKind = new Map<string, Set<string>>();
    for (const l of layers) {
      const kind = programKind(l);
      if (!kind) continue;
      (byKind.get(kind) ?? byKind.set(kind, new Set()).get(kind)!).add(perFeatureProps(l).join(','));
    }
    expect([...byKind.keys()].sort()).toEqual(['circle', 'fill', 'line', 'line-dashed', 'symbol']);
    for (const [kind, sets] of byKind) expect([...sets], kind).toHaveLength(1);
    // and the shared sets are the ones the pass promises
    expect([...byKind.get('line-dashed')!][0]).toBe('line-color,line-dasharray,line-opacity,line-width');
    expect([...byKind.get('fill')!][0]).toBe('fill-color,fill-opacity');
  });

  it('a wrapped constant evaluates to the constant for every feature', () => {
    const cases: [string, string, unknown][] = [
      ['paint_fill', 'fill-color', '#d6e6ef'],
      ['paint_fill', 'fill-opacity', 0.38],
      ['paint_line', 'line-dasharray', [3, 2]],
      ['paint_line', 'line-width', 2.5],
    ];
    for (const [group, prop, v] of cases) {
      const e = spec.createPropertyExpression(perFeature(v), 'paint', spec.latest[group][prop]);
      expect(e.result).toBe('success');
      expect(e.value.kind).toBe('source');
      for (const props of [{}, { label_point: true }]) {
        const got = e.value.evaluate({ zoom: 12 }, { type: 1, properties: props });
        const plain = typeof got === 'object' && got && 'r' in got ? (got as { toString(): string }).toString() : got;
        if (prop === 'fill-color') expect(String(plain)).toMatch(/^rgba\(214, ?230, ?239, ?1\)$/);
        else expect(plain).toEqual(v);
      }
    }
  });

  it('leaves per-feature and zoom expressions, patterns and icon-only symbols as they are', () => {
    const byFeature = { id: 'a', type: 'line', source: 's', paint: { 'line-color': ['get', 'colour'] } } as unknown as LayerSpecification;
    expect((sharePrograms(byFeature) as { paint: Record<string, unknown> }).paint['line-color']).toEqual(['get', 'colour']);
    const zoomWidth = ['interpolate', ['linear'], ['zoom'], 9, 1, 14, 5];
    const dashed = { id: 'b', type: 'line', source: 's', paint: { 'line-dasharray': [2, 2], 'line-width': zoomWidth } } as unknown as LayerSpecification;
    expect((sharePrograms(dashed) as { paint: Record<string, unknown> }).paint['line-width']).toEqual(zoomWidth);
    const pattern = { id: 'c', type: 'fill', source: 's', paint: { 'fill-pattern': 'hatch' } } as unknown as LayerSpecification;
    expect(sharePrograms(pattern)).toBe(pattern);
    const arrows = { id: 'd', type: 'symbol', source: 's', layout: { 'icon-image': 'x' } } as unknown as LayerSpecification;
    expect(sharePrograms(arrows)).toBe(arrows);
  });
});
