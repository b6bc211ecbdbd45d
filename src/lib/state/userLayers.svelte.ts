/**
 * Imported user layers: one entry per imported file, drawn from its own source `user-<n>`.
 * The map follows this list (src/ui/ImportLayers.svelte); the legend, the import tab and the
 * statistics read it. Not part of the URL (the data lives only in this browser tab).
 */
import type { FeatureCollection, Geometry } from 'geojson';
// the importer (gcoord, geojson-validation) is loaded on the first import, not with the legend
import type { Datum, ImportErrorKind, ImportFormat, ImportWarning } from '../plan/importer.ts';
import { app } from './app.svelte.ts';
import { pt } from '../i18n/planner.ts';

export interface UserLayer {
  /** source id, also the prefix of its layer ids: user-1, user-1-fill, user-1-line, user-1-circle */
  id: string;
  name: string;
  color: string;
  visible: boolean;
  opacity: number;
  datum: Datum;
  format: ImportFormat;
  fc: FeatureCollection;
  count: number;
  /** geometry kinds present, for the legend swatch */
  kinds: ('point' | 'line' | 'polygon')[];
}

export const USER_COLORS = ['#e4572e', '#17bebb', '#8e44ad', '#2e86ab', '#c9184a', '#6a994e', '#f2a541', '#3d5a80'];

export const userLayerIds = (id: string) => [`${id}-fill`, `${id}-line`, `${id}-circle`];

function kindsOf(fc: FeatureCollection): UserLayer['kinds'] {
  const k = new Set<UserLayer['kinds'][number]>();
  const add = (g: Geometry | null) => {
    if (!g) return;
    if (g.type === 'Point' || g.type === 'MultiPoint') k.add('point');
    else if (g.type === 'LineString' || g.type === 'MultiLineString') k.add('line');
    else if (g.type === 'Polygon' || g.type === 'MultiPolygon') k.add('polygon');
    else g.geometries.forEach(add);
  };
  for (const f of fc.features) add(f.geometry);
  return (['polygon', 'line', 'point'] as const).filter((x) => k.has(x));
}

export interface ImportStatus {
  ok: boolean;
  name: string;
  kind?: ImportErrorKind;
  zh: string;
  en: string;
  warnings: ImportWarning[];
}

class UserLayersState {
  // raw: an imported file can hold a million vertices; the list is replaced, never mutated
  layers: UserLayer[] = $state.raw([]);
  /** datum chosen in the import tab, also used for files dropped on the map */
  datum: Datum = $state('wgs84');
  /** outcome of the last import, shown in the import tab */
  status: ImportStatus | null = $state.raw(null);
  /** name of the file being read */
  busy: string | null = $state(null);
  private seq = 0;

  /** Add a validated collection (WGS84). `label` names each feature for lists and statistics. */
  add(name: string, fc: FeatureCollection, datum: Datum, format: ImportFormat, label: (p: Record<string, unknown> | null, i: number) => string = (_p, i) => `#${i + 1}`): UserLayer {
    const n = ++this.seq;
    const id = `user-${n}`;
    // each feature gets a stable id for the map and the statistics; its own properties are kept
    const features = fc.features.map((f, i) => ({
      ...f,
      properties: { ...(f.properties ?? {}), _uid: `${id}:${i}`, _label: label(f.properties, i) },
    }));
    const layer: UserLayer = {
      id,
      name,
      color: USER_COLORS[(n - 1) % USER_COLORS.length],
      visible: true,
      opacity: 1,
      datum,
      format,
      fc: { type: 'FeatureCollection', features },
      count: features.length,
      kinds: kindsOf(fc),
    };
    this.layers = [...this.layers, layer];
    return layer;
  }

  remove(id: string) {
    this.layers = this.layers.filter((l) => l.id !== id);
  }

  set(id: string, patch: Partial<Pick<UserLayer, 'visible' | 'opacity'>>) {
    this.layers = this.layers.map((l) => (l.id === id ? { ...l, ...patch } : l));
  }
}

export const userLayers = new UserLayersState();

/**
 * Import one file: refuse by size before reading, then read, validate and add it as a layer.
 * A failure never touches what is already loaded. Returns the new layer or null.
 */
export async function importFile(file: File, datum: Datum = userLayers.datum): Promise<UserLayer | null> {
  const fail = (kind: ImportErrorKind | undefined, zh: string, en: string) => {
    userLayers.status = { ok: false, name: file.name, kind, zh, en, warnings: [] };
    const msg = app.lang === 'zh' ? zh : en;
    app.notify(pt(app.lang, 'importFailed', { name: file.name, msg }), 'error');
    return null;
  };
  userLayers.busy = file.name;
  try {
    const { checkFileSize, featureLabel, importBytes } = await import('../plan/importer.ts');
    const pre = checkFileSize(file.size);
    if (pre) return fail(pre.kind, pre.message_zh, pre.message_en);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      return fail(undefined, pt('zh', 'readFailed'), pt('en', 'readFailed'));
    }
    const r = importBytes(bytes, { name: file.name, datum });
    if (!r.ok) return fail(r.kind, r.message_zh, r.message_en);
    const layer = userLayers.add(file.name, r.fc, datum, r.format, featureLabel);
    userLayers.status = {
      ok: true,
      name: file.name,
      zh: pt('zh', 'imported', { name: file.name, n: layer.count }),
      en: pt('en', 'imported', { name: file.name, n: layer.count }),
      warnings: r.warnings,
    };
    app.notify(pt(app.lang, 'imported', { name: file.name, n: layer.count }), 'info');
    return layer;
  } finally {
    userLayers.busy = null;
  }
}
