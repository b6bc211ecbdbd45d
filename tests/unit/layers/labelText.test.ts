import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import type { LayerSpecification } from 'maplibre-gl';
import { allLayers, labelField, layerMeta, SHORT_BELOW } from '../../../src/lib/layers/style.ts';

const require = createRequire(import.meta.url);
type Evaluated = string | { sections: { text: string }[] };
const spec = require('@maplibre/maplibre-gl-style-spec') as {
  latest: { layout_symbol: Record<string, unknown> };
  createPropertyExpression: (e: unknown, rootKey: string, s: unknown) => { result: string; value: { evaluate: (g: { zoom: number }, f: unknown) => Evaluated } };
};

/** The text MapLibre draws for a feature at a zoom, by MapLibre's own expression evaluation. */
function text(field: unknown, props: Record<string, string>, zoom: number): string {
  const e = spec.createPropertyExpression(field, 'layers[0].layout.text-field', spec.latest.layout_symbol['text-field']);
  if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
  const v = e.value.evaluate({ zoom }, { type: 1, properties: props });
  return typeof v === 'string' ? v : v.sections.map((s) => s.text).join('');
}

const core = { name_zh: '区域创智核心（临江创智核心）', name_en: 'Regional innovation core (riverside innovation core)' };

describe('structure labels leave out a bracketed alias at the overview', () => {
  it('below SHORT_BELOW the name without its alias, from SHORT_BELOW the full name, in both languages', () => {
    const zh = labelField('zh', true, SHORT_BELOW);
    expect(text(zh, core, 10.3)).toBe('区域创智核心');
    expect(text(zh, core, SHORT_BELOW)).toBe(core.name_zh);
    const en = labelField('en', true, SHORT_BELOW);
    expect(text(en, core, 10.3)).toBe('Regional innovation core\n区域创智核心');
    expect(text(en, core, 13)).toBe(`${core.name_en}\n${core.name_zh}`);
    expect(text(labelField('en', false, SHORT_BELOW), core, 10.3)).toBe('Regional innovation core');
  });
  it('a name without an alias, or one that starts with a bracket, stays whole; a missing name falls back', () => {
    const zh = labelField('zh', true, SHORT_BELOW);
    expect(text(zh, { name_zh: '袍江', name_en: 'Paojiang' }, 10)).toBe('袍江');
    expect(text(zh, { name_zh: '（暂名）新区' }, 10)).toBe('（暂名）新区');
    expect(text(labelField('en', false, SHORT_BELOW), { name_zh: '东浦（东浦街道）' }, 10)).toBe('东浦');
  });
  it('without shortBelow the field is unchanged (projects, zones)', () => {
    expect(text(labelField('zh'), core, 10)).toBe(core.name_zh);
  });
  it('the layers that shorten are the ones the language switch re-sets with the same flag', () => {
    const short = allLayers('en').filter((l: LayerSpecification) => layerMeta(l)['yc:short']);
    expect(short.map((l) => l.id).sort()).toEqual(['areas-label', 'belts-label', 'cores-label', 'points-label']);
    for (const l of short) {
      const m = layerMeta(l);
      expect(JSON.stringify((l as { layout: Record<string, unknown> }).layout['text-field'])).toBe(JSON.stringify(labelField('en', m['yc:bilingual'] !== false, m['yc:short'])));
    }
  });
});
