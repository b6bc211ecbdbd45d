/**
 * IndexedDB keeping of the workspace (idb-keyval, loaded on first use). Layers' features are
 * stored once when a layer is added, in pieces of PART features under 'fc:<id>:<k>' with a head
 * under 'fc:<id>' (structured clone, no JSON); styles, sketches
 * and the view under 'meta', rewritten as they change. Every failure is classified so the UI can
 * say what happened while the session keeps working: 'blocked' (no IndexedDB: private mode, a
 * policy) or 'full' (quota).
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { WorkspaceMeta } from './workspaceFile.ts';

export type StoreFailure = 'blocked' | 'full';

type Kv = typeof import('idb-keyval');
let kv: Promise<{ lib: Kv; store: ReturnType<Kv['createStore']> }> | null = null;

function open() {
  kv ??= (async () => {
    if (typeof indexedDB === 'undefined') throw Object.assign(new Error('IndexedDB is not available'), { name: 'InvalidStateError' });
    const lib = await import('idb-keyval');
    const store = lib.createStore('yuecheng-workspace', 'kv');
    // a first read proves the database opens (private mode and blocked storage fail here)
    await lib.get('meta', store);
    return { lib, store };
  })();
  kv.catch(() => (kv = null));
  return kv;
}

/** 'full' for quota errors, 'blocked' for anything else (cannot open, security, private mode). */
export function classify(e: unknown): StoreFailure {
  const name = (e as { name?: string })?.name ?? '';
  const msg = String((e as { message?: string })?.message ?? e);
  return name === 'QuotaExceededError' || /quota/i.test(msg) ? 'full' : 'blocked';
}

export class StoreError extends Error {
  constructor(public kind: StoreFailure, cause: unknown) {
    super(String((cause as Error)?.message ?? cause));
    this.name = 'StoreError';
  }
}

async function run<T>(f: (k: Awaited<ReturnType<typeof open>>) => Promise<T>): Promise<T> {
  let k;
  try {
    k = await open();
  } catch (e) {
    throw new StoreError('blocked', e);
  }
  try {
    return await f(k);
  } catch (e) {
    throw new StoreError(classify(e), e);
  }
}

/**
 * Features per IndexedDB record. A put serialises its value on the main thread in one go, so a
 * big layer is written (and read back) in pieces that each take tens of milliseconds rather than
 * one piece that blocks the page for seconds.
 */
export const PART = 5000;

/** What 'fc:<id>' holds: the layer's size and how many 'fc:<id>:<k>' pieces carry its features. */
interface LayerHead {
  type: 'parts';
  parts: number;
  count: number;
}

const partKey = (id: string, k: number) => `fc:${id}:${k}`;
const isHead = (v: unknown): v is LayerHead => !!v && (v as LayerHead).type === 'parts' && Number.isInteger((v as LayerHead).parts);

export const loadMeta = () => run(({ lib, store }) => lib.get<WorkspaceMeta>('meta', store));

/** A kept layer's features (null when absent or incomplete). Older workspaces kept the whole collection under 'fc:<id>'. */
export const loadLayer = (id: string) =>
  run(async ({ lib, store }): Promise<FeatureCollection | null> => {
    const head = await lib.get<LayerHead | FeatureCollection>(`fc:${id}`, store);
    if (!head) return null;
    if (!isHead(head)) return head;
    const features: Feature[] = [];
    for (let k = 0; k < head.parts; k++) {
      const part = await lib.get<Feature[]>(partKey(id, k), store);
      if (!part) return null;
      for (const f of part) features.push(f);
    }
    return features.length === head.count ? { type: 'FeatureCollection', features } : null;
  });

export const saveMeta = (m: WorkspaceMeta) => run(({ lib, store }) => lib.set('meta', m, store));

/** Write a layer's features in pieces; the head goes last, so a layer cut short (quota, a closed tab) is never restored half. */
export const saveLayer = (id: string, fc: FeatureCollection) =>
  run(async ({ lib, store }) => {
    const n = fc.features.length;
    const parts = Math.ceil(n / PART);
    for (let k = 0; k < parts; k++) await lib.set(partKey(id, k), fc.features.slice(k * PART, (k + 1) * PART), store);
    await lib.set(`fc:${id}`, { type: 'parts', parts, count: n } satisfies LayerHead, store);
  });

export const deleteLayer = (id: string) =>
  run(async ({ lib, store }) => {
    const head = await lib.get<LayerHead | FeatureCollection>(`fc:${id}`, store);
    const keys = [`fc:${id}`, ...(isHead(head) ? Array.from({ length: head.parts }, (_, k) => partKey(id, k)) : [])];
    await lib.delMany(keys, store);
  });

export const clearStore = () => run(({ lib, store }) => lib.clear(store));
