/**
 * A new build while the app is open (issue 14 §5–6).
 * - Without a service worker, the host serves the new build: a lazily loaded panel or overlay of the
 *   old build may be gone (404). Vite reports that as `vite:preloadError`; other failed dynamic
 *   imports reject with the browser's own message. Either way the page's index.html is fetched
 *   again: if it names another entry script, a new version is out and the user is offered a reload;
 *   if not (or it cannot be fetched), the connection is at fault and nothing is reloaded.
 * - With a service worker, the page keeps its build; once the new worker is installed the user is
 *   offered "updated: reload", which activates it (skip-waiting) and reloads.
 * Either reload happens only when the user accepts, and only after every flush registered with
 * onBeforeReload (the workspace) has succeeded.
 */
import { app } from '../state/app.svelte.ts';
import { dt } from '../i18n/deploy.ts';
import { flushBeforeReload } from './reload.ts';

/** The message of a failed dynamic import or module preload (Chromium, Firefox, Safari, Vite). */
export function isChunkLoadError(reason: unknown): boolean {
  const msg = reason instanceof Error ? reason.message : typeof reason === 'string' ? reason : '';
  return /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS|Failed to load module script/i.test(msg);
}

/** The module entry script named by an index.html. */
export function entryScript(html: string): string | null {
  const m = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/i.exec(html) ?? /<script\b[^>]*\bsrc="([^"]+)"[^>]*\btype="module"/i.exec(html);
  return m ? m[1] : null;
}

export type BuildStatus = 'new' | 'same' | 'unreachable';

/** Is the build on the host another one than the page's? */
export async function hostBuild(current: string | null, fetchFn: typeof fetch = fetch, base = import.meta.env.BASE_URL): Promise<BuildStatus> {
  try {
    const r = await fetchFn(`${base}index.html`, { cache: 'no-store' });
    if (!r.ok) return 'unreachable';
    const entry = entryScript(await r.text());
    if (!entry) return 'unreachable';
    return entry === current ? 'same' : 'new';
  } catch {
    return 'unreachable';
  }
}

const currentEntry = () => document.querySelector('script[type="module"][src]')?.getAttribute('src') ?? null;

export type ApplySw = (reloadPage?: boolean) => Promise<void>;

/** Save, then reload: through the waiting service worker when there is one. */
export async function acceptUpdate(applySw: ApplySw | null, force = false): Promise<void> {
  app.notify(dt(app.lang, 'saving'), 'info');
  const saved = force ? { ok: true, errors: [] } : await flushBeforeReload();
  app.notices = app.notices.filter((n) => n.text !== dt(app.lang, 'saving'));
  if (!saved.ok) {
    app.notify(dt(app.lang, 'saveFailed', { e: saved.errors.join('; ') }), 'error', { label: dt(app.lang, 'reloadAnyway'), run: () => void acceptUpdate(applySw, true), testid: 'update-reload-anyway' });
    return;
  }
  if (applySw) {
    // skip-waiting; the page reloads once the new worker controls it (register.ts: onNeedReload)
    await applySw(true);
    setTimeout(() => location.reload(), 4000);
  } else location.reload();
}

/** Offer the reload (once; the same notice is never stacked). */
export function offerUpdate(kind: 'deploy' | 'sw', applySw: ApplySw | null = null): void {
  app.notify(dt(app.lang, kind === 'sw' ? 'swUpdated' : 'newVersion'), 'warn', { label: dt(app.lang, 'reload'), run: () => void acceptUpdate(applySw), testid: 'update-reload' });
  document.documentElement.dataset.update = kind;
}

let checking: Promise<void> | null = null;

/** A chunk failed to load: find out why, and tell the user. */
export function chunkFailed(): Promise<void> {
  checking ??= hostBuild(currentEntry())
    .then((s) => {
      if (s === 'new') offerUpdate('deploy');
      else app.notify(dt(app.lang, 'partFailed'), 'warn');
    })
    .finally(() => {
      // a later failure is checked again (the connection may have come back, or a build gone out)
      setTimeout(() => (checking = null), 5000);
    });
  return checking;
}

/** Listen for failed chunk loads for the rest of the session; returns the stop function. */
export function watchChunkLoads(win: Window = window): () => void {
  // not preventDefault(): the import still rejects, so its caller shows its own fallback
  const onPreload = () => void chunkFailed();
  const onRejection = (e: PromiseRejectionEvent) => {
    if (isChunkLoadError(e.reason)) void chunkFailed();
  };
  win.addEventListener('vite:preloadError', onPreload);
  win.addEventListener('unhandledrejection', onRejection);
  return () => {
    win.removeEventListener('vite:preloadError', onPreload);
    win.removeEventListener('unhandledrejection', onRejection);
  };
}
