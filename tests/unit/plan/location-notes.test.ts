/**
 * Every plan feature carries its location note in Chinese too (location_source_zh, shown by the
 * detail panel when the UI is in Chinese). The Chinese note must be real Chinese text, must not leak
 * internal feature ids (it names other features by their Chinese names), and must keep the facts
 * that can be checked mechanically: coordinates and, for sourced features, the source and datum.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { GROUPS } from '../../../src/lib/layers/registry.ts';
import { parseSourced } from '../../../src/lib/plan/validate.ts';
import { geodataPath } from '../helpers.ts';

type Props = { id: string; location_quality: string; location_source: string; location_source_zh?: unknown };

// every top-level geodata/*.geojson (plan files; the base map lives in geodata/base/) plus every
// non-base group of the layer registry, so a newly registered plan file is covered as well
const planFiles = [...new Set([...readdirSync(geodataPath('')).filter((f) => f.endsWith('.geojson')), ...GROUPS.filter((g) => !g.base).map((g) => g.file)])].sort();
const features = planFiles.flatMap((file) =>
  (JSON.parse(readFileSync(geodataPath(file), 'utf8')) as FeatureCollection).features.map((f) => ({ file, p: f.properties as Props })),
);
const ids = new Set(features.map((f) => f.p.id));
const CJK = /[\u3400-\u9fff]/;
const KEBAB_WORD = /[a-z0-9]+(?:-[a-z0-9]+)+/g;
/** decimal numbers with at least two decimals: coordinates and other measured values */
const decimals = (s: string) => s.match(/\d+\.\d{2,}/g) ?? [];

describe('Chinese location notes (location_source_zh)', () => {
  it('covers the plan files', () => {
    expect(planFiles).toContain('areas.geojson');
    expect(planFiles).not.toContain('inventory.json');
    expect(features.length).toBeGreaterThan(100);
  });

  it('every plan feature has a non-empty Chinese note', () => {
    const missing = features
      .filter(({ p }) => typeof p.location_source_zh !== 'string' || !p.location_source_zh.trim() || !CJK.test(p.location_source_zh))
      .map(({ file, p }) => `${file}: ${p.id}`);
    expect(missing).toEqual([]);
  });

  it('no Chinese note contains an internal feature id', () => {
    const leaks = features.flatMap(({ file, p }) =>
      [...String(p.location_source_zh ?? '').matchAll(KEBAB_WORD)].filter((m) => ids.has(m[0])).map((m) => `${file}: ${p.id} mentions ${m[0]}`),
    );
    expect(leaks).toEqual([]);
  });

  it('the Chinese note keeps the coordinates and measured values of the original', () => {
    const lost = features.flatMap(({ file, p }) =>
      decimals(p.location_source).filter((n) => !String(p.location_source_zh ?? '').includes(n)).map((n) => `${file}: ${p.id} lost ${n}`),
    );
    expect(lost).toEqual([]);
  });

  it('for sourced features the Chinese note names the same source, coordinate and datum', () => {
    const sourced = features.filter(({ p }) => p.location_quality === 'sourced');
    expect(sourced.length).toBeGreaterThan(0);
    for (const { file, p } of sourced) {
      const s = parseSourced(p.location_source);
      expect(s, `${file}: ${p.id} location_source`).not.toBeNull();
      const zh = String(p.location_source_zh);
      expect(zh, `${file}: ${p.id}`).toContain(s!.source);
      expect(zh, `${file}: ${p.id}`).toContain(`${s!.lon},${s!.lat}`);
      expect(zh, `${file}: ${p.id}`).toContain(s!.datum);
    }
  });
});
