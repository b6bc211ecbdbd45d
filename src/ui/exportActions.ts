/**
 * Running an export from the UI: formats (GeoJSON, CSV, KML, zipped Shapefile) × datums, with
 * values and headers in the UI language. proj4, tokml and fflate load on the first export.
 */
import type { Feature } from 'geojson';
import { app } from '../lib/state/app.svelte.ts';
import { GROUP_BY_ID, ZONE_LABELS } from '../lib/layers/registry.ts';
import { translate } from '../lib/i18n/strings.ts';
import { wt } from '../lib/i18n/workspace.ts';
import { exportFileName, toCsv, toCsvAll, toGeoJSON } from '../lib/plan/exporter.ts';
import type { ExportDatum } from '../lib/plan/datums.ts';
import { DATASET } from '../lib/plan/dataset.ts';

export type ExportFormat = 'geojson' | 'csv' | 'kml' | 'shp';

/** a coded value of a plan feature in the UI language */
export function valueLabel(column: 'category' | 'zone' | 'status' | 'location_quality', v: string | null): string {
  const lang = app.lang;
  if (column === 'category') return (v && GROUP_BY_ID.get(v as never)?.title[lang]) || (v ?? '');
  if (column === 'zone') return v ? (ZONE_LABELS[v as keyof typeof ZONE_LABELS]?.[lang] ?? v) : translate(lang, 'zone.null');
  if (column === 'status') return v ? translate(lang, `status.${v}`) : '';
  return v ? translate(lang, `quality.${v}`) : '';
}

export function saveBlob(data: BlobPart, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const DATUM_TAG: Record<ExportDatum, string> = { wgs84: '', gcj02: '-gcj02', 'cgcs2000-gk40': '-cgcs2000-gk40' };

/**
 * Export features. `plan`: plan features (fixed, translated columns); otherwise every property.
 * Returns the file name written.
 */
export async function runExport(features: Feature[], format: ExportFormat, datum: ExportDatum, opts: { plan: boolean; stem?: string }): Promise<string | null> {
  const lang = app.lang;
  const stem = `${opts.stem ?? 'yuecheng-plan'}${format === 'kml' ? '' : DATUM_TAG[datum]}`;
  try {
    const { forward, isProjected, toDatum } = await import('../lib/plan/datums.ts');
    let name: string;
    if (format === 'csv') {
      const o = { lang, label: valueLabel, project: forward(datum), projected: isProjected(datum) };
      name = exportFileName('csv', new Date(), stem);
      saveBlob(opts.plan ? toCsv(features, o) : toCsvAll(features, o), name, 'text/csv;charset=utf-8');
    } else if (format === 'geojson') {
      name = exportFileName('geojson', new Date(), stem);
      const crs = datum === 'cgcs2000-gk40' ? { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4528' } } } : {};
      saveBlob(toGeoJSON(toDatum(features, datum), { name: stem, dataset_version: DATASET.version, datum, ...crs, exported: new Date().toISOString() }), name, 'application/geo+json');
    } else if (format === 'kml') {
      const { toKml } = await import('../lib/plan/exportFormats.ts');
      name = exportFileName('kml', new Date(), stem);
      saveBlob(toKml(features, (f) => String((lang === 'zh' ? f.properties?.name_zh : f.properties?.name_en) ?? f.properties?.name ?? f.properties?.['名称'] ?? '')), name, 'application/vnd.google-earth.kml+xml');
    } else {
      const { toShapefileZip } = await import('../lib/plan/exportFormats.ts');
      name = exportFileName('zip', new Date(), stem);
      saveBlob(toShapefileZip(features, datum, stem) as BlobPart, name, 'application/zip');
    }
    return name;
  } catch (e) {
    app.notify(wt(lang, 'exportFailedMsg', { e: (e as Error).message }), 'error');
    return null;
  }
}
