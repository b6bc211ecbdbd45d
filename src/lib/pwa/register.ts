/**
 * The service worker (vite-plugin-pwa, builds only) precaches the whole app, about 3 MB. Registered
 * only after the map's first idle (App.svelte), so precaching never competes with the first load;
 * registering it from the page head made the cold load ~1.5× the bare MapLibre page (npm run bench).
 */
export function registerServiceWorker(nav: Navigator = navigator, prod = import.meta.env.PROD, base = import.meta.env.BASE_URL): Promise<ServiceWorkerRegistration | null> {
  if (!prod || !('serviceWorker' in nav)) return Promise.resolve(null);
  return nav.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((e: unknown) => {
    // no service worker (private mode, file://, an old browser): the app still works online
    console.warn('service worker not registered:', e);
    return null;
  });
}
