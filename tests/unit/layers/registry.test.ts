/** Rule tests over the registry and the style, protomaps style. */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { GROUPS, legendEntries, PLAN_GROUP_LIST } from '../../../src/lib/layers/registry.ts';
import { allLayers, buildStyle, layerIdsOf, layerMeta, labelField } from '../../../src/lib/layers/style.ts';
import { PLAN_GROUPS, BASE_GROUPS } from '../../../src/lib/plan/types.ts';
import { geodataPath, loadAllGroups, ROOT } from '../helpers.ts';

const require = createRequire(import.meta.url);
const spec = require('@maplibre/maplibre-gl-style-spec') as {
  validateStyleMin: (s: unknown) => { message: string }[];
  createPropertyExpression: (e: unknown, rootKey: string, spec: unknown) => { result: string; value: { evaluate: (g: { zoom: number }, f: unknown) => unknown } };
  latest: { paint_line: Record<string, unknown> };
};
const HEX = /^#[0-9a-f]{6}$/i;

describe('layer registry', () => {
  it('has every plan and base group exactly once', () => {
    expect(GROUPS.map((g) => g.id).sort()).toEqual([...PLAN_GROUPS, ...BASE_GROUPS].sort());
  });
  it.each(GROUPS.map((g) => [g.id, g] as const))('%s: titles, descriptions, colour, legend, file', (_id, g) => {
    expect(g.title.zh.length).toBeGreaterThan(0);
    expect(g.title.en.length).toBeGreaterThan(0);
    expect(g.description.zh.length).toBeGreaterThan(0);
    expect(g.description.en.length).toBeGreaterThan(0);
    expect(g.color).toMatch(HEX);
    for (const e of legendEntries(g)) {
      expect(e.color).toMatch(HEX);
      expect(e.label.zh && e.label.en).toBeTruthy();
    }
    expect(existsSync(geodataPath(g.file)), g.file).toBe(true);
    expect(layerIdsOf(g.id).length).toBeGreaterThan(0);
  });
  it('layer ids are unique and each belongs to a registered group', () => {
    const ls = allLayers('zh');
    expect(new Set(ls.map((l) => l.id)).size).toBe(ls.length);
    for (const l of ls) expect(GROUPS.some((g) => g.id === layerMeta(l)['yc:group'])).toBe(true);
  });
  it('only plan layers are filterable', () => {
    for (const l of allLayers('zh')) expect(!!layerMeta(l)['yc:filterable']).toBe(PLAN_GROUP_LIST.some((g) => g.id === layerMeta(l)['yc:group']));
  });
  it('builds a style that passes the MapLibre style validator, in both languages', () => {
    const data = loadAllGroups();
    for (const lang of ['zh', 'en'] as const) {
      const errors = spec.validateStyleMin(buildStyle(data, lang));
      expect(errors.map((e) => e.message)).toEqual([]);
    }
  });
  it('the style asks for nothing from the network', () => {
    const style = buildStyle(loadAllGroups(), 'zh');
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const s of Object.values(style.sources)) expect(typeof (s as { data: unknown }).data).toBe('object');
  });
  it('approximate locations are dashed and sourced ones solid, in one layer per geometry (evaluated by MapLibre)', () => {
    const evalDash = (layerId: string, quality: string) => {
      const l = allLayers('zh').find((x) => x.id === layerId) as { paint: Record<string, unknown> };
      const e = spec.createPropertyExpression(l.paint['line-dasharray'], 'paint', spec.latest.paint_line['line-dasharray']);
      expect(e.result).toBe('success');
      return e.value.evaluate({ zoom: 12 }, { type: 2, properties: { location_quality: quality } });
    };
    for (const g of PLAN_GROUP_LIST.filter((g) => g.kind === 'projects' || g.kind === 'points')) {
      for (const part of ['outline', 'line']) {
        const sourced = evalDash(`${g.id}-${part}`, 'sourced') as number[];
        expect(sourced[1], `${g.id}-${part}: no gap when sourced`).toBe(0);
        for (const q of ['estimated', 'schematic']) expect((evalDash(`${g.id}-${part}`, q) as number[])[1], `${g.id}-${part} ${q}`).toBeGreaterThan(0);
      }
      expect(layerIdsOf(g.id).some((id) => id.endsWith('-approx'))).toBe(false);
    }
  });
  it('labels differ by language', () => {
    expect(JSON.stringify(labelField('zh'))).not.toEqual(JSON.stringify(labelField('en')));
    expect(JSON.stringify(labelField('en'))).toContain('name_en');
  });
});

describe('the shipped plan text', () => {
  const shared = `${ROOT}../shared/plan/000_6602bf8274c8229d.txt`;
  it.runIf(existsSync(shared))('is byte-identical to the plan in shared/', () => {
    expect(readFileSync(geodataPath('plan.txt')).equals(readFileSync(shared))).toBe(true);
  });
  it('exists and is the 越城区 plan', () => {
    expect(readFileSync(geodataPath('plan.txt'), 'utf8')).toContain('越城区国民经济和社会发展第十四个五年规划');
  });
});
