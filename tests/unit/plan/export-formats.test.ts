/**
 * Export round trips: every exported format re-imports to the same features within 1 cm, read
 * back with independent libraries (shpjs for the zipped Shapefile, @tmcw/togeojson for KML, the
 * app's CSV importer, proj4/gcoord inverses for the datums).
 * (The integrator may switch the readers to the app's importer once it reads SHP/KML.)
 */
import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { kml as kmlToGeoJSON } from '@tmcw/togeojson';
import shp from 'shpjs';
import { unzipSync, strFromU8 } from 'fflate';
import { distance } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { toKml, toShapefileZip, writeDbf, dbfFieldNames } from '../../../src/lib/plan/exportFormats.ts';
import { forward, inverse, mapGeometry, EPSG_4528, type ExportDatum } from '../../../src/lib/plan/datums.ts';
import { toCsv, toCsvAll } from '../../../src/lib/plan/exporter.ts';
import { importText } from '../../../src/lib/plan/importer.ts';
import { allPlanFeatures } from '../helpers.ts';
import proj4 from 'proj4';

const F = (properties: Record<string, unknown>, geometry: Geometry): Feature => ({ type: 'Feature', properties, geometry });
const SAMPLE: Feature[] = [
  F({ id: 'p1', name_zh: '越城**北部**站点', count: 3, ratio: 0.125, note: '含,逗号"引号' }, { type: 'Point', coordinates: [120.5812345678, 30.0123456789] }),
  F({ id: 'p2', name_zh: '多点', count: 7 }, { type: 'MultiPoint', coordinates: [[120.6, 30.02], [120.61, 30.03]] }),
  F({ id: 'l1', name_zh: '道路一', count: 1 }, { type: 'LineString', coordinates: [[120.5, 30], [120.55, 30.05], [120.6, 30.02]] }),
  F({ id: 'l2', name_zh: '道路二', count: 2 }, { type: 'MultiLineString', coordinates: [[[120.5, 30.1], [120.52, 30.11]], [[120.53, 30.1], [120.54, 30.12]]] }),
  F({ id: 'a1', name_zh: '有洞的面', count: 4 }, {
    type: 'Polygon',
    coordinates: [
      [[120.5, 30], [120.6, 30], [120.6, 30.1], [120.5, 30.1], [120.5, 30]],
      [[120.52, 30.02], [120.52, 30.04], [120.54, 30.04], [120.54, 30.02], [120.52, 30.02]],
    ],
  }),
];

/** every position of a geometry, flattened in order */
function positions(g: Geometry | null): Position[] {
  if (!g) return [];
  const out: Position[] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as Position);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  if (g.type === 'GeometryCollection') g.geometries.forEach((x) => out.push(...positions(x)));
  else walk(g.coordinates);
  return out;
}
const metres = (a: Position, b: Position) => distance(a, b, { units: 'meters' });

/** same set of vertices (rings may be re-oriented), each within 1 cm of the original */
function expectSameShape(a: Geometry, b: Geometry) {
  const pa = positions(a);
  const pb = positions(b);
  expect(pb.length).toBe(pa.length);
  for (const p of pa) {
    const best = Math.min(...pb.map((q) => metres(p, q)));
    expect(best).toBeLessThan(0.01);
  }
}

describe('datums', () => {
  it('EPSG:4528 puts Shaoxing near 40 555 km easting, matches proj4 and round-trips within 1 mm', () => {
    const [x, y] = forward('cgcs2000-gk40')([120.58, 30.0]);
    expect(x).toBeGreaterThan(40_550_000);
    expect(x).toBeLessThan(40_560_000);
    expect(y).toBeGreaterThan(3_300_000);
    // an independent definition (scale, false easting) gives the same numbers
    const ref = proj4('WGS84', EPSG_4528, [120.58, 30.0]);
    expect(Math.abs(ref[0] - x) + Math.abs(ref[1] - y)).toBeLessThan(1e-6);
    // central meridian: easting = false easting exactly
    expect(forward('cgcs2000-gk40')([120, 30])[0]).toBeCloseTo(40_500_000, 3);
    const back = inverse('cgcs2000-gk40')([x, y]);
    expect(metres(back, [120.58, 30])).toBeLessThan(0.001);
  });
  it('GCJ-02 shifts by hundreds of metres and inverts within 1 cm', () => {
    const p = [120.58, 30.0];
    const g = forward('gcj02')(p);
    expect(metres(g, p)).toBeGreaterThan(100);
    expect(metres(g, p)).toBeLessThan(1000);
    expect(metres(inverse('gcj02')(g), p)).toBeLessThan(0.01);
  });
});

describe('Shapefile export', () => {
  for (const datum of ['wgs84', 'cgcs2000-gk40'] as ExportDatum[]) {
    it(`round-trips points, lines and polygons within 1 cm, UTF-8 text intact (${datum})`, async () => {
      const zip = toShapefileZip(SAMPLE, datum, 'test');
      const names = Object.keys(unzipSync(zip)).sort();
      expect(names).toEqual(expect.arrayContaining(['test_points.shp', 'test_points.shx', 'test_points.dbf', 'test_points.prj', 'test_points.cpg', 'test_lines.shp', 'test_polygons.shp', 'test_polygons.prj']));
      const files = unzipSync(zip);
      expect(strFromU8(files['test_points.cpg'])).toBe('UTF-8');
      expect(strFromU8(files['test_polygons.prj'])).toContain(datum === 'wgs84' ? 'GCS_WGS_1984' : 'Gauss_Kruger');
      if (datum === 'cgcs2000-gk40') expect(strFromU8(files['test_polygons.prj'])).toContain('40500000');
      // shpjs reads the .prj and reprojects to WGS84 itself
      const read = (await shp(zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer)) as FeatureCollection[] | FeatureCollection;
      const all = (Array.isArray(read) ? read : [read]).flatMap((fc) => fc.features);
      expect(all).toHaveLength(SAMPLE.length);
      for (const orig of SAMPLE) {
        const back = all.find((f) => f.properties?.id === orig.properties!.id)!;
        expect(back, String(orig.properties!.id)).toBeTruthy();
        expect(back.properties!.name_zh).toBe(String(orig.properties!.name_zh).replace(/\*\*/g, ''));
        expect(back.properties!.count).toBe(orig.properties!.count);
        const g = orig.geometry.type === 'Point' ? { type: 'MultiPoint', coordinates: [orig.geometry.coordinates] } as Geometry : orig.geometry;
        const bg = back.geometry.type === 'Point' ? { type: 'MultiPoint', coordinates: [back.geometry.coordinates] } as Geometry : back.geometry;
        expectSameShape(g, bg);
      }
      // the hole stays a hole
      const poly = all.find((f) => f.properties?.id === 'a1')!;
      expect(poly.geometry.type).toBe('Polygon');
      expect((poly.geometry as { coordinates: unknown[] }).coordinates).toHaveLength(2);
      expect(all.find((f) => f.properties?.id === 'p1')!.properties!.note).toBe('含,逗号"引号');
    });
  }
  it('real plan features (with Chinese text) survive the round trip', async () => {
    const plan = allPlanFeatures().slice(0, 60);
    if (!plan.length) return;
    const zip = toShapefileZip(plan, 'wgs84', 'plan');
    const read = (await shp(zip.buffer as ArrayBuffer)) as FeatureCollection[] | FeatureCollection;
    const all = (Array.isArray(read) ? read : [read]).flatMap((fc) => fc.features);
    expect(all.length).toBe(plan.filter((f) => f.geometry && f.geometry.type !== 'GeometryCollection').length);
    for (const f of all) {
      const o = plan.find((x) => x.properties.id === f.properties!.id)!;
      expect(f.properties!.name_zh).toBe(o.properties.name_zh.replace(/\*\*/g, ''));
      expectSameShape(o.geometry.type === 'Point' ? ({ type: 'MultiPoint', coordinates: [o.geometry.coordinates] } as Geometry) : o.geometry, f.geometry.type === 'Point' ? ({ type: 'MultiPoint', coordinates: [f.geometry.coordinates] } as Geometry) : f.geometry);
    }
  });
  it('DBF: long Chinese text is cut on a character boundary; field names are ASCII and unique', () => {
    expect(dbfFieldNames(['name_zh', '名称', 'a_very_long_field_name', 'a_very_long_field_other'])).toEqual(['name_zh', 'f2', 'a_very_lon', 'a_very_l_1']);
    const dbf = writeDbf([{ t: '中'.repeat(100) }], ['t']);
    const width = dbf[32 + 16];
    expect(width).toBe(254);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(dbf.slice(32 + 32 + 1 + 1, 32 + 32 + 1 + 1 + width));
    expect(text.trim()).toBe('中'.repeat(84));
  });
});

describe('KML export', () => {
  it('round-trips geometry within 1 cm and keeps properties as ExtendedData', () => {
    const kml = toKml(SAMPLE, (f) => String(f.properties!.name_zh));
    const doc = new DOMParser().parseFromString(kml, 'text/xml');
    const back = kmlToGeoJSON(doc as unknown as Document);
    expect(back.features).toHaveLength(SAMPLE.length);
    SAMPLE.forEach((orig, i) => {
      const b = back.features[i];
      expect(b.properties!.id).toBe(orig.properties!.id);
      expect(b.properties!.name).toBe(String(orig.properties!.name_zh).replace(/\*\*/g, ''));
      expectSameShape(orig.geometry, b.geometry as Geometry);
    });
    expect(kml).not.toContain('**');
  });
});

describe('CSV export in every datum', () => {
  for (const datum of ['wgs84', 'gcj02', 'cgcs2000-gk40'] as ExportDatum[]) {
    it(`re-imports each point within 1 cm (${datum})`, () => {
      const pts = SAMPLE.filter((f) => f.geometry.type === 'Point');
      const csv = toCsv(pts, { lang: 'zh', project: forward(datum), projected: datum === 'cgcs2000-gk40' });
      const body = csv.slice(1).split('\r\n').filter(Boolean).map((l) => l.split(','));
      const [head, ...rows] = body;
      expect(head).toContain(datum === 'cgcs2000-gk40' ? '东坐标E(米)' : '经度');
      rows.forEach((r, i) => {
        const x = Number(r[8]);
        const y = Number(r[9]);
        const back = inverse(datum)([x, y]);
        expect(metres(back, (pts[i].geometry as { coordinates: Position }).coordinates)).toBeLessThan(0.01);
      });
      if (datum !== 'cgcs2000-gk40') {
        const imp = importText(csv, { name: 'x.csv', datum: datum === 'gcj02' ? 'gcj02' : 'wgs84' });
        if (!imp.ok) throw new Error(imp.message_en);
        imp.fc.features.forEach((f, i) => expect(metres((f.geometry as { coordinates: Position }).coordinates, (pts[i].geometry as { coordinates: Position }).coordinates)).toBeLessThan(0.01));
      }
    });
  }
  it('all-properties CSV keeps every column, including names like _uid and _label (the app keeps nothing of its own in properties)', () => {
    const csv = toCsvAll([F({ a: 1, 名称: '甲', _uid: 'user-1:0', _label: 'x' }, { type: 'Point', coordinates: [120.5, 30] })], { lang: 'zh' });
    expect(csv.slice(1).split('\r\n')[0]).toBe('a,名称,_uid,_label,经度,纬度');
    expect(csv.slice(1).split('\r\n')[1]).toBe('1,甲,user-1:0,x,120.5,30');
  });
  it('GeoJSON geometry mapped into GK40 and back is within 1 cm', () => {
    for (const f of SAMPLE) {
      const there = mapGeometry(f.geometry, forward('cgcs2000-gk40'))!;
      const back = mapGeometry(there, inverse('cgcs2000-gk40'))!;
      expectSameShape(f.geometry, back);
    }
  });
});
