/**
 * Importing the user's own data: GeoJSON, or CSV with lon/lat (经度/纬度) columns, in UTF-8 or GBK,
 * in a declared datum (WGS84, GCJ-02 or BD-09) converted to WGS84 with gcoord.
 *
 * Pure: no DOM, no map. Every input ends in a result object, never a throw:
 *   { ok: true, fc, warnings, ... } | { ok: false, kind, message_zh, message_en, problems }
 * Each failure has its own `kind` (see IMPORT_ERROR_KINDS) and a message naming the first problems
 * by feature index (features[i]) or CSV line number (the header is line 1).
 *
 * Order of checks: size → empty → binary/unknown format → encoding → (GeoJSON) nesting depth →
 * JSON syntax → GeoJSON type → vertex count → structure and numbers (own checks, then
 * geojson-validation) → coordinate ranges (projected? lat/lon swapped?) → property sizes → datum
 * conversion → China / Shaoxing range.
 */
import gcoord from 'gcoord';
import Papa from 'papaparse';
import { parse as parseWkt } from 'wellknown';
import { isFeatureCollection } from 'geojson-validation';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { crsFromMagnitudes, crsLabel, epsgOf, gkToLonLat, isProjected, type Crs, type Detected } from '../import/crs.ts';

/** The longitude/latitude systems offered as radio buttons; projected zones are chosen from a list. */
export const DATUMS = ['wgs84', 'gcj02', 'bd09', 'cgcs2000'] as const;
/** Any system the importer converts from: lon/lat datums or a CGCS2000 Gauss–Krüger zone (`epsg:4549`). */
export type Datum = Crs;

export const DATUM_LABELS: Record<(typeof DATUMS)[number], { zh: string; en: string }> = {
  wgs84: { zh: 'WGS84（GPS、天地图、OpenStreetMap）', en: 'WGS84 (GPS, Tianditu, OpenStreetMap)' },
  gcj02: { zh: 'GCJ-02（高德、腾讯、谷歌中国）', en: 'GCJ-02 (Amap/Gaode, Tencent, Google China)' },
  bd09: { zh: 'BD-09（百度）', en: 'BD-09 (Baidu)' },
  cgcs2000: { zh: 'CGCS2000 经纬度（EPSG:4490）', en: 'CGCS2000 longitude/latitude (EPSG:4490)' },
};

export const isDatum = (d: unknown): d is Datum => typeof d === 'string' && ((DATUMS as readonly string[]).includes(d) || isProjected(d));

export const IMPORT_ERROR_KINDS = [
  'too-large',
  'empty',
  'unsupported-format',
  'not-json',
  'too-deep',
  'not-geojson',
  'too-many-vertices',
  'bad-geometry',
  'bad-coordinates',
  'wrong-datum-range',
  'property-too-large',
  'csv-syntax',
  'csv-no-coordinate-columns',
  'too-many-rows',
  'bad-archive',
  'unsupported-crs',
  'worker-failed',
  'cancelled',
] as const;
export type ImportErrorKind = (typeof IMPORT_ERROR_KINDS)[number];

export const LIMITS = {
  /** files larger than this are refused before reading */
  maxBytes: 50 * 1024 * 1024,
  /** positions in the whole file */
  maxVertices: 1_000_000,
  /** bracket depth of the JSON text ({ and [); a MultiPolygon collection needs 8 */
  maxDepth: 32,
  /** characters of one property value (strings; other values as JSON) */
  maxPropertyChars: 20_000,
  /** properties of one feature (or columns of a CSV) */
  maxProperties: 500,
  /** problems named in the message */
  listed: 5,
  /** problems kept in the result */
  kept: 100,
  /** rows of a table (CSV, TSV, Excel), counted before parsing */
  maxRows: 500_000,
};

/** Generous boxes: China (where GCJ-02/BD-09 exist) and the Shaoxing area (≈ 200 km around). */
export const CHINA_BOX: [number, number, number, number] = [73, 3, 136, 54];
export const SHAOXING_BOX: [number, number, number, number] = [118.5, 28.5, 122.7, 31.6];

export interface ImportProblem {
  kind: ImportErrorKind;
  /** index in `features` (GeoJSON), or null */
  feature: number | null;
  /** 1-based line of the file (CSV; the header is line 1), or null */
  line: number | null;
  message_zh: string;
  message_en: string;
}

export interface ImportWarning {
  code:
    | 'gbk'
    | 'datum-converted'
    | 'no-geometry-skipped'
    | 'empty-geometry-skipped'
    | 'properties-added'
    | 'crs-ignored'
    | 'extra-cells-ignored'
    | 'rows-skipped'
    | 'several-layers'
    | 'sheet';
  message_zh: string;
  message_en: string;
}

export interface ImportSuccess {
  ok: true;
  fc: FeatureCollection;
  warnings: ImportWarning[];
  format: ImportFormat;
  encoding: 'utf-8' | 'gbk';
  datum: Datum;
  vertices: number;
  /** rows read and rows imported (tables only) */
  rows?: { read: number; imported: number };
  /** the coordinate system suggested by the file (a .prj, or the coordinate magnitudes) */
  detected?: Detected | null;
}

export type ImportFormat = 'geojson' | 'csv' | 'shapefile' | 'kml' | 'kmz' | 'gpx' | 'xlsx';

export interface ImportFailure {
  ok: false;
  kind: ImportErrorKind;
  message_zh: string;
  message_en: string;
  problems: ImportProblem[];
  /** when the coordinates did not fit the declared system: what the file itself suggests */
  detected?: Detected | null;
}

export type ImportResult = ImportSuccess | ImportFailure;

export interface ImportOptions {
  /** the file name (its extension picks the format; without one the content is sniffed) */
  name?: string;
  datum?: Datum;
  /** force the format instead of detecting it */
  format?: 'geojson' | 'csv';
  /** progress, 0–1, of the slow steps */
  progress?: (stage: string, done: number) => void;
}

// ---------------------------------------------------------------------------------------------
// messages

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const fmt = (n: number) => n.toLocaleString('en-US');

const HEADLINES: Record<ImportErrorKind, (v: Record<string, string>) => { zh: string; en: string }> = {
  'too-large': (v) => ({ zh: `文件过大（${v.size}），上限为 50 MB。`, en: `The file is too large (${v.size}); the limit is 50 MB.` }),
  empty: () => ({ zh: '文件是空的，或不含任何可显示的要素。', en: 'The file is empty or has no features to show.' }),
  'unsupported-format': (v) => ({
    zh: `无法识别的文件格式${v.hint ? `（${v.hint_zh}）` : ''}：支持 GeoJSON、CSV/TSV、Excel（.xlsx）、打包的 Shapefile（.zip）、KML、KMZ 和 GPX。`,
    en: `Unrecognised file format${v.hint ? ` (${v.hint})` : ''}: use GeoJSON, CSV/TSV, Excel (.xlsx), a zipped Shapefile (.zip), KML, KMZ or GPX.`,
  }),
  'not-json': (v) => ({ zh: `不是有效的 JSON：${v.detail}`, en: `Not valid JSON: ${v.detail}` }),
  'too-deep': () => ({ zh: `JSON 嵌套过深（超过 ${LIMITS.maxDepth} 层），已拒绝。`, en: `The JSON is nested too deeply (more than ${LIMITS.maxDepth} levels); refused.` }),
  'not-geojson': (v) => ({
    zh: `这是 JSON，但不是 GeoJSON：需要 FeatureCollection、Feature 或几何对象${v.hint_zh ? `（${v.hint_zh}）` : ''}。`,
    en: `This is JSON but not GeoJSON: expected a FeatureCollection, a Feature or a geometry${v.hint ? ` (${v.hint})` : ''}.`,
  }),
  'too-many-vertices': (v) => ({ zh: `顶点过多（${v.n} 个以上），上限为 ${fmt(LIMITS.maxVertices)} 个。`, en: `Too many vertices (more than ${v.n}); the limit is ${fmt(LIMITS.maxVertices)}.` }),
  'bad-geometry': () => ({ zh: '几何结构有误：', en: 'Invalid geometry:' }),
  'bad-coordinates': () => ({ zh: '坐标无效：', en: 'Invalid coordinates:' }),
  'wrong-datum-range': (v) => ({
    zh: `坐标不在预期范围内（所选坐标系：${v.datum}）：`,
    en: `Coordinates are outside the expected area (declared datum: ${v.datum}):`,
  }),
  'property-too-large': () => ({ zh: '属性过大：', en: 'Properties too large:' }),
  'csv-syntax': () => ({ zh: 'CSV 格式有误：', en: 'CSV syntax error:' }),
  'csv-no-coordinate-columns': (v) => ({
    zh: `表格中找不到坐标列（需要 lon/lat、lng、longitude/latitude、经度/纬度、东坐标/北坐标、x/y，或一列 WKT，或一列“经度,纬度”形式的坐标）。表头为：${v.header}`,
    en: `No coordinate columns in the table (expected lon/lat, lng, longitude/latitude, 经度/纬度, easting/northing or x/y, a WKT column, or one "lon,lat" column such as 坐标). The header is: ${v.header}`,
  }),
  'too-many-rows': (v) => ({
    zh: `表格约有 ${v.n} 行，超过浏览器中可导入的上限 ${fmt(LIMITS.maxRows)} 行，未读取。请按区域或类别拆分为几个文件分别导入，或只保留经度、纬度和一两列属性后导出为 GeoJSON 再导入。`,
    en: `The table has about ${v.n} rows, more than the ${fmt(LIMITS.maxRows)} rows the browser can import; it was not read. Split it into several files (by area or category) and import them one by one, or keep only longitude, latitude and one or two columns.`,
  }),
  'bad-archive': (v) => ({ zh: `压缩包无法读取：${v.detail_zh}`, en: `The archive cannot be read: ${v.detail}` }),
  'unsupported-crs': (v) => ({
    zh: `不支持的坐标系 ${v.name}：请在 GIS 软件中转换为 CGCS2000 或 WGS84 后再导入（西安 80、北京 54 需要本地转换参数）。`,
    en: `Unsupported coordinate system ${v.name}: convert it to CGCS2000 or WGS84 in a GIS first (Xi'an 1980 and Beijing 1954 need local transformation parameters).`,
  }),
  'worker-failed': (v) => ({
    zh: `读取文件的后台进程意外终止（${v.detail_zh}），可能是文件过大、内存不足。已加载的图层不受影响。`,
    en: `The background reader stopped unexpectedly (${v.detail}), probably out of memory on a very large file. The layers already loaded are unaffected.`,
  }),
  cancelled: () => ({ zh: '导入已取消，已加载的图层不受影响。', en: 'Import cancelled; the layers already loaded are unaffected.' }),
};

const DATUM_SHORT = (d: Datum) => crsLabel(d, 'en');

function whereZh(p: ImportProblem) {
  return p.line !== null ? `第 ${p.line} 行` : p.feature !== null ? `第 ${p.feature + 1} 个要素（features[${p.feature}]）` : '';
}
function whereEn(p: ImportProblem) {
  return p.line !== null ? `line ${p.line}` : p.feature !== null ? `features[${p.feature}]` : '';
}

/** Build a failure: the headline plus the first problems, each with where it is. */
export function failure(kind: ImportErrorKind, problems: ImportProblem[] = [], vars: Record<string, string> = {}, total = problems.length): ImportFailure {
  const h = HEADLINES[kind](vars);
  const shown = problems.slice(0, LIMITS.listed);
  const more = total - shown.length;
  const zh = shown.map((p) => `${whereZh(p)}${whereZh(p) ? '：' : ''}${p.message_zh}`).join('；');
  const en = shown.map((p) => `${whereEn(p)}${whereEn(p) ? ': ' : ''}${p.message_en}`).join('; ');
  return {
    ok: false,
    kind,
    message_zh: [h.zh, zh, more > 0 ? `（另有 ${fmt(more)} 处问题）` : ''].filter(Boolean).join(' '),
    message_en: [h.en, en, more > 0 ? `(and ${fmt(more)} more)` : ''].filter(Boolean).join(' '),
    problems: problems.slice(0, LIMITS.kept),
  };
}

/** Collects problems, keeping the first LIMITS.kept but counting all. */
class Problems {
  list: ImportProblem[] = [];
  total = 0;
  add(kind: ImportErrorKind, where: { feature?: number | null; line?: number | null }, zh: string, en: string) {
    this.total++;
    if (this.list.length < LIMITS.kept) this.list.push({ kind, feature: where.feature ?? null, line: where.line ?? null, message_zh: zh, message_en: en });
  }
  get any() {
    return this.total > 0;
  }
  has(kind: ImportErrorKind) {
    return this.list.some((p) => p.kind === kind);
  }
  /** The failure: the first kind in priority order among the problems. */
  fail(order: ImportErrorKind[], vars: Record<string, string> = {}): ImportFailure {
    const kind = order.find((k) => this.has(k)) ?? this.list[0].kind;
    // problems of the chosen kind first, then the rest
    const sorted = [...this.list.filter((p) => p.kind === kind), ...this.list.filter((p) => p.kind !== kind)];
    return failure(kind, sorted, vars, this.total);
  }
}

// ---------------------------------------------------------------------------------------------
// bytes → text

/** Refuse a file by its size before reading it. */
export function checkFileSize(bytes: number): ImportFailure | null {
  if (bytes > LIMITS.maxBytes) return failure('too-large', [], { size: mb(bytes) });
  if (bytes === 0) return failure('empty');
  return null;
}

/**
 * Decode: a UTF-8 BOM (EF BB BF) is stripped from the bytes first; then UTF-8 (strict), else GBK
 * on the bytes after the BOM (so a BOM in front of GBK text never turns into 锘).
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  let text: string;
  let encoding: 'utf-8' | 'gbk' = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gbk').decode(bytes);
    encoding = 'gbk';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}

/** A quick look for binary content (zip, xlsx, shapefile, images): NUL bytes or a known magic. */
export function binaryKind(bytes: Uint8Array): string | null {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'zip/xlsx/kmz';
  if (b.length >= 4 && b[0] === 0x00 && b[1] === 0x00 && b[2] === 0x27 && b[3] === 0x0a) return 'shapefile';
  if (b.length >= 4 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'PNG';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'JPEG';
  if (b.length >= 4 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'PDF';
  const n = Math.min(b.length, 8192);
  for (let i = 0; i < n; i++) if (b[i] === 0) return 'binary';
  return null;
}

const HINT_ZH: Record<string, string> = {
  'zip/xlsx/kmz': '压缩包、Excel 或 KMZ，请使用其真实扩展名（.zip、.xlsx、.kmz）',
  shapefile: '单独的 .shp 文件，请将 .shp、.shx、.dbf、.prj 一起打包为 .zip',
  PNG: '图片',
  JPEG: '图片',
  PDF: 'PDF 文档',
  binary: '二进制文件',
  kml: 'KML，请先转换为 GeoJSON',
  gpx: 'GPX，请先转换为 GeoJSON',
  xml: 'XML',
  text: '文本既不像 JSON 也不像 CSV',
};
const HINT_EN: Record<string, string> = {
  'zip/xlsx/kmz': 'a zip, Excel or KMZ file; give it its real extension (.zip, .xlsx, .kmz)',
  shapefile: 'a bare .shp; zip it together with its .shx, .dbf and .prj',
  binary: 'a binary file',
  kml: 'KML; convert it to GeoJSON first',
  gpx: 'GPX; convert it to GeoJSON first',
  xml: 'XML',
  text: 'the text looks like neither JSON nor CSV',
};
const unsupported = (hint: string) => failure('unsupported-format', [], { hint: HINT_EN[hint] ?? hint, hint_zh: HINT_ZH[hint] ?? hint });

/** The format, from the file extension, else from the content. */
export function detectFormat(name: string, text: string): 'geojson' | 'csv' | { unsupported: string } {
  const ext = /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase() ?? '';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  if (ext === 'kml' || ext === 'gpx') return { unsupported: ext };
  const head = text.trimStart().slice(0, 200);
  if (head.startsWith('{') || head.startsWith('[')) return 'geojson';
  if (head.startsWith('<')) return { unsupported: /<kml/i.test(head) ? 'kml' : /<gpx/i.test(head) ? 'gpx' : 'xml' };
  const first = head.split(/\r?\n/)[0];
  if (/[,\t;，]/.test(first)) return 'csv';
  return { unsupported: 'text' };
}

// ---------------------------------------------------------------------------------------------
// coordinates

/** Convert one [lon, lat] from the declared datum to WGS84 (extra elements kept). */
export function toWgs84(p: Position, datum: Datum): Position {
  if (datum === 'wgs84' || datum === 'cgcs2000') return p;
  if (isProjected(datum)) {
    const [x, y] = gkToLonLat(epsgOf(datum))(p[0], p[1]);
    return p.length > 2 ? [x, y, ...p.slice(2)] : [x, y];
  }
  // gcoord's inverse is approximate (off by up to ~10 cm near Shaoxing): refine it until the forward
  // transform of the result gives back the input within 1e-9° (0.1 mm), so our own GCJ-02/BD-09
  // exports re-import within 1 cm
  const from = datum === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  let [x, y] = gcoord.transform([p[0], p[1]] as [number, number], from, gcoord.WGS84) as [number, number];
  for (let i = 0; i < 5; i++) {
    const [fx, fy] = gcoord.transform([x, y], gcoord.WGS84, from) as [number, number];
    const dx = p[0] - fx;
    const dy = p[1] - fy;
    if (Math.abs(dx) < 1e-9 && Math.abs(dy) < 1e-9) break;
    x += dx;
    y += dy;
  }
  return p.length > 2 ? [x, y, ...p.slice(2)] : [x, y];
}

const inBox = (x: number, y: number, b: readonly number[]) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];

/** Position check: an array of 2–3 finite numbers. Returns a problem (zh, en) or null. */
function positionProblem(p: unknown): [ImportErrorKind, string, string] | null {
  if (!Array.isArray(p)) return ['bad-geometry', `坐标位置应为数组，实为 ${short(p)}`, `a position must be an array, got ${short(p)}`];
  if (p.length < 2) return ['bad-geometry', `坐标位置至少需要经度和纬度两个数，实为 ${short(p)}`, `a position needs at least longitude and latitude, got ${short(p)}`];
  if (p.length > 3) return ['bad-geometry', `坐标位置最多 3 个数（经度、纬度、高程），实为 ${p.length} 个`, `a position has at most 3 numbers (lon, lat, elevation), got ${p.length}`];
  for (const v of p) {
    if (typeof v !== 'number') return ['bad-coordinates', `坐标不是数字：${short(p)}`, `a coordinate is not a number: ${short(p)}`];
    if (!Number.isFinite(v)) return ['bad-coordinates', `坐标不是有限数：${short(p)}`, `a coordinate is not a finite number: ${short(p)}`];
  }
  return null;
}

function short(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x)) ?? String(v));
  } catch {
    s = String(v);
  }
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];

interface Walk {
  vertices: number;
  problems: Problems;
}

/** Structural checks of one geometry: types, nesting, positions, min positions, ring closure. */
function checkGeometry(g: unknown, feature: number, w: Walk, nested = 0): void {
  const bad = (zh: string, en: string) => w.problems.add('bad-geometry', { feature }, zh, en);
  if (g === null || typeof g !== 'object' || Array.isArray(g)) return bad(`几何对象无效：${short(g)}`, `the geometry is not an object: ${short(g)}`);
  const geom = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (typeof geom.type !== 'string' || !GEOMETRY_TYPES.includes(geom.type))
    return bad(`未知的几何类型 ${short(geom.type)}`, `unknown geometry type ${short(geom.type)}`);
  if (geom.type === 'GeometryCollection') {
    if (!Array.isArray(geom.geometries)) return bad('GeometryCollection 缺少 geometries 数组', 'a GeometryCollection needs a "geometries" array');
    if (nested > 0) return bad('不支持嵌套的 GeometryCollection', 'nested GeometryCollections are not supported');
    for (const x of geom.geometries) checkGeometry(x, feature, w, nested + 1);
    return;
  }
  const c = geom.coordinates;
  const pos = (p: unknown): boolean => {
    w.vertices++;
    const pr = positionProblem(p);
    if (pr) w.problems.add(pr[0], { feature }, pr[1], pr[2]);
    return !pr;
  };
  const arr = (x: unknown, what_zh: string, what_en: string): x is unknown[] => {
    if (Array.isArray(x)) return true;
    bad(`${what_zh}应为数组，实为 ${short(x)}`, `${what_en} must be an array, got ${short(x)}`);
    return false;
  };
  const line = (l: unknown, min: number): void => {
    if (!arr(l, '线的坐标', 'line coordinates')) return;
    let ok = true;
    for (const p of l) ok = pos(p) && ok;
    if (l.length < min) bad(`线至少需要 ${min} 个点，实为 ${l.length} 个`, `a line needs at least ${min} positions, got ${l.length}`);
    void ok;
  };
  const ring = (r: unknown): void => {
    if (!arr(r, '环的坐标', 'ring coordinates')) return;
    let ok = true;
    for (const p of r) ok = pos(p) && ok;
    if (r.length < 4) return bad(`多边形的环至少需要 4 个点（首尾相同），实为 ${r.length} 个`, `a polygon ring needs at least 4 positions (first = last), got ${r.length}`);
    if (ok) {
      const a = r[0] as number[];
      const b = r[r.length - 1] as number[];
      if (a[0] !== b[0] || a[1] !== b[1]) bad(`多边形的环未闭合：首点 ${short(a)} ≠ 尾点 ${short(b)}`, `a polygon ring is not closed: first ${short(a)} ≠ last ${short(b)}`);
    }
  };
  const polygon = (p: unknown): void => {
    if (!arr(p, '多边形的坐标', 'polygon coordinates')) return;
    if (p.length === 0) return bad('多边形没有环', 'a polygon has no rings');
    for (const r of p) ring(r);
  };
  if (c === undefined) return bad(`${geom.type} 缺少 coordinates`, `${geom.type} has no "coordinates"`);
  switch (geom.type) {
    case 'Point':
      pos(c);
      return;
    case 'MultiPoint':
      if (arr(c, 'MultiPoint 的坐标', 'MultiPoint coordinates')) for (const p of c) pos(p);
      return;
    case 'LineString':
      return line(c, 2);
    case 'MultiLineString':
      if (arr(c, 'MultiLineString 的坐标', 'MultiLineString coordinates')) for (const l of c) line(l, 2);
      return;
    case 'Polygon':
      return polygon(c);
    case 'MultiPolygon':
      if (arr(c, 'MultiPolygon 的坐标', 'MultiPolygon coordinates')) for (const p of c) polygon(p);
      return;
  }
}

/** Count positions without validating (to refuse huge files before the detailed walk). */
function countPositions(g: unknown, limit: number, acc = { n: 0 }): number {
  if (acc.n > limit || !g || typeof g !== 'object') return acc.n;
  const geom = g as { coordinates?: unknown; geometries?: unknown };
  if (Array.isArray(geom.geometries)) for (const x of geom.geometries) countPositions(x, limit, acc);
  const walk = (c: unknown): void => {
    if (acc.n > limit || !Array.isArray(c)) return;
    if (c.length === 0 || !Array.isArray(c[0])) {
      acc.n++;
      return;
    }
    for (const x of c) walk(x);
  };
  walk(geom.coordinates);
  return acc.n;
}

/** Every position of a (valid) geometry, mutably mapped. */
function mapPositions(g: Geometry, fn: (p: Position) => Position): Geometry {
  const m1 = (c: Position[]) => c.map(fn);
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: fn(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: m1(g.coordinates) } as Geometry;
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map(m1) } as Geometry;
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map(m1)) };
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((x) => mapPositions(x, fn)) };
  }
}

function forEachPosition(g: Geometry, fn: (p: Position) => void): void {
  mapPositions(g, (p) => (fn(p), p));
}

type Located = { geometry: Geometry; feature: number | null; line: number | null };

/** A sample of raw positions (for guessing the system from magnitudes). */
function samplePositions(geoms: Located[], max = 2000): [number, number][] {
  const out: [number, number][] = [];
  const step = Math.max(1, Math.floor(geoms.length / max));
  for (let i = 0; i < geoms.length && out.length < max; i += step) {
    forEachPosition(geoms[i].geometry, (p) => {
      if (out.length < max && typeof p[0] === 'number' && typeof p[1] === 'number') out.push([p[0], p[1]]);
    });
  }
  return out;
}

/** checkRanges, and on failure what the magnitudes suggest instead. */
function rangesOrDetect(geoms: Located[], datum: Datum): ReturnType<typeof checkRanges> {
  const r = checkRanges(geoms, datum);
  if ('fail' in r) {
    const d = crsFromMagnitudes(samplePositions(geoms));
    if (d && d.crs !== datum) {
      r.fail.detected = d;
      r.fail.message_zh += ` 坐标看起来是 ${crsLabel(d.crs, 'zh')}：${d.zh}。请选择该坐标系后重新导入。`;
      r.fail.message_en += ` The coordinates look like ${crsLabel(d.crs, 'en')}: ${d.en}. Choose it and import again.`;
    }
  }
  return r;
}

/**
 * Ranges of the raw positions (projected metres? lat/lon swapped? out of ±180/±90?), then of the
 * converted ones (in China? near Shaoxing?). Each geometry carries where it came from.
 */
function checkRanges(
  geoms: Located[],
  datum: Datum,
): { problems: Problems; converted: Geometry[] } | { fail: ImportFailure } {
  const problems = new Problems();
  const vars = { datum: DATUM_SHORT(datum) };
  // 0. a projected system: every position from metres to lon/lat first, then the checks below
  if (isProjected(datum)) {
    const conv = gkToLonLat(epsgOf(datum));
    let lonLatLike = 0;
    let n = 0;
    let firstWhere: { feature: number | null; line: number | null } | null = null;
    geoms = geoms.map((g) => ({
      ...g,
      geometry: mapPositions(g.geometry, (p) => {
        n++;
        if (Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90) {
          lonLatLike++;
          firstWhere ??= { feature: g.feature, line: g.line };
        }
        const [x, y] = conv(p[0], p[1]);
        return p.length > 2 ? [x, y, ...p.slice(2)] : [x, y];
      }),
    }));
    if (lonLatLike > 0) {
      const f = failure('wrong-datum-range', [
        {
          kind: 'wrong-datum-range',
          feature: firstWhere!.feature,
          line: firstWhere!.line,
          message_zh: `${fmt(lonLatLike)} / ${fmt(n)} 个坐标是经纬度而非以米为单位的投影坐标，请选择 WGS84 或 CGCS2000 经纬度`,
          message_en: `${fmt(lonLatLike)} of ${fmt(n)} coordinates are longitude/latitude, not projected metres; choose WGS84 or CGCS2000 geographic`,
        },
      ], vars);
      return { fail: f };
    }
    const r = checkRanges(geoms, 'cgcs2000');
    if ('fail' in r) {
      const f = r.fail;
      const hint_zh = `（所选坐标系：${crsLabel(datum, 'zh')}；换算结果不在预期范围，请检查带号或中央经线）`;
      const hint_en = ` (declared: ${crsLabel(datum, 'en')}; the converted positions are off: check the zone or central meridian)`;
      return { fail: { ...f, message_zh: f.message_zh + hint_zh, message_en: f.message_en + hint_en } };
    }
    return r;
  }
  // 1. raw ranges: projected metres? swapped? plain out of range?
  let outOfRange = 0;
  let swappedFits = 0;
  let projected = 0;
  let total = 0;
  for (const { geometry, feature, line } of geoms) {
    forEachPosition(geometry, (p) => {
      total++;
      const [x, y] = p;
      if (Math.abs(x) > 180 || Math.abs(y) > 90) {
        outOfRange++;
        if (Math.abs(x) > 1000 || Math.abs(y) > 1000) projected++;
        if (inBox(y, x, CHINA_BOX)) swappedFits++;
        problems.add('bad-coordinates', { feature, line }, `经度须在 ±180、纬度须在 ±90 之内，实为 ${short([x, y])}`, `longitude must be within ±180 and latitude within ±90, got ${short([x, y])}`);
      }
    });
  }
  if (outOfRange) {
    if (swappedFits === outOfRange) {
      const p = new Problems();
      for (const q of problems.list) p.add('wrong-datum-range', q, `${q.message_zh}；经纬度似乎写反了（应为 经度, 纬度）`, `${q.message_en}; latitude and longitude seem swapped (expected lon, lat)`);
      p.total = problems.total;
      return { fail: p.fail(['wrong-datum-range'], vars) };
    }
    if (projected === outOfRange) {
      const p = new Problems();
      for (const q of problems.list)
        p.add('bad-coordinates', q, `${q.message_zh}；这看起来是以米为单位的投影坐标，请选择对应的 CGCS2000 高斯–克吕格投影带`, `${q.message_en}; these look like projected coordinates in metres; choose the CGCS2000 Gauss–Krüger zone they are in`);
      p.total = problems.total;
      return { fail: p.fail(['bad-coordinates']) };
    }
    return { fail: problems.fail(['bad-coordinates']) };
  }
  // all in range; swapped within range (e.g. [30, 120] is in range only as lat=120 → caught above)
  // 2. convert and check that the data is in China and near Shaoxing
  const converted: Geometry[] = [];
  const far = new Problems();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let swappedChina = 0;
  for (const { geometry, feature, line } of geoms) {
    const g = mapPositions(geometry, (p) => {
      const q = toWgs84(p, datum);
      const [x, y] = q;
      if (!Number.isFinite(x) || !Number.isFinite(y) || !inBox(x, y, CHINA_BOX)) {
        if (inBox(p[1], p[0], CHINA_BOX)) swappedChina++;
        far.add('wrong-datum-range', { feature, line }, `${short([p[0], p[1]])} 不在中国范围内`, `${short([p[0], p[1]])} is not in China`);
      }
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
      return q;
    });
    converted.push(g);
  }
  if (far.any) {
    if (swappedChina === far.total) {
      const p = new Problems();
      for (const q of far.list) p.add('wrong-datum-range', q, `${q.message_zh}；经纬度似乎写反了（应为 经度, 纬度）`, `${q.message_en}; latitude and longitude seem swapped (expected lon, lat)`);
      p.total = far.total;
      return { fail: p.fail(['wrong-datum-range'], vars) };
    }
    return { fail: far.fail(['wrong-datum-range'], vars) };
  }
  if (total > 0 && !(minX <= SHAOXING_BOX[2] && maxX >= SHAOXING_BOX[0] && minY <= SHAOXING_BOX[3] && maxY >= SHAOXING_BOX[1])) {
    const box = `[${minX.toFixed(3)}, ${minY.toFixed(3)}] – [${maxX.toFixed(3)}, ${maxY.toFixed(3)}]`;
    return {
      fail: failure('wrong-datum-range', [
        {
          kind: 'wrong-datum-range',
          feature: null,
          line: null,
          message_zh: `数据范围 ${box} 距绍兴越城区 200 公里以上，请检查坐标或所选坐标系`,
          message_en: `the data spans ${box}, more than 200 km from Yuecheng (Shaoxing); check the coordinates or the declared datum`,
        },
      ], vars),
    };
  }
  return { problems, converted };
}

/** Property sizes: number of keys, length of each value. */
function checkProperties(props: Record<string, unknown>, where: { feature?: number; line?: number }, problems: Problems): void {
  const keys = Object.keys(props);
  if (keys.length > LIMITS.maxProperties)
    problems.add('property-too-large', where, `属性个数 ${keys.length} 超过上限 ${LIMITS.maxProperties}`, `${keys.length} properties exceed the limit of ${LIMITS.maxProperties}`);
  for (const k of keys) {
    if (k.length > 200) {
      problems.add('property-too-large', where, `属性名过长（${k.length} 个字符）`, `a property name is too long (${k.length} characters)`);
      continue;
    }
    const v = props[k];
    let n = 0;
    if (typeof v === 'string') n = v.length;
    else if (v !== null && typeof v === 'object') {
      try {
        n = JSON.stringify(v).length;
      } catch {
        n = Infinity;
      }
    }
    if (n > LIMITS.maxPropertyChars)
      problems.add('property-too-large', where, `属性“${k.slice(0, 40)}”过长（${n === Infinity ? '?' : fmt(n)} 个字符，上限 ${fmt(LIMITS.maxPropertyChars)}）`, `property "${k.slice(0, 40)}" is too long (${n === Infinity ? '?' : fmt(n)} characters; the limit is ${fmt(LIMITS.maxPropertyChars)})`);
  }
}

/** Largest bracket depth of a JSON text (strings skipped); stops early past `limit`. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inStr = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inStr) {
      if (c === 92) i++;
      else if (c === 34) inStr = false;
      continue;
    }
    if (c === 34) inStr = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

const NUM_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Offset of the first JSON syntax error (-1 if the text is valid JSON). Iterative: no recursion. */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  const stack: number[] = [];
  let i = 0;
  let expect: 'value' | 'key' | 'colon' | 'after' = 'value';
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const str = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
      } else i++;
    }
    return false;
  };
  for (;;) {
    ws();
    if (i >= n) return stack.length === 0 && expect === 'after' ? -1 : i;
    const ch = text[i];
    if (expect === 'value') {
      if (ch === '{' || ch === '[') {
        stack.push(ch === '{' ? 1 : 2);
        i++;
        ws();
        if (text[i] === (ch === '{' ? '}' : ']')) {
          i++;
          stack.pop();
          expect = 'after';
        } else expect = ch === '{' ? 'key' : 'value';
      } else if (ch === '"') {
        if (!str()) return i;
        expect = 'after';
      } else {
        NUM_RE.lastIndex = i;
        const m = NUM_RE.exec(text);
        if (m && m[0].length) i += m[0].length;
        else if (text.startsWith('true', i)) i += 4;
        else if (text.startsWith('false', i)) i += 5;
        else if (text.startsWith('null', i)) i += 4;
        else return i;
        expect = 'after';
      }
    } else if (expect === 'key') {
      if (ch !== '"' || !str()) return i;
      expect = 'colon';
    } else if (expect === 'colon') {
      if (ch !== ':') return i;
      i++;
      expect = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i;
      if (ch === ',') {
        i++;
        expect = top === 1 ? 'key' : 'value';
      } else if ((top === 1 && ch === '}') || (top === 2 && ch === ']')) {
        i++;
        stack.pop();
      } else return i;
    }
  }
}

const WARN = {
  gbk: (): ImportWarning => ({ code: 'gbk', message_zh: '文件不是 UTF-8，已按 GBK 编码读取。', message_en: 'The file is not UTF-8; it was read as GBK.' }),
  datum: (d: Datum): ImportWarning => ({
    code: 'datum-converted',
    message_zh: isProjected(d) ? `坐标已从 ${crsLabel(d, 'zh')} 换算为经纬度（WGS84）。` : `坐标已从 ${DATUM_SHORT(d)} 转换为 WGS84${d === 'cgcs2000' ? '（两者相差仅数厘米，未作偏移）' : '（偏移约数百米）'}。`,
    message_en: isProjected(d) ? `Coordinates were converted from ${crsLabel(d, 'en')} to longitude/latitude (WGS84).` : `Coordinates were converted from ${DATUM_SHORT(d)} to WGS84${d === 'cgcs2000' ? ' (they agree to a few centimetres; no shift applied)' : ' (a shift of a few hundred metres)'}.`,
  }),
  noGeom: (n: number, first: number): ImportWarning => ({
    code: 'no-geometry-skipped',
    message_zh: `${n} 个要素没有几何（geometry 为 null），已跳过（首个为 features[${first}]）。`,
    message_en: `${n} feature(s) without geometry (geometry: null) were skipped (first: features[${first}]).`,
  }),
  props: (n: number): ImportWarning => ({
    code: 'properties-added',
    message_zh: `${n} 个要素缺少 properties，已补为空对象。`,
    message_en: `${n} feature(s) had no "properties" member; an empty one was added.`,
  }),
  crs: (): ImportWarning => ({
    code: 'crs-ignored',
    message_zh: '文件中的 crs 成员已忽略：坐标按所选的坐标系读取。',
    message_en: 'The file’s "crs" member was ignored: coordinates are read in the chosen coordinate system.',
  }),
  emptyGeom: (idx: number[]): ImportWarning => ({
    code: 'empty-geometry-skipped',
    message_zh: `${idx.length} 个要素的几何为空（没有任何坐标），未导入：${idx.slice(0, LIMITS.listed).map((i) => `features[${i}]`).join('、')}${idx.length > LIMITS.listed ? ' 等' : ''}。`,
    message_en: `${idx.length} feature(s) with an empty geometry (no positions) were not imported: ${idx.slice(0, LIMITS.listed).map((i) => `features[${i}]`).join(', ')}${idx.length > LIMITS.listed ? ', …' : ''}.`,
  }),
  rows: (skipped: ImportProblem[], total: number, read: number): ImportWarning => ({
    code: 'rows-skipped',
    message_zh: `已导入 ${fmt(read - total)} / ${fmt(read)} 行；跳过 ${fmt(total)} 行：${skipped.slice(0, LIMITS.listed).map((p) => `第 ${p.line} 行：${p.message_zh}`).join('；')}${total > LIMITS.listed ? '；……' : ''}`,
    message_en: `Imported ${fmt(read - total)} of ${fmt(read)} rows; ${fmt(total)} skipped: ${skipped.slice(0, LIMITS.listed).map((p) => `line ${p.line}: ${p.message_en}`).join('; ')}${total > LIMITS.listed ? '; …' : ''}`,
  }),
  extra: (n: number, first: number): ImportWarning => ({
    code: 'extra-cells-ignored',
    message_zh: `${n} 行的字段多于表头，多出的字段已忽略（首个为第 ${first} 行）。`,
    message_en: `${n} row(s) had more fields than the header; the extra fields were ignored (first: line ${first}).`,
  }),
};

// ---------------------------------------------------------------------------------------------
// GeoJSON

/** Parse and validate GeoJSON text; convert to WGS84. */
export function importGeoJSONText(text: string, datum: Datum = 'wgs84'): ImportResult {
  if (!text.trim()) return failure('empty');
  if (jsonDepth(text, LIMITS.maxDepth) > LIMITS.maxDepth) return failure('too-deep');
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    let detail = msg.length > 120 ? `${msg.slice(0, 117)}…` : msg;
    const pos = jsonErrorOffset(text);
    if (pos >= 0) {
      const before = text.slice(0, pos);
      const line = before.split('\n').length;
      const col = pos - before.lastIndexOf('\n');
      const near = text.slice(Math.max(0, pos - 15), pos + 15).replace(/\s+/g, ' ');
      detail = `line ${line}, column ${col}, near ${JSON.stringify(near)} — ${detail}`;
    }
    return failure('not-json', [], { detail });
  }
  return importGeoJSONObject(obj, datum);
}

const EMPTY_ALLOWED = new Set(['MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection']);
/** A geometry with no positions at all (MultiPoint [], MultiPolygon [], GeometryCollection []…). */
function isEmptyGeometry(g: unknown): boolean {
  const geom = g as { type: string; coordinates?: unknown; geometries?: unknown[] };
  if (geom.type === 'GeometryCollection') return (geom.geometries ?? []).every(isEmptyGeometry);
  const hasPosition = (c: unknown): boolean => Array.isArray(c) && (typeof c[0] === 'number' || c.some(hasPosition));
  return EMPTY_ALLOWED.has(geom.type) && Array.isArray(geom.coordinates) && !hasPosition(geom.coordinates);
}

/** A null-prototype copy: keys such as __proto__ or constructor stay ordinary data. */
export function plainProps(p: unknown): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  if (p && typeof p === 'object') for (const k of Object.keys(p)) out[k] = (p as Record<string, unknown>)[k];
  return out;
}

/** Validate a parsed GeoJSON value (from JSON, KML, GPX or a shapefile) and convert it to WGS84. */
export function importGeoJSONObject(obj: unknown, datum: Datum = 'wgs84', format: ImportFormat = 'geojson'): ImportResult {
  const warnings: ImportWarning[] = [];
  // normalise to a FeatureCollection
  let fcObj: { type: 'FeatureCollection'; features: unknown[]; crs?: unknown };
  const o = obj as { type?: unknown; features?: unknown; crs?: unknown } | null;
  if (o === null || typeof o !== 'object' || Array.isArray(o)) {
    const hint = Array.isArray(o) ? ['an array; wrap it in a FeatureCollection', '这是一个数组，请放入 FeatureCollection'] : [`a ${o === null ? 'null' : typeof o}`, `这是 ${o === null ? 'null' : typeof o}`];
    return failure('not-geojson', [], { hint: hint[0], hint_zh: hint[1] });
  }
  if (o.type === 'FeatureCollection') {
    if (!Array.isArray(o.features)) return failure('not-geojson', [], { hint: '"features" is not an array', hint_zh: 'features 不是数组' });
    fcObj = o as typeof fcObj;
  } else if (o.type === 'Feature') fcObj = { type: 'FeatureCollection', features: [o] };
  else if (typeof o.type === 'string' && GEOMETRY_TYPES.includes(o.type)) fcObj = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: o }] };
  else if (o.type === 'Topology') return failure('not-geojson', [], { hint: 'TopoJSON; convert it to GeoJSON first', hint_zh: '这是 TopoJSON，请先转换为 GeoJSON' });
  else return failure('not-geojson', [], { hint: o.type === undefined ? 'no "type" member' : `type ${short(o.type)}`, hint_zh: o.type === undefined ? '缺少 type 成员' : `type 为 ${short(o.type)}` });
  if (o.crs !== undefined && o.crs !== null) warnings.push(WARN.crs());
  if (fcObj.features.length === 0) return failure('empty');

  // size before the detailed walk
  let n = 0;
  for (const f of fcObj.features) {
    if (f && typeof f === 'object') n = countPositions((f as { geometry?: unknown }).geometry, LIMITS.maxVertices, { n });
    if (n > LIMITS.maxVertices) return failure('too-many-vertices', [], { n: fmt(LIMITS.maxVertices) });
  }

  // structure, own checks
  const w: Walk = { vertices: 0, problems: new Problems() };
  const kept: { f: Feature; index: number }[] = [];
  let noGeom = 0;
  let firstNoGeom = -1;
  let propsAdded = 0;
  /** features whose geometry has no positions at all: skipped and named one by one */
  const empty: number[] = [];
  fcObj.features.forEach((f, i) => {
    if (f === null || typeof f !== 'object' || Array.isArray(f)) return w.problems.add('bad-geometry', { feature: i }, `不是要素对象：${short(f)}`, `not a Feature object: ${short(f)}`);
    const feat = f as { type?: unknown; geometry?: unknown; properties?: unknown };
    if (feat.type !== 'Feature') return w.problems.add('bad-geometry', { feature: i }, `type 应为 "Feature"，实为 ${short(feat.type)}`, `type must be "Feature", got ${short(feat.type)}`);
    if (!('geometry' in feat)) return w.problems.add('bad-geometry', { feature: i }, '缺少 geometry 成员', 'no "geometry" member');
    if (feat.properties !== undefined && feat.properties !== null && (typeof feat.properties !== 'object' || Array.isArray(feat.properties)))
      return w.problems.add('bad-geometry', { feature: i }, `properties 应为对象或 null，实为 ${short(feat.properties)}`, `"properties" must be an object or null, got ${short(feat.properties)}`);
    if (feat.geometry === null) {
      noGeom++;
      if (firstNoGeom < 0) firstNoGeom = i;
      return;
    }
    const before = w.problems.total;
    checkGeometry(feat.geometry, i, w);
    if (w.problems.total === before) {
      if (isEmptyGeometry(feat.geometry)) {
        empty.push(i);
        return;
      }
      if (feat.properties === undefined) propsAdded++;
      kept.push({ f: { ...(f as Feature), properties: plainProps(feat.properties) }, index: i });
    }
  });
  if (w.problems.any) return w.problems.fail(['bad-geometry', 'bad-coordinates']);

  // geojson-validation as a second opinion (it throws on some malformed input)
  try {
    const errs = isFeatureCollection({ type: 'FeatureCollection', features: kept.map((k) => k.f) }, true);
    if (errs.length) {
      const p = new Problems();
      for (const e of errs) {
        const m = /^at (\d+): (.*)$/.exec(e);
        const idx = m ? kept[Number(m[1])]?.index ?? null : null;
        const text = m ? m[2] : e;
        p.add('bad-geometry', { feature: idx }, text, text);
      }
      return p.fail(['bad-geometry']);
    }
  } catch (e) {
    return failure('bad-geometry', [{ kind: 'bad-geometry', feature: null, line: null, message_zh: `GeoJSON 校验失败：${(e as Error).message}`, message_en: `GeoJSON validation failed: ${(e as Error).message}` }]);
  }

  const emptyProblems: ImportProblem[] = empty.map((i) => ({ kind: 'empty', feature: i, line: null, message_zh: '几何为空（没有任何坐标）', message_en: 'the geometry is empty (no positions)' }));
  if (kept.length === 0)
    return failure('empty', [...(noGeom ? [{ kind: 'empty' as const, feature: null, line: null, message_zh: `${noGeom} 个要素没有几何`, message_en: `${noGeom} feature(s) have no geometry` }] : []), ...emptyProblems], {}, (noGeom ? 1 : 0) + empty.length);

  // properties
  const pp = new Problems();
  for (const k of kept) checkProperties(k.f.properties as Record<string, unknown>, { feature: k.index }, pp);
  if (pp.any) return pp.fail(['property-too-large']);

  // ranges and datum
  const r = rangesOrDetect(
    kept.map((k) => ({ geometry: k.f.geometry, feature: k.index, line: null })),
    datum,
  );
  if ('fail' in r) return r.fail;
  if (noGeom) warnings.push(WARN.noGeom(noGeom, firstNoGeom));
  if (empty.length) warnings.push(WARN.emptyGeom(empty));
  if (propsAdded) warnings.push(WARN.props(propsAdded));
  if (datum !== 'wgs84') warnings.push(WARN.datum(datum));
  const features: Feature[] = kept.map((k, i) => ({ ...k.f, geometry: r.converted[i] }));
  return { ok: true, fc: { type: 'FeatureCollection', features }, warnings, format, encoding: 'utf-8', datum, vertices: w.vertices };
}

// ---------------------------------------------------------------------------------------------
// CSV

export interface CsvRecord {
  /** 1-based line where the record starts */
  line: number;
  cells: string[];
}

/** The delimiter of a CSV: the most frequent of , \t ; ， in the first line (outside quotes). */
export function csvDelimiter(text: string): string {
  const first = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  let best = ',';
  let bestN = 0;
  for (const d of [',', '\t', ';', '，']) {
    let n = 0;
    let q = false;
    for (const ch of first) {
      if (ch === '"') q = !q;
      else if (!q && ch === d) n++;
    }
    if (n > bestN) {
      best = d;
      bestN = n;
    }
  }
  return best;
}

/**
 * RFC 4180 records via papaparse (quotes, doubled quotes, newlines inside quotes; CRLF and CR are
 * read as LF), each with the 1-based line where it starts. An unclosed quote is an error (everything
 * after it would be one cell); other malformed quoting marks the record (`bad`) so it can be skipped.
 */
export function parseCsvRecords(
  text: string,
  delimiter = csvDelimiter(text),
): { records: (CsvRecord & { bad?: { zh: string; en: string } })[] } | { error: { line: number; message_zh: string; message_en: string } } {
  const src = text.replace(/\r\n?/g, '\n');
  const records: (CsvRecord & { bad?: { zh: string; en: string } })[] = [];
  let prev = 0;
  let line = 1;
  let error: { line: number; message_zh: string; message_en: string } | null = null;
  const countNl = (from: number, to: number) => {
    let n = 0;
    for (let i = from; i < to; i++) if (src.charCodeAt(i) === 10) n++;
    return n;
  };
  Papa.parse<string[]>(src, {
    delimiter,
    newline: '\n',
    step: (r, parser) => {
      const start = line;
      const end = r.meta.cursor;
      line += countNl(prev, end);
      prev = end;
      if (r.errors.some((e) => e.code === 'MissingQuotes')) {
        error = { line: start, message_zh: '引号未闭合', message_en: 'a quoted field is never closed' };
        parser.abort();
        return;
      }
      const cells = r.data.map((c) => c.trim());
      if (cells.length === 1 && cells[0] === '') return; // an empty line
      const rec: CsvRecord & { bad?: { zh: string; en: string } } = { line: start, cells };
      if (r.errors.some((e) => e.type === 'Quotes')) rec.bad = { zh: '引号格式有误', en: 'malformed quotes' };
      records.push(rec);
    },
  });
  if (error) return { error };
  return { records };
}

// the projected headers are those of the app's own CSV export (exporter.ts PROJECTED_HEADERS), in lower case
const LON_NAMES = ['lon', 'lng', 'long', 'longitude', '经度', 'lon_wgs84', 'x坐标', '东坐标e(米)', '东坐标', 'easting (m)', 'easting'];
const LAT_NAMES = ['lat', 'latitude', '纬度', 'lat_wgs84', 'y坐标', '北坐标n(米)', '北坐标', 'northing (m)', 'northing'];

/** Which columns hold longitude and latitude (x/y only if nothing else matches). */
export function coordinateColumns(header: string[]): { lon: number; lat: number } | null {
  const h = header.map((s) => s.trim().toLowerCase());
  const find = (names: string[]) => h.findIndex((s) => names.includes(s));
  let lon = find(LON_NAMES);
  let lat = find(LAT_NAMES);
  if (lon < 0) lon = h.indexOf('x');
  if (lat < 0) lat = h.indexOf('y');
  return lon >= 0 && lat >= 0 && lon !== lat ? { lon, lat } : null;
}

const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const WKT_NAMES = ['wkt', 'geometry', 'geom', 'the_geom', 'shape', '几何', '图形', 'wkt_geom'];
const PAIR_NAMES = ['坐标', '经纬度', '位置', 'location', 'lnglat', 'lonlat', 'coordinates', 'coordinate', '坐标点'];
const WKT_RE = /^\s*(SRID=\d+;\s*)?(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION)\s*(Z|M|ZM)?\s*(\(|EMPTY)/i;
const PAIR_RE = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*[,，\s]\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*$/;

export type GeometryColumns = { kind: 'lonlat'; lon: number; lat: number } | { kind: 'wkt'; col: number } | { kind: 'pair'; col: number };

/** The columns that hold the geometry: a lon/lat pair, else a WKT column, else one "lon,lat" column (高德 style). */
export function geometryColumns(header: string[], rows: string[][]): GeometryColumns | null {
  const ll = coordinateColumns(header);
  if (ll) return { kind: 'lonlat', ...ll };
  const h = header.map((s) => s.trim().toLowerCase());
  const firstValue = (c: number) => rows.find((r) => (r[c] ?? '').trim() !== '')?.[c] ?? '';
  const byName = (names: string[], re: RegExp) => h.findIndex((s, i) => names.includes(s) && re.test(firstValue(i)));
  let c = byName(WKT_NAMES, WKT_RE);
  if (c < 0) c = h.findIndex((_s, i) => WKT_RE.test(firstValue(i)));
  if (c >= 0) return { kind: 'wkt', col: c };
  c = byName(PAIR_NAMES, PAIR_RE);
  if (c >= 0) return { kind: 'pair', col: c };
  return null;
}

/** Rows of a table, estimated on the raw bytes before decoding or parsing (newlines). */
export function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) n++;
  return bytes.length && bytes[bytes.length - 1] !== 10 ? n + 1 : n;
}

/** Parse and validate CSV/TSV text: one feature per row; bad rows are skipped and listed. */
export function importCsvText(text: string, datum: Datum = 'wgs84'): ImportResult {
  if (!text.trim()) return failure('empty');
  const parsed = parseCsvRecords(text);
  if ('error' in parsed) return failure('csv-syntax', [{ kind: 'csv-syntax', feature: null, line: parsed.error.line, message_zh: parsed.error.message_zh, message_en: parsed.error.message_en }]);
  return importTable(parsed.records, datum, 'csv');
}

/**
 * A table (CSV rows or an Excel sheet; the first non-empty record is the header) → features.
 * Tolerant: a row with missing or unreadable coordinates is skipped and listed by its line, the
 * good rows are imported, and the result says "imported N of M rows". Only when no row is usable
 * does the import fail, naming the bad rows. Every column comes back as a property (the coordinate
 * columns of a lon/lat table are the geometry), in a null-prototype object.
 */
export function importTable(all: (CsvRecord & { bad?: { zh: string; en: string } })[], datum: Datum, format: ImportFormat): ImportResult {
  const records = all.filter((r) => r.cells.some((c) => String(c).trim() !== ''));
  if (records.length === 0) return failure('empty');
  const [head, ...rows] = records;
  const header = head.cells.map((c) => String(c).trim());
  const cols = geometryColumns(header, rows.slice(0, 50).map((r) => r.cells));
  if (!cols) return failure('csv-no-coordinate-columns', [], { header: short(header.join(', ')) });
  if (header.length > LIMITS.maxProperties) return failure('property-too-large', [{ kind: 'property-too-large', feature: null, line: head.line, message_zh: `列数 ${header.length} 超过上限 ${LIMITS.maxProperties}`, message_en: `${header.length} columns exceed the limit of ${LIMITS.maxProperties}` }]);
  if (rows.length === 0) return failure('empty', [{ kind: 'empty', feature: null, line: null, message_zh: '只有表头，没有数据行', message_en: 'only a header, no data rows' }]);
  if (rows.length > LIMITS.maxRows) return failure('too-many-rows', [], { n: fmt(rows.length) });

  const problems = new Problems();
  const geoms: Located[] = [];
  const props: Record<string, unknown>[] = [];
  let extra = 0;
  let firstExtra = 0;
  const seen = new Set<string>();
  const keys = header.map((h, i) => {
    const base = h || `column_${i + 1}`;
    const k = seen.has(base) ? `${base}_${i + 1}` : base;
    seen.add(k);
    return k;
  });
  const skip = new Set(cols.kind === 'lonlat' ? [cols.lon, cols.lat] : []);
  const need = cols.kind === 'lonlat' ? Math.max(cols.lon, cols.lat) : cols.col;
  for (const r of rows) {
    if (r.bad) {
      problems.add('csv-syntax', { line: r.line }, r.bad.zh, r.bad.en);
      continue;
    }
    if (r.cells.length > header.length && r.cells.slice(header.length).some((c) => String(c).trim() !== '')) {
      extra++;
      if (!firstExtra) firstExtra = r.line;
    }
    if (r.cells.length <= need) {
      problems.add('csv-syntax', { line: r.line }, `只有 ${r.cells.length} 个字段，缺少坐标`, `only ${r.cells.length} field(s); the coordinates are missing`);
      continue;
    }
    let geometry: Geometry;
    if (cols.kind === 'wkt') {
      const w = String(r.cells[cols.col]).trim();
      if (!w) {
        problems.add('bad-coordinates', { line: r.line }, 'WKT 为空', 'the WKT is empty');
        continue;
      }
      let g: Geometry | null = null;
      try {
        g = parseWkt(w.replace(/^SRID=\d+;\s*/i, '')) as Geometry | null;
      } catch {
        g = null;
      }
      if (!g) {
        problems.add('bad-geometry', { line: r.line }, `无法解析的 WKT：${short(w)}`, `unreadable WKT: ${short(w)}`);
        continue;
      }
      const walk: Walk = { vertices: 0, problems: new Problems() };
      checkGeometry(g, 0, walk);
      if (walk.problems.any) {
        const q = walk.problems.list[0];
        problems.add(q.kind, { line: r.line }, q.message_zh, q.message_en);
        continue;
      }
      if (isEmptyGeometry(g) || (g.type === 'Point' && !g.coordinates.length)) {
        problems.add('empty', { line: r.line }, '几何为空（EMPTY）', 'the geometry is empty (EMPTY)');
        continue;
      }
      geometry = g;
    } else {
      let sx: string;
      let sy: string;
      if (cols.kind === 'pair') {
        const m = PAIR_RE.exec(String(r.cells[cols.col]));
        if (!m) {
          const v = String(r.cells[cols.col]).trim();
          problems.add('bad-coordinates', { line: r.line }, v ? `坐标应为“经度,纬度”，实为 ${short(v)}` : '坐标为空', v ? `the coordinate must be "lon,lat", got ${short(v)}` : 'the coordinate is empty');
          continue;
        }
        [sx, sy] = [m[1], m[2]];
      } else {
        sx = String(r.cells[cols.lon]).trim();
        sy = String(r.cells[cols.lat]).trim();
      }
      if (sx === '' || sy === '') {
        problems.add('bad-coordinates', { line: r.line }, '经度或纬度为空', 'longitude or latitude is empty');
        continue;
      }
      if (!NUMBER_RE.test(sx) || !NUMBER_RE.test(sy)) {
        problems.add('bad-coordinates', { line: r.line }, `经纬度须为十进制数字，实为 ${short(sx)}, ${short(sy)}`, `longitude and latitude must be decimal numbers, got ${short(sx)}, ${short(sy)}`);
        continue;
      }
      const x = Number(sx);
      const y = Number(sy);
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        problems.add('bad-coordinates', { line: r.line }, `坐标不是有限数：${sx}, ${sy}`, `a coordinate is not a finite number: ${sx}, ${sy}`);
        continue;
      }
      geometry = { type: 'Point', coordinates: [x, y] };
    }
    const p = Object.create(null) as Record<string, unknown>;
    for (let i = 0; i < header.length; i++) if (!skip.has(i)) p[keys[i]] = r.cells[i] ?? '';
    const before = problems.total;
    checkProperties(p, { line: r.line }, problems);
    if (problems.total !== before) continue;
    geoms.push({ geometry, feature: null, line: r.line });
    props.push(p);
  }
  if (geoms.length === 0) return problems.fail(['csv-syntax', 'bad-coordinates', 'bad-geometry', 'property-too-large', 'empty']);
  // ranges are checked on the whole table: a wrong system is a file-level mistake, not a bad row
  const ranged = rangesOrDetect(geoms, datum);
  if ('fail' in ranged) return ranged.fail;
  const warnings: ImportWarning[] = [];
  if (problems.any) warnings.push(WARN.rows(problems.list, problems.total, rows.length));
  if (extra) warnings.push(WARN.extra(extra, firstExtra));
  if (datum !== 'wgs84') warnings.push(WARN.datum(datum));
  const features: Feature[] = ranged.converted.map((g, i) => ({ type: 'Feature', properties: props[i], geometry: g }));
  const vertices = geoms.reduce((n, g) => n + countPositions(g.geometry, Infinity), 0);
  return { ok: true, fc: { type: 'FeatureCollection', features }, warnings, format, encoding: 'utf-8', datum, vertices, rows: { read: rows.length, imported: features.length } };
}

// ---------------------------------------------------------------------------------------------
// entry points

/** Import text whose format is known or detected from the name/content. */
export function importText(text: string, opts: ImportOptions = {}): ImportResult {
  const datum = opts.datum ?? 'wgs84';
  if (!isDatum(datum)) return failure('wrong-datum-range', [], { datum: String(datum) });
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) return failure('empty');
  const format = opts.format ?? detectFormat(opts.name ?? '', text);
  if (typeof format === 'object') return unsupported(format.unsupported);
  return format === 'geojson' ? importGeoJSONText(text, datum) : importCsvText(text, datum);
}

/** Import a whole file's bytes: size, binary sniffing, UTF-8/GBK decoding, then importText. */
export function importBytes(bytes: Uint8Array, opts: ImportOptions = {}): ImportResult {
  const size = checkFileSize(bytes.length);
  if (size) return size;
  const bin = binaryKind(bytes);
  if (bin) return unsupported(bin);
  // a table is counted on its bytes, before anything is decoded or parsed
  if (opts.format === 'csv' || /\.(csv|tsv|txt)$/i.test(opts.name ?? '')) {
    const lines = countLines(bytes);
    if (lines - 1 > LIMITS.maxRows) return failure('too-many-rows', [], { n: fmt(lines - 1) });
  }
  const { text, encoding } = decodeBytes(bytes);
  const r = importText(text, opts);
  if (r.ok && encoding === 'gbk') return { ...r, encoding, warnings: [WARN.gbk(), ...r.warnings] };
  return r;
}

export { featureLabel } from '../import/label.ts';
