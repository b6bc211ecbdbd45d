/**
 * check:geodata: each kind of mistake, planted in a copy of the real geodata, gives its message
 * naming the file and the feature.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Feature, Polygon, Point } from 'geojson';
import { checkGeodataDir } from '../../../src/lib/plan/check.ts';
import { formatProblem, parseSourced } from '../../../src/lib/plan/validate.ts';
import { GROUPS } from '../../../src/lib/layers/registry.ts';
import { ROOT } from '../helpers.ts';

const SRC = `${ROOT}geodata`;
let baseline: Set<string>;

beforeAll(() => {
  baseline = new Set(checkGeodataDir(SRC).problems.map(formatProblem));
});

/** Copy geodata, let `plant` change one file, return the problems that are new. */
function plantIn(file: string, plant: (fc: FeatureCollection) => FeatureCollection | string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'geodata-'));
  try {
    cpSync(SRC, dir, { recursive: true });
    const fc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as FeatureCollection;
    const out = plant(fc);
    writeFileSync(join(dir, file), typeof out === 'string' ? out : JSON.stringify(out));
    return checkGeodataDir(dir).problems.map(formatProblem).filter((p) => !baseline.has(p));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const planFiles = GROUPS.filter((g) => !g.base).map((g) => g.file);
const load = (f: string) => JSON.parse(readFileSync(join(SRC, f), 'utf8')) as FeatureCollection;
function findFeature(pred: (f: Feature) => boolean): { file: string; index: number; id: string } {
  for (const file of planFiles) {
    try {
      const fc = load(file);
      const index = fc.features.findIndex(pred);
      if (index >= 0) return { file, index, id: String(fc.features[index].properties!.id) };
    } catch {
      /* file not there yet */
    }
  }
  throw new Error('no feature matches');
}

const point = () => findFeature((f) => f.geometry?.type === 'Point');
const sourcedPoint = () => findFeature((f) => f.geometry?.type === 'Point' && f.properties?.location_quality === 'sourced');
const polygon = () => findFeature((f) => f.geometry?.type === 'Polygon');

function mutate(target: { file: string; index: number }, fn: (f: Feature) => void) {
  return plantIn(target.file, (fc) => {
    fn(fc.features[target.index]);
    return fc;
  });
}

describe('check:geodata catches each planted mistake', () => {
  it('the real data passes, apart from files not yet written', () => {
    for (const p of baseline) expect(p).toMatch(/has no file|is missing/);
  });

  it('invalid JSON', () => {
    const t = point();
    expect(plantIn(t.file, () => '{ "type": "FeatureCollection", ')).toEqual([expect.stringMatching(new RegExp(`^${t.file}: \\(no id\\): not valid JSON`))]);
  });

  it('a feature without properties (geojson-validation)', () => {
    const t = point();
    const out = mutate(t, (f) => delete (f as { properties?: unknown }).properties);
    expect(out.some((m) => m.includes('GeoJSON: at') && m.includes('"properties"'))).toBe(true);
  });

  it('an out-of-range coordinate', () => {
    const t = point();
    expect(mutate(t, (f) => ((f.geometry as Point).coordinates = [200, 30]))).toContain(`${t.file}: ${t.id}: 1 coordinate(s) out of range (lon −180…180, lat −90…90)`);
  });

  it('a NaN coordinate', () => {
    const t = point();
    const out = plantIn(t.file, (fc) => JSON.stringify(fc).replace(JSON.stringify((fc.features[t.index].geometry as Point).coordinates), '[null, 30]'));
    expect(out.some((m) => m.startsWith(`${t.file}: ${t.id}:`) && /not finite|GeoJSON/.test(m))).toBe(true);
  });

  it('more than 6 decimals', () => {
    const t = point();
    expect(mutate(t, (f) => ((f.geometry as Point).coordinates[0] += 0.0000001234))).toContain(`${t.file}: ${t.id}: 1 coordinate(s) have more than 6 decimals`);
  });

  it('a clockwise outer ring', () => {
    const t = polygon();
    expect(mutate(t, (f) => (f.geometry as Polygon).coordinates[0].reverse())).toContain(`${t.file}: ${t.id}: ring 0 (outer) is clockwise; RFC 7946 wants counter-clockwise`);
  });

  it('an unclosed ring', () => {
    const t = polygon();
    const out = mutate(t, (f) => (f.geometry as Polygon).coordinates[0].pop());
    expect(out.some((m) => m.startsWith(`${t.file}: ${t.id}:`) && /not closed|first and last/.test(m))).toBe(true);
  });

  it('an empty ring does not crash the check', () => {
    const t = polygon();
    const out = mutate(t, (f) => ((f.geometry as Polygon).coordinates = [[]]));
    expect(out.some((m) => m.startsWith(`${t.file}: ${t.id}:`) || m.includes('geojson-validation failed'))).toBe(true);
  });

  it('a duplicate id across files', () => {
    const t = point();
    const other = planFiles.find((f) => f !== t.file && (() => { try { return load(f).features.length > 0; } catch { return false; } })())!;
    const otherId = String(load(other).features[0].properties!.id);
    const out = mutate(t, (f) => (f.properties!.id = otherId));
    expect(out.some((m) => m.includes(`: ${otherId}: duplicate id (also in`))).toBe(true);
  });

  it('an id that is not kebab-case', () => {
    const t = point();
    expect(mutate(t, (f) => (f.properties!.id = 'Bad_Id'))).toContain(`${t.file}: Bad_Id: id "Bad_Id" is not kebab-case`);
  });

  it('a missing name_en', () => {
    const t = point();
    expect(mutate(t, (f) => delete f.properties!.name_en)).toContain(`${t.file}: ${t.id}: missing name_en`);
  });

  it('a layer id that is not in the registry', () => {
    const t = point();
    expect(mutate(t, (f) => (f.properties!.layer = 'parks'))).toContain(`${t.file}: ${t.id}: layer "parks" is not in the registry`);
  });

  it('a layer that does not match its file', () => {
    const t = point();
    const other = t.file === 'culture.geojson' ? 'industry' : 'culture';
    expect(mutate(t, (f) => (f.properties!.layer = other))).toContain(`${t.file}: ${t.id}: layer "${other}" does not match its file's group "${t.file.replace('.geojson', '')}"`);
  });

  it('a bad zone and a bad status', () => {
    const t = point();
    const out = mutate(t, (f) => {
      f.properties!.zone = 'middle';
      f.properties!.status = 'done';
    });
    expect(out).toContain(`${t.file}: ${t.id}: zone must be one of north, west, central, south, east or null`);
    expect(out).toContain(`${t.file}: ${t.id}: status must be one of completed, underway, planned`);
  });

  it('an excerpt that is not in the plan', () => {
    const t = point();
    expect(mutate(t, (f) => (f.properties!.excerpt_zh = '规划里没有这句话'))).toContain(`${t.file}: ${t.id}: excerpt_zh "规划里没有这句话" does not occur in the plan text`);
  });

  it('a sourced location without a verifiable source', () => {
    const t = point();
    const out = mutate(t, (f) => {
      f.properties!.location_quality = 'sourced';
      f.properties!.location_source = 'I looked at a map';
    });
    expect(out.some((m) => m.startsWith(`${t.file}: ${t.id}: sourced location_source is not verifiable`))).toBe(true);
  });

  it('a sourced coordinate more than 50 m from the geometry', () => {
    const t = sourcedPoint();
    const out = mutate(t, (f) => ((f.geometry as Point).coordinates = [(f.geometry as Point).coordinates[0] + 0.002, (f.geometry as Point).coordinates[1]]));
    expect(out.some((m) => m.startsWith(`${t.file}: ${t.id}: sourced coordinate`) && m.includes('(limit 50 m)'))).toBe(true);
  });

  it('a GCJ-02 coordinate stored without conversion is caught', () => {
    const t = sourcedPoint();
    const out = mutate(t, (f) => {
      const [lon, lat] = (f.geometry as Point).coordinates;
      f.properties!.location_source = `https://example.org/place; published ${lon},${lat} GCJ-02`;
    });
    expect(out.some((m) => m.includes(`${t.id}: sourced coordinate`) && m.includes('GCJ-02'))).toBe(true);
  });

  it('a feature far outside the district', () => {
    const t = point();
    expect(mutate(t, (f) => ((f.geometry as Point).coordinates = [121.47, 31.23])).some((m) => m.startsWith(`${t.file}: ${t.id}: 1 vertex/vertices lie more than 1 km outside the district outline`))).toBe(true);
  });

  it('an also naming an unknown group', () => {
    const t = point();
    expect(mutate(t, (f) => (f.properties!.also = ['nowhere']))).toContain(`${t.file}: ${t.id}: also names "nowhere", which is not in the registry`);
  });

  it('a file that belongs to no registry group', () => {
    const dir = mkdtempSync(join(tmpdir(), 'geodata-'));
    try {
      cpSync(SRC, dir, { recursive: true });
      writeFileSync(join(dir, 'stray.geojson'), '{"type":"FeatureCollection","features":[]}');
      expect(checkGeodataDir(dir).problems.map(formatProblem)).toContain('stray.geojson: (no id): file belongs to no registry group');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parseSourced', () => {
  it('reads URL, OSM and GeoNames sources in each datum', () => {
    expect(parseSourced('https://www.geonames.org/1; published 120.5,30.1 WGS84')?.wgs84).toEqual([120.5, 30.1]);
    expect(parseSourced('OSM node 123; published 120.5,30.1 WGS84')?.source).toBe('OSM node 123');
    expect(parseSourced('GeoNames 99 (Lu Xun); published 120.5,30.1 WGS84')?.source).toBe('GeoNames 99');
    const g = parseSourced('https://x.cn/a; published 120.5881,30.0026 GCJ-02')!;
    // GCJ-02 → WGS84 near Shaoxing: about −0.0041° lon, +0.0026° lat (reference README)
    expect(g.wgs84[0]).toBeCloseTo(120.5881 - 0.0041, 3);
    expect(g.wgs84[1]).toBeCloseTo(30.0026 + 0.0026, 3);
  });
  it('rejects unverifiable text', () => {
    expect(parseSourced('from memory')).toBeNull();
    expect(parseSourced('https://x; published 120.5 30.1 WGS84')).toBeNull();
    expect(parseSourced('https://x; published 120.5,30.1 WGS-84')).toBeNull();
  });
});
