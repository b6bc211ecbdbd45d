/**
 * Every format a planner brings, to one ImportResult (pure, async, no DOM: it runs in the import
 * worker and in unit tests):
 * - zipped Shapefile (.shp/.shx/.dbf/.prj/.cpg) via fflate + shapefile; the DBF is read as GBK
 *   when the .cpg says so, or when there is no .cpg and its bytes are not UTF-8; the .prj names the
 *   coordinate system;
 * - KML, KMZ (zipped KML) and GPX via @tmcw/togeojson on @xmldom/xmldom (workers have no DOMParser);
 * - Excel .xlsx via a small reader on fflate + @xmldom/xmldom (first sheet, or a chosen one);
 * - GeoJSON, CSV/TSV (papaparse), a WKT column and a 高德-style "lon,lat" column: importer.ts.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import { gpx, kml } from '@tmcw/togeojson';
import { read as readShapefile } from 'shapefile';
import {
  LIMITS,
  binaryKind,
  checkFileSize,
  countLines,
  decodeBytes,
  failure,
  importBytes,
  importGeoJSONObject,
  importTable,
  type CsvRecord,
  type Datum,
  type ImportFormat,
  type ImportOptions,
  type ImportResult,
  type ImportWarning,
} from '../plan/importer.ts';
import { crsFromMagnitudes, crsFromPrj, type Detected } from './crs.ts';
import { xlsxSheets } from './sheets.ts';

export interface AnyOptions extends ImportOptions {
  /** the Excel sheet to read (default: the first) */
  sheet?: string;
}

export interface AnyResult {
  result: ImportResult;
  /** the coordinate system the file suggests (its .prj, or its magnitudes) */
  detected: Detected | null;
  /** sheets of an Excel workbook */
  sheets?: string[];
}

const ext = (name: string) => /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase() ?? '';
const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function badArchive(en: string, zh: string): ImportResult {
  return failure('bad-archive', [], { detail: en, detail_zh: zh });
}

function unzip(bytes: Uint8Array): Record<string, Uint8Array> | ImportResult {
  try {
    return unzipSync(bytes);
  } catch (e) {
    return badArchive(`${(e as Error).message || 'not a valid zip'}`, `不是有效的 zip 文件（${(e as Error).message || ''}）`);
  }
}

/** Read any supported file. */
export async function importAny(bytes: Uint8Array, opts: AnyOptions = {}): Promise<AnyResult> {
  const size = checkFileSize(bytes.length);
  if (size) return { result: size, detected: null };
  const name = opts.name ?? '';
  const e = ext(name);
  if (isZip(bytes) || ['zip', 'kmz', 'xlsx', 'shp'].includes(e)) {
    if (e === 'shp' && !isZip(bytes)) return { result: importBytes(bytes, opts), detected: null };
    const files = unzip(bytes);
    if ('ok' in files) return { result: files as ImportResult, detected: null };
    const names = Object.keys(files);
    if (names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('xl/'))) return importXlsx(files, opts);
    if (names.some((n) => /\.kml$/i.test(n))) return importKmlText(kmlIn(files), 'kmz', opts);
    if (names.some((n) => /\.shp$/i.test(n))) return importShapefile(files, opts);
    return {
      result: badArchive(`no .shp, .kml or Excel sheet inside (found: ${names.slice(0, 5).join(', ') || 'nothing'})`, `压缩包中没有 .shp、.kml 或 Excel 工作表（内有：${names.slice(0, 5).join('、') || '无'}）`),
      detected: null,
    };
  }
  if (e === 'kml' || e === 'gpx' || (!binaryKind(bytes) && /^\s*<\?xml|^\s*<(kml|gpx)/i.test(decodeBytes(bytes.subarray(0, 400)).text))) {
    const { text } = decodeBytes(bytes);
    const kind = e === 'gpx' || /<gpx[\s>]/i.test(text.slice(0, 2000)) ? 'gpx' : 'kml';
    if (kind === 'kml' && !/<kml[\s>]/i.test(text.slice(0, 2000))) return { result: importBytes(bytes, opts), detected: null };
    return importKmlText(text, kind, opts);
  }
  const result = importBytes(bytes, opts);
  return { result, detected: result.ok ? null : (result.detected ?? null) };
}

// ---------------------------------------------------------------------------------------------
// shapefile

/** Which encoding a .cpg names (null: unknown or absent). */
export function cpgEncoding(cpg: string | null): 'utf-8' | 'gbk' | null {
  if (!cpg) return null;
  const c = cpg.trim().toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (c === 'UTF8' || c === '65001') return 'utf-8';
  if (['GBK', '936', 'CP936', 'GB2312', 'GB18030', 'ANSI936', 'MS936'].includes(c)) return 'gbk';
  return null;
}

/** Are the DBF's text bytes (after its header) valid UTF-8? */
function dbfIsUtf8(dbf: Uint8Array): boolean {
  const headerLen = dbf.length >= 10 ? dbf[8] | (dbf[9] << 8) : 0;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(headerLen));
    return true;
  } catch {
    return false;
  }
}

/**
 * The app's own Shapefile export names Chinese or long properties f1, f2… in the DBF (10 ASCII
 * bytes at most) and lists the originals in fields.txt (`dbf<TAB>field<TAB>property`): the
 * original names per DBF file (lower case), to give them back.
 */
function fieldNames(files: Record<string, Uint8Array>): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const txt = Object.keys(files).find((n) => /(^|\/)fields\.txt$/i.test(n) && !n.startsWith('__MACOSX'));
  if (!txt) return out;
  const lines = decodeBytes(files[txt]).text.split(/\r?\n/);
  if (!/^dbf\tfield\tproperty$/.test(lines[0]?.trim() ?? '')) return out;
  const dir = txt.slice(0, txt.length - 'fields.txt'.length);
  for (const line of lines.slice(1)) {
    const [dbf, field, property] = line.split('\t');
    if (!dbf || !field || !property) continue;
    const key = (dir + dbf).toLowerCase();
    if (!out.has(key)) out.set(key, new Map());
    out.get(key)!.set(field, property);
  }
  return out;
}

interface ShpLayer {
  name: string;
  fc: GeoJSON.FeatureCollection;
  encoding: 'utf-8' | 'gbk';
  detected: Detected | null;
}

/** One layer of the archive: its .shp with the .dbf/.prj/.cpg beside it. */
async function readShpLayer(files: Record<string, Uint8Array>, shpName: string, names: Map<string, Map<string, string>>, warnings: ImportWarning[], several: boolean): Promise<ShpLayer | ImportResult> {
  const base = shpName.slice(0, -4);
  const sib = (x: string) => Object.keys(files).find((n) => n.toLowerCase() === `${base}.${x}`.toLowerCase());
  const dbfName = sib('dbf');
  const prjName = sib('prj');
  const cpgName = sib('cpg');
  const dbf = dbfName ? files[dbfName] : undefined;
  const cpg = cpgName ? strFromU8(files[cpgName]) : null;
  const encoding = cpgEncoding(cpg) ?? (dbf && !dbfIsUtf8(dbf) ? 'gbk' : 'utf-8');
  const which = several ? `${shpName}: ` : '';
  if (encoding === 'gbk') warnings.push({ code: 'gbk', message_zh: `${which}属性表（.dbf）按 GBK 编码读取${cpg ? `（.cpg 为 ${cpg.trim()}）` : '（没有 .cpg，且内容不是 UTF-8）'}。`, message_en: `${which}the attribute table (.dbf) was read as GBK${cpg ? ` (the .cpg says ${cpg.trim()})` : ' (no .cpg, and the bytes are not UTF-8)'}.` });
  let detected: Detected | null = null;
  if (prjName) {
    const d = crsFromPrj(strFromU8(files[prjName]));
    if (d && 'unsupported' in d) return failure('unsupported-crs', [], { name: d.unsupported });
    detected = d;
  }
  let fc: GeoJSON.FeatureCollection;
  try {
    const shp = files[shpName];
    fc = await readShapefile(shp.slice().buffer as ArrayBuffer, dbf ? (dbf.slice().buffer as ArrayBuffer) : undefined, { encoding });
  } catch (e) {
    return badArchive(`${which}the shapefile cannot be read: ${(e as Error).message}`, `${which}Shapefile 无法读取：${(e as Error).message}`);
  }
  const rename = dbfName ? names.get(dbfName.toLowerCase()) : undefined;
  if (rename)
    for (const f of fc.features) {
      const p = f.properties;
      if (!p) continue;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(p)) out[rename.get(k) !== undefined && !(rename.get(k)! in p) ? rename.get(k)! : k] = v;
      f.properties = out;
    }
  return { name: shpName, fc, encoding, detected };
}

/**
 * A zipped Shapefile: every layer in the archive (the app's own export writes one per geometry
 * kind), read into one collection when they share a coordinate system; a layer in another system
 * is left out, named in a warning.
 */
async function importShapefile(files: Record<string, Uint8Array>, opts: AnyOptions): Promise<AnyResult> {
  const shps = Object.keys(files).filter((n) => /\.shp$/i.test(n) && !n.startsWith('__MACOSX'));
  const names = fieldNames(files);
  const warnings: ImportWarning[] = [];
  const layers: ShpLayer[] = [];
  for (const shpName of shps) {
    const l = await readShpLayer(files, shpName, names, warnings, shps.length > 1);
    if ('ok' in l) return { result: l, detected: layers[0]?.detected ?? null };
    layers.push(l);
  }
  const first = layers[0];
  const same = layers.filter((l) => (l.detected?.crs ?? null) === (first.detected?.crs ?? null));
  const other = layers.filter((l) => !same.includes(l));
  if (shps.length > 1) {
    const n = same.reduce((a, l) => a + l.fc.features.length, 0);
    warnings.unshift({
      code: 'several-layers',
      message_zh: `压缩包中有 ${shps.length} 个图层，${other.length ? `导入了坐标系相同的 ${same.length} 个` : '已全部导入'}（共 ${n} 个要素）：${same.map((l) => l.name).join('、')}。${other.length ? `坐标系不同而未导入：${other.map((l) => l.name).join('、')}（请单独打包导入）。` : ''}`,
      message_en: `The archive holds ${shps.length} layers; ${other.length ? `the ${same.length} in the same coordinate system were` : 'all were'} imported (${n} features): ${same.map((l) => l.name).join(', ')}.${other.length ? ` Left out, in another coordinate system: ${other.map((l) => l.name).join(', ')} (zip it on its own to import it).` : ''}`,
    });
  }
  const fc: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: same.flatMap((l) => l.fc.features) };
  const detected = first.detected ?? crsFromMagnitudes(sample(fc));
  const datum = opts.datum ?? detected?.crs ?? 'wgs84';
  const result = importGeoJSONObject(fc, datum, 'shapefile');
  if (result.ok) {
    result.encoding = same.some((l) => l.encoding === 'gbk') ? 'gbk' : 'utf-8';
    result.warnings.unshift(...warnings);
    result.detected = detected;
  }
  return { result, detected };
}

function sample(fc: GeoJSON.FeatureCollection, max = 500): [number, number][] {
  const out: [number, number][] = [];
  const walk = (c: unknown): void => {
    if (out.length >= max || !Array.isArray(c)) return;
    if (typeof c[0] === 'number') out.push([c[0], c[1] as number]);
    else for (const x of c) walk(x);
  };
  for (const f of fc.features) {
    if (out.length >= max) break;
    const g = f.geometry as { coordinates?: unknown } | null;
    if (g) walk(g.coordinates);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// KML, KMZ, GPX

function kmlIn(files: Record<string, Uint8Array>): string {
  const names = Object.keys(files).filter((n) => /\.kml$/i.test(n));
  const main = names.find((n) => /(^|\/)doc\.kml$/i.test(n)) ?? names[0];
  return decodeBytes(files[main]).text;
}

function parseXml(text: string): Document | null {
  let failed = false;
  try {
    const doc = new DOMParser({ onError: (level: string) => { if (level !== 'warning') failed = true; } }).parseFromString(text, 'text/xml');
    return failed ? null : (doc as unknown as Document);
  } catch {
    return null;
  }
}

/**
 * KML has no MultiPoint, MultiLineString or MultiPolygon: they are written as a MultiGeometry of
 * like members, which togeojson reads as a GeometryCollection. One of points only, lines only or
 * polygons only is the Multi* geometry again (as GDAL's KML driver reads it); mixed ones stay.
 */
function multiOf(g: GeoJSON.Geometry | null): GeoJSON.Geometry | null {
  if (!g || g.type !== 'GeometryCollection' || !g.geometries.length) return g;
  const t = g.geometries[0].type;
  if (!g.geometries.every((x) => x.type === t)) return g;
  if (t === 'Point') return { type: 'MultiPoint', coordinates: g.geometries.map((x) => (x as GeoJSON.Point).coordinates) };
  if (t === 'LineString') return { type: 'MultiLineString', coordinates: g.geometries.map((x) => (x as GeoJSON.LineString).coordinates) };
  if (t === 'Polygon') return { type: 'MultiPolygon', coordinates: g.geometries.map((x) => (x as GeoJSON.Polygon).coordinates) };
  return g;
}

function importKmlText(text: string, format: 'kml' | 'kmz' | 'gpx', opts: AnyOptions): AnyResult {
  const doc = parseXml(text);
  if (!doc || !doc.documentElement) return { result: failure('not-geojson', [], { hint: `the ${format.toUpperCase()} is not well-formed XML`, hint_zh: `${format.toUpperCase()} 不是格式正确的 XML` }), detected: null };
  let fc: GeoJSON.FeatureCollection;
  try {
    fc = (format === 'gpx' ? gpx(doc) : kml(doc)) as GeoJSON.FeatureCollection;
  } catch (e) {
    return { result: failure('not-geojson', [], { hint: `${format.toUpperCase()}: ${(e as Error).message}`, hint_zh: `${format.toUpperCase()}：${(e as Error).message}` }), detected: null };
  }
  if (format !== 'gpx') for (const f of fc.features) f.geometry = multiOf(f.geometry) as GeoJSON.Geometry;
  // KML and GPX are WGS84 longitude/latitude by definition; a GCJ-02 choice (Chinese apps) still applies
  const datum: Datum = opts.datum ?? 'wgs84';
  return { result: importGeoJSONObject(fc, datum, format), detected: null };
}

// ---------------------------------------------------------------------------------------------
// Excel .xlsx

const colIndex = (ref: string) => {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.toUpperCase().charCodeAt(0) - 64);
  return n - 1;
};
const kids = (el: Element, name: string) => Array.from(el.getElementsByTagName(name));
const textOf = (el: Element) => kids(el, 't').map((t) => t.textContent ?? '').join('');

/** One sheet as records (1-based row numbers as lines); cell values as text. */
export function readXlsxSheet(files: Record<string, Uint8Array>, path: string): CsvRecord[] | null {
  const sst = files['xl/sharedStrings.xml'] ? parseXml(strFromU8(files['xl/sharedStrings.xml'])) : null;
  const shared = sst ? kids(sst.documentElement, 'si').map(textOf) : [];
  const sheet = files[path] ? parseXml(strFromU8(files[path])) : null;
  if (!sheet) return null;
  const out: CsvRecord[] = [];
  for (const row of kids(sheet.documentElement, 'row')) {
    const line = Number(row.getAttribute('r')) || out.length + 1;
    const cells: string[] = [];
    for (const c of kids(row, 'c')) {
      const ref = c.getAttribute('r');
      const i = ref ? colIndex(ref) : cells.length;
      const t = c.getAttribute('t');
      const v = kids(c, 'v')[0]?.textContent ?? '';
      let value: string;
      if (t === 's') value = shared[Number(v)] ?? '';
      else if (t === 'inlineStr') value = textOf(c);
      else if (t === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
      else value = v;
      while (cells.length < i) cells.push('');
      cells[i] = value;
    }
    out.push({ line, cells });
  }
  return out;
}

function importXlsx(files: Record<string, Uint8Array>, opts: AnyOptions): AnyResult {
  const sheets = xlsxSheets(files);
  if (!sheets.length) return { result: badArchive('no worksheet found in the workbook', '工作簿中没有工作表'), detected: null };
  const chosen = sheets.find((s) => s.name === opts.sheet) ?? sheets[0];
  const records = readXlsxSheet(files, chosen.path);
  if (!records) return { result: badArchive(`the sheet "${chosen.name}" cannot be read`, `工作表“${chosen.name}”无法读取`), detected: null };
  if (records.length - 1 > LIMITS.maxRows) return { result: failure('too-many-rows', [], { n: (records.length - 1).toLocaleString('en-US') }), detected: null, sheets: sheets.map((s) => s.name) };
  const result = importTable(records, opts.datum ?? 'wgs84', 'xlsx');
  if (result.ok && sheets.length > 1)
    result.warnings.unshift({
      code: 'sheet',
      message_zh: `工作簿有 ${sheets.length} 个工作表，已读取“${chosen.name}”。`,
      message_en: `The workbook has ${sheets.length} sheets; "${chosen.name}" was read.`,
    });
  return { result, detected: result.ok ? null : (result.detected ?? null), sheets: sheets.map((s) => s.name) };
}

export { countLines };
