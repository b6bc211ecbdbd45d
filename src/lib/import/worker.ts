/**
 * The import worker: reading, parsing, validation, reprojection and zone assignment of one file,
 * off the main thread. Protocol (one request per worker; the main thread terminates it to cancel):
 *   in:  { file: Blob, name, datum?, sheet?, areas }   (the worker reads the file: the main thread never holds its bytes)
 *   out: { type: 'progress', stage, done }            (done 0–1 within the stage)
 *        { type: 'unreadable' }                        (the browser could not read the file)
 *        { type: 'failed', result, detected, sheets }  (an ImportFailure)
 *        { type: 'features', features, labels }         (a piece, with the features' display names)
 *        { type: 'done', meta, areaIndex }
 * The features come in pieces of CHUNK, each unpacked on the main thread in its own short task.
 * (ImportLayers.svelte then hands a big layer to the map in pieces too.)
 */
import { importAny, type AnyOptions } from './formats.ts';
import { featureLabel, type ImportSuccess } from '../plan/importer.ts';
import { isInside, type AreaInput } from '../geo/stats.ts';
import type { Feature } from 'geojson';

export interface WorkerRequest {
  file: Blob;
  name: string;
  datum?: AnyOptions['datum'];
  sheet?: string;
  areas: AreaInput[];
}

/** features per message: the main thread unpacks each message in one task, so they stay small (tens of ms) */
const CHUNK = 1_000;
const post = (m: unknown, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);
const progress = (stage: string, done: number) => post({ type: 'progress', stage, done });

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { file, name, datum, sheet, areas } = e.data;
  progress('read', 0);
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    post({ type: 'unreadable' });
    return;
  }
  progress('parse', 0);
  const { result, detected, sheets } = await importAny(new Uint8Array(bytes), { name, datum, sheet });
  if (!result.ok) {
    post({ type: 'failed', result, detected, sheets });
    return;
  }
  const r = result as ImportSuccess;
  const features = r.fc.features;
  progress('areas', 0);
  // which features lie in which zone/platform/district: the statistics then only add up indices
  const areaIndex: Record<string, Uint32Array> = {};
  areas.forEach((a, k) => {
    const inside: number[] = [];
    for (let i = 0; i < features.length; i++) if (isInside(a.geometry, features[i].geometry)) inside.push(i);
    areaIndex[a.id] = Uint32Array.from(inside);
    progress('areas', (k + 1) / areas.length);
  });
  for (let i = 0; i < features.length; i += CHUNK) {
    post({ type: 'features', features: features.slice(i, i + CHUNK), labels: features.slice(i, i + CHUNK).map((f, k) => featureLabel(f.properties as Record<string, unknown>, i + k)) });
    progress('send', Math.min(1, (i + CHUNK) / features.length));
  }
  const meta = { ...r, fc: undefined };
  post({ type: 'done', meta, detected, sheets, areaIndex }, Object.values(areaIndex).map((a) => a.buffer));
};
