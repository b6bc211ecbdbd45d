/**
 * Keeping the workspace: restore from IndexedDB on start, then save as things change. Styles,
 * sketches and the view go under 'meta' (debounced); a layer's features are written once when the
 * layer appears and deleted when it goes. Storage failures are reported once and never stop the
 * session: everything keeps working in memory.
 */
import { app } from './app.svelte.ts';
import { fieldsOf, kindsOf, userLayers, type UserLayer } from './userLayers.svelte.ts';
import { workspace } from './workspace.svelte.ts';
import { makeDoc, metaOf, parseMeta, type SavedLayer, type WorkspaceDoc } from './workspaceFile.ts';
import { clearStore, deleteLayer, loadLayer, loadMeta, saveLayer, saveMeta, StoreError } from './persist.ts';
import { wt } from '../i18n/workspace.ts';
import type { View } from './params.ts';
import type { Datum } from '../plan/importer.ts';
import { featureLabel } from '../import/label.ts';
import { areasFrom, isInside } from '../geo/stats.ts';
import { bboxOf } from '../geo/distance.ts';

export function savedLayer(l: UserLayer): SavedLayer {
  return { id: l.id, name: l.name, color: l.color, size: l.size, labelField: l.labelField, visible: l.visible, opacity: l.opacity, datum: l.datum, format: l.format, fc: l.fc };
}

export function currentDoc(): WorkspaceDoc {
  // app.view is deep state (a Proxy): IndexedDB's structured clone needs a plain copy
  const v = app.view;
  const view = v ? { lon: v.lon, lat: v.lat, zoom: v.zoom, bearing: v.bearing, pitch: v.pitch } : null;
  return makeDoc(view, userLayers.layers.map(savedLayer), workspace.sketches);
}

function report(e: unknown) {
  const kind = e instanceof StoreError ? e.kind : 'blocked';
  if (workspace.storage === kind) return;
  workspace.storage = kind;
  app.notify(wt(app.lang, kind === 'full' ? 'wsFull' : 'wsBlocked'), 'error');
}

/** Put back a layer kept in the workspace, as it was (its properties untouched: the map id is the feature's index); a taken id gets a new one. */
export function restoreLayer(saved: SavedLayer): UserLayer {
  const id = userLayers.claimId(saved.id);
  const fc = saved.fc;
  const layer: UserLayer = {
    ...saved,
    id,
    fc,
    datum: saved.datum as Datum,
    format: saved.format as UserLayer['format'],
    count: fc.features.length,
    kinds: kindsOf(fc),
    fields: fieldsOf(fc),
    labels: fc.features.map((f, i) => featureLabel(f.properties, i)),
    areaIndex: null,
  };
  userLayers.push(layer);
  void indexAreas(layer.id);
  return layer;
}

/** The next idle moment (after the map's own work, such as feeding a big layer), or the next task. */
const idle = () => new Promise<void>((r) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => r(), { timeout: 500 }) : setTimeout(r, 0)));

/**
 * Which features of a restored layer lie in each zone, platform and the district, as the import
 * worker computes for a new import: here on the main thread, in slices of ~20 ms at idle moments, so a restored
 * 300k-point layer never freezes the page; the statistics count the layer once this is done.
 */
export async function indexAreas(id: string): Promise<void> {
  const layer = userLayers.get(id);
  if (!layer) return;
  const areas = areasFrom({ zones: app.data.zones, platforms: app.data.platforms, outline: app.data.outline }).map((a) => ({ id: a.id, g: a.geometry, box: bboxOf(a.geometry) }));
  const inside: Record<string, number[]> = Object.fromEntries(areas.map((a) => [a.id, []]));
  const feats = layer.fc.features;
  let t = performance.now();
  for (let i = 0; i < feats.length; i++) {
    for (const a of areas) if (isInside(a.g, feats[i].geometry, a.box)) inside[a.id].push(i);
    if ((i & 255) === 0 && performance.now() - t > 20) {
      await idle();
      if (userLayers.get(id)?.fc !== layer.fc) return;
      t = performance.now();
    }
  }
  userLayers.setAreaIndex(id, Object.fromEntries(Object.entries(inside).map(([k, v]) => [k, Uint32Array.from(v)])));
}

/** Put a workspace document's layers and sketches into the session (added to what is there). */
export function applyDoc(doc: Pick<WorkspaceDoc, 'layers' | 'sketches'>): { layers: number; sketches: number } {
  for (const l of doc.layers) restoreLayer(l);
  const have = new Set(workspace.sketches.map((s) => s.id));
  const add = doc.sketches.filter((s) => !have.has(s.id));
  if (add.length) workspace.sketches = [...workspace.sketches, ...add];
  return { layers: doc.layers.length, sketches: add.length };
}

/** Restore from IndexedDB. Returns the saved view (or null). */
export async function restoreWorkspace(): Promise<View | null> {
  try {
    const raw = await loadMeta();
    workspace.storage = 'ok';
    if (!raw) return null;
    const m = parseMeta(raw);
    if (!m.ok) return null;
    const layers: SavedLayer[] = [];
    for (const l of m.value.layers) {
      const fc = await loadLayer(l.id);
      if (fc) layers.push({ ...l, fc });
    }
    const n = applyDoc({ layers, sketches: m.value.sketches });
    for (const l of userLayers.layers) written.add(l.id);
    if (n.layers || n.sketches) app.notify(wt(app.lang, 'wsRestored', { l: n.layers, m: n.sketches }), 'info');
    return m.value.view;
  } catch (e) {
    report(e);
    return null;
  } finally {
    workspace.restored = true;
  }
}

/** layer ids whose features are in IndexedDB */
const written = new Set<string>();
let metaTimer: ReturnType<typeof setTimeout> | undefined;
let chain: Promise<unknown> = Promise.resolve();
const queue = (f: () => Promise<unknown>) => (chain = chain.then(f).catch(report));

/** Save what changed: call after any change to layers, sketches or the view. */
export function scheduleSave(delay = 400) {
  if (!workspace.restored || workspace.storage === 'blocked') return;
  const layers = userLayers.layers;
  const ids = new Set(layers.map((l) => l.id));
  for (const l of layers) {
    if (written.has(l.id)) continue;
    written.add(l.id);
    queue(async () => {
      try {
        await saveLayer(l.id, l.fc);
      } catch (e) {
        written.delete(l.id);
        throw e;
      }
    });
  }
  for (const id of [...written]) {
    if (ids.has(id)) continue;
    written.delete(id);
    queue(() => deleteLayer(id));
  }
  clearTimeout(metaTimer);
  metaTimer = setTimeout(() => {
    queue(async () => {
      await saveMeta(metaOf(currentDoc()));
      workspace.savedAt = Date.now();
      if (workspace.storage !== 'ok') workspace.storage = 'ok';
    });
  }, delay);
}

/** Wait for pending writes (tests, before a reload). */
export const flushed = () => chain;

/** Remove everything from the session and from IndexedDB. */
export async function clearWorkspace() {
  for (const l of userLayers.layers) userLayers.remove(l.id);
  workspace.sketches = [];
  workspace.removed = null;
  workspace.editing = null;
  written.clear();
  clearTimeout(metaTimer);
  await queue(() => clearStore());
}
