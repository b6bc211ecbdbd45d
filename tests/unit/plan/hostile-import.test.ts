/**
 * Hostile and malformed imports against the pure importer (src/lib/plan/importer.ts): each one
 * ends in a result, never a throw, with the failure kind for its problem and a message in both
 * languages that says what is wrong (and where, when there is a where).
 */
import { describe, it, expect } from 'vitest';
import { checkFileSize, importBytes, IMPORT_ERROR_KINDS, LIMITS, type ImportFailure, type ImportResult } from '../../../src/lib/plan/importer.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feature = (geometry: unknown, properties: unknown = { name: 'x' }) => ({ type: 'Feature', properties, geometry });
const pt = (x: unknown, y: unknown) => feature({ type: 'Point', coordinates: [x, y] });
const poly = (ring: unknown) => feature({ type: 'Polygon', coordinates: [ring] });
const SQUARE = [[120.5, 30], [120.6, 30], [120.6, 30.1], [120.5, 30.1], [120.5, 30]];

/** GBK bytes of a few known characters (TextEncoder only writes UTF-8). */
const GBK: Record<string, number[]> = { 经: [0xbe, 0xad], 纬: [0xce, 0xb3], 度: [0xb6, 0xc8], 名: [0xc3, 0xfb], 称: [0xb3, 0xc6] };
function gbk(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    if (GBK[ch]) out.push(...GBK[ch]);
    else if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else throw new Error(`no GBK bytes for ${ch} in this table`);
  }
  return new Uint8Array(out);
}

interface Case {
  name: string;
  bytes: () => Uint8Array;
  file?: string;
  datum?: 'wgs84' | 'gcj02' | 'bd09';
  kind: ImportFailure['kind'];
  /** what the English message must say */
  says: RegExp;
  /** where it must point: a feature index or a CSV line */
  at?: { feature?: number; line?: number };
}

const text = (s: string) => () => enc(s);
const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

const CASES: Case[] = [
  // empty and not JSON
  { name: 'an empty file', bytes: () => new Uint8Array(0), file: 'a.geojson', kind: 'empty', says: /empty/i },
  { name: 'only whitespace', bytes: text(' \n\t\r\n '), file: 'a.geojson', kind: 'empty', says: /empty/i },
  { name: 'truncated JSON', bytes: text('{"type":"FeatureCollection","features":[{"type":"Feature"'), file: 'a.geojson', kind: 'not-json', says: /not valid JSON/i },
  { name: 'a trailing comma', bytes: text('{"type":"FeatureCollection","features":[],}'), file: 'a.geojson', kind: 'not-json', says: /not valid JSON/i },
  { name: 'single quotes', bytes: text("{'type':'FeatureCollection','features':[]}"), file: 'a.geojson', kind: 'not-json', says: /not valid JSON/i },
  { name: 'a NaN literal (not JSON)', bytes: text(fc([pt(120.5, 30)]).replace('30]', 'NaN]')), file: 'a.geojson', kind: 'not-json', says: /not valid JSON/i },
  { name: 'an Infinity literal (not JSON)', bytes: text(fc([pt(120.5, 30)]).replace('120.5', 'Infinity')), file: 'a.geojson', kind: 'not-json', says: /not valid JSON/i },
  // JSON, but wrong types
  { name: 'JSON null', bytes: text('null'), file: 'a.json', kind: 'not-geojson', says: /not GeoJSON/i },
  { name: 'a JSON number', bytes: text('42'), file: 'a.json', kind: 'not-geojson', says: /not GeoJSON/i },
  { name: 'a JSON string', bytes: text('"FeatureCollection"'), file: 'a.json', kind: 'not-geojson', says: /not GeoJSON/i },
  { name: 'a JSON array of numbers', bytes: text('[1, 2, 3]'), file: 'a.json', kind: 'not-geojson', says: /not GeoJSON/i },
  { name: 'an unknown type', bytes: text('{"type":"Topology","objects":{}}'), file: 'a.json', kind: 'not-geojson', says: /not GeoJSON/i },
  { name: 'a FeatureCollection whose features is an object', bytes: text('{"type":"FeatureCollection","features":{}}'), file: 'a.geojson', kind: 'not-geojson', says: /not GeoJSON/i },
  { name: 'a feature that is null', bytes: text(fc([null])), file: 'a.geojson', kind: 'bad-geometry', says: /not a Feature/i, at: { feature: 0 } },
  { name: 'a feature of the wrong type', bytes: text(fc([{ type: 'Point', coordinates: [120.5, 30] }])), file: 'a.geojson', kind: 'bad-geometry', says: /"Feature"/, at: { feature: 0 } },
  { name: 'properties that are an array', bytes: text(fc([feature({ type: 'Point', coordinates: [120.5, 30] }, [1, 2])])), file: 'a.geojson', kind: 'bad-geometry', says: /properties/i, at: { feature: 0 } },
  { name: 'an unknown geometry type', bytes: text(fc([feature({ type: 'Circle', coordinates: [120.5, 30], radius: 5 })])), file: 'a.geojson', kind: 'bad-geometry', says: /unknown geometry type/i, at: { feature: 0 } },
  { name: 'a WKT string as geometry', bytes: text(fc([feature('POINT(120.5 30)')])), file: 'a.geojson', kind: 'bad-geometry', says: /not an object/i, at: { feature: 0 } },
  { name: 'a geometry without coordinates', bytes: text(fc([feature({ type: 'LineString' })])), file: 'a.geojson', kind: 'bad-geometry', says: /coordinates/i, at: { feature: 0 } },
  { name: 'coordinates as strings', bytes: text(fc([pt('120.5', '30')])), file: 'a.geojson', kind: 'bad-coordinates', says: /not a number/i, at: { feature: 0 } },
  { name: 'a coordinate that is null', bytes: text(fc([pt(120.5, null)])), file: 'a.geojson', kind: 'bad-coordinates', says: /not a number/i, at: { feature: 0 } },
  { name: 'a position with one number', bytes: text(fc([feature({ type: 'Point', coordinates: [120.5] })])), file: 'a.geojson', kind: 'bad-geometry', says: /longitude and latitude/i, at: { feature: 0 } },
  { name: 'a position with five numbers', bytes: text(fc([feature({ type: 'Point', coordinates: [120.5, 30, 1, 2, 3] })])), file: 'a.geojson', kind: 'bad-geometry', says: /at most 3/i, at: { feature: 0 } },
  // numbers: infinite and out of range
  { name: 'an overflowing number (1e999 → Infinity)', bytes: text(fc([pt(120.5, 30)]).replace('120.5', '1e999')), file: 'a.geojson', kind: 'bad-coordinates', says: /finite/i, at: { feature: 0 } },
  { name: 'a negative overflow (-1e999)', bytes: text(fc([pt(120.5, 30)]).replace('30]', '-1e999]')), file: 'a.geojson', kind: 'bad-coordinates', says: /finite/i, at: { feature: 0 } },
  { name: 'longitude 200', bytes: text(fc([pt(200, 30)])), file: 'a.geojson', kind: 'bad-coordinates', says: /±180/, at: { feature: 0 } },
  { name: 'latitude -95', bytes: text(fc([pt(120.5, -95)])), file: 'a.geojson', kind: 'bad-coordinates', says: /±90/, at: { feature: 0 } },
  { name: 'latitude and longitude swapped', bytes: text(fc([pt(30.0, 120.5)])), file: 'a.geojson', kind: 'wrong-datum-range', says: /swapped/i, at: { feature: 0 } },
  { name: 'projected metres (Web Mercator)', bytes: text(fc([pt(13423000, 3503000)])), file: 'a.geojson', kind: 'bad-coordinates', says: /projected/i, at: { feature: 0 } },
  { name: 'valid coordinates far from Shaoxing (Paris)', bytes: text(fc([pt(2.35, 48.85)])), file: 'a.geojson', kind: 'wrong-datum-range', says: /not in China|200 km/i },
  { name: 'GCJ-02 declared for points in Europe', bytes: text(fc([pt(2.35, 48.85)])), file: 'a.geojson', datum: 'gcj02', kind: 'wrong-datum-range', says: /GCJ-02|China/i },
  // rings and lines
  { name: 'an unclosed ring', bytes: text(fc([poly(SQUARE.slice(0, 4))])), file: 'a.geojson', kind: 'bad-geometry', says: /not closed/i, at: { feature: 0 } },
  { name: 'a ring of three positions', bytes: text(fc([poly([[120.5, 30], [120.6, 30], [120.5, 30]])])), file: 'a.geojson', kind: 'bad-geometry', says: /at least 4/i, at: { feature: 0 } },
  { name: 'an empty ring', bytes: text(fc([poly([])])), file: 'a.geojson', kind: 'bad-geometry', says: /at least 4/i, at: { feature: 0 } },
  { name: 'a polygon without rings', bytes: text(fc([feature({ type: 'Polygon', coordinates: [] })])), file: 'a.geojson', kind: 'bad-geometry', says: /no rings/i, at: { feature: 0 } },
  { name: 'a line of one position', bytes: text(fc([feature({ type: 'LineString', coordinates: [[120.5, 30]] })])), file: 'a.geojson', kind: 'bad-geometry', says: /at least 2/i, at: { feature: 0 } },
  { name: 'the second feature broken, the first fine', bytes: text(fc([pt(120.5, 30), poly(SQUARE.slice(0, 4))])), file: 'a.geojson', kind: 'bad-geometry', says: /features\[1\].*not closed/i, at: { feature: 1 } },
  {
    name: 'a polygon with a million vertices',
    bytes: () => {
      const n = LIMITS.maxVertices + 10;
      const parts: string[] = [];
      for (let i = 0; i < n; i++) {
        const a = (i / n) * 2 * Math.PI;
        parts.push(`[${(120.58 + 0.05 * Math.cos(a)).toFixed(6)},${(30.0 + 0.05 * Math.sin(a)).toFixed(6)}]`);
      }
      parts.push(parts[0]);
      return enc(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[${parts.join(',')}]]}}]}`);
    },
    file: 'big.geojson',
    kind: 'too-many-vertices',
    says: /too many vertices/i,
  },
  // nesting and size
  { name: 'arrays nested 100 000 deep', bytes: text(deepArray(100_000)), file: 'a.json', kind: 'too-deep', says: /nested too deeply/i },
  { name: 'objects nested 50 000 deep in properties', bytes: text(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[120.5,30]},"properties":${deepObject(50_000)}}]}`), file: 'a.geojson', kind: 'too-deep', says: /nested too deeply/i },
  { name: 'a 2 MB property value', bytes: text(fc([feature({ type: 'Point', coordinates: [120.5, 30] }, { note: 'x'.repeat(2_000_000) })])), file: 'a.geojson', kind: 'property-too-large', says: /too long/i, at: { feature: 0 } },
  {
    name: '2 000 properties on one feature',
    bytes: text(fc([feature({ type: 'Point', coordinates: [120.5, 30] }, Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`p${i}`, i])))])),
    file: 'a.geojson',
    kind: 'property-too-large',
    says: /exceed the limit/i,
    at: { feature: 0 },
  },
  { name: 'a 10 000-character property name', bytes: text(fc([feature({ type: 'Point', coordinates: [120.5, 30] }, { ['k'.repeat(10_000)]: 1 })])), file: 'a.geojson', kind: 'property-too-large', says: /name is too long/i, at: { feature: 0 } },
  // encodings and formats
  { name: 'a BOM before invalid JSON', bytes: () => new Uint8Array([0xef, 0xbb, 0xbf, ...enc('{"type": ')]), file: 'a.geojson', kind: 'not-json', says: /not valid JSON/i },
  { name: 'UTF-16 text (NUL bytes)', bytes: () => new Uint8Array([...enc(fc([]))].flatMap((b) => [b, 0])), file: 'a.geojson', kind: 'unsupported-format', says: /binary/i },
  { name: 'a PNG renamed .geojson', bytes: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), file: 'map.geojson', kind: 'unsupported-format', says: /format/i },
  { name: 'an Excel file (zip) renamed .csv', bytes: () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]), file: 'sheet.csv', kind: 'unsupported-format', says: /Excel|zip/i },
  { name: 'a KML file', bytes: text('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"></kml>'), file: 'a.kml', kind: 'unsupported-format', says: /KML/ },
  { name: 'an empty FeatureCollection', bytes: text(fc([])), file: 'a.geojson', kind: 'empty', says: /empty|no features/i },
  { name: 'features that all lack geometry', bytes: text(fc([feature(null), feature(null)])), file: 'a.geojson', kind: 'empty', says: /no geometry|no features/i },
  // CSV
  { name: 'a CSV without coordinate columns', bytes: text('name,address\nA,B\n'), file: 'a.csv', kind: 'csv-no-coordinate-columns', says: /No coordinate columns/i },
  { name: 'a CSV with only a header', bytes: text('lon,lat,name\n'), file: 'a.csv', kind: 'empty', says: /only a header/i },
  { name: 'a CSV with an unclosed quote', bytes: text('lon,lat,name\n120.5,30,"open\n120.6,30.1,b\n'), file: 'a.csv', kind: 'csv-syntax', says: /never closed/i, at: { line: 2 } },
  { name: 'a CSV whose only row has a word for a longitude', bytes: text('lon,lat\nabc,30\n'), file: 'a.csv', kind: 'bad-coordinates', says: /decimal numbers/i, at: { line: 2 } },
  { name: 'a CSV with Infinity', bytes: text('lon,lat\nInfinity,30\n'), file: 'a.csv', kind: 'bad-coordinates', says: /decimal numbers|finite/i, at: { line: 2 } },
  { name: 'a CSV with latitude 95', bytes: text('lon,lat\n120.5,95\n'), file: 'a.csv', kind: 'bad-coordinates', says: /±90/, at: { line: 2 } },
  { name: 'a GBK-encoded CSV with a bad coordinate', bytes: () => gbk('经度,纬度,名称\n120.6,x,b\n'), file: 'gbk.csv', kind: 'bad-coordinates', says: /decimal numbers/i, at: { line: 2 } },
];

function run(c: Case): ImportResult {
  return importBytes(c.bytes(), { name: c.file ?? 'x', datum: c.datum });
}

describe('hostile imports: a clear failure for each, never a crash', () => {
  it(`has at least 40 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of CASES) {
    // the million-vertex file is ~25 MB of JSON: building and parsing it takes seconds on a slow machine
    it(c.name, { timeout: 60_000 }, () => {
      let r: ImportResult | undefined;
      expect(() => (r = run(c))).not.toThrow();
      if (r!.ok) throw new Error(`expected a failure (${c.kind}), the import succeeded`);
      const f = r as ImportFailure;
      expect(IMPORT_ERROR_KINDS).toContain(f.kind);
      expect(f.kind, f.message_en).toBe(c.kind);
      expect(f.message_en).toMatch(c.says);
      expect(f.message_zh.trim().length).toBeGreaterThan(4);
      expect(f.message_zh).toMatch(/[\u4e00-\u9fff]/);
      // short enough to show: a huge input never floods the message
      expect(f.message_en.length).toBeLessThan(1200);
      expect(f.message_zh.length).toBeLessThan(1200);
      if (c.at?.feature !== undefined) {
        expect(f.problems[0]?.feature).toBe(c.at.feature);
        expect(f.message_en).toContain(`features[${c.at.feature}]`);
      }
      if (c.at?.line !== undefined) {
        expect(f.problems[0]?.line).toBe(c.at.line);
        expect(f.message_en).toContain(`line ${c.at.line}`);
      }
    });
  }
});

describe('hostile imports that are fine, or refused before reading', () => {
  it('a file over the size limit is refused by its size alone', () => {
    const r = checkFileSize(LIMITS.maxBytes + 1)!;
    expect(r.ok).toBe(false);
    expect(r.kind).toBe('too-large');
    expect(r.message_en).toMatch(/too large.*50 MB/i);
  });

  it('a UTF-8 BOM before valid GeoJSON is ignored', () => {
    const r = importBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(fc([pt(120.58, 30.0)]))]), { name: 'bom.geojson' });
    expect(r.ok).toBe(true);
  });

  it('a GBK-encoded CSV (经度/纬度/名称) is decoded, with a warning, and its names are intact', () => {
    const bytes = gbk('名称,经度,纬度\nabc,120.58,30.0\n');
    expect(new TextDecoder('gbk').decode(bytes)).toBe('名称,经度,纬度\nabc,120.58,30.0\n');
    const r = importBytes(bytes, { name: 'gbk.csv' });
    if (!r.ok) throw new Error(r.message_en);
    expect(r.encoding).toBe('gbk');
    expect(r.warnings.map((w) => w.code)).toContain('gbk');
    expect(r.fc.features[0].properties).toEqual({ 名称: 'abc' });
    expect(r.fc.features[0].geometry).toEqual({ type: 'Point', coordinates: [120.58, 30] });
  });

  it('__proto__ and constructor keys in properties pollute nothing', () => {
    const json = `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[120.58,30]},"properties":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}}}]}`;
    const r = importBytes(enc(json), { name: 'proto.geojson' });
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('markup in properties and file names is kept as text (the UI escapes it)', () => {
    const payload = '<img src=x onerror="window.__xss=1">';
    const r = importBytes(enc(fc([feature({ type: 'Point', coordinates: [120.58, 30] }, { name: payload })])), { name: `${payload}.geojson` });
    if (!r.ok) throw new Error(r.message_en);
    expect(r.fc.features[0].properties?.name).toBe(payload);
  });
});
