/**
 * IndexedDB keeping of the workspace (idb-keyval, loaded on first use). Layers' features are
 * stored once under 'fc:<id>' when a layer is added (structured clone, no JSON); styles, sketches
 * and the view under 'meta', rewritten as they change. Every failure is classified so the UI can
 * say what happened while the session keeps working: 'blocked' (no IndexedDB: private mode, a
 * policy) or 'full' (quota).
 */
import type { FeatureCollection } from 'geojson';
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

export const loadMeta = () => run(({ lib, store }) => lib.get<WorkspaceMeta>('meta', store));
export const loadLayer = (id: string) => run(({ lib, store }) => lib.get<FeatureCollection>(`fc:${id}`, store));
export const saveMeta = (m: WorkspaceMeta) => run(({ lib, store }) => lib.set('meta', m, store));
export const saveLayer = (id: string, fc: FeatureCollection) => run(({ lib, store }) => lib.set(`fc:${id}`, fc, store));
export const deleteLayer = (id: string) => run(({ lib, store }) => lib.del(`fc:${id}`, store));
export const clearStore = () => run(({ lib, store }) => lib.clear(store));
