import { describe, it, expect } from 'vitest';
import { defaultState, knownHidden, parseUrl, serializeUrl, PARAMS, type UrlState } from '../../../src/lib/state/params.ts';
import { GROUPS } from '../../../src/lib/layers/registry.ts';

const ctx = { groupIds: new Set(GROUPS.map((g) => g.id)), tabs: new Set(['layers', 'filter', 'nearby']) };

const full: UrlState = {
  lang: 'en',
  view: { zoom: 12.5, lat: 30.01234, lon: 120.58765, bearing: 15, pitch: 30 },
  layers: ['zones', 'culture', 'metro'],
  opacity: { zones: 0.5, culture: 0.25 },
  cat: ['culture', 'industry'],
  zone: ['central', 'north'],
  ch: ['六', '十一'],
  st: ['planned'],
  lq: ['sourced', 'estimated'],
  q: '鲁迅 & <b>',
  hide: ['public-service:school'],
  sel: 'luxun-native-place',
  place: [120.581234, 29.995678],
  r: 2000,
  story: 3,
  base: 'osm',
  tab: 'nearby',
  embed: true,
  pres: ['large', 'en-labels'],
};

describe('URL parameter registry', () => {
  it('round-trips embed and the story presentation options, and refuses bad values', () => {
    const q = serializeUrl({ ...defaultState(), embed: true, story: 2, pres: ['large', 'en-labels'] });
    expect(q).toBe('story=2&embed=1&pres=large,en-labels');
    expect(parseUrl(q, ctx).state).toMatchObject({ embed: true, story: 2, pres: ['large', 'en-labels'] });
    expect(parseUrl('embed=yes&pres=huge', ctx).notices).toEqual([
      { param: 'embed', kind: 'invalid' },
      { param: 'pres', kind: 'invalid' },
    ]);
    expect(serializeUrl({ ...defaultState(), embed: false })).toBe('');
  });

  it('round-trips a state with every parameter set', () => {
    const q = serializeUrl(full);
    const back = parseUrl(q, ctx);
    expect(back.notices).toEqual([]);
    expect(back.state).toEqual(full);
    expect(serializeUrl(back.state)).toBe(q);
  });

  it('serialises the default state to an empty query', () => {
    expect(serializeUrl(defaultState())).toBe('');
    expect(parseUrl('', ctx).state).toEqual(defaultState());
  });

  it('round-trips each parameter on its own', () => {
    for (const field of Object.keys(PARAMS) as (keyof UrlState)[]) {
      const s = { ...defaultState(), [field]: full[field] } as UrlState;
      expect(parseUrl(serializeUrl(s), ctx).state, field).toEqual(s);
    }
  });

  it('ignores unknown parameters with a notice', () => {
    const r = parseUrl('foo=1&lang=zh', ctx);
    expect(r.state.lang).toBe('zh');
    expect(r.notices).toEqual([{ param: 'foo', kind: 'unknown' }]);
  });

  it.each([
    ['lang=fr', 'lang'],
    ['v=abc', 'v'],
    ['v=30/999/120', 'v'],
    ['v=12/30/120/0/90', 'v'],
    ['layers=zones,nope', 'layers'],
    ['op=zones:2', 'op'],
    ['cat=<script>', 'cat'],
    ['zone=middle', 'zone'],
    ['ch=十三', 'ch'],
    ['st=done', 'st'],
    ['lq=exact', 'lq'],
    ['sel=<img src=x onerror=alert(1)>', 'sel'],
    ['place=120,NaN', 'place'],
    ['r=-5', 'r'],
    ['r=1e9', 'r'],
    ['story=0', 'story'],
    ['base=google', 'base'],
    ['tab=nowhere', 'tab'],
    ['hide=zones', 'hide'],
  ])('rejects %s and keeps the default', (q, key) => {
    const r = parseUrl(q, ctx);
    expect(r.notices).toEqual([{ param: key, kind: 'invalid' }]);
    expect(r.state).toEqual(defaultState());
  });

  it('never throws on hostile input', () => {
    for (const q of ['%', '%%%', '&&&=', '=x', 'v=' + '9'.repeat(5000), 'q=' + 'x'.repeat(1000), 'layers=' + 'zones,'.repeat(200)]) {
      expect(() => parseUrl(q, ctx)).not.toThrow();
    }
  });

  it('allows an empty layer list (everything off)', () => {
    expect(parseUrl('layers=', ctx).state.layers).toEqual([]);
  });

  it('drops hide= entries naming a sub-category the loaded data does not have, and keeps the rest', () => {
    const known = new Set(['public-service:school', 'public-service:hospital', 'water:drainage']);
    const loaded = new Set(['public-service', 'water']);
    expect(knownHidden(['public-service:school', 'public-service:nope', 'water:drainage'], known, loaded)).toEqual({
      hide: ['public-service:school', 'water:drainage'],
      dropped: ['public-service:nope'],
    });
    expect(knownHidden(['public-service:school'], known, loaded)).toEqual({ hide: ['public-service:school'], dropped: [] });
    // a group whose data did not load keeps its entries (its load error is reported on its own)
    expect(knownHidden(['culture:museum'], known, loaded)).toEqual({ hide: ['culture:museum'], dropped: [] });
  });
});
