/**
 * The URL parameter registry: every key a link must reproduce, with its parser, default and
 * serialiser. Unknown or broken values fall back to the default and are reported, never thrown.
 */
import { LOCATION_QUALITIES, STATUSES, ZONES, type LocationQuality, type Status, type Zone } from '../plan/types.ts';
import { CHAPTERS, LANGS, type Lang } from '../i18n/strings.ts';
import { baseInUrl, initialBase } from '../config/basemap.ts';

export interface View {
  lon: number;
  lat: number;
  zoom: number;
  bearing: number;
  pitch: number;
}

export const BASEMAPS = ['offline', 'openfreemap', 'osm', 'tdt-vec', 'tdt-img'] as const;
export type Basemap = (typeof BASEMAPS)[number];

export interface UrlState {
  lang: Lang | null;
  view: View | null;
  layers: string[] | null;
  opacity: Record<string, number>;
  cat: string[];
  zone: Zone[];
  ch: string[];
  st: Status[];
  lq: LocationQuality[];
  q: string;
  hide: string[];
  sel: string | null;
  place: [number, number] | null;
  r: number;
  story: number | null;
  base: Basemap;
  tab: string;
  /** ?embed=1: map, legend and attribution only (for an <iframe>) */
  embed: boolean;
  /** story presentation options: 'large' text, 'en-labels' English-only map labels */
  pres: Presentation[];
}

export const PRESENTATION = ['large', 'en-labels'] as const;
export type Presentation = (typeof PRESENTATION)[number];

export interface ParamContext {
  groupIds: ReadonlySet<string>;
  tabs: ReadonlySet<string>;
}

const INVALID = Symbol('invalid');
type Parsed<T> = T | typeof INVALID;

interface Param<K extends keyof UrlState> {
  key: string;
  default: () => UrlState[K];
  parse: (raw: string, ctx: ParamContext) => Parsed<UrlState[K]>;
  /** null = omit from the URL (it is the default) */
  serialize: (v: UrlState[K]) => string | null;
}

const num = (s: string | undefined) => (s !== undefined && s.length < 40 && /^-?\d+(\.\d+)?$/.test(s.trim()) ? Number(s) : NaN);
const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

function list<T extends string>(allowed: readonly T[] | ((v: string, ctx: ParamContext) => boolean)) {
  return (raw: string, ctx: ParamContext): Parsed<T[]> => {
    const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
    const ok = (v: string) => (typeof allowed === 'function' ? allowed(v, ctx) : (allowed as readonly string[]).includes(v));
    if (items.length > 50 || !items.every(ok)) return INVALID;
    return [...new Set(items)] as T[];
  };
}
const joinList = (v: string[]) => (v.length ? v.join(',') : null);

export const PARAMS: { [K in keyof UrlState]: Param<K> } = {
  lang: { key: 'lang', default: () => null, parse: (r) => (LANGS.includes(r as Lang) ? (r as Lang) : INVALID), serialize: (v) => v },
  view: {
    key: 'v',
    default: () => null,
    parse: (raw) => {
      const [z, lat, lon, b = '0', p = '0'] = raw.split('/');
      const v = { zoom: num(z), lat: num(lat), lon: num(lon), bearing: num(b), pitch: num(p) };
      if (![v.zoom, v.lat, v.lon, v.bearing, v.pitch].every(Number.isFinite)) return INVALID;
      if (v.zoom < 0 || v.zoom > 22 || Math.abs(v.lat) > 85 || Math.abs(v.lon) > 180 || v.pitch < 0 || v.pitch > 85 || Math.abs(v.bearing) > 360) return INVALID;
      return v;
    },
    serialize: (v) => {
      if (!v) return null;
      const parts = [round(v.zoom, 2), round(v.lat, 5), round(v.lon, 5)];
      if (round(v.bearing, 1) || round(v.pitch, 1)) parts.push(round(v.bearing, 1), round(v.pitch, 1));
      return parts.join('/');
    },
  },
  layers: {
    key: 'layers',
    default: () => null,
    parse: (raw, ctx) => (raw === '' ? [] : list<string>((v, c) => c.groupIds.has(v))(raw, ctx)),
    serialize: (v) => (v === null ? null : v.join(',')),
  },
  opacity: {
    key: 'op',
    default: () => ({}),
    parse: (raw, ctx) => {
      const out: Record<string, number> = {};
      for (const part of raw.split(',').filter(Boolean)) {
        const [g, o] = part.split(':');
        const n = num(o ?? '');
        if (!ctx.groupIds.has(g) || !(n >= 0 && n <= 1)) return INVALID;
        out[g] = n;
      }
      return out;
    },
    serialize: (v) => {
      const parts = Object.entries(v).filter(([, o]) => o !== 1).sort().map(([g, o]) => `${g}:${round(o, 2)}`);
      return parts.length ? parts.join(',') : null;
    },
  },
  cat: { key: 'cat', default: () => [], parse: list<string>((v, c) => c.groupIds.has(v)), serialize: joinList },
  zone: { key: 'zone', default: () => [], parse: list<Zone>(ZONES), serialize: joinList },
  ch: { key: 'ch', default: () => [], parse: list<string>(CHAPTERS), serialize: joinList },
  st: { key: 'st', default: () => [], parse: list<Status>(STATUSES), serialize: joinList },
  lq: { key: 'lq', default: () => [], parse: list<LocationQuality>(LOCATION_QUALITIES), serialize: joinList },
  q: { key: 'q', default: () => '', parse: (r) => (r.length <= 100 ? r : INVALID), serialize: (v) => v || null },
  hide: { key: 'hide', default: () => [], parse: list<string>((v, c) => /^[a-z-]+:[a-z0-9-]+$/.test(v) && c.groupIds.has(v.split(':')[0])), serialize: joinList },
  sel: { key: 'sel', default: () => null, parse: (r) => (/^(inv:)?[a-z0-9]+(-[a-z0-9]+)*$/.test(r) && r.length <= 80 ? r : INVALID), serialize: (v) => v },
  place: {
    key: 'place',
    default: () => null,
    parse: (raw) => {
      const [lon, lat] = raw.split(',').map(num);
      return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90 ? [lon, lat] : INVALID;
    },
    serialize: (v) => (v ? `${round(v[0], 6)},${round(v[1], 6)}` : null),
  },
  r: { key: 'r', default: () => 1000, parse: (raw) => { const n = num(raw); return n >= 50 && n <= 50000 ? Math.round(n) : INVALID; }, serialize: (v) => (v === 1000 ? null : String(v)) },
  story: { key: 'story', default: () => null, parse: (raw) => { const n = num(raw); return Number.isInteger(n) && n >= 1 && n <= 50 ? n : INVALID; }, serialize: (v) => (v === null ? null : String(v)) },
  // the configured default base (src/lib/config/basemap.ts) applies when the URL has none, and is not written
  base: { key: 'base', default: () => initialBase(), parse: (r) => (BASEMAPS.includes(r as Basemap) ? (r as Basemap) : INVALID), serialize: (v) => (baseInUrl(v) ? v : null) },
  tab: { key: 'tab', default: () => 'layers', parse: (r, ctx) => (ctx.tabs.has(r) ? r : INVALID), serialize: (v) => (v === 'layers' ? null : v) },
  embed: { key: 'embed', default: () => false, parse: (r) => (r === '1' ? true : r === '0' ? false : INVALID), serialize: (v) => (v ? '1' : null) },
  pres: { key: 'pres', default: () => [], parse: list<Presentation>(PRESENTATION), serialize: joinList },
};

export type ParamNotice = { param: string; kind: 'unknown' | 'invalid' };

export function defaultState(): UrlState {
  return Object.fromEntries(Object.entries(PARAMS).map(([k, p]) => [k, p.default()])) as unknown as UrlState;
}

const BY_KEY = new Map(Object.entries(PARAMS).map(([field, p]) => [p.key, field as keyof UrlState]));

/** Parse a query string. Never throws; bad and unknown parameters are reported and ignored. */
export function parseUrl(search: string, ctx: ParamContext): { state: UrlState; notices: ParamNotice[] } {
  const state = defaultState();
  const notices: ParamNotice[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { state, notices: [{ param: '?', kind: 'invalid' }] };
  }
  for (const [key, raw] of params) {
    const field = BY_KEY.get(key);
    if (!field) {
      notices.push({ param: key.slice(0, 40), kind: 'unknown' });
      continue;
    }
    const v = (PARAMS[field] as Param<typeof field>).parse(raw, ctx);
    if (v === INVALID) notices.push({ param: key, kind: 'invalid' });
    else (state as unknown as Record<string, unknown>)[field] = v;
  }
  return { state, notices };
}

/**
 * `hide=` entries are checked against the data once it has loaded: an entry naming a sub-category
 * that a loaded group does not have is dropped (and reported like any bad parameter). Entries of
 * groups that did not load are kept.
 */
export function knownHidden(hide: string[], known: ReadonlySet<string>, loadedGroups: ReadonlySet<string>): { hide: string[]; dropped: string[] } {
  const dropped = hide.filter((h) => loadedGroups.has(h.split(':')[0]) && !known.has(h));
  return { hide: dropped.length ? hide.filter((h) => !dropped.includes(h)) : hide, dropped };
}

/** Serialise state to a query string (without '?'), omitting defaults, in registry order. */
export function serializeUrl(state: UrlState): string {
  const sp = new URLSearchParams();
  for (const field of Object.keys(PARAMS) as (keyof UrlState)[]) {
    const s = (PARAMS[field] as Param<typeof field>).serialize(state[field] as never);
    if (s !== null) sp.set(PARAMS[field].key, s);
  }
  return sp.toString().replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3A/g, ':');
}
