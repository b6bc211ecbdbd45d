import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../src/lib/config/settings.ts';
import { baseInUrl, configuredOnlineBase, effectiveTdtKey, initialBase, reviewNumberFor } from '../../../src/lib/config/basemap.ts';

const KEY = '0123456789abcdef0123456789abcdef';
const s = (env: Record<string, string>) => parseSettings(env);

describe('default base from settings', () => {
  it('offline without a key, 天地图 vector with one', () => {
    expect(initialBase(s({}))).toBe('offline');
    expect(initialBase(s({ VITE_TDT_KEY: KEY }))).toBe('tdt-vec');
    expect(initialBase(s({ VITE_TDT_KEY: KEY, VITE_DEFAULT_BASEMAP: 'tdt-img' }))).toBe('tdt-img');
    expect(initialBase(s({ VITE_TDT_KEY: KEY, VITE_DEFAULT_BASEMAP: 'offline' }))).toBe('offline');
    expect(initialBase(s({ VITE_DEFAULT_BASEMAP: 'osm' }))).toBe('osm');
  });
  it('auto tries 天地图 with a key, else OpenFreeMap', () => {
    expect(initialBase(s({ VITE_DEFAULT_BASEMAP: 'auto' }))).toBe('openfreemap');
    expect(initialBase(s({ VITE_DEFAULT_BASEMAP: 'auto', VITE_TDT_KEY: KEY }))).toBe('tdt-vec');
  });
  it('the configured default is not written into the URL; with auto neither is the fallback', () => {
    const tdt = s({ VITE_TDT_KEY: KEY });
    expect(baseInUrl('tdt-vec', tdt)).toBe(false);
    expect(baseInUrl('offline', tdt)).toBe(true);
    expect(baseInUrl('osm', tdt)).toBe(true);
    const auto = s({ VITE_DEFAULT_BASEMAP: 'auto' });
    expect(baseInUrl('openfreemap', auto)).toBe(false);
    expect(baseInUrl('offline', auto)).toBe(false);
    expect(baseInUrl('tdt-img', auto)).toBe(true);
    expect(baseInUrl('offline', s({}))).toBe(false);
  });
});

describe('reviewNumberFor', () => {
  const tdt = s({ VITE_TDT_KEY: KEY, VITE_MAP_REVIEW_NO: 'GS(2024)0568号' });
  it('only with the configured online base', () => {
    expect(reviewNumberFor('tdt-vec', tdt)).toBe('GS(2024)0568号');
    expect(reviewNumberFor('offline', tdt)).toBe('');
    expect(reviewNumberFor('osm', tdt)).toBe('');
    expect(reviewNumberFor('tdt-img', tdt)).toBe('');
  });
  it('none when no number is configured, or no online base is', () => {
    expect(reviewNumberFor('tdt-vec', s({ VITE_TDT_KEY: KEY }))).toBe('');
    expect(reviewNumberFor('osm', s({ VITE_MAP_REVIEW_NO: 'X' }))).toBe('');
    expect(configuredOnlineBase(s({}))).toBeNull();
    expect(reviewNumberFor('openfreemap', s({ VITE_DEFAULT_BASEMAP: 'auto', VITE_MAP_REVIEW_NO: 'X' }))).toBe('X');
  });
  it('a key with an explicit offline default still ties the number to 天地图 vector', () => {
    expect(reviewNumberFor('tdt-vec', s({ VITE_TDT_KEY: KEY, VITE_DEFAULT_BASEMAP: 'offline', VITE_MAP_REVIEW_NO: 'N' }))).toBe('N');
  });
});

describe('effectiveTdtKey', () => {
  it("the user's stored key wins, else the build-time key", () => {
    expect(effectiveTdtKey('mine', { tdtKey: KEY })).toBe('mine');
    expect(effectiveTdtKey('', { tdtKey: KEY })).toBe(KEY);
    expect(effectiveTdtKey(null, { tdtKey: '' })).toBe('');
  });
});
