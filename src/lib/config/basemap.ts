/**
 * Which base map a deployment starts with, and which 审图号 goes with a base. Pure: every function
 * takes the settings (default: this build's SETTINGS), so unit tests need no build.
 *
 * - VITE_DEFAULT_BASEMAP unset: 天地图 vector (+ its Chinese annotation layer) with a key, else the
 *   embedded offline base (parseSettings decides that).
 * - `auto`: the configured online base (天地图 vector with a key, else OpenFreeMap) is tried first;
 *   when it is unreachable the embedded base takes over (BasemapSwitcher's watchdog).
 * - The 审图号 (VITE_MAP_REVIEW_NO) belongs to the configured online base only: it is shown when
 *   that base is the one in use, never with the embedded base (a sketch, not a map needing one) nor
 *   with another online base the user picked.
 */
import type { Basemap } from '../state/params.ts';
import { SETTINGS, type Settings } from './settings.ts';

type S = Pick<Settings, 'tdtKey' | 'defaultBasemap' | 'mapReviewNo'>;

/** The base shown when the URL has no `base`. */
export function initialBase(s: S = SETTINGS): Basemap {
  if (s.defaultBasemap === 'auto') return s.tdtKey ? 'tdt-vec' : 'openfreemap';
  return s.defaultBasemap;
}

/** True when a failing online base should quietly give way to the embedded one (VITE_DEFAULT_BASEMAP=auto). */
export const isAuto = (s: S = SETTINGS) => s.defaultBasemap === 'auto';

/** The online base the deployment's 审图号 was issued for, or null. */
export function configuredOnlineBase(s: S = SETTINGS): Exclude<Basemap, 'offline'> | null {
  const b = initialBase(s);
  if (b !== 'offline') return b;
  return s.tdtKey ? 'tdt-vec' : null;
}

/** The 审图号 to show with `base` ('' = none): used by the map's corner, the PNG and the print. */
export function reviewNumberFor(base: Basemap, s: S = SETTINGS): string {
  if (base === 'offline' || !s.mapReviewNo) return '';
  return base === configuredOnlineBase(s) ? s.mapReviewNo : '';
}

/** The URL omits `base` when it is the configured default (and, with `auto`, the embedded fallback). */
export function baseInUrl(base: Basemap, s: S = SETTINGS): boolean {
  if (base === initialBase(s)) return false;
  if (isAuto(s) && base === 'offline') return false;
  return true;
}

/** The 天地图 key to use: the user's stored one, else the build-time one ('' = none). */
export function effectiveTdtKey(stored: string | null | undefined, s: Pick<Settings, 'tdtKey'> = SETTINGS): string {
  const k = (stored ?? '').trim();
  return k || s.tdtKey;
}

/** localStorage key of the user's own 天地图 key (never in the URL). */
export const TDT_KEY_STORAGE = 'yc:tdt-key';

/** The 天地图 key this browser would use now ('' = none: no query leaves the page). */
export function currentTdtKey(s: Pick<Settings, 'tdtKey'> = SETTINGS): string {
  let stored = '';
  try {
    stored = globalThis.localStorage?.getItem(TDT_KEY_STORAGE) ?? '';
  } catch {
    /* storage unavailable */
  }
  return effectiveTdtKey(stored, s);
}
