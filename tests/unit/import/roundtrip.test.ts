/**
 * Every exported format re-imports to the same features within 1 cm, through the app's own
 * importer (importAny, as the import worker runs it): GeoJSON, CSV (plan columns and every
 * property), KML and the zipped Shapefile, each written in every export datum (WGS84, GCJ-02,
 * CGCS2000 3° GK zone 40 / EPSG:4528) by buildExport exactly as the export menus write it, and read
 * back with the matching import coordinate system. Distances are geodesic (turf, metres). Excel is
 * imported but not exported, so it has no round trip.
 */
import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import type { Feature, Geometry, Position } from 'geojson';
import { buildExport, type ExportFormat } from '../../../src/lib/plan/exportFile.ts';
import { EXPORT_DATUMS, type ExportDatum } from '../../../src/lib/plan/datums.ts';
import { importAny } from '../../../src/lib/import/formats.ts';
import type { Datum, ImportResult, ImportSuccess } from '../../../src/lib/plan/importer.ts';
import { allPlanFeatures } from '../helpers.ts';

const F = (properties: Record<string, unknown>, geometry: Geometry): Feature => ({ type: 'Feature', properties, geometry });

/** plan-like features: every geometry type a plan or a planner's layer has, Chinese text, numbers, awkward text */
const SAMPLE: Feature[] = [
  F({ id: 'p1', name_zh: '鲁迅故里', name_en: 'Lu Xun Native Place', 类型: '景点', count: 3, ratio: 0.125, note: '含,逗号"引号' }, { type: 'Point', coordinates: [120.5812345678, 30.0123456789] }),
  F({ id: 'p2', name_zh: '八字桥', name_en: 'Bazi Bridge', 类型: '古桥', count: 0, ratio: -2.5, note: '第二行\n换行' }, { type: 'Point', coordinates: [120.5905, 30.0035] }),
  F({ id: 'm1', name_zh: '公交站（多点）', name_en: 'Bus stops', 类型: '交通', count: 7, ratio: 1, note: '' }, { type: 'MultiPoint', coordinates: [[120.6, 30.02], [120.61, 30.03]] }),
  F({ id: 'l1', name_zh: '解放路', name_en: 'Jiefang Road', 类型: '道路', count: 1, ratio: 0.5, note: '主干路' }, { type: 'LineString', coordinates: [[120.5, 30], [120.55, 30.05], [120.6, 30.02]] }),
  F({ id: 'l2', name_zh: '环城河（两段）', name_en: 'Moat, two parts', 类型: '水系', count: 2, ratio: 0.75, note: 'ASCII & <tag>' }, { type: 'MultiLineString', coordinates: [[[120.5, 30.1], [120.52, 30.11]], [[120.53, 30.1], [120.54, 30.12]]] }),
  F({ id: 'a1', name_zh: '有洞的地块', name_en: 'Parcel with a hole', 类型: '用地', count: 4, ratio: 12.3456789, note: '回字形' }, {
    type: 'Polygon',
    coordinates: [
      [[120.5, 30], [120.6, 30], [120.6, 30.1], [120.5, 30.1], [120.5, 30]],
      [[120.52, 30.02], [120.52, 30.04], [120.54, 30.04], [120.54, 30.02], [120.52, 30.02]],
    ],
  }),
  F({ id: 'a2', name_zh: '两块飞地', name_en: 'Two exclaves', 类型: '用地', count: 5, ratio: 100, note: '多面' }, {
    type: 'MultiPolygon',
    coordinates: [
      [[[120.62, 30.0], [120.64, 30.0], [120.64, 30.02], [120.62, 30.0]]],
      [[[120.65, 30.05], [120.67, 30.05], [120.67, 30.07], [120.65, 30.07], [120.65, 30.05]]],
    ],
  }),
];
const KEYS = ['id', 'name_zh', 'name_en', '类型', 'count', 'ratio', 'note'];

/** the import coordinate system that reads an export datum */
const IMPORT_CRS: Record<ExportDatum, Datum> = { wgs84: 'wgs84', gcj02: 'gcj02', 'cgcs2000-gk40': 'epsg:4528' };

const metres = (a: Position, b: Position) => distance(a.slice(0, 2), b.slice(0, 2), { units: 'meters' });

function ok(r: ImportResult): ImportSuccess {
  if (!r.ok) throw new Error(`${r.kind}: ${r.message_en}`);
  return r;
}

/** Vertex by vertex within 1 cm, in order; a polygon ring may come back reversed (a shapefile's outer rings are clockwise). */
function expectSameGeometry(a: Geometry, b: Geometry, what: string) {
  expect(b.type, what).toBe(a.type);
  const worst = { d: 0 };
  const same = (p: Position[], q: Position[], ring: boolean) => {
    expect(q.length, `${what}: vertices`).toBe(p.length);
    const fwd = Math.max(...p.map((x, i) => metres(x, q[i])));
    const d = ring ? Math.min(fwd, Math.max(...p.map((x, i) => metres(x, q[q.length - 1 - i])))) : fwd;
    worst.d = Math.max(worst.d, d);
  };
  const ga = a as Exclude<Geometry, { type: 'GeometryCollection' }>;
  const gb = b as typeof ga;
  switch (ga.type) {
    case 'Point':
      same([ga.coordinates], [gb.coordinates as Position], false);
      break;
    case 'MultiPoint':
    case 'LineString':
      same(ga.coordinates, gb.coordinates as Position[], false);
      break;
    case 'MultiLineString':
    case 'Polygon':
      expect((gb.coordinates as Position[][]).length, `${what}: parts`).toBe(ga.coordinates.length);
      ga.coordinates.forEach((r, i) => same(r, (gb.coordinates as Position[][])[i], ga.type === 'Polygon'));
      break;
    case 'MultiPolygon':
      expect((gb.coordinates as Position[][][]).length, `${what}: polygons`).toBe(ga.coordinates.length);
      ga.coordinates.forEach((poly, i) => {
        expect((gb.coordinates as Position[][][])[i].length, `${what}: rings`).toBe(poly.length);
        poly.forEach((r, j) => same(r, (gb.coordinates as Position[][][])[i][j], true));
      });
      break;
  }
  expect(worst.d, `${what}: largest error (m)`).toBeLessThan(0.01);
}

async function roundTrip(features: Feature[], format: ExportFormat, datum: ExportDatum, opts: { plan?: boolean; lang?: 'zh' | 'en' } = {}) {
  const file = await buildExport(features, format, datum, { plan: opts.plan ?? false, lang: opts.lang ?? 'zh', stem: '越城-test' });
  const bytes = typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data;
  // KML is WGS84 whatever the menu's datum (the export says so); everything else is read in its datum
  const crs = format === 'kml' ? 'wgs84' : IMPORT_CRS[datum];
  const { result } = await importAny(bytes, { name: file.name, datum: crs });
  return { file, r: ok(result) };
}

const byId = (fs: Feature[], key = 'id') => new Map(fs.map((f) => [String(f.properties?.[key]), f]));

describe('round trip through the app’s importer', () => {
  for (const datum of EXPORT_DATUMS) {
    it(`GeoJSON (${datum}): every geometry and every property, values typed`, async () => {
      const { r } = await roundTrip(SAMPLE, 'geojson', datum);
      expect(r.format).toBe('geojson');
      expect(r.datum).toBe(IMPORT_CRS[datum]);
      expect(r.fc.features).toHaveLength(SAMPLE.length);
      const back = byId(r.fc.features);
      for (const f of SAMPLE) {
        const b = back.get(String(f.properties!.id))!;
        expect(b, String(f.properties!.id)).toBeTruthy();
        expectSameGeometry(f.geometry, b.geometry, `${datum} ${f.properties!.id}`);
        expect({ ...b.properties }).toEqual(f.properties);
      }
    });

    it(`zipped Shapefile (${datum}): points, multipoints, lines and polygons; Chinese field names and text; numbers as numbers`, async () => {
      const { r } = await roundTrip(SAMPLE, 'shp', datum);
      expect(r.format).toBe('shapefile');
      expect(r.datum).toBe(IMPORT_CRS[datum]);
      expect(r.fc.features).toHaveLength(SAMPLE.length);
      const back = byId(r.fc.features);
      for (const f of SAMPLE) {
        const b = back.get(String(f.properties!.id))!;
        expect(b, String(f.properties!.id)).toBeTruthy();
        expectSameGeometry(f.geometry, b.geometry, `${datum} ${f.properties!.id}`);
        // a dBASE text field has no null: an empty text is a blank field, read back as null
        for (const k of KEYS) expect(b.properties![k], `${f.properties!.id}.${k}`).toEqual(f.properties![k] === '' ? null : f.properties![k]);
      }
    });

    it(`KML (menu datum ${datum}; KML is always WGS84): every geometry, properties as ExtendedData`, async () => {
      const { file, r } = await roundTrip(SAMPLE, 'kml', datum);
      expect(file.name).not.toMatch(/gcj02|cgcs2000/);
      expect(r.format).toBe('kml');
      expect(r.fc.features).toHaveLength(SAMPLE.length);
      const back = byId(r.fc.features);
      for (const f of SAMPLE) {
        const b = back.get(String(f.properties!.id))!;
        expect(b, String(f.properties!.id)).toBeTruthy();
        expectSameGeometry(f.geometry, b.geometry, `${datum} ${f.properties!.id}`);
        // the placemark's title is the name in the UI language
        expect(b.properties!.name).toBe(f.properties!.name_zh);
        for (const k of KEYS) expect(String(b.properties![k]), `${f.properties!.id}.${k}`).toBe(String(f.properties![k]));
      }
    });

    it(`CSV of every property (${datum}): each point within 1 cm, every value as text`, async () => {
      const points = SAMPLE.filter((f) => f.geometry.type === 'Point');
      for (const lang of ['zh', 'en'] as const) {
        const { r } = await roundTrip(points, 'csv', datum, { lang });
        expect(r.format).toBe('csv');
        expect(r.fc.features).toHaveLength(points.length);
        const back = byId(r.fc.features);
        for (const f of points) {
          const b = back.get(String(f.properties!.id))!;
          expect(b, `${lang} ${f.properties!.id}`).toBeTruthy();
          expectSameGeometry(f.geometry, b.geometry, `${datum} ${lang} ${f.properties!.id}`);
          // the coordinate columns are the geometry; every other column comes back, as text
          expect({ ...b.properties }).toEqual(Object.fromEntries(KEYS.map((k) => [k, String(f.properties![k])])));
        }
      }
    });

    it(`CSV of plan features (${datum}): translated columns, each point within 1 cm`, async () => {
      const points = SAMPLE.filter((f) => f.geometry.type === 'Point');
      for (const [lang, idCol, nameCol] of [['zh', '编号', '名称'], ['en', 'ID', 'Name (Chinese)']] as const) {
        const { r } = await roundTrip(points, 'csv', datum, { plan: true, lang });
        expect(r.fc.features).toHaveLength(points.length);
        const back = byId(r.fc.features, idCol);
        for (const f of points) {
          const b = back.get(String(f.properties!.id))!;
          expect(b, `${lang} ${f.properties!.id}`).toBeTruthy();
          expectSameGeometry(f.geometry, b.geometry, `${datum} ${lang} ${f.properties!.id}`);
          expect(b.properties![nameCol]).toBe(f.properties!.name_zh);
        }
      }
    });
  }

  it('the real plan features: GeoJSON, Shapefile and KML in every datum, within 1 cm, names intact', async () => {
    const plan = allPlanFeatures().filter((f) => f.geometry && f.geometry.type !== 'GeometryCollection');
    expect(plan.length).toBeGreaterThan(50);
    for (const datum of EXPORT_DATUMS) {
      for (const format of ['geojson', 'shp', 'kml'] as const) {
        const { r } = await roundTrip(plan as Feature[], format, datum, { plan: true });
        expect(r.fc.features, `${format} ${datum}`).toHaveLength(plan.length);
        const back = byId(r.fc.features);
        for (const f of plan) {
          const b = back.get(String(f.properties.id))!;
          expect(b, `${format} ${datum} ${f.properties.id}`).toBeTruthy();
          expectSameGeometry(f.geometry as Geometry, b.geometry, `${format} ${datum} ${f.properties.id}`);
          expect(b.properties!.name_zh).toBe(format === 'geojson' ? f.properties.name_zh : f.properties.name_zh.replace(/\*\*/g, ''));
        }
      }
    }
  }, 60_000);
});
