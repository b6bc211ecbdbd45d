import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import {
  checkFileSize,
  coordinateColumns,
  csvDelimiter,
  decodeBytes,
  detectFormat,
  featureLabel,
  IMPORT_ERROR_KINDS,
  importBytes,
  importText,
  jsonDepth,
  LIMITS,
  parseCsvRecords,
  type ImportFailure,
  type ImportResult,
  type ImportSuccess,
} from '../../../src/lib/plan/importer.ts';

const require = createRequire(import.meta.url);
const { Geodesic } = require('geographiclib-geodesic');

const enc = (s: string) => new TextEncoder().encode(s);
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pt = (x: number, y: number, props: Record<string, unknown> = { name: 'p' }) => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [x, y] } });
const ok = (r: ImportResult): ImportSuccess => {
  if (!r.ok) throw new Error(`expected ok, got ${r.kind}: ${r.message_en}`);
  return r;
};
const bad = (r: ImportResult): ImportFailure => {
  if (r.ok) throw new Error('expected a failure');
  expect(IMPORT_ERROR_KINDS).toContain(r.kind);
  expect(r.message_zh.length).toBeGreaterThan(5);
  expect(r.message_en.length).toBeGreaterThan(5);
  return r;
};

describe('decoding', () => {
  it('reads UTF-8 and strips the BOM', () => {
    const r = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('经度,纬度')]));
    expect(r).toEqual({ text: '经度,纬度', encoding: 'utf-8' });
  });
  it('falls back to GBK', () => {
    // "经度,纬度\n120.58,30.0" in GBK
    const gbk = new Uint8Array([0xbe, 0xad, 0xb6, 0xc8, 0x2c, 0xce, 0xb3, 0xb6, 0xc8, 0x0a, ...enc('120.58,30.0')]);
    const d = decodeBytes(gbk);
    expect(d.encoding).toBe('gbk');
    expect(d.text.startsWith('经度,纬度')).toBe(true);
    const r = ok(importBytes(gbk, { name: 'a.csv' }));
    expect(r.encoding).toBe('gbk');
    expect(r.warnings.map((w) => w.code)).toContain('gbk');
    expect(r.fc.features).toHaveLength(1);
  });
});

describe('format and size', () => {
  it('refuses files over 50 MB by size, before reading, naming the limit', () => {
    const r = bad(checkFileSize(LIMITS.maxBytes + 1)!);
    expect(r.kind).toBe('too-large');
    expect(r.message_en).toContain('50 MB');
    expect(r.message_zh).toContain('50 MB');
    expect(checkFileSize(1000)).toBeNull();
    expect(bad(checkFileSize(0)!).kind).toBe('empty');
  });
  it('detects the format from the extension, else the content', () => {
    expect(detectFormat('a.geojson', '')).toBe('geojson');
    expect(detectFormat('a.CSV', '')).toBe('csv');
    expect(detectFormat('data', ' {"type":1}')).toBe('geojson');
    expect(detectFormat('data', 'lon,lat\n1,2')).toBe('csv');
    expect(detectFormat('a.kml', '')).toEqual({ unsupported: 'kml' });
    expect(detectFormat('data', '<?xml version="1.0"?><kml>')).toEqual({ unsupported: 'kml' });
  });
  it('refuses binary files (zip/xlsx)', () => {
    const r = bad(importBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { name: 'a.xlsx' }));
    expect(r.kind).toBe('unsupported-format');
    expect(r.message_en).toMatch(/Excel/);
  });
  it('empty text, whitespace and empty collections are "empty"', () => {
    expect(bad(importText('', { name: 'a.geojson' })).kind).toBe('empty');
    expect(bad(importText('  \n ', { name: 'a.csv' })).kind).toBe('empty');
    expect(bad(importText(fc([]), { name: 'a.geojson' })).kind).toBe('empty');
    expect(bad(importText('lon,lat\n', { name: 'a.csv' })).kind).toBe('empty');
  });
});

describe('GeoJSON', () => {
  it('imports a FeatureCollection, a Feature and a bare geometry', () => {
    expect(ok(importText(fc([pt(120.58, 30.0)]), { name: 'a.geojson' })).fc.features).toHaveLength(1);
    expect(ok(importText(JSON.stringify(pt(120.58, 30.0)), { name: 'a.geojson' })).fc.features).toHaveLength(1);
    const r = ok(importText(JSON.stringify({ type: 'LineString', coordinates: [[120.5, 30], [120.6, 30]] }), { name: 'a.json' }));
    expect(r.fc.features[0].geometry.type).toBe('LineString');
  });
  it('not JSON: names the position', () => {
    const r = bad(importText('{"type": "FeatureCollection",\n "features": [,]}', { name: 'a.geojson' }));
    expect(r.kind).toBe('not-json');
    expect(r.message_en).toMatch(/line 2/);
  });
  it('JSON but not GeoJSON', () => {
    expect(bad(importText('{"hello": 1}', { name: 'a.json' })).kind).toBe('not-geojson');
    expect(bad(importText('[1,2,3]', { name: 'a.json' })).kind).toBe('not-geojson');
    expect(bad(importText('"str"', { name: 'a.json' })).kind).toBe('not-geojson');
    expect(bad(importText('{"type":"FeatureCollection","features":{}}', { name: 'a.json' })).kind).toBe('not-geojson');
    expect(bad(importText('{"type":"Topology","objects":{}}', { name: 'a.json' })).message_en).toMatch(/TopoJSON/);
  });
  it('refuses deep nesting before parsing', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    expect(jsonDepth(deep, 40)).toBeGreaterThan(32);
    expect(bad(importText(deep, { name: 'a.json' })).kind).toBe('too-deep');
    expect(jsonDepth('{"a":"[[[[[[["}')).toBe(1);
  });
  it('bad geometry: unclosed ring, too few positions, unknown type — by feature index', () => {
    const open = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[120.5, 30], [120.6, 30], [120.6, 30.1], [120.5, 30.1]]] } };
    const r = bad(importText(fc([pt(120.58, 30), open]), { name: 'a.geojson' }));
    expect(r.kind).toBe('bad-geometry');
    expect(r.problems[0].feature).toBe(1);
    expect(r.message_en).toContain('features[1]');
    expect(r.message_zh).toContain('第 2 个要素');
    const short = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[120.5, 30]] } };
    expect(bad(importText(fc([short]), { name: 'a.geojson' })).kind).toBe('bad-geometry');
    const emptyRing = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[]] } };
    expect(bad(importText(fc([emptyRing]), { name: 'a.geojson' })).kind).toBe('bad-geometry');
    const unknown = { type: 'Feature', properties: {}, geometry: { type: 'Circle', coordinates: [120, 30] } };
    expect(bad(importText(fc([unknown]), { name: 'a.geojson' })).kind).toBe('bad-geometry');
  });
  it('bad coordinates: strings and infinities', () => {
    const s = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: ['120.5', 30] } };
    expect(bad(importText(fc([s]), { name: 'a.geojson' })).kind).toBe('bad-coordinates');
    const inf = '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1e400,30]}}';
    expect(bad(importText(inf, { name: 'a.geojson' })).kind).toBe('bad-coordinates');
  });
  it('out of range, projected metres and swapped lat/lon each get their own message', () => {
    const out = bad(importText(fc([pt(200, 30)]), { name: 'a.geojson' }));
    expect(out.kind).toBe('bad-coordinates');
    const merc = bad(importText(fc([pt(13423000, 3503000)]), { name: 'a.geojson' }));
    expect(merc.kind).toBe('bad-coordinates');
    expect(merc.message_en).toMatch(/projected/);
    const swapped = bad(importText(fc([pt(30.0, 120.58), pt(29.99, 120.6)]), { name: 'a.geojson' }));
    expect(swapped.kind).toBe('wrong-datum-range');
    expect(swapped.message_en).toMatch(/swapped/);
    expect(swapped.message_zh).toMatch(/写反/);
  });
  it('wrong datum range: outside China, or far from Shaoxing', () => {
    const paris = bad(importText(fc([pt(2.35, 48.85)]), { name: 'a.geojson', datum: 'gcj02' }));
    expect(paris.kind).toBe('wrong-datum-range');
    expect(paris.message_en).toMatch(/GCJ-02/);
    const beijing = bad(importText(fc([pt(116.4, 39.9)]), { name: 'a.geojson' }));
    expect(beijing.kind).toBe('wrong-datum-range');
    expect(beijing.message_en).toMatch(/200 km/);
  });
  it('too many vertices', { timeout: 30_000 }, () => {
    const text = `{"type":"MultiPoint","coordinates":[${'[120.5,30],'.repeat(LIMITS.maxVertices)}[120.5,30]]}`;
    const r = bad(importText(text, { name: 'a.json' }));
    expect(r.kind).toBe('too-many-vertices');
    expect(r.message_en).toContain('1,000,000');
  });
  it('property too large', () => {
    const r = bad(importText(fc([pt(120.58, 30, { big: 'x'.repeat(LIMITS.maxPropertyChars + 1) })]), { name: 'a.geojson' }));
    expect(r.kind).toBe('property-too-large');
    expect(r.problems[0].feature).toBe(0);
  });
  it('skips null geometries with a warning; all null is empty', () => {
    const r = ok(importText(fc([pt(120.58, 30), { type: 'Feature', properties: {}, geometry: null }]), { name: 'a.geojson' }));
    expect(r.fc.features).toHaveLength(1);
    expect(r.warnings.map((w) => w.code)).toContain('no-geometry-skipped');
    expect(bad(importText(fc([{ type: 'Feature', properties: {}, geometry: null }]), { name: 'a.geojson' })).kind).toBe('empty');
  });
  it('lists at most 5 problems in the message but counts them all', () => {
    const many = Array.from({ length: 12 }, () => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: ['a', 'b'] } }));
    const r = bad(importText(fc(many), { name: 'a.geojson' }));
    expect(r.message_en.match(/features\[/g)).toHaveLength(5);
    expect(r.message_en).toContain('7 more');
    expect(r.problems).toHaveLength(12);
  });
  it('keeps all properties and ids', () => {
    const f = { ...pt(120.58, 30, { name: '鲁迅故里', n: 3, nested: { a: [1] } }), id: 'x1' };
    const r = ok(importText(fc([f]), { name: 'a.geojson' }));
    expect(r.fc.features[0].properties).toEqual({ name: '鲁迅故里', n: 3, nested: { a: [1] } });
    expect(r.fc.features[0].id).toBe('x1');
  });
});

describe('datum conversion', () => {
  const dist = (a: number[], b: number[]) => Geodesic.WGS84.Inverse(a[1], a[0], b[1], b[0]).s12 as number;
  it('GCJ-02 lands about 490 m from the same numbers read as WGS84', () => {
    const w = ok(importText(fc([pt(120.58, 30.0)]), { name: 'a.geojson', datum: 'wgs84' }));
    const g = ok(importText(fc([pt(120.58, 30.0)]), { name: 'a.geojson', datum: 'gcj02' }));
    const d = dist((w.fc.features[0].geometry as { coordinates: number[] }).coordinates, (g.fc.features[0].geometry as { coordinates: number[] }).coordinates);
    expect(d).toBeGreaterThan(400);
    expect(d).toBeLessThan(600);
    expect(g.warnings.map((x) => x.code)).toContain('datum-converted');
  });
  it('BD-09 shifts further than GCJ-02 (about 1 km)', () => {
    const w = ok(importText('lon,lat\n120.58,30.0', { name: 'a.csv' }));
    const b = ok(importText('lon,lat\n120.58,30.0', { name: 'a.csv', datum: 'bd09' }));
    const d = dist((w.fc.features[0].geometry as { coordinates: number[] }).coordinates, (b.fc.features[0].geometry as { coordinates: number[] }).coordinates);
    expect(d).toBeGreaterThan(800);
    expect(d).toBeLessThan(1500);
  });
  it('converts every vertex of a polygon and keeps it closed', () => {
    const poly = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[120.5, 30], [120.6, 30], [120.6, 30.1], [120.5, 30]]] } };
    const r = ok(importText(fc([poly]), { name: 'a.geojson', datum: 'gcj02' }));
    const ring = (r.fc.features[0].geometry as { coordinates: number[][][] }).coordinates[0];
    expect(ring[0]).toEqual(ring[3]);
    expect(ring[0][0]).not.toBe(120.5);
  });
});

describe('CSV', () => {
  it('parses RFC 4180 records with quotes, doubled quotes and newlines, with start lines', () => {
    const r = parseCsvRecords('a,b\r\n"x, y","say ""hi"""\n"multi\nline",2\n');
    expect('records' in r && r.records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['multi\nline', '2'] },
    ]);
    const e = parseCsvRecords('a,b\n"open,1\n');
    expect('error' in e && e.error.line).toBe(2);
  });
  it('finds the delimiter and the coordinate columns', () => {
    expect(csvDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(csvDelimiter('a\tb\n')).toBe('\t');
    expect(coordinateColumns(['名称', '经度', '纬度'])).toEqual({ lon: 1, lat: 2 });
    expect(coordinateColumns(['Name', 'LNG', 'Lat'])).toEqual({ lon: 1, lat: 2 });
    expect(coordinateColumns(['id', 'longitude', 'latitude'])).toEqual({ lon: 1, lat: 2 });
    expect(coordinateColumns(['x', 'y'])).toEqual({ lon: 0, lat: 1 });
    expect(coordinateColumns(['name', 'address'])).toBeNull();
  });
  it('imports points with all other columns as properties', () => {
    const r = ok(importText('名称,经度,纬度,备注\n鲁迅故里,120.5857,29.9977,"古城, 越城"\n', { name: 'a.csv' }));
    expect(r.format).toBe('csv');
    expect(r.fc.features[0].properties).toEqual({ 名称: '鲁迅故里', 备注: '古城, 越城' });
    expect(r.fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [120.5857, 29.9977] });
  });
  it('no coordinate columns: says which header it found', () => {
    const r = bad(importText('name,address\na,b\n', { name: 'a.csv' }));
    expect(r.kind).toBe('csv-no-coordinate-columns');
    expect(r.message_en).toContain('name, address');
  });
  it('bad rows are skipped and listed by line number (header = line 1); "imported N of M rows"', () => {
    const r = ok(importText('lon,lat\n120.5,30\n120.6,abc\n,30\n', { name: 'a.csv' }));
    expect(r.fc.features).toHaveLength(1);
    expect(r.rows).toEqual({ read: 3, imported: 1 });
    const w = r.warnings.find((x) => x.code === 'rows-skipped')!;
    expect(w.message_en).toMatch(/^Imported 1 of 3 rows; 2 skipped: line 3: .*decimal numbers.*; line 4: longitude or latitude is empty/);
    expect(w.message_zh).toContain('已导入 1 / 3 行');
    expect(w.message_zh).toContain('第 3 行');
  });
  it('a table with no usable row fails, naming every bad line', () => {
    const r = bad(importText('lon,lat\n120.6,abc\n,30\n', { name: 'a.csv' }));
    expect(r.kind).toBe('bad-coordinates');
    expect(r.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(r.message_en).toContain('line 2');
    expect(r.message_zh).toContain('第 3 行');
  });
  it('unclosed quote is a syntax error with its line', () => {
    const r = bad(importText('lon,lat,name\n120.5,30,"broken\n', { name: 'a.csv' }));
    expect(r.kind).toBe('csv-syntax');
    expect(r.message_en).toContain('line 2');
  });
  it('swapped columns are detected', () => {
    const r = bad(importText('lat,lon\n120.58,30.0\n', { name: 'a.csv' }));
    expect(r.kind).toBe('wrong-datum-range');
    expect(r.message_en).toMatch(/swapped/);
  });
});

describe('labels', () => {
  it('picks a name', () => {
    expect(featureLabel({ 名称: '塔山' }, 0)).toBe('塔山');
    expect(featureLabel({}, 4)).toBe('#5');
  });
});

describe('JSON error offsets', () => {
  it('finds the first syntax error, or -1', async () => {
    const { jsonErrorOffset } = await import('../../../src/lib/plan/importer.ts');
    for (const good of ['{}', '[]', ' {"a":[1,-2.5e3,true,false,null,"x\\"y\\u00e9"]} ', '"s"', '0']) expect(jsonErrorOffset(good)).toBe(-1);
    expect(jsonErrorOffset('{"a":1,}')).toBe(7);
    expect(jsonErrorOffset('[1,2')).toBe(4);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('[01]')).toBe(2);
    expect(jsonErrorOffset('{} x')).toBe(3);
    expect(jsonErrorOffset("{'a':1}")).toBe(1);
  });
});
