import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import { filterExpression, matches, NO_FILTERS, type Filters } from '../../../src/lib/state/filters.ts';
import { allPlanFeatures } from '../helpers.ts';

// the style-spec's own evaluator, so the test checks what MapLibre would do with the expression
const require = createRequire(import.meta.url);
const spec = require('@maplibre/maplibre-gl-style-spec') as { featureFilter: (f: unknown, rootKey: string) => { filter: (g: { zoom: number }, f: unknown) => boolean } };

const features = allPlanFeatures();
const evalFilter = (f: Filters) => {
  const ff = spec.featureFilter(filterExpression(f), 'layers[0].filter');
  return features.filter((x) => ff.filter({ zoom: 12 }, { type: 1, properties: x.properties, geometry: [] })).map((x) => x.properties.id);
};
const evalJs = (f: Filters) => features.filter((x) => matches(x.properties as never, f)).map((x) => x.properties.id);

const cases: [string, Filters][] = [
  ['nothing', NO_FILTERS],
  ['culture', { ...NO_FILTERS, cat: ['culture'] }],
  ['industry or ecology', { ...NO_FILTERS, cat: ['industry', 'ecology'] }],
  ['central zone', { ...NO_FILTERS, zone: ['central'] }],
  ['chapter 八', { ...NO_FILTERS, ch: ['八'] }],
  ['completed', { ...NO_FILTERS, st: ['completed'] }],
  ['estimated', { ...NO_FILTERS, lq: ['estimated'] }],
  ['text ids', { ...NO_FILTERS, textIds: new Set(['luxun-native-place']) }],
  ['combined', { ...NO_FILTERS, cat: ['culture'], zone: ['central'], lq: ['sourced', 'estimated'] }],
  ['hidden subcategory', { ...NO_FILTERS, hide: ['public-service:school', 'culture:heritage'] }],
];

describe('filters: the style expression and the JS predicate agree', () => {
  it('has real features to test on', () => {
    expect(features.length).toBeGreaterThan(20);
  });
  it.each(cases)('%s', (_name, f) => {
    expect(evalFilter(f)).toEqual(evalJs(f));
  });
  it('a category filter leaves only that category (or features that are also in it)', () => {
    const ids = evalJs({ ...NO_FILTERS, cat: ['culture'] });
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const p = features.find((x) => x.properties.id === id)!.properties;
      expect(p.category === 'culture' || (p.also ?? []).includes('culture')).toBe(true);
    }
  });
  it('an empty filter is the literal true', () => {
    expect(filterExpression(NO_FILTERS)).toBe(true);
  });
});
