/**
 * Fewer shader programs. MapLibre compiles one WebGL program per layer type and per set of paint
 * properties that vary by feature (`a_fill-color` versus `u_fill-color`, …), and each compile is
 * expensive in software WebGL (10–30 ms, blocking; the first map idle waited for 20 of them). This
 * pass gives every layer of a kind the same set of per-feature properties, writing a constant as a
 * per-feature expression whose branches are equal (`["case", ["has", "label_point"], v, v]`), so
 * the layers share one program: fills, solid lines, dashed lines, circles and text each compile
 * once (11 programs instead of 20; the bench's cold load and its diagnostics show the effect).
 * Pure: the drawn result is the same, only the program configuration changes.
 */
import type { LayerSpecification } from 'maplibre-gl';
import { LABEL_POINT } from './labelPoints.ts';

/** Per layer kind, the paint properties made per-feature, with MapLibre's default for each. */
export const SHARED_FEATURE_PROPS: Record<string, Record<string, unknown>> = {
  fill: { 'fill-color': '#000000', 'fill-opacity': 1 },
  line: { 'line-color': '#000000' },
  'line-dashed': { 'line-color': '#000000', 'line-dasharray': [1, 0], 'line-opacity': 1, 'line-width': 1 },
  circle: { 'circle-color': '#000000', 'circle-stroke-width': 0 },
  symbol: { 'text-color': '#000000' },
};

/** The key under SHARED_FEATURE_PROPS for a layer, or null when it is left alone (patterns, backgrounds, icon-only symbols). */
export function programKind(l: LayerSpecification): string | null {
  const paint = ('paint' in l ? (l.paint as Record<string, unknown> | undefined) : undefined) ?? {};
  switch (l.type) {
    case 'fill':
      return 'fill-pattern' in paint ? null : 'fill';
    case 'line':
      return 'line-pattern' in paint ? null : 'line-dasharray' in paint ? 'line-dashed' : 'line';
    case 'circle':
      return 'circle';
    case 'symbol':
      return (l.layout as Record<string, unknown> | undefined)?.['text-field'] !== undefined ? 'symbol' : null;
    default:
      return null;
  }
}

const isExpression = (v: unknown): v is unknown[] => Array.isArray(v) && typeof v[0] === 'string' && v[0] !== 'literal';
/** Already per feature (reads a property, the geometry type or feature state)? */
const readsFeature = (v: unknown) => isExpression(v) && /"(get|has|feature-state|geometry-type|id|properties)"/.test(JSON.stringify(v));

/** A constant (or a camera expression) as an expression MapLibre treats as per-feature, with the same value everywhere. */
export function perFeature(v: unknown): unknown {
  const value = Array.isArray(v) && !isExpression(v) ? ['literal', v] : v;
  return ['case', ['has', LABEL_POINT], value, value];
}

export function sharePrograms(l: LayerSpecification): LayerSpecification {
  const kind = programKind(l);
  if (!kind) return l;
  const paint = { ...((l as { paint?: Record<string, unknown> }).paint ?? {}) };
  for (const [prop, fallback] of Object.entries(SHARED_FEATURE_PROPS[kind])) {
    const v = paint[prop] ?? fallback;
    // camera (zoom) expressions stay: they are uniforms, and wrapping them would change their evaluation
    if (readsFeature(v) || (isExpression(v) && JSON.stringify(v).includes('"zoom"'))) continue;
    paint[prop] = perFeature(v);
  }
  return { ...l, paint } as LayerSpecification;
}
