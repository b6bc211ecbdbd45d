/**
 * The main-thread side of an import: asks which sheet to import when the file is a workbook of
 * several sheets (listed by the small sheet-list worker), hands the file to the import worker
 * (which reads it: the main thread never holds the bytes), shows progress, lets the user cancel (the worker is terminated), asks to confirm a
 * coordinate system the file suggests, and adds the layer when the worker is done. Loaded on the
 * first import.
 */
import type { Feature } from 'geojson';
import { app } from '../state/app.svelte.ts';
import { userLayers, type UserLayer } from '../state/userLayers.svelte.ts';
import { pt } from '../i18n/planner.ts';
import { it } from '../i18n/import.ts';
import { areasFrom } from '../geo/stats.ts';
import { checkFileSize, failure, type Datum, type ImportFailure, type ImportSuccess } from '../plan/importer.ts';
import type { Detected } from './crs.ts';
import type { SheetInfo } from './sheets.ts';

type Msg =
  | { type: 'progress'; stage: string; done: number }
  | { type: 'unreadable' }
  | { type: 'failed'; result: ImportFailure; detected: Detected | null; sheets?: string[] }
  | { type: 'features'; features: Feature[]; labels: string[] }
  | { type: 'done'; meta: Omit<ImportSuccess, 'fc'>; detected: Detected | null; areaIndex: Record<string, Uint32Array>; sheets?: string[] };

/** Creates the worker (a separate chunk; tests can count on the name `worker`). */
const spawn = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'import' });
const spawnLister = () => new Worker(new URL('./sheetsWorker.ts', import.meta.url), { type: 'module', name: 'sheets' });

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** Worth listing sheets first: an .xlsx by name, or a zip whose name does not say it is something else. */
const maybeWorkbook = (name: string, head: Uint8Array) => /\.xlsx$/i.test(name) || (isZip(head) && !/\.(zip|kmz|shp)$/i.test(name));

type Listed = { sheets: SheetInfo[] | null } | { error: string } | { cancelled: true };

/** The sheets of a workbook, in the sheet-list worker (which reads the file; cancellable). */
async function listSheets(file: Blob): Promise<Listed> {
  const w = spawnLister();
  try {
    return await new Promise<Listed>((resolve) => {
      userLayers.cancel = () => resolve({ cancelled: true });
      w.onerror = (e) => {
        e.preventDefault();
        resolve({ error: e.message || 'error' });
      };
      w.onmessageerror = () => resolve({ error: 'message could not be read' });
      w.onmessage = (e: MessageEvent<Listed>) => resolve(e.data);
      w.postMessage({ file });
    });
  } finally {
    w.terminate();
  }
}

function fail(name: string, f: { kind?: ImportFailure['kind']; message_zh: string; message_en: string }, level: 'error' | 'info' = 'error') {
  userLayers.status = { ok: false, name, kind: f.kind, zh: f.message_zh, en: f.message_en, warnings: [] };
  const msg = app.lang === 'zh' ? f.message_zh : f.message_en;
  app.notify(level === 'error' ? pt(app.lang, 'importFailed', { name, msg }) : msg, level);
  return null;
}

export async function runImport(file: File, datum: Datum, opts: { sheet?: string } = {}): Promise<UserLayer | null> {
  userLayers.question = null;
  userLayers.sheetQuestion = null;
  userLayers.cancel?.();
  const pre = checkFileSize(file.size);
  if (pre) return fail(file.name, pre);
  userLayers.busy = file.name;
  userLayers.progress = { stage: 'read', done: 0 };
  let worker: Worker | null = null;
  try {
    if (opts.sheet === undefined && maybeWorkbook(file.name, new Uint8Array(await file.slice(0, 4).arrayBuffer().catch(() => new ArrayBuffer(0))))) {
      const listed = await listSheets(file);
      if ('cancelled' in listed) return fail(file.name, failure('cancelled'), 'info');
      if ('sheets' in listed && listed.sheets && listed.sheets.length > 1) {
        // several sheets and none chosen: ask (the import panel shows the question), read nothing yet
        userLayers.sheetQuestion = { file, datum, sheets: listed.sheets };
        userLayers.status = null;
        app.tab = 'import';
        return null;
      }
      // one sheet, not a workbook, or no list: the import worker reads the file and says what it finds
      userLayers.progress = { stage: 'parse', done: 0 };
    }
    const areas = areasFrom({ zones: app.data.zones, platforms: app.data.platforms, outline: app.data.outline });
    const w = (worker = spawn());
    const features: Feature[] = [];
    const labels: string[] = [];
    let shown = 0;
    const outcome = await new Promise<Msg | { type: 'cancelled' } | { type: 'crashed'; detail: string }>((resolve) => {
      userLayers.cancel = () => resolve({ type: 'cancelled' });
      w.onerror = (e) => {
        e.preventDefault();
        resolve({ type: 'crashed', detail: e.message || 'error' });
      };
      w.onmessageerror = () => resolve({ type: 'crashed', detail: 'message could not be read' });
      w.onmessage = (e: MessageEvent<Msg>) => {
        const m = e.data;
        if (m.type === 'progress') {
          // the bar moves at most ten times a second: a big file sends hundreds of pieces
          const now = performance.now();
          if (m.stage !== userLayers.progress?.stage || now - shown > 100 || m.done >= 1) {
            userLayers.progress = { stage: m.stage, done: m.done };
            shown = now;
          }
        }
        else if (m.type === 'features') {
          for (const f of m.features) features.push(f);
          for (const l of m.labels) labels.push(l);
        } else resolve(m);
      };
      w.postMessage({ file, name: file.name, datum, sheet: opts.sheet, areas: JSON.parse(JSON.stringify(areas)) });
    });
    if (outcome.type === 'unreadable') return fail(file.name, { message_zh: pt('zh', 'readFailed'), message_en: pt('en', 'readFailed') });
    if (outcome.type === 'cancelled') return fail(file.name, failure('cancelled'), 'info');
    if (outcome.type === 'crashed') return fail(file.name, failure('worker-failed', [], { detail: outcome.detail, detail_zh: outcome.detail }));
    // the sheet read, when the workbook has several (formats.ts reads the first when the name is not found)
    const sheets = 'sheets' in outcome ? outcome.sheets : undefined;
    const sheet = sheets && sheets.length > 1 ? (opts.sheet !== undefined && sheets.includes(opts.sheet) ? opts.sheet : sheets[0]) : undefined;
    const label = sheet === undefined ? file.name : `${file.name} · ${sheet}`;
    if (outcome.type === 'failed') {
      const d = outcome.detected;
      if (d && d.crs !== datum) {
        // the file suggests another system: ask (the question replaces the error), never shift silently
        userLayers.question = { file, chosen: datum, detected: { crs: d.crs, zh: d.zh, en: d.en }, sheet: opts.sheet };
        userLayers.status = null;
        return null;
      }
      return fail(label, outcome.result);
    }
    if (outcome.type !== 'done') return null;
    const meta = outcome.meta;
    const fc = { type: 'FeatureCollection' as const, features };
    // a user-timing mark (devtools, the bench): the import is done, the map draws from here
    performance.mark('yc:import-added', { detail: { name: label, count: features.length } });
    const layer = userLayers.add(label, fc, meta.datum, meta.format, undefined, { labels, areaIndex: outcome.areaIndex });
    const partial = !!meta.rows && meta.rows.imported < meta.rows.read;
    const msg = (lang: 'zh' | 'en') =>
      sheet !== undefined
        ? partial
          ? it(lang, 'importedSheetRows', { name: file.name, sheet, n: meta.rows!.imported, m: meta.rows!.read })
          : it(lang, 'importedSheet', { name: file.name, sheet, n: layer.count })
        : partial
          ? it(lang, 'importedRows', { name: file.name, n: meta.rows!.imported, m: meta.rows!.read })
          : pt(lang, 'imported', { name: file.name, n: layer.count });
    userLayers.status = { ok: true, name: label, zh: msg('zh'), en: msg('en'), warnings: meta.warnings };
    app.notify(msg(app.lang), 'info');
    return layer;
  } finally {
    worker?.terminate();
    userLayers.cancel = null;
    userLayers.busy = null;
    userLayers.progress = null;
  }
}
