/**
 * Loads the online (天地图) results component only when a key is configured or stored, so the
 * first load carries none of it and, without a key, no query can leave the page.
 */
import type { Component } from 'svelte';
import { currentTdtKey } from '../lib/config/basemap.ts';

let mod: Promise<Component<{ query: string; onpicked?: () => void }> | null> | null = null;
export function onlineResults() {
  if (!currentTdtKey()) return Promise.resolve(null);
  mod ??= import('./OnlineResults.svelte').then((m) => m.default).catch(() => null);
  return mod;
}
