/**
 * The main-thread side of an import: hands the file to the import worker (which reads it), shows
 * progress, lets the user cancel (the worker is terminated), asks to confirm a coordinate system
 * the file suggests, and adds the layer when the worker is done. Loaded on the first import.
 */
import type { Feature } from 'geojson';
import { app } from '../state/app.svelte.ts';
import { userLayers, type UserLayer } from '../state/userLayers.svelte.ts';
import { pt } from '../i18n/planner.ts';
import { it } from '../i18n/import.ts';
import { areasFrom } from '../geo/stats.ts';
import { checkFileSize, failure, type Datum, type ImportFailure, type ImportSuccess } from '../plan/importer.ts';
import type { Detected } from './crs.ts';

type Msg =
  | { type: 'progress'; stage: string; done: number }
  | { type: 'unreadable' }
  | { type: 'failed'; result: ImportFailure; detected: Detected | null; sheets?: string[] }
  | { type: 'features'; features: Feature[]; labels: string[] }
  | { type: 'done'; meta: Omit<ImportSuccess, 'fc'>; detected: Detected | null; areaIndex: Record<string, Uint32Array>; sheets?: string[] };

/** Creates the worker (a separate chunk; tests can count on the name `worker`). */
const spawn = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'import' });

function fail(name: string, f: { kind?: ImportFailure['kind']; message_zh: string; message_en: string }, level: 'error' | 'info' = 'error') {
  userLayers.status = { ok: false, name, kind: f.kind, zh: f.message_zh, en: f.message_en, warnings: [] };
  const msg = app.lang === 'zh' ? f.message_zh : f.message_en;
  app.notify(level === 'error' ? pt(app.lang, 'importFailed', { name, msg }) : msg, level);
  return null;
}

export async function runImport(file: File, datum: Datum, opts: { sheet?: string } = {}): Promise<UserLayer | null> {
  userLayers.question = null;
  userLayers.cancel?.();
  const pre = checkFileSize(file.size);
  if (pre) return fail(file.name, pre);
  userLayers.busy = file.name;
  userLayers.progress = { stage: 'read', done: 0 };
  let worker: Worker | null = null;
  try {
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
    if (outcome.type === 'failed') {
      const d = outcome.detected;
      if (d && d.crs !== datum) {
        // the file suggests another system: ask (the question replaces the error), never shift silently
        userLayers.question = { file, chosen: datum, detected: { crs: d.crs, zh: d.zh, en: d.en }, sheet: opts.sheet };
        userLayers.status = null;
        return null;
      }
      return fail(file.name, outcome.result);
    }
    if (outcome.type !== 'done') return null;
    const meta = outcome.meta;
    const fc = { type: 'FeatureCollection' as const, features };
    // a user-timing mark (devtools, the bench): the import is done, the map draws from here
    performance.mark('yc:import-added', { detail: { name: file.name, count: features.length } });
    const layer = userLayers.add(file.name, fc, meta.datum, meta.format, undefined, { labels, areaIndex: outcome.areaIndex });
    const msg = (lang: 'zh' | 'en') => (meta.rows && meta.rows.imported < meta.rows.read ? it(lang, 'importedRows', { name: file.name, n: meta.rows.imported, m: meta.rows.read }) : pt(lang, 'imported', { name: file.name, n: layer.count }));
    userLayers.status = { ok: true, name: file.name, zh: msg('zh'), en: msg('en'), warnings: meta.warnings };
    app.notify(msg(app.lang), 'info');
    return layer;
  } finally {
    worker?.terminate();
    userLayers.cancel = null;
    userLayers.busy = null;
    userLayers.progress = null;
  }
}
