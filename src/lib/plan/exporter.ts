/**
 * Serialisers for "export what I see": GeoJSON with all properties and CSV in UTF-8 with a BOM
 * (so Excel opens Chinese text correctly). Pure: no DOM.
 */
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export const BOM = '\uFEFF';

/** Properties added at load time (derived, not part of the data set): left out of exports. */
const DERIVED = new Set(['also_str', 'chapter']);

/** One CSV cell: quoted when it holds a comma, quote, CR/LF or outer spaces; quotes doubled.
 * A text cell that a spreadsheet would run as a formula (=, +, @, tab, CR, or - not followed by a
 * digit) gets a leading apostrophe. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (typeof v === 'string' && /^(?:[=+@\t\r]|-(?![\d.]))/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV document: BOM, CRLF line ends (RFC 4180). */
export function csvDocument(rows: unknown[][]): string {
  return BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const CSV_COLUMNS = ['id', 'name_zh', 'name_en', 'category', 'zone', 'section', 'status', 'location_quality', 'lon', 'lat', 'excerpt_zh'] as const;

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

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

/** Features as CSV (UTF-8 with BOM): the fixed columns, lon/lat of a representative point. */
export function toCsv(features: Feature[]): string {
  const rows: unknown[][] = [[...CSV_COLUMNS]];
  for (const f of features) {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const pt = representativePoint(f.geometry);
    rows.push([
      p.id ?? f.id ?? '',
      p.name_zh ?? '',
      p.name_en ?? '',
      p.category ?? '',
      p.zone ?? '',
      p.section ?? '',
      p.status ?? '',
      p.location_quality ?? '',
      pt ? round6(pt[0]) : '',
      pt ? round6(pt[1]) : '',
      p.excerpt_zh ?? '',
    ]);
  }
  return csvDocument(rows);
}

/** A file name with the date: yuecheng-plan-2026-11-28.geojson */
export function exportFileName(ext: 'geojson' | 'csv', date = new Date(), stem = 'yuecheng-plan'): string {
  const d = date.toISOString().slice(0, 10);
  return `${stem}-${d}.${ext}`;
}
