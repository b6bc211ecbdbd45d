import { describe, it, expect } from 'vitest';
import { BASE_PREFIX, BaseWatchdog, isTdtKey, needsKey, onlineBase, tdtTiles } from '../../../src/lib/map/basemaps.ts';
import { BASEMAPS } from '../../../src/lib/state/params.ts';
import { buildStyle } from '../../../src/lib/layers/style.ts';
import { FIRST_PLAN_LAYER } from '../../../src/lib/map/mapRef.svelte.ts';

describe('online bases', () => {
  for (const id of BASEMAPS.filter((b) => b !== 'offline'))
    it(`${id}: every source and layer id is prefixed, every source has an attribution`, () => {
      const spec = onlineBase(id, 'abc123abc123abc123abc123abc123ab');
      expect(Object.keys(spec.sources).length).toBeGreaterThan(0);
      for (const [sid, s] of Object.entries(spec.sources)) {
        expect(sid.startsWith(BASE_PREFIX)).toBe(true);
        expect((s as { attribution?: string }).attribution).toBeTruthy();
      }
      for (const l of spec.layers) {
        expect(l.id.startsWith(BASE_PREFIX)).toBe(true);
        if ('source' in l) expect(Object.keys(spec.sources)).toContain(l.source);
      }
    });
  it('天地图 uses the eight hosts, WMTS tile matrix w and the key', () => {
    const t = tdtTiles('vec', 'KEY0123456789abc');
    expect(t).toHaveLength(8);
    expect(t[7]).toContain('https://t7.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY0123456789abc');
    const img = onlineBase('tdt-img', 'k'.repeat(32));
    expect(Object.keys(img.sources)).toEqual(['bm-tdt-img', 'bm-tdt-cia']);
    expect(needsKey('tdt-vec')).toBe(true);
    expect(needsKey('osm')).toBe(false);
    expect(isTdtKey('0123456789abcdef0123456789abcdef')).toBe(true);
    expect(isTdtKey('bad key')).toBe(false);
  });
  it('OSM raster uses the standard tile URL and attribution', () => {
    const s = onlineBase('osm').sources['bm-osm'] as { tiles: string[]; attribution: string };
    expect(s.tiles).toEqual(['https://tile.openstreetmap.org/{z}/{x}/{y}.png']);
    expect(s.attribution).toBe('© OpenStreetMap contributors');
  });
  it('the insertion point exists in the offline style, above the sea and the land fill', () => {
    const ids = buildStyle({}, 'zh').layers.map((l) => l.id);
    const i = ids.indexOf(FIRST_PLAN_LAYER);
    expect(i).toBeGreaterThan(0);
    expect(ids.indexOf('land-fill')).toBeLessThan(i);
    for (const plan of ['zones-fill', 'platforms-line', 'culture-circle']) expect(ids.indexOf(plan)).toBeGreaterThan(i);
  });
});

describe('watchdog', () => {
  const src = new Set(['bm-osm']);
  it('an error before any tile fails the base; other sources are ignored', () => {
    const w = new BaseWatchdog(src, 0);
    expect(w.error('g-zones')).toBe(false);
    expect(w.error('bm-osm')).toBe(true);
    expect(w.error('bm-osm')).toBe(false); // once
  });
  it('after a tile loaded, errors do not fail it', () => {
    const w = new BaseWatchdog(src, 0);
    w.tile('bm-osm');
    expect(w.error('bm-osm')).toBe(false);
    expect(w.tick(60_000)).toBe(false);
  });
  it('no tile within the timeout fails it', () => {
    const w = new BaseWatchdog(src, 1000, 5000);
    expect(w.tick(5999)).toBe(false);
    expect(w.tick(6000)).toBe(true);
  });
});
