/**
 * The sheet-list worker: the sheets of a dropped or chosen .xlsx and their row counts, so the
 * import panel can ask which one to import before the import worker reads it. One request per
 * worker (the main thread terminates it to cancel):
 *   in:  { bytes: ArrayBuffer }
 *   out: { sheets: SheetInfo[] | null } or { error: string }
 */
import { listSheets } from './sheets.ts';

self.onmessage = (e: MessageEvent<{ bytes: ArrayBuffer }>) => {
  const post = (m: unknown) => (self as unknown as Worker).postMessage(m);
  try {
    post({ sheets: listSheets(new Uint8Array(e.data.bytes)) });
  } catch (err) {
    post({ error: (err as Error).message || 'error' });
  }
};
