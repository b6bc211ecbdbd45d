/**
 * Deployment settings: `VITE_*` variables read at build time (README, "Deploying"). Every one has a
 * safe offline default, so a plain `npm start` needs no network and no key. Pure: `parseSettings`
 * takes the env record, so it is unit-tested without a build; `SETTINGS` is this build's value.
 */
export const DEFAULT_BASEMAP_CHOICES = ['offline', 'tdt-vec', 'tdt-img', 'openfreemap', 'osm', 'auto'] as const;
export type DefaultBasemapChoice = (typeof DEFAULT_BASEMAP_CHOICES)[number];

export interface Settings {
  /** 天地图 browser key (VITE_TDT_KEY); '' = none. Never written to the URL, exports or logs. */
  tdtKey: string;
  /** VITE_DEFAULT_BASEMAP; when unset: 'tdt-vec' with a key, else 'offline'. */
  defaultBasemap: DefaultBasemapChoice;
  /** 审图号 shown with the configured online base (VITE_MAP_REVIEW_NO); '' = none. */
  mapReviewNo: string;
  /** ICP filing number for the About panel and the page footer (VITE_ICP); '' = none. */
  icp: string;
  /** CSP frame-ancestors sources (VITE_FRAME_ANCESTORS), default `'self'`. */
  frameAncestors: string;
  /** Problems with the values given (unknown basemap choice, …), reported once at start. */
  problems: string[];
}

type Env = Record<string, string | boolean | undefined>;

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v.trim() : '');

export function parseSettings(env: Env): Settings {
  const problems: string[] = [];
  const tdtKey = str(env.VITE_TDT_KEY);
  const rawBase = str(env.VITE_DEFAULT_BASEMAP);
  let defaultBasemap: DefaultBasemapChoice = tdtKey ? 'tdt-vec' : 'offline';
  if (rawBase) {
    if ((DEFAULT_BASEMAP_CHOICES as readonly string[]).includes(rawBase)) defaultBasemap = rawBase as DefaultBasemapChoice;
    else problems.push(`VITE_DEFAULT_BASEMAP="${rawBase}" is not one of ${DEFAULT_BASEMAP_CHOICES.join(', ')}`);
  }
  if ((defaultBasemap === 'tdt-vec' || defaultBasemap === 'tdt-img') && !tdtKey) {
    problems.push(`VITE_DEFAULT_BASEMAP=${defaultBasemap} needs VITE_TDT_KEY`);
    defaultBasemap = 'offline';
  }
  return {
    tdtKey,
    defaultBasemap,
    mapReviewNo: str(env.VITE_MAP_REVIEW_NO),
    icp: str(env.VITE_ICP),
    frameAncestors: str(env.VITE_FRAME_ANCESTORS) || "'self'",
    problems,
  };
}

// (import.meta.env is undefined where this module is loaded by the build itself: plugins/security.ts)
export const SETTINGS: Settings = parseSettings((import.meta.env ?? {}) as unknown as Env);
