/**
 * The service worker (vite-plugin-pwa, builds only) precaches the whole app, about 3 MB. Registered
 * only after the map's first idle (by the UpdateWatch overlay, which App.svelte mounts then), so precaching never competes with the first load;
 * registering it from the page head made the cold load ~1.5× the bare MapLibre page (npm run bench).
 *
 * Registered through the plugin's own helper (virtual:pwa-register, registerType 'prompt'): a new
 * build's worker installs in the background and waits; the page offers "updated: reload"
 * (lib/deploy/update.ts), and accepting sends skip-waiting and reloads once the new worker controls
 * the page. The helper is imported lazily, so workbox-window stays out of the first load.
 */
/// <reference types="vite-plugin-pwa/vanillajs" />
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { offerUpdate, type ApplySw } from '../deploy/update.ts';
import { flushBeforeReload } from '../deploy/reload.ts';

export type { ApplySw };
type RegisterSW = (o: RegisterSWOptions) => ApplySw;

export interface SwHooks {
  /** a new worker is installed and waiting; `apply` activates it */
  needRefresh: (apply: ApplySw) => void;
  /** the new worker controls the page: reload (after saving) */
  needReload: () => void;
}

/** Long sessions look for a new build when the page comes back into view, and hourly. */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

const defaultHooks: SwHooks = {
  needRefresh: (apply) => offerUpdate('sw', apply),
  // another tab may have accepted the update: this one saves too before it reloads
  needReload: () => void flushBeforeReload().finally(() => location.reload()),
};

export async function registerServiceWorker(
  nav: Navigator = navigator,
  prod = import.meta.env.PROD,
  load: () => Promise<{ registerSW: RegisterSW }> = () => import('virtual:pwa-register'),
  hooks: SwHooks = defaultHooks,
): Promise<ApplySw | null> {
  if (!prod || !('serviceWorker' in nav)) return null;
  const refused = (e: unknown) => {
    // no service worker (private mode, file://, an old browser): the app still works online
    console.warn('service worker not registered:', e);
  };
  try {
    const { registerSW } = await load();
    let apply: ApplySw | null = null;
    apply = registerSW({
      immediate: true,
      onNeedRefresh: () => hooks.needRefresh((reload) => apply!(reload)),
      onNeedReload: hooks.needReload,
      onRegisteredSW: (_url, reg) => {
        if (!reg || typeof document === 'undefined') return;
        const check = () => void reg.update().catch(() => {});
        document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
        setInterval(check, UPDATE_CHECK_MS);
      },
      onRegisterError: refused,
    });
    return apply;
  } catch (e) {
    refused(e);
    return null;
  }
}
