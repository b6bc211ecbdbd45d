/**
 * The sheet-list worker: the sheets of a dropped or chosen .xlsx and their row counts, so the
 * import panel can ask which one to import before the import worker reads it. One request per
 * worker (the main thread terminates it to cancel):
 *   in:  { file: Blob }   (read here: the main thread never holds the bytes)
 *   out: { sheets: SheetInfo[] | null } or { error: string }
 */
import { listSheets } from './sheets.ts';

self.onmessage = async (e: MessageEvent<{ file: Blob }>) => {
  const post = (m: unknown) => (self as unknown as Worker).postMessage(m);
  try {
    post({ sheets: listSheets(new Uint8Array(await e.data.file.arrayBuffer())) });
  } catch (err) {
    post({ error: (err as Error).message || 'error' });
  }
};
