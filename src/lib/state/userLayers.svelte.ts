/**
 * Imported user layers: one entry per imported file, drawn from its own source `user-<n>`.
 * The map follows this list (src/ui/ImportLayers.svelte); the legend, the import tab and the
 * statistics read it. Not part of the URL (the data lives only in this browser tab).
 */
import type { FeatureCollection, Geometry } from 'geojson';
// the importer (gcoord, geojson-validation) is loaded on the first import, not with the legend
import type { Datum, ImportErrorKind, ImportFormat, ImportWarning } from '../plan/importer.ts';

export interface UserLayer {
  /** source id, also the prefix of its layer ids: user-1, user-1-fill, user-1-line, user-1-circle */
  id: string;
  name: string;
  color: string;
  /** point radius (px at zoom 14) and line width scale: 0.5–3 */
  size: number;
  /** property drawn as the label on the map, or null */
  labelField: string | null;
  visible: boolean;
  opacity: number;
  datum: Datum;
  format: ImportFormat;
  fc: FeatureCollection;
  count: number;
  /** geometry kinds present, for the legend swatch */
  kinds: ('point' | 'line' | 'polygon')[];
  /** the user's property names, in first-seen order (internal keys excluded) */
  fields: string[];
  /** a display name per feature (same order as fc.features) */
  labels: string[];
  /** statistics area id → indices of the features inside it (computed in the import worker) */
  areaIndex: Record<string, Uint32Array> | null;
}

/** Style and identity of a layer: what the workspace keeps besides the features. */
export type UserLayerStyle = Pick<UserLayer, 'color' | 'size' | 'labelField' | 'visible' | 'opacity'>;
export const DEFAULT_SIZE = 1;

/** Property names of a collection, first-seen order (sampled: the first 2000 features and every 50th after). The app keeps nothing of its own in properties, so every name is the user's. */
export function fieldsOf(fc: FeatureCollection): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const n = fc.features.length;
  for (let i = 0; i < n; i += i < 2000 ? 1 : 50) {
    for (const k of Object.keys(fc.features[i].properties ?? {})) if (!seen.has(k)) (seen.add(k), out.push(k));
  }
  return out;
}


export const USER_COLORS = ['#e4572e', '#17bebb', '#8e44ad', '#2e86ab', '#c9184a', '#6a994e', '#f2a541', '#3d5a80'];

export const userLayerIds = (id: string) => [`${id}-fill`, `${id}-line`, `${id}-circle`];

export function kindsOf(fc: FeatureCollection): UserLayer['kinds'] {
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

/** An import paused for the user to confirm the coordinate system the file suggests. */
export interface CrsQuestion {
  file: File;
  chosen: Datum;
  detected: { crs: Datum; zh: string; en: string };
  sheet?: string;
}

/** A workbook of several sheets, paused for the user to choose the sheet to import. */
export interface SheetQuestion {
  file: File;
  datum: Datum;
  /** every sheet, in workbook order, with its data rows (header excluded) */
  sheets: { name: string; rows: number }[];
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
  /** progress of the running import: stage and 0–1 */
  progress: { stage: string; done: number } | null = $state.raw(null);
  /** a coordinate system to confirm before importing */
  question: CrsQuestion | null = $state.raw(null);
  /** a sheet to choose before importing a workbook of several sheets */
  sheetQuestion: SheetQuestion | null = $state.raw(null);
  /** stops the running import (set while one runs) */
  cancel: (() => void) | null = $state.raw(null);
  private seq = 0;

  /**
   * Add a validated collection (WGS84). Properties are kept exactly as imported; what the app
   * needs per feature lives beside them, never in them: `labels[i]` (lists, statistics) and the
   * feature's index as its map id. `extra.areaIndex` holds the features inside each
   * statistics area.
   */
  add(
    name: string,
    fc: FeatureCollection,
    datum: Datum,
    format: ImportFormat,
    label: (p: Record<string, unknown> | null, i: number) => string = (_p, i) => `#${i + 1}`,
    extra: { labels?: string[]; areaIndex?: Record<string, Uint32Array>; kinds?: UserLayer['kinds'] } = {},
  ): UserLayer {
    const n = ++this.seq;
    const id = `user-${n}`;
    const layer: UserLayer = {
      id,
      name,
      color: USER_COLORS[(n - 1) % USER_COLORS.length],
      size: DEFAULT_SIZE,
      labelField: null,
      visible: true,
      opacity: 1,
      datum,
      format,
      fc,
      count: fc.features.length,
      kinds: extra.kinds ?? kindsOf(fc),
      labels: extra.labels ?? fc.features.map((f, i) => label(f.properties as Record<string, unknown> | null, i)),
      areaIndex: extra.areaIndex ?? null,
      fields: fieldsOf(fc),
    };
    this.layers = [...this.layers, layer];
    return layer;
  }

  /** An id for a restored layer: its own when free (later imports count on from it), else a new one. */
  claimId(id: string): string {
    const num = Number(/^user-(\d+)$/.exec(id)?.[1]);
    if (Number.isFinite(num) && !this.layers.some((l) => l.id === id)) {
      this.seq = Math.max(this.seq, num);
      return id;
    }
    return `user-${++this.seq}`;
  }

  /** Add a layer object as it is (restored from the workspace). */
  push(layer: UserLayer) {
    this.layers = [...this.layers, layer];
  }

  remove(id: string) {
    this.layers = this.layers.filter((x) => x.id !== id);
  }

  set(id: string, patch: Partial<Pick<UserLayer, 'visible' | 'opacity' | 'color' | 'size' | 'labelField' | 'name'>>) {
    this.layers = this.layers.map((l) => (l.id === id ? { ...l, ...patch } : l));
  }

  /** Attach the features-in-area indices computed after the layer was added (a restored layer). */
  setAreaIndex(id: string, areaIndex: Record<string, Uint32Array>) {
    this.layers = this.layers.map((l) => (l.id === id ? { ...l, areaIndex } : l));
  }

  get(id: string): UserLayer | undefined {
    return this.layers.find((l) => l.id === id);
  }
}

export const userLayers = new UserLayersState();


/**
 * Import one file in the import worker (src/lib/import/client.ts, loaded on first use): refused by
 * size before reading; progress, cancel, a sheet question (a workbook of several sheets, when no
 * `sheet` is given) and a coordinate-system question along the way. A failure,
 * a cancel or a crashed worker never touches what is already loaded. Returns the new layer or null.
 */
export async function importFile(file: File, datum: Datum = userLayers.datum, opts: { sheet?: string } = {}): Promise<UserLayer | null> {
  const { runImport } = await import('../import/client.ts');
  return runImport(file, datum, opts);
}
