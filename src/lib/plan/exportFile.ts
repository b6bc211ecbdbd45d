/**
 * One export file, built (pure, no DOM): features × format (GeoJSON, CSV, KML, zipped Shapefile) ×
 * datum (WGS84, GCJ-02, CGCS2000 3° GK zone 40), exactly as the export menus write it. The UI
 * (src/ui/exportActions.ts) saves the result; the round-trip tests read it back with the app's own
 * importer. proj4, tokml and fflate load on the first export.
 */
import type { Feature } from 'geojson';
import { exportFileName, toCsv, toCsvAll, toGeoJSON, type CsvOptions } from './exporter.ts';
import type { ExportDatum } from './datums.ts';

export type ExportFormat = 'geojson' | 'csv' | 'kml' | 'shp';

export interface ExportRequest {
  /** plan features (fixed, translated columns in CSV); otherwise every property */
  plan: boolean;
  /** file name stem (default yuecheng-plan) */
  stem?: string;
  lang: 'zh' | 'en';
  /** translates a coded value of a plan feature for CSV (default: the value) */
  label?: CsvOptions['label'];
  /** GeoJSON metadata members (name and datum are added) */
  meta?: Record<string, unknown>;
  date?: Date;
}

export interface ExportFile {
  name: string;
  data: string | Uint8Array;
  type: string;
}

const DATUM_TAG: Record<ExportDatum, string> = { wgs84: '', gcj02: '-gcj02', 'cgcs2000-gk40': '-cgcs2000-gk40' };

/** The title of a KML placemark: the name in the UI language (or the feature's own name). */
export const kmlName = (lang: 'zh' | 'en') => (f: Feature) => String((lang === 'zh' ? f.properties?.name_zh : f.properties?.name_en) ?? f.properties?.name ?? f.properties?.['名称'] ?? '');

/** Build one export. KML is WGS84 whatever `datum` says (OGC KML 2.2). */
export async function buildExport(features: Feature[], format: ExportFormat, datum: ExportDatum, req: ExportRequest): Promise<ExportFile> {
  const { lang } = req;
  const date = req.date ?? new Date();
  const stem = `${req.stem ?? 'yuecheng-plan'}${format === 'kml' ? '' : DATUM_TAG[datum]}`;
  const { forward, isProjected, toDatum } = await import('./datums.ts');
  if (format === 'csv') {
    const o: CsvOptions = { lang, label: req.label, project: forward(datum), projected: isProjected(datum) };
    return { name: exportFileName('csv', date, stem), data: req.plan ? toCsv(features, o) : toCsvAll(features, o), type: 'text/csv;charset=utf-8' };
  }
  if (format === 'geojson') {
    const crs = datum === 'cgcs2000-gk40' ? { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4528' } } } : {};
    return { name: exportFileName('geojson', date, stem), data: toGeoJSON(toDatum(features, datum), { name: stem, ...req.meta, datum, ...crs }), type: 'application/geo+json' };
  }
  const { toKml, toShapefileZip } = await import('./exportFormats.ts');
  if (format === 'kml') return { name: exportFileName('kml', date, stem), data: toKml(features, kmlName(lang)), type: 'application/vnd.google-earth.kml+xml' };
  return { name: exportFileName('zip', date, stem), data: toShapefileZip(features, datum, stem), type: 'application/zip' };
}
