/**
 * Serialisers for "export what I see": GeoJSON with all properties and CSV in UTF-8 with a BOM
 * (so Excel opens Chinese text correctly). Pure: no DOM.
 */
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export const BOM = '\uFEFF';

/** Properties added at load time (derived, not part of the data set): left out of exports. */
const DERIVED = new Set(['also_str', 'chapter']);

/** A whole cell that is a plain decimal number ("-12.5", "+3", "1e5"): nothing to defuse. */
const NUMBER_CELL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True when a spreadsheet could run this text as a formula (OWASP CSV injection): it starts with
 * =, +, -, @, tab or CR and the whole cell is not a number. */
export function isFormulaLike(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s) && !NUMBER_CELL.test(s);
}

/** One CSV cell: quoted when it holds a comma, quote, CR/LF or outer spaces; quotes doubled.
 * A text cell that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (typeof v !== 'number' && isFormulaLike(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV document: BOM, CRLF line ends (RFC 4180). */
export function csvDocument(rows: unknown[][]): string {
  return BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const CSV_COLUMNS = ['id', 'name_zh', 'name_en', 'category', 'zone', 'section', 'status', 'location_quality', 'lon', 'lat', 'excerpt_zh'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Column headers in the UI language (中文列名 in Chinese). */
export const CSV_HEADERS: Record<'zh' | 'en', Record<CsvColumn, string>> = {
  zh: { id: '编号', name_zh: '名称', name_en: '英文名称', category: '类别', zone: '功能区', section: '规划条目', status: '状态', location_quality: '位置精度', lon: '经度', lat: '纬度', excerpt_zh: '规划原文摘录' },
  en: { id: 'ID', name_zh: 'Name (Chinese)', name_en: 'Name (English)', category: 'Category', zone: 'Zone', section: 'Plan section', status: 'Status', location_quality: 'Location quality', lon: 'Longitude', lat: 'Latitude', excerpt_zh: 'Plan excerpt (Chinese)' },
};
/** Headers of the coordinate columns when the datum is projected (metres). */
export const PROJECTED_HEADERS = { zh: { lon: '东坐标E(米)', lat: '北坐标N(米)' }, en: { lon: 'Easting (m)', lat: 'Northing (m)' } };

export interface CsvOptions {
  lang?: 'zh' | 'en';
  /** translate a coded value (category, zone, status, location quality) for the UI language */
  label?: (column: 'category' | 'zone' | 'status' | 'location_quality', value: string | null) => string;
  /** maps a WGS84 position to the output datum (default: identity) */
  project?: (p: Position) => Position;
  /** the output coordinates are metres (easting/northing) */
  projected?: boolean;
}

/** The plan text's bold markers (**北部：**) are for the reader, not for a spreadsheet. */
export const stripMarkers = (s: unknown) => (typeof s === 'string' ? s.replace(/\*\*/g, '') : s);

/** lon/lat to 1e-8° (about 1 mm), metres to 1 mm: re-imports within 1 cm */
const round8 = (n: number) => Math.round(n * 1e8) / 1e8;
const round3 = (n: number) => Math.round(n * 1e3) / 1e3;

/** A representative point: the point itself, else a point guaranteed on the feature. */
export function representativePoint(g: Geometry | null | undefined): Position | null {
  if (!g) return null;
  if (g.type === 'Point') return Number.isFinite(g.coordinates[0]) && Number.isFinite(g.coordinates[1]) ? g.coordinates : null;
  try {
    const p = pointOnFeature(g as never).geometry.coordinates;
    return Number.isFinite(p[0]) && Number.isFinite(p[1]) ? p : null;
  } catch {
    return null;
  }
}

function cleanProps(p: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p ?? {})) if (!DERIVED.has(k)) out[k] = v;
  return out;
}

/** Features as a GeoJSON FeatureCollection string with all their (own) properties. */
export function toGeoJSON(features: Feature[], meta: Record<string, unknown> = {}): string {
  const fc: FeatureCollection & Record<string, unknown> = {
    type: 'FeatureCollection',
    ...meta,
    features: features.map((f) => ({
      type: 'Feature',
      ...(f.id !== undefined ? { id: f.id } : {}),
      properties: cleanProps(f.properties as Record<string, unknown>),
      geometry: f.geometry,
    })),
  };
  return JSON.stringify(fc);
}

/** Features as CSV (UTF-8 with BOM): the fixed columns in the UI language, coded values
 * translated, text without markup, x/y of a representative point in the chosen datum. */
export function toCsv(features: Feature[], opts: CsvOptions = {}): string {
  const lang = opts.lang ?? 'en';
  const label = opts.label ?? ((_c, v) => v ?? '');
  const head = { ...CSV_HEADERS[lang], ...(opts.projected ? PROJECTED_HEADERS[lang] : {}) };
  const rnd = opts.projected ? round3 : round8;
  const rows: unknown[][] = [CSV_COLUMNS.map((c) => head[c])];
  for (const f of features) {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const wgs = representativePoint(f.geometry);
    const pt = wgs && opts.project ? opts.project(wgs) : wgs;
    const code = (c: 'category' | 'zone' | 'status' | 'location_quality') => (p[c] === undefined ? '' : label(c, (p[c] as string | null) ?? null));
    rows.push([
      p.id ?? f.id ?? '',
      stripMarkers(p.name_zh ?? ''),
      stripMarkers(p.name_en ?? ''),
      code('category'),
      code('zone'),
      p.section ?? '',
      code('status'),
      code('location_quality'),
      pt ? rnd(pt[0]) : '',
      pt ? rnd(pt[1]) : '',
      stripMarkers(p.excerpt_zh ?? ''),
    ]);
  }
  return csvDocument(rows);
}

/** Any features (e.g. an imported layer, an attribute table's filtered rows) as CSV: every
 * property as a column (the union, in first-seen order), then x/y of a representative point. */
export function toCsvAll(features: Feature[], opts: CsvOptions = {}): string {
  const lang = opts.lang ?? 'en';
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const f of features) for (const k of Object.keys(f.properties ?? {})) if (!seen.has(k)) (seen.add(k), cols.push(k));
  const head = opts.projected ? PROJECTED_HEADERS[lang] : CSV_HEADERS[lang];
  const rnd = opts.projected ? round3 : round8;
  const rows: unknown[][] = [[...cols, head.lon, head.lat]];
  for (const f of features) {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const wgs = representativePoint(f.geometry);
    const pt = wgs && opts.project ? opts.project(wgs) : wgs;
    rows.push([...cols.map((c) => stripMarkers(p[c])), pt ? rnd(pt[0]) : '', pt ? rnd(pt[1]) : '']);
  }
  return csvDocument(rows);
}

/** A file name with the date: yuecheng-plan-2026-11-28.geojson */
export function exportFileName(ext: 'geojson' | 'csv' | 'kml' | 'zip' | 'json', date = new Date(), stem = 'yuecheng-plan'): string {
  const d = date.toISOString().slice(0, 10);
  return `${stem}-${d}.${ext}`;
}
