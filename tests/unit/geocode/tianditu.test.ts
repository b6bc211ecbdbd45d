import { describe, expect, it } from 'vitest';
import {
  classifyHttp,
  combine,
  geocoderUrl,
  isOnlineQuery,
  parseGeocoder,
  parseSearch,
  redactKey,
  searchUrl,
  type BBox,
} from '../../../src/lib/geocode/tianditu.ts';
import { TDT_FIXTURES as F } from '../../e2e/tdtFixtures.ts';

const BBOX: BBox = [120.45, 29.9, 120.75, 30.2];
const KEY = 'abcdef0123456789abcdef0123456789';

describe('request URLs', () => {
  it('place search: postStr JSON with keyWord, queryType, mapBound, level, specify, start, count', () => {
    const u = new URL(searchUrl('中兴路', KEY, BBOX, 8));
    expect(u.origin + u.pathname).toBe('https://api.tianditu.gov.cn/v2/search');
    expect(u.searchParams.get('type')).toBe('query');
    expect(u.searchParams.get('tk')).toBe(KEY);
    const p = JSON.parse(u.searchParams.get('postStr')!);
    expect(p).toEqual({ keyWord: '中兴路', queryType: '1', mapBound: '120.45000,29.90000,120.75000,30.20000', level: '12', specify: '156330602', start: '0', count: '8', show: '1' });
  });
  it('geocoder: ds={"keyWord":…}', () => {
    const u = new URL(geocoderUrl(' 解放北路 ', KEY));
    expect(u.origin + u.pathname).toBe('https://api.tianditu.gov.cn/geocoder');
    expect(JSON.parse(u.searchParams.get('ds')!)).toEqual({ keyWord: '解放北路' });
    expect(u.searchParams.get('tk')).toBe(KEY);
  });
  it("strips ' and & (the API rejects them) and skips one-character queries", () => {
    expect(JSON.parse(new URL(searchUrl("a&b'c", KEY, BBOX)).searchParams.get('postStr')!).keyWord).toBe('a b c');
    expect(isOnlineQuery('路')).toBe(false);
    expect(isOnlineQuery('中兴')).toBe(true);
  });
  it('redacts the key for anything shown or logged', () => {
    const r = redactKey(searchUrl('x y', KEY, BBOX));
    expect(r).not.toContain(KEY);
    expect(r).toContain('tk=***');
  });
});

describe('parsing 地名搜索 V2.0', () => {
  it('POIs inside the district box, with hotPointID and lonlat', () => {
    const r = parseSearch(JSON.stringify(F.searchOk), BBOX);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.hits.map((h) => h.name)).toEqual(['中兴路', '鲁迅故里']);
    expect(r.hits[0]).toMatchObject({ kind: 'poi', lon: 120.5825, lat: 30.0003 });
    expect(r.hits[1].id).toBe(F.searchOk.pois[1].hotPointID);
  });
  it('an administrative area (resultType 3)', () => {
    const r = parseSearch(JSON.stringify({ resultType: 3, count: 1, keyWord: '越城区', area: { name: '越城区', lonlat: '120.582,30.0', level: 12 }, status: { infocode: 1000, cndesc: '服务正常' } }), BBOX);
    expect(r).toEqual({ ok: true, hits: [expect.objectContaining({ kind: 'area', name: '越城区' })] });
  });
  it('empty answer is no hits, not an error', () => {
    expect(parseSearch(JSON.stringify(F.searchEmpty), BBOX)).toEqual({ ok: true, hits: [] });
  });
  it('an error infocode reports the service reason', () => {
    const r = parseSearch(JSON.stringify(F.searchError), BBOX);
    expect(r).toEqual({ ok: false, error: { kind: 'service', detail: F.searchError.status.cndesc } });
  });
  it('a key refusal in JSON', () => {
    const r = parseSearch(JSON.stringify(F.keyRefused), BBOX);
    expect(r.ok || r.error.kind).toBe('key');
  });
  it('malformed JSON and missing status', () => {
    expect(parseSearch('{"resultType":1,"pois":[', BBOX)).toEqual({ ok: false, error: { kind: 'format', detail: 'json' } });
    expect(parseSearch('[]', BBOX)).toEqual({ ok: false, error: { kind: 'format', detail: 'json' } });
    expect(parseSearch('{"resultType":1,"pois":[]}', BBOX)).toEqual({ ok: false, error: { kind: 'format', detail: 'status' } });
  });
});

describe('parsing the geocoder', () => {
  it('a match inside the box', () => {
    const r = parseGeocoder(JSON.stringify(F.geocoderOk), BBOX, '中兴路');
    expect(r).toEqual({ ok: true, hits: [{ id: 'geo:120.5826,30.0012', name: '绍兴市越城区中兴路', address: '', lon: 120.5826, lat: 30.0012, kind: 'geocode', type: '道路' }] });
  });
  it('a match outside the district counts as none', () => {
    const far = { ...F.geocoderOk, location: { ...F.geocoderOk.location, lon: '116.4', lat: '39.9' } };
    expect(parseGeocoder(JSON.stringify(far), BBOX, 'x')).toEqual({ ok: true, hits: [] });
  });
  it('status 404 "无结果" is empty; another error status is an error', () => {
    expect(parseGeocoder(JSON.stringify(F.geocoderEmpty), BBOX, 'x')).toEqual({ ok: true, hits: [] });
    expect(parseGeocoder(JSON.stringify({ status: '1', msg: '参数错误' }), BBOX, 'x')).toEqual({ ok: false, error: { kind: 'service', detail: '参数错误' } });
  });
  it('malformed', () => {
    expect(parseGeocoder('<html>', BBOX, 'x').ok).toBe(false);
    expect(parseGeocoder(JSON.stringify({ status: '0', location: { lon: 'a', lat: 'b' } }), BBOX, 'x')).toEqual({ ok: false, error: { kind: 'format', detail: 'location' } });
  });
});

describe('HTTP classification and combining', () => {
  it('403/429 = key, 5xx = server, HTML = format, JSON 200 = none', () => {
    expect(classifyHttp(403, 'application/json', '{}')?.kind).toBe('key');
    expect(classifyHttp(429, 'text/plain', '')?.kind).toBe('key');
    expect(classifyHttp(502, 'text/html', '<html>')?.kind).toBe('server');
    expect(classifyHttp(200, 'text/html;charset=utf-8', F.htmlPage)?.kind).toBe('format');
    expect(classifyHttp(200, 'application/json', '{"a":1}')).toBeNull();
  });
  it('one success is enough; geocoder match first; both failing gives the error', () => {
    const geo = parseGeocoder(JSON.stringify(F.geocoderOk), BBOX, '中兴路');
    const poi = parseSearch(JSON.stringify(F.searchOk), BBOX);
    const both = combine(geo, poi);
    expect(both.ok && both.hits.map((h) => h.kind)).toEqual(['geocode', 'poi', 'poi']);
    const err = parseSearch(JSON.stringify(F.searchError), BBOX);
    expect(combine(geo, err)).toEqual(geo);
    expect(combine({ ok: true, hits: [] }, err)).toEqual(err);
    expect(combine({ ok: true, hits: [] }, { ok: true, hits: [] })).toEqual({ ok: true, hits: [] });
  });
});
