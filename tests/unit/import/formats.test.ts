/**
 * Every import format with sample files built by the test itself (tests/unit/import/samples.ts),
 * the coordinate systems (detection and conversion accuracy) and the issue-14 fixes: BOM + GBK,
 * __proto__/_uid/_label columns kept, empty geometries reported per feature.
 */
import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import type { FeatureCollection } from 'geojson';
import { importAny } from '../../../src/lib/import/formats.ts';
import { crsFromMagnitudes, crsFromPrj, gkToLonLat, lonLatToGk, proj4Def } from '../../../src/lib/import/crs.ts';
import { importBytes, importText, LIMITS, type ImportResult, type ImportSuccess, type ImportFailure } from '../../../src/lib/plan/importer.ts';
import { GPX, KML, PRJ_4528, PRJ_4549, gbk, pointShapefile, xlsx, zip } from './samples.ts';

const require = createRequire(import.meta.url);
const { Geodesic } = require('geographiclib-geodesic');
const GRS80 = new Geodesic.Geodesic(6378137, 1 / 298.257222101);
const enc = (s: string) => new TextEncoder().encode(s);
const ok = (r: ImportResult): ImportSuccess => {
  if (!r.ok) throw new Error(r.message_en);
  return r;
};
const bad = (r: ImportResult): ImportFailure => {
  if (r.ok) throw new Error('expected a failure');
  return r;
};

// 鲁迅故里 and a second point near Shaoxing, as lon/lat and as CGCS2000 GK (CM 120° E)
const LL: [number, number][] = [
  [120.5857, 29.9977],
  [120.6, 30.05],
];
const GK4549 = LL.map(([x, y]) => lonLatToGk(4549)(x, y));

describe('coordinate systems', () => {
  it('proj4 definitions of EPSG:4549 (no prefix) and 4528 (zone 40 prefix)', () => {
    expect(proj4Def(4549)).toBe('+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs');
    expect(proj4Def(4528)).toBe('+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs');
    expect(proj4Def(4491)).toContain('+lon_0=75 ');
    expect(proj4Def(4554)).toContain('+lon_0=135 ');
  });
  it('a point on the 120° E meridian: easting 500 000, northing = the GRS80 meridian arc (Karney) within 1 cm', () => {
    const arc = GRS80.Inverse(0, 120, 30, 120).s12 as number;
    const [e, n] = lonLatToGk(4549)(120, 30);
    expect(Math.abs(e - 500000)).toBeLessThan(0.01);
    expect(Math.abs(n - arc)).toBeLessThan(0.01);
    const [lon, lat] = gkToLonLat(4549)(500000, arc);
    expect(Math.abs(lon - 120) * 96_000).toBeLessThan(0.01);
    expect(Math.abs(lat - 30) * 111_000).toBeLessThan(0.01);
    // the zone-40 form only adds 40 000 000 to the easting
    const [e40, n40] = lonLatToGk(4528)(120.5857, 29.9977);
    const [e0, n0] = lonLatToGk(4549)(120.5857, 29.9977);
    expect(e40 - e0).toBeCloseTo(40_000_000, 3);
    expect(n40).toBeCloseTo(n0, 3);
  });
  it('off the meridian: the distance between two converted points matches the geodesic within 1 cm·scale', () => {
    // GK at scale 1 on the meridian grows by (1 + x²/2R²): at 57 km east the grid distance is ~4e-5 longer
    const [a, b] = GK4549;
    const grid = Math.hypot(a[0] - b[0], a[1] - b[1]);
    const geo = GRS80.Inverse(LL[0][1], LL[0][0], LL[1][1], LL[1][0]).s12 as number;
    const k = 1 + ((a[0] - 500000) ** 2 + (b[0] - 500000) ** 2) / 2 / 2 / 6_371_000 ** 2;
    expect(Math.abs(grid - geo * k)).toBeLessThan(0.05);
    // and back within 1 cm
    const [lon, lat] = gkToLonLat(4549)(a[0], a[1]);
    expect(GRS80.Inverse(lat, lon, LL[0][1], LL[0][0]).s12).toBeLessThan(0.01);
  });
  it('detects the system from a .prj (ESRI names and parameters), and refuses Xi’an 1980', () => {
    expect(crsFromPrj(PRJ_4549)).toMatchObject({ crs: 'epsg:4549', source: 'prj' });
    expect(crsFromPrj(PRJ_4528)).toMatchObject({ crs: 'epsg:4528', source: 'prj' });
    expect(crsFromPrj('GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]]]')).toMatchObject({ crs: 'cgcs2000' });
    expect(crsFromPrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]]')).toMatchObject({ crs: 'wgs84' });
    expect(crsFromPrj('PROJCS["Xian_1980_3_Degree_GK_CM_120E",GEOGCS["GCS_Xian_1980"]]')).toEqual({ unsupported: 'Xian_1980_3_Degree_GK_CM_120E' });
  });
  it('detects from magnitudes: a 40xxxxxx easting is zone 40; six digits are CM 120° E', () => {
    expect(crsFromMagnitudes(GK4549.map(([x, y]) => [x + 40_000_000, y]))?.crs).toBe('epsg:4528');
    expect(crsFromMagnitudes(GK4549)?.crs).toBe('epsg:4549');
    expect(crsFromMagnitudes(LL)).toBeNull();
  });
  it('a CSV in GK metres imports with EPSG:4549 within 1 cm; chosen as WGS84 it fails and names the zone it looks like', () => {
    const csv = `name,x,y\n${GK4549.map(([x, y], i) => `p${i},${x.toFixed(4)},${y.toFixed(4)}`).join('\n')}\n`;
    const r = ok(importText(csv, { name: 'gk.csv', datum: 'epsg:4549' }));
    r.fc.features.forEach((f, i) => {
      const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
      expect(GRS80.Inverse(lat, lon, LL[i][1], LL[i][0]).s12).toBeLessThan(0.01);
    });
    const w = bad(importText(csv, { name: 'gk.csv', datum: 'wgs84' }));
    expect(w.detected?.crs).toBe('epsg:4549');
    expect(w.message_en).toMatch(/EPSG:4549/);
    // the wrong zone: a clear message, not a silent shift
    const z = bad(importText(csv, { name: 'gk.csv', datum: 'epsg:4546' }));
    expect(z.kind).toBe('wrong-datum-range');
    expect(z.message_en).toMatch(/check the zone or central meridian/);
    // lon/lat declared as metres
    const ll = bad(importText('lon,lat\n120.58,30\n', { name: 'a.csv', datum: 'epsg:4549' }));
    expect(ll.message_en).toMatch(/longitude\/latitude, not projected metres/);
  });
});

describe('zipped Shapefile', () => {
  const fields = ['NAME', 'TYPE', '_uid', '_label'];
  const rows = [
    ['鲁迅故里', '景点', 'u1', 'l1'],
    ['名称', '类型', 'u2', 'l2'],
  ];
  it('GBK DBF (no .cpg, bytes not UTF-8) and a 4549 .prj: names intact, positions within 1 cm, every column back', async () => {
    const { shp, shx, dbf } = pointShapefile(GK4549, fields, rows, gbk);
    const bytes = zip({ 'yc/points.shp': shp, 'yc/points.shx': shx, 'yc/points.dbf': dbf, 'yc/points.prj': PRJ_4549 });
    // the user's radio says WGS84: the worker reports the .prj's system and the import waits for it
    const first = await importAny(bytes, { name: 'points.zip', datum: 'wgs84' });
    expect(first.result.ok).toBe(false);
    expect(first.detected?.crs).toBe('epsg:4549');
    const { result } = await importAny(bytes, { name: 'points.zip', datum: 'epsg:4549' });
    const r = ok(result);
    expect(r.format).toBe('shapefile');
    expect(r.encoding).toBe('gbk');
    expect(r.fc.features.map((f) => ({ ...f.properties }))).toEqual(rows.map((v) => Object.fromEntries(fields.map((k, i) => [k, v[i]]))));
    r.fc.features.forEach((f, i) => {
      const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
      expect(GRS80.Inverse(lat, lon, LL[i][1], LL[i][0]).s12).toBeLessThan(0.01);
    });
  });
  it('a .cpg saying UTF-8 (or 936) is obeyed; zone-40 eastings with a 4528 .prj', async () => {
    const utf = pointShapefile(LL, ['NAME'], [['鲁迅故里'], ['名称']], (s) => new TextEncoder().encode(s));
    const a = ok((await importAny(zip({ 'p.shp': utf.shp, 'p.shx': utf.shx, 'p.dbf': utf.dbf, 'p.cpg': 'UTF-8' }), { name: 'p.zip' })).result);
    expect(a.encoding).toBe('utf-8');
    expect(a.fc.features[0].properties).toEqual({ NAME: '鲁迅故里' });
    const g = pointShapefile(GK4549.map(([x, y]) => [x + 40_000_000, y]), ['NAME'], [['鲁迅故里'], ['名称']], gbk);
    const b = ok((await importAny(zip({ 'p.shp': g.shp, 'p.shx': g.shx, 'p.dbf': g.dbf, 'p.cpg': '936', 'p.prj': PRJ_4528 }), { name: 'p.zip', datum: 'epsg:4528' })).result);
    expect(b.fc.features[1].properties).toEqual({ NAME: '名称' });
    const [lon, lat] = (b.fc.features[0].geometry as { coordinates: number[] }).coordinates;
    expect(GRS80.Inverse(lat, lon, LL[0][1], LL[0][0]).s12).toBeLessThan(0.01);
  });
  it('a zip without a .shp, and a broken zip, say what is wrong', async () => {
    const r = bad((await importAny(zip({ 'readme.txt': 'hello' }), { name: 'x.zip' })).result);
    expect(r.kind).toBe('bad-archive');
    expect(r.message_en).toMatch(/no \.shp, \.kml or Excel sheet inside.*readme\.txt/);
    const t = bad((await importAny(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { name: 'x.zip' })).result);
    expect(t.kind).toBe('bad-archive');
  });
});

describe('KML, KMZ, GPX', () => {
  it('KML: point, line and polygon with names and extended data', async () => {
    const r = ok((await importAny(enc(KML), { name: 'a.kml' })).result);
    expect(r.format).toBe('kml');
    expect(r.fc.features.map((f) => f.geometry.type)).toEqual(['Point', 'LineString', 'Polygon']);
    expect(r.fc.features[0].properties).toMatchObject({ name: '鲁迅故里', 类型: '景点' });
  });
  it('KMZ (zipped doc.kml)', async () => {
    const r = ok((await importAny(zip({ 'doc.kml': KML }), { name: 'a.kmz' })).result);
    expect(r.format).toBe('kmz');
    expect(r.fc.features).toHaveLength(3);
  });
  it('GPX: waypoint and track', async () => {
    const r = ok((await importAny(enc(GPX), { name: 'ride.gpx' })).result);
    expect(r.format).toBe('gpx');
    expect(r.fc.features.map((f) => f.geometry.type).sort()).toEqual(['LineString', 'Point']);
  });
  it('a KML that is not well-formed XML is refused with a message', async () => {
    const r = bad((await importAny(enc('<kml><Placemark><name>x</Placemark>'), { name: 'a.kml' })).result);
    expect(r.message_en).toMatch(/not well-formed XML/);
  });
});

describe('Shapefile archives of several layers', () => {
  const utf8 = (t: string) => new TextEncoder().encode(t);
  it('every layer in the same coordinate system is imported; one in another system is left out and named', async () => {
    const a = pointShapefile([[120.58, 30.0]], ['NAME'], [['甲']], utf8);
    const b = pointShapefile([[120.59, 30.01], [120.6, 30.02]], ['NAME'], [['乙'], ['丙']], utf8);
    const c = pointShapefile([lonLatToGk(4549)(120.57, 29.99)], ['NAME'], [['丁']], utf8);
    const WGS = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
    const files = { 'a.shp': a.shp, 'a.shx': a.shx, 'a.dbf': a.dbf, 'a.prj': WGS, 'a.cpg': 'UTF-8', 'b.shp': b.shp, 'b.shx': b.shx, 'b.dbf': b.dbf, 'b.prj': WGS, 'b.cpg': 'UTF-8' };
    const all = ok((await importAny(zip(files), { name: 'two.zip', datum: 'wgs84' })).result);
    expect(all.fc.features.map((f) => f.properties!.NAME)).toEqual(['甲', '乙', '丙']);
    expect(all.warnings[0].message_en).toBe('The archive holds 2 layers; all were imported (3 features): a.shp, b.shp.');
    const mixed = ok((await importAny(zip({ ...files, 'c.shp': c.shp, 'c.shx': c.shx, 'c.dbf': c.dbf, 'c.prj': PRJ_4549 }), { name: 'three.zip', datum: 'wgs84' })).result);
    expect(mixed.fc.features.map((f) => f.properties!.NAME)).toEqual(['甲', '乙', '丙']);
    expect(mixed.warnings[0].message_zh).toBe('压缩包中有 3 个图层，导入了坐标系相同的 2 个（共 3 个要素）：a.shp、b.shp。坐标系不同而未导入：c.shp（请单独打包导入）。');
  });
  it('fields.txt (the app’s own export) gives the DBF’s f1… fields their original names back', async () => {
    const a = pointShapefile([[120.58, 30.0]], ['f1', 'NAME'], [['景点', '甲']], (t) => new TextEncoder().encode(t));
    const r = ok((await importAny(zip({ 'x_points.shp': a.shp, 'x_points.shx': a.shx, 'x_points.dbf': a.dbf, 'x_points.cpg': 'UTF-8', 'fields.txt': 'dbf\tfield\tproperty\nx_points.dbf\tf1\t类型\n' }), { name: 'x.zip', datum: 'wgs84' })).result);
    expect(r.fc.features[0].properties).toEqual({ 类型: '景点', NAME: '甲' });
  });
});

describe('Excel', () => {
  const book = xlsx({
    说明: [['这是说明页']],
    点位: [
      ['名称', '经度', '纬度', '人口'],
      ['鲁迅故里', 120.5857, 29.9977, 1200],
      ['坏行', 'abc', 30, 1],
      ['城市广场', 120.58, 30.0, 300],
    ],
  });
  it('reads the chosen sheet; bad rows skipped with their row number; numbers as text', async () => {
    const { result, sheets } = await importAny(book, { name: 'a.xlsx', sheet: '点位' });
    expect(sheets).toEqual(['说明', '点位']);
    const r = ok(result);
    expect(r.format).toBe('xlsx');
    expect(r.rows).toEqual({ read: 3, imported: 2 });
    expect(r.fc.features[0].properties).toEqual({ 名称: '鲁迅故里', 人口: '1200' });
    expect(r.warnings.find((w) => w.code === 'rows-skipped')?.message_en).toMatch(/line 3/);
  });
  it('the first sheet by default (here without coordinates: a clear message)', async () => {
    const r = bad((await importAny(book, { name: 'a.xlsx' })).result);
    expect(r.kind).toBe('csv-no-coordinate-columns');
  });
});

describe('tables: WKT, 高德 坐标, tolerant rows', () => {
  it('a WKT column (points, lines, polygons)', () => {
    const r = ok(importText('名称;WKT\n点;POINT (120.58 30.0)\n线;LINESTRING (120.5 30, 120.6 30.1)\n面;"POLYGON ((120.5 30, 120.6 30, 120.6 30.1, 120.5 30))"\n坏;POINT (abc)\n', { name: 'a.csv' }));
    expect(r.fc.features.map((f) => f.geometry.type)).toEqual(['Point', 'LineString', 'Polygon']);
    expect(r.fc.features[0].properties).toEqual({ 名称: '点', WKT: 'POINT (120.58 30.0)' });
    expect(r.warnings.find((w) => w.code === 'rows-skipped')?.message_en).toMatch(/Imported 3 of 4 rows.*line 5: unreadable WKT/);
  });
  it('a 高德-style 坐标 column "lon,lat" in GCJ-02', () => {
    const r = ok(importText('名称,坐标\n鲁迅故里,"120.5857,29.9977"\n空,\n', { name: 'amap.csv', datum: 'gcj02' }));
    expect(r.fc.features).toHaveLength(1);
    const [x] = (r.fc.features[0].geometry as { coordinates: number[] }).coordinates;
    expect(x).toBeLessThan(120.5857); // GCJ-02 → WGS84 moves west near Shaoxing
    expect(r.rows).toEqual({ read: 2, imported: 1 });
  });
  it('a 1M-row CSV is refused before decoding or parsing, with the limit and the way out', () => {
    const head = 'lon,lat\n';
    const row = enc('120.5,30\n');
    const n = LIMITS.maxRows + 10;
    const bytes = new Uint8Array(head.length + row.length * n);
    bytes.set(enc(head));
    for (let i = 0; i < n; i++) bytes.set(row, head.length + i * row.length);
    const t0 = performance.now();
    const r = bad(importBytes(bytes, { name: 'big.csv' }));
    expect(r.kind).toBe('too-many-rows');
    expect(r.message_en).toMatch(/500,000 rows.*Split it into several files/);
    expect(r.message_zh).toMatch(/拆分/);
    void t0;
  });
});

describe('issue 14: BOM + GBK, reserved-looking columns, empty geometries', () => {
  it('a UTF-8 BOM followed by GBK bytes: the BOM is dropped before detection, names intact', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...gbk('名称,经度,纬度\n鲁迅故里,120.58,30.0\n')]);
    const r = ok(importBytes(bytes, { name: 'bom-gbk.csv' }));
    expect(r.encoding).toBe('gbk');
    expect(r.fc.features[0].properties).toEqual({ 名称: '鲁迅故里' });
    expect(JSON.stringify(r)).not.toContain('锘');
  });
  it('__proto__, _uid, _label, constructor columns all come back (CSV and GeoJSON), through structured clone', () => {
    const cols = ['__proto__', '_uid', '_label', 'constructor', 'toString', 'name'];
    const r = ok(importText(`lon,lat,${cols.join(',')}\n120.58,30,a,b,c,d,e,f\n`, { name: 'a.csv' }));
    const p = structuredClone(r.fc.features[0].properties) as Record<string, unknown>;
    expect(Object.keys(p)).toEqual(cols);
    expect(cols.map((c) => Object.getOwnPropertyDescriptor(p, c)?.value)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
    const g = ok(importText(JSON.stringify({ type: 'Feature', properties: JSON.parse('{"__proto__":"x","_uid":"y","_label":"z"}'), geometry: { type: 'Point', coordinates: [120.58, 30] } }), { name: 'a.geojson' }));
    const q = g.fc.features[0].properties as Record<string, unknown>;
    expect(Object.keys(q)).toEqual(['__proto__', '_uid', '_label']);
    expect(Object.getOwnPropertyDescriptor(q, '__proto__')?.value).toBe('x');
  });
  it('MultiPoint [], MultiPolygon [] and GeometryCollection [] are reported per feature, not counted', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { n: 1 }, geometry: { type: 'Point', coordinates: [120.58, 30] } },
        { type: 'Feature', properties: { n: 2 }, geometry: { type: 'MultiPoint', coordinates: [] } },
        { type: 'Feature', properties: { n: 3 }, geometry: { type: 'MultiPolygon', coordinates: [] } },
        { type: 'Feature', properties: { n: 4 }, geometry: { type: 'GeometryCollection', geometries: [] } },
      ],
    };
    const r = ok(importText(JSON.stringify(fc), { name: 'e.geojson' }));
    expect(r.fc.features).toHaveLength(1);
    const w = r.warnings.find((x) => x.code === 'empty-geometry-skipped')!;
    expect(w.message_en).toBe('3 feature(s) with an empty geometry (no positions) were not imported: features[1], features[2], features[3].');
    expect(w.message_zh).toContain('features[2]');
    const all = bad(importText(JSON.stringify({ ...fc, features: fc.features.slice(1) }), { name: 'e.geojson' }));
    expect(all.kind).toBe('empty');
    expect(all.problems.map((p) => p.feature)).toEqual([0, 1, 2]);
  });
});
