/**
 * Running an export from the UI: formats (GeoJSON, CSV, KML, zipped Shapefile) × datums, with
 * values and headers in the UI language (built by src/lib/plan/exportFile.ts), saved as a download.
 */
import type { Feature } from 'geojson';
import { app } from '../lib/state/app.svelte.ts';
import { GROUP_BY_ID, ZONE_LABELS } from '../lib/layers/registry.ts';
import { translate } from '../lib/i18n/strings.ts';
import { wt } from '../lib/i18n/workspace.ts';
import { buildExport, type ExportFormat } from '../lib/plan/exportFile.ts';
import type { ExportDatum } from '../lib/plan/datums.ts';
import { DATASET } from '../lib/plan/dataset.ts';

export type { ExportFormat };

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

/**
 * Export features. `plan`: plan features (fixed, translated columns); otherwise every property.
 * Returns the file name written.
 */
export async function runExport(features: Feature[], format: ExportFormat, datum: ExportDatum, opts: { plan: boolean; stem?: string }): Promise<string | null> {
  const lang = app.lang;
  try {
    const f = await buildExport(features, format, datum, { plan: opts.plan, stem: opts.stem, lang, label: valueLabel, meta: { dataset_version: DATASET.version, exported: new Date().toISOString() } });
    saveBlob(f.data as BlobPart, f.name, f.type);
    return f.name;
  } catch (e) {
    app.notify(wt(lang, 'exportFailedMsg', { e: (e as Error).message }), 'error');
    return null;
  }
}
