/**
 * The import worker: reading, parsing, validation, reprojection and zone assignment of one file,
 * off the main thread. Protocol (one request per worker; the main thread terminates it to cancel):
 *   in:  { bytes: ArrayBuffer, name, datum?, sheet?, areas }
 *   out: { type: 'progress', stage, done }            (done 0–1 within the stage)
 *        { type: 'failed', result, detected, sheets }  (an ImportFailure)
 *        { type: 'features', features }                (chunks of the validated WGS84 features)
 *        { type: 'done', meta, labels, areaIndex, mapData }
 * mapData is a Blob of the collection as GeoJSON text with numeric feature ids, for MapLibre to
 * fetch and parse in its own worker: the main thread never serialises a big collection.
 */
import { importAny, type AnyOptions } from './formats.ts';
import { featureLabel, type ImportSuccess } from '../plan/importer.ts';
import { isInside, type AreaInput } from '../geo/stats.ts';
import type { Feature } from 'geojson';

export interface WorkerRequest {
  bytes: ArrayBuffer;
  name: string;
  datum?: AnyOptions['datum'];
  sheet?: string;
  areas: AreaInput[];
}

const CHUNK = 20_000;
/** above this many features the map source fetches a Blob instead of receiving objects */
const BIG = 20_000;
const post = (m: unknown, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);
const progress = (stage: string, done: number) => post({ type: 'progress', stage, done });

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { bytes, name, datum, sheet, areas } = e.data;
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
  const labels = features.map((f, i) => featureLabel(f.properties as Record<string, unknown>, i));
  // the map's copy of a big import: GeoJSON text with numeric ids, built in pieces (small ones are drawn from the features)
  let mapData: Blob | null = null;
  if (features.length > BIG) {
    const parts: string[] = ['{"type":"FeatureCollection","features":['];
    for (let i = 0; i < features.length; i++) {
      const f = features[i] as Feature;
      parts.push((i ? ',' : '') + JSON.stringify({ type: 'Feature', id: i, properties: f.properties, geometry: f.geometry }));
    }
    parts.push(']}');
    mapData = new Blob(parts, { type: 'application/geo+json' });
  }
  for (let i = 0; i < features.length; i += CHUNK) {
    post({ type: 'features', features: features.slice(i, i + CHUNK) });
    progress('send', Math.min(1, (i + CHUNK) / features.length));
  }
  const meta = { ...r, fc: undefined };
  post({ type: 'done', meta, detected, sheets, labels, areaIndex, mapData }, Object.values(areaIndex).map((a) => a.buffer));
};
