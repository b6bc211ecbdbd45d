/**
 * Before the app reloads itself (a new version, issue 14 §5–6), everything the user made must be
 * saved. Whoever holds unsaved work registers a flush here (the IndexedDB workspace does);
 * `flushBeforeReload` runs them all and says whether every one succeeded. Pure: no DOM.
 */
export type Flush = () => void | Promise<void>;

const flushes = new Set<Flush>();

/** Register a flush to run before any reload the app starts; returns the unregister function. */
export function onBeforeReload(fn: Flush): () => void {
  flushes.add(fn);
  return () => void flushes.delete(fn);
}

export interface FlushResult {
  ok: boolean;
  /** one message per flush that threw or did not finish in time */
  errors: string[];
}

/** Run every registered flush (in parallel), each within `timeoutMs`. */
export async function flushBeforeReload(timeoutMs = 10_000): Promise<FlushResult> {
  const run = (f: Flush) =>
    new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`not saved within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
      Promise.resolve()
        .then(f)
        .then(
          () => (clearTimeout(t), resolve()),
          (e: unknown) => (clearTimeout(t), reject(e)),
        );
    });
  const results = await Promise.allSettled([...flushes].map(run));
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : []));
  return { ok: errors.length === 0, errors };
}
