/**
 * The security policy, one source of truth for the meta CSP in index.html, the `_headers` file for
 * Netlify/Cloudflare-style hosts, the nginx snippet in README and the headers `npm start` sends
 * (plugins/security.ts). Used at build time only: nothing here reaches the page's JavaScript.
 *
 * Online hosts: exactly the hosts the app itself can contact, and no others.
 * - the online base maps the base-map switcher offers (src/lib/map/basemaps.ts): OpenFreeMap,
 *   OpenStreetMap, 天地图 vector/imagery (t0…t7). They are taken from the base specs themselves, so a
 *   new base cannot be added without its host being allowed (tests/unit/config/csp.test.ts).
 * - 天地图's place search and geocoder (api.tianditu.gov.cn), used for online address search.
 * 天地图 is allowed with or without a build-time key, because a user can enter their own key in the
 * base-map switcher. The embedded base needs no host: it is served from this origin.
 */
import { onlineBase, type OnlineBasemap } from '../map/basemaps.ts';
import type { Settings } from './settings.ts';

/** 天地图 place search (地名搜索 V2.0) and geocoder: https://api.tianditu.gov.cn/v2/search, /geocoder */
export const TDT_API_ORIGIN = 'https://api.tianditu.gov.cn';

const ONLINE_BASES: OnlineBasemap[] = ['openfreemap', 'osm', 'tdt-vec', 'tdt-img'];

/** Origins of every URL in the online base specs (tile templates and TileJSON urls). */
export function baseOrigins(): string[] {
  const out = new Set<string>();
  for (const id of ONLINE_BASES) {
    for (const src of Object.values(onlineBase(id, 'k'.repeat(32)).sources)) {
      const s = src as { url?: string; tiles?: string[] };
      for (const u of [...(s.url ? [s.url] : []), ...(s.tiles ?? [])]) out.add(new URL(u.replace(/[{}]/g, '')).origin);
    }
  }
  return [...out];
}

/** Every online origin the page may contact: the bases, then the geocoder. */
export const onlineOrigins = (): string[] => [...baseOrigins(), TDT_API_ORIGIN];

/** One CSP source expression as VITE_FRAME_ANCESTORS may give it: keyword, scheme or host source. */
const SOURCE = /^(?:'self'|'none'|[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*:\/\/)?(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:\d{1,5}|\*))?(?:\/[^\s;,]*)?)$/i;

/** The frame-ancestors sources; throws with a clear message on anything that is not a source list. */
export function frameAncestorSources(value: string): string[] {
  if (/[\r\n\t;,]/.test(value)) throw new Error(`VITE_FRAME_ANCESTORS: ${JSON.stringify(value)} must be one line of space-separated sources, without ; or ,`);
  const list = value.trim().split(/ +/).filter(Boolean);
  if (!list.length) return ["'self'"];
  const bad = list.filter((s) => !SOURCE.test(s));
  if (bad.length) throw new Error(`VITE_FRAME_ANCESTORS: ${bad.map((b) => JSON.stringify(b)).join(', ')} is not a CSP source (use 'self', 'none', https://example.org …)`);
  if (list.includes("'none'") && list.length > 1) throw new Error("VITE_FRAME_ANCESTORS: 'none' cannot be combined with other sources");
  return list;
}

/**
 * The policy as directive → sources. `frame-ancestors` is only meaningful in a header (browsers
 * ignore it in a meta element), so the meta variant leaves it out.
 */
export function cspDirectives(settings: Pick<Settings, 'frameAncestors'>, where: 'meta' | 'header'): [string, string[]][] {
  const bases = baseOrigins();
  const d: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    // MapLibre's worker is an asset of this origin; blob: for its fallback
    ['worker-src', ["'self'", 'blob:']],
    ['child-src', ["'self'", 'blob:']],
    // Svelte writes inline style attributes
    ['style-src', ["'self'", "'unsafe-inline'"]],
    // tiles are fetched (connect-src) and may be drawn as images; the geocoder answers JSON only
    ['img-src', ["'self'", 'data:', 'blob:', ...bases]],
    ['connect-src', ["'self'", ...bases, TDT_API_ORIGIN]],
    ['font-src', ["'self'", 'data:']],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ];
  if (where === 'header') d.push(['frame-ancestors', frameAncestorSources(settings.frameAncestors)]);
  return d;
}

export const cspString = (settings: Pick<Settings, 'frameAncestors'>, where: 'meta' | 'header') =>
  cspDirectives(settings, where)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');

/**
 * Referrer-Policy: the origin only, and only over HTTPS. Tile hosts see where requests come from
 * (OpenStreetMap's tile policy asks for a referer; 天地图 browser keys are bound to it), but never a
 * path or query (the URL carries the view and filters).
 */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/** The response headers every page of the app should carry. */
export function securityHeaders(settings: Pick<Settings, 'frameAncestors'>): Record<string, string> {
  return {
    'Content-Security-Policy': cspString(settings, 'header'),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': REFERRER_POLICY,
  };
}

/**
 * Caching for clean deploys: index.html and the service worker are revalidated on every visit, so
 * a new build is seen at once; hashed assets never change under their name.
 */
export const CACHE_RULES: { path: string; value: string }[] = [
  { path: '/index.html', value: 'no-cache' },
  { path: '/sw.js', value: 'no-cache' },
  { path: '/assets/*', value: 'public, max-age=31536000, immutable' },
];

/** `_headers` for Netlify and Cloudflare Pages. */
export function netlifyHeaders(settings: Pick<Settings, 'frameAncestors'>): string {
  const lines = ['# Generated by plugins/security.ts from src/lib/config/csp.ts: edit those, not this file.', '/*'];
  for (const [k, v] of Object.entries(securityHeaders(settings))) lines.push(`  ${k}: ${v}`);
  lines.push('/', '  Cache-Control: no-cache');
  for (const r of CACHE_RULES) lines.push(r.path, `  Cache-Control: ${r.value}`);
  return lines.join('\n') + '\n';
}

/** The same headers for nginx (`add_header … always;`), as README shows them. */
export function nginxSnippet(settings: Pick<Settings, 'frameAncestors'>): string {
  return Object.entries(securityHeaders(settings))
    .map(([k, v]) => `add_header ${k} "${v}" always;`)
    .join('\n');
}
