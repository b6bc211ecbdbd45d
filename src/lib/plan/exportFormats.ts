/**
 * KML and zipped Shapefile exports (pure; loaded on demand with proj4, tokml and fflate).
 *
 * KML (@placemarkio/tokml) is WGS84 lon/lat by definition (OGC KML 2.2); every property becomes
 * ExtendedData, `name` is the UI-language name.
 *
 * Shapefile: one .shp/.shx/.dbf/.prj/.cpg set per geometry kind (points, multipoints, lines, polygons), zipped
 * with fflate. The geometry and DBF writers are ours, on purpose: @mapbox/shp-write 0.4.3 merges
 * all LineStrings into one record, does not orient polygon rings (the shapefile spec wants outer
 * rings clockwise), and its DBF writer (dbf 0.2.0) stores charCodeAt() & 0xFF, which destroys
 * Chinese text. Ours writes one record per feature, clockwise outer / counter-clockwise inner
 * rings, and a UTF-8 DBF with byte-accurate field widths, declared by the .cpg ("UTF-8").
 * Round trip (tests/unit/plan/export-formats.test.ts) is checked with shpjs, an independent reader.
 */
import { toKML } from '@placemarkio/tokml';
import { zipSync, strToU8 } from 'fflate';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { mapGeometry, forward, PRJ, type ExportDatum } from './datums.ts';

const DERIVED = new Set(['also_str', 'chapter']);
const strip = (s: unknown) => (typeof s === 'string' ? s.replace(/\*\*/g, '') : s);

function cleanProps(p: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p ?? {})) if (!DERIVED.has(k)) out[k] = strip(v);
  return out;
}

/** Features as a KML document (WGS84). `name` gives each placemark's title. */
export function toKml(features: Feature[], name: (f: Feature) => string = (f) => String(f.properties?.name_zh ?? f.properties?.name ?? f.id ?? '')): string {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: features.filter((f) => f.geometry).map((f) => ({ type: 'Feature', properties: { ...cleanProps(f.properties as Record<string, unknown>), name: String(strip(name(f))) }, geometry: f.geometry })),
  };
  return toKML(fc as FeatureCollection<Geometry | null>);
}

// ---------------------------------------------------------------- Shapefile

type Kind = 'point' | 'multipoint' | 'line' | 'polygon';
/** Point and MultiPoint features go to shapefiles of their own (1 Point, 8 MultiPoint), so both re-import as they were */
const SHP_TYPE: Record<Kind, number> = { point: 1, multipoint: 8, line: 3, polygon: 5 };

function kindOf(g: Geometry | null): Kind | null {
  if (!g) return null;
  if (g.type === 'Point') return 'point';
  if (g.type === 'MultiPoint') return 'multipoint';
  if (g.type === 'LineString' || g.type === 'MultiLineString') return 'line';
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') return 'polygon';
  return null;
}

/** signed area ×2 of a ring in x/y (positive: counter-clockwise) */
function signedArea(r: Position[]): number {
  let s = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) s += (r[j][0] - r[i][0]) * (r[j][1] + r[i][1]);
  return s;
}
const orient = (r: Position[], clockwise: boolean) => ((signedArea(r) > 0) === clockwise ? [...r].reverse() : r);

/** The parts (arrays of points) of a geometry, shapefile-oriented. */
function parts(g: Geometry): Position[][] {
  switch (g.type) {
    case 'Point':
      return [[g.coordinates]];
    case 'MultiPoint':
      return [g.coordinates];
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    case 'Polygon':
      return g.coordinates.map((r, i) => orient(r, i === 0));
    case 'MultiPolygon':
      return g.coordinates.flatMap((p) => p.map((r, i) => orient(r, i === 0)));
    default:
      return [];
  }
}

function bboxOf(pts: Position[]): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of pts) {
    if (p[0] < x0) x0 = p[0];
    if (p[1] < y0) y0 = p[1];
    if (p[0] > x1) x1 = p[0];
    if (p[1] > y1) y1 = p[1];
  }
  return [x0, y0, x1, y1];
}

function writeShp(kind: Kind, geoms: Geometry[]): { shp: Uint8Array; shx: Uint8Array } {
  const type = SHP_TYPE[kind];
  const recs = geoms.map((g) => parts(g));
  const contentLen = (ps: Position[][]) => {
    const n = ps.reduce((a, p) => a + p.length, 0);
    return type === 1 ? 4 + 16 : type === 8 ? 4 + 32 + 4 + 16 * n : 4 + 32 + 4 + 4 + 4 * ps.length + 16 * n;
  };
  const lens = recs.map(contentLen);
  const shpLen = 100 + lens.reduce((a, l) => a + 8 + l, 0);
  const shp = new DataView(new ArrayBuffer(shpLen));
  const shx = new DataView(new ArrayBuffer(100 + 8 * recs.length));
  const all = bboxOf(recs.flat(2));
  for (const [v, len] of [[shp, shpLen], [shx, 100 + 8 * recs.length]] as const) {
    v.setInt32(0, 9994);
    v.setInt32(24, len / 2);
    v.setInt32(28, 1000, true);
    v.setInt32(32, type, true);
    all.forEach((x, i) => v.setFloat64(36 + 8 * i, recs.length ? x : 0, true));
  }
  let o = 100;
  recs.forEach((ps, i) => {
    shx.setInt32(100 + 8 * i, o / 2);
    shx.setInt32(104 + 8 * i, lens[i] / 2);
    shp.setInt32(o, i + 1);
    shp.setInt32(o + 4, lens[i] / 2);
    let q = o + 8;
    shp.setInt32(q, type, true);
    const pts = ps.flat();
    if (type === 1) {
      shp.setFloat64(q + 4, pts[0][0], true);
      shp.setFloat64(q + 12, pts[0][1], true);
      o += 8 + lens[i];
      return;
    }
    bboxOf(pts).forEach((x, k) => shp.setFloat64(q + 4 + 8 * k, x, true));
    q += 36;
    if (type !== 8) {
      shp.setInt32(q, ps.length, true);
      q += 4;
    }
    shp.setInt32(q, pts.length, true);
    q += 4;
    if (type !== 8) {
      let start = 0;
      for (const p of ps) {
        shp.setInt32(q, start, true);
        q += 4;
        start += p.length;
      }
    }
    for (const p of pts) {
      shp.setFloat64(q, p[0], true);
      shp.setFloat64(q + 8, p[1], true);
      q += 16;
    }
    o += 8 + lens[i];
  });
  return { shp: new Uint8Array(shp.buffer), shx: new Uint8Array(shx.buffer) };
}

const enc = new TextEncoder();

/** DBF field names: ASCII, ≤ 10 bytes, unique (Chinese names get a pinyin-free fallback f1…). */
export function dbfFieldNames(keys: string[]): string[] {
  const used = new Set<string>();
  return keys.map((k, i) => {
    let n = /^[A-Za-z][A-Za-z0-9_]*$/.test(k) ? k.slice(0, 10) : `f${i + 1}`;
    let j = 1;
    while (used.has(n.toUpperCase())) n = `${n.slice(0, 10 - String(j).length - 1)}_${j++}`;
    used.add(n.toUpperCase());
    return n;
  });
}

/** A dBase III table in UTF-8: numbers as N (when a column holds only finite numbers), else C. */
export function writeDbf(rows: Record<string, unknown>[], keys: string[], names = dbfFieldNames(keys)): Uint8Array {
  const cols = keys.map((k, i) => {
    const vals = rows.map((r) => r[k]);
    const numeric = vals.every((v) => v === null || v === undefined || (typeof v === 'number' && Number.isFinite(v))) && vals.some((v) => typeof v === 'number');
    const text = vals.map((v) => (v === null || v === undefined ? '' : numeric ? String(v) : typeof v === 'object' ? JSON.stringify(v) : String(v)));
    const bytes = text.map((t) => enc.encode(t));
    // C fields hold at most 254 bytes; longer text is cut at a character boundary
    const width = Math.max(1, Math.min(254, Math.max(...bytes.map((b) => b.length), 1)));
    const dec = numeric ? Math.min(15, Math.max(0, ...text.map((t) => (t.includes('.') ? t.split('.')[1].length : 0)))) : 0;
    return { name: names[i], type: numeric ? 'N' : 'C', width: numeric ? Math.min(254, Math.max(width, 1)) : width, dec, bytes };
  });
  const recLen = 1 + cols.reduce((a, c) => a + c.width, 0);
  const headLen = 32 + 32 * cols.length + 1;
  const out = new Uint8Array(headLen + recLen * rows.length + 1);
  const v = new DataView(out.buffer);
  const now = new Date();
  out[0] = 0x03;
  out[1] = now.getUTCFullYear() - 1900;
  out[2] = now.getUTCMonth() + 1;
  out[3] = now.getUTCDate();
  v.setUint32(4, rows.length, true);
  v.setUint16(8, headLen, true);
  v.setUint16(10, recLen, true);
  out[29] = 0x00; // language driver: none; the .cpg says UTF-8
  cols.forEach((c, i) => {
    const h = 32 + 32 * i;
    out.set(enc.encode(c.name), h);
    out[h + 11] = c.type.charCodeAt(0);
    out[h + 16] = c.width;
    out[h + 17] = c.dec;
  });
  out[headLen - 1] = 0x0d;
  let o = headLen;
  for (let r = 0; r < rows.length; r++) {
    out[o++] = 0x20;
    for (const c of cols) {
      let b = c.bytes[r];
      if (b.length > c.width) {
        // cut at a UTF-8 character boundary
        let n = c.width;
        while (n > 0 && (b[n] & 0xc0) === 0x80) n--;
        b = b.slice(0, n);
      }
      out.fill(0x20, o, o + c.width);
      if (c.type === 'N') out.set(b, o + c.width - b.length);
      else out.set(b, o);
      o += c.width;
    }
  }
  out[o] = 0x1a;
  return out;
}

/**
 * Features as a zipped Shapefile in the chosen datum: `<stem>_points|multipoints|lines|polygons.{shp,shx,dbf,prj,cpg}`.
 * Properties are kept (internal keys dropped); `fields.txt` maps DBF field names to the original
 * (Chinese or long) property names, since DBF names are limited to 10 ASCII bytes.
 */
export function toShapefileZip(features: Feature[], datum: ExportDatum = 'wgs84', stem = 'yuecheng'): Uint8Array {
  const f = forward(datum);
  const groups: Record<Kind, Feature[]> = { point: [], multipoint: [], line: [], polygon: [] };
  for (const x of features) {
    const k = kindOf(x.geometry);
    if (k) groups[k].push(x);
  }
  const files: Record<string, Uint8Array> = {};
  const map: string[] = [];
  for (const k of ['point', 'multipoint', 'line', 'polygon'] as Kind[]) {
    const fs = groups[k];
    if (!fs.length) continue;
    const name = `${stem}_${k}s`;
    const { shp, shx } = writeShp(k, fs.map((x) => mapGeometry(x.geometry, f)!));
    const rows = fs.map((x) => cleanProps(x.properties as Record<string, unknown>));
    const keys: string[] = [];
    for (const r of rows) for (const key of Object.keys(r)) if (!keys.includes(key)) keys.push(key);
    const names = dbfFieldNames(keys);
    files[`${name}.shp`] = shp;
    files[`${name}.shx`] = shx;
    files[`${name}.dbf`] = writeDbf(rows, keys, names);
    files[`${name}.prj`] = strToU8(PRJ[datum]);
    files[`${name}.cpg`] = strToU8('UTF-8');
    keys.forEach((key, i) => names[i] !== key && map.push(`${name}.dbf\t${names[i]}\t${key}`));
  }
  if (map.length) files['fields.txt'] = strToU8(`dbf\tfield\tproperty\n${map.join('\n')}\n`);
  return zipSync(files, { level: 6 });
}
