/**
 * 天地图 online address and place search: pure request building, response parsing and error
 * classification (no fetch here; the UI owns the network, debouncing and aborting).
 *
 * Published shapes (lbs.tianditu.gov.cn/server/search2.html "地名搜索V2.0", and
 * lbs.tianditu.gov.cn/server/geocodinginterface.html "地理编码"):
 * - Place search: GET https://api.tianditu.gov.cn/v2/search?postStr={JSON}&type=query&tk=KEY with
 *   postStr {keyWord, queryType: 1 (普通搜索), mapBound "minx,miny,maxx,maxy", level 1-18, specify
 *   (9-digit 国标码, optional), start 0-300, count 1-300, show 1|2}. Answer: {resultType 1-5
 *   (1 POIs, 2 statistics, 3 an administrative area, 4 suggestions, 5 bus lines), count, keyWord,
 *   pois[{name, address, lonlat "lon,lat" or "lon lat", hotPointID, typeName, …}], area{name,
 *   lonlat, …}, status {infocode: 1000 = 正常, other = error, cndesc: the reason}}.
 * - Geocoder: GET https://api.tianditu.gov.cn/geocoder?ds={"keyWord":"…"}&tk=KEY. Answer: {status
 *   "0" = OK ("1"/"404" = error), msg, location {lon, lat, level, score, keyWord}}.
 * - A bad or unauthorised key is refused with HTTP 403 (and a JSON or HTML body), a query over the
 *   quota with 429; both mean "key" here.
 * Coordinates are CGCS2000 (≈ WGS84), like the plan's data: no shift.
 */

export const TDT_SEARCH_URL = 'https://api.tianditu.gov.cn/v2/search';
export const TDT_GEOCODER_URL = 'https://api.tianditu.gov.cn/geocoder';
/** 国标码 of 越城区 (adcode 330602 with the 156 country prefix). */
export const YUECHENG_GB = '156330602';
export const ONLINE_TIMEOUT_MS = 6000;
export const ONLINE_DEBOUNCE_MS = 400;

export type BBox = [number, number, number, number];

export interface OnlineHit {
  /** stable id: the POI's hotPointID, else kind + coordinates */
  id: string;
  name: string;
  address: string;
  lon: number;
  lat: number;
  kind: 'poi' | 'area' | 'geocode';
  /** type name (POI) or match level (geocoder) */
  type: string;
}

export type OnlineErrorKind = 'key' | 'timeout' | 'server' | 'format' | 'network' | 'service';
export interface OnlineError {
  kind: OnlineErrorKind;
  /** the service's own reason (cndesc / msg), when it gave one; never contains the key */
  detail: string;
}
export type OnlineResult = { ok: true; hits: OnlineHit[] } | { ok: false; error: OnlineError };

const clean = (q: string) => q.replace(/[\u0000-\u001f'&]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60);

/** Queries worth sending: at least two characters after cleaning (the API rejects ' and &). */
export const isOnlineQuery = (q: string) => clean(q).length >= 2;

/** 地名搜索 V2.0 request URL, limited to the district's bounding box (and its 国标码). */
export function searchUrl(query: string, key: string, bbox: BBox, count = 10): string {
  const postStr = {
    keyWord: clean(query),
    queryType: '1',
    mapBound: bbox.map((n) => n.toFixed(5)).join(','),
    level: '12',
    specify: YUECHENG_GB,
    start: '0',
    count: String(Math.max(1, Math.min(300, count))),
    show: '1',
  };
  return `${TDT_SEARCH_URL}?postStr=${encodeURIComponent(JSON.stringify(postStr))}&type=query&tk=${encodeURIComponent(key.trim())}`;
}

/** 地理编码 request URL. */
export function geocoderUrl(query: string, key: string): string {
  return `${TDT_GEOCODER_URL}?ds=${encodeURIComponent(JSON.stringify({ keyWord: clean(query) }))}&tk=${encodeURIComponent(key.trim())}`;
}

/** The URL with its key replaced, for anything that may be shown or logged. */
export const redactKey = (url: string) => url.replace(/([?&]tk=)[^&]*/g, '$1***');

export const inBBox = (lon: number, lat: number, b: BBox) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];

function lonLat(v: unknown): [number, number] | null {
  if (typeof v !== 'string') return null;
  const m = v.trim().split(/[\s,]+/).map(Number);
  return m.length === 2 && m.every(Number.isFinite) && Math.abs(m[0]) <= 180 && Math.abs(m[1]) <= 90 ? [m[0], m[1]] : null;
}
const s = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** Classify an HTTP answer before its body is read as JSON (status and content type). */
export function classifyHttp(status: number, contentType: string, body: string): OnlineError | null {
  if (status === 401 || status === 403 || status === 429) return { kind: 'key', detail: String(status) };
  if (status >= 500) return { kind: 'server', detail: String(status) };
  if (status < 200 || status >= 300) return { kind: 'server', detail: String(status) };
  if (/text\/html/i.test(contentType) || /^\s*</.test(body)) return { kind: 'format', detail: 'html' };
  return null;
}

function parseJson(body: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(body);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  return null;
}
const MALFORMED: OnlineResult = { ok: false, error: { kind: 'format', detail: 'json' } };

/** A key refusal sent as JSON with HTTP 200 (e.g. {"code":1,"msg":"权限类型错误"}). */
function keyRefusal(o: Record<string, unknown>): OnlineError | null {
  const msg = s(o.msg) || s(o.message);
  if ('code' in o && !('status' in o) && msg) return { kind: 'key', detail: msg.slice(0, 80) };
  if (/key|权限|密钥|非法/i.test(msg) && s(o.status) !== '0') return { kind: 'key', detail: msg.slice(0, 80) };
  return null;
}

/** Parse a 地名搜索 V2.0 answer; only hits inside `bbox` are kept. */
export function parseSearch(body: string, bbox: BBox): OnlineResult {
  const o = parseJson(body);
  if (!o) return MALFORMED;
  const refused = keyRefusal(o);
  if (refused) return { ok: false, error: refused };
  const status = o.status as { infocode?: unknown; cndesc?: unknown } | undefined;
  if (!status || typeof status !== 'object') return { ok: false, error: { kind: 'format', detail: 'status' } };
  const code = Number(status.infocode);
  if (code !== 1000) return { ok: false, error: { kind: 'service', detail: (s(status.cndesc) || `infocode ${s(status.infocode)}`).slice(0, 80) } };
  const hits: OnlineHit[] = [];
  const rt = Number(o.resultType);
  if (rt === 1 && Array.isArray(o.pois)) {
    for (const p of o.pois as Record<string, unknown>[]) {
      const ll = lonLat(p?.lonlat);
      const name = s(p?.name);
      if (!ll || !name || !inBBox(ll[0], ll[1], bbox)) continue;
      hits.push({ id: s(p.hotPointID) || `poi:${ll.join(',')}`, name, address: s(p.address), lon: ll[0], lat: ll[1], kind: 'poi', type: s(p.typeName) });
    }
  } else if (rt === 3 && o.area && typeof o.area === 'object') {
    const a = o.area as Record<string, unknown>;
    const ll = lonLat(a.lonlat);
    if (ll && s(a.name) && inBBox(ll[0], ll[1], bbox)) hits.push({ id: `area:${ll.join(',')}`, name: s(a.name), address: '', lon: ll[0], lat: ll[1], kind: 'area', type: '' });
  }
  // 2 (statistics), 4 (suggestions) and 5 (bus lines) carry no point inside the district: no hits
  return { ok: true, hits };
}

/** Parse a 地理编码 answer; a match outside `bbox` counts as none. */
export function parseGeocoder(body: string, bbox: BBox, query: string): OnlineResult {
  const o = parseJson(body);
  if (!o) return MALFORMED;
  const refused = keyRefusal(o);
  if (refused) return { ok: false, error: refused };
  if (!('status' in o)) return { ok: false, error: { kind: 'format', detail: 'status' } };
  const st = s(o.status);
  if (st !== '0') {
    // "no result" is a status 1 or 404 whose msg says so: an empty answer, not an error
    const msg = s(o.msg);
    if (/无结果|没有|no result|not found/i.test(msg)) return { ok: true, hits: [] };
    return { ok: false, error: { kind: 'service', detail: (msg || `status ${st}`).slice(0, 80) } };
  }
  const loc = o.location as Record<string, unknown> | undefined;
  if (!loc || typeof loc !== 'object') return { ok: true, hits: [] };
  const lon = Number(loc.lon);
  const lat = Number(loc.lat);
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return { ok: false, error: { kind: 'format', detail: 'location' } };
  if (!inBBox(lon, lat, bbox)) return { ok: true, hits: [] };
  const name = s(loc.keyWord) || clean(query);
  return { ok: true, hits: [{ id: `geo:${lon},${lat}`, name, address: '', lon, lat, kind: 'geocode', type: s(loc.level) }] };
}

/** Geocoder first (an address match), then POIs; duplicates (same name within ~50 m) dropped. */
export function mergeHits(geo: OnlineHit[], pois: OnlineHit[], max = 10): OnlineHit[] {
  const out: OnlineHit[] = [];
  for (const h of [...geo, ...pois]) {
    if (out.some((o) => o.name === h.name && Math.abs(o.lon - h.lon) < 5e-4 && Math.abs(o.lat - h.lat) < 5e-4)) continue;
    out.push(h);
    if (out.length >= max) break;
  }
  return out;
}

/** Combine two answers: one success is enough; both failing reports the first error. */
export function combine(geo: OnlineResult, search: OnlineResult): OnlineResult {
  if (geo.ok && search.ok) return { ok: true, hits: mergeHits(geo.hits, search.hits) };
  if (search.ok && search.hits.length) return search;
  if (geo.ok && geo.hits.length) return geo;
  if (!search.ok) return search;
  if (!geo.ok) return geo;
  return { ok: true, hits: [] };
}
