import { describe, it, expect } from 'vitest';
import { parseSettings } from '../../../src/lib/config/settings.ts';

describe('deployment settings', () => {
  it('defaults are offline and safe', () => {
    const s = parseSettings({});
    expect(s).toMatchObject({ tdtKey: '', defaultBasemap: 'offline', mapReviewNo: '', icp: '', frameAncestors: "'self'", problems: [] });
  });
  it('a key without an explicit default means 天地图 vector', () => {
    expect(parseSettings({ VITE_TDT_KEY: 'abc123abc123abc123' }).defaultBasemap).toBe('tdt-vec');
  });
  it('an explicit default wins', () => {
    expect(parseSettings({ VITE_TDT_KEY: 'abc123abc123abc123', VITE_DEFAULT_BASEMAP: 'auto' }).defaultBasemap).toBe('auto');
    expect(parseSettings({ VITE_DEFAULT_BASEMAP: 'osm' }).defaultBasemap).toBe('osm');
  });
  it('bad values fall back and are reported', () => {
    const a = parseSettings({ VITE_DEFAULT_BASEMAP: 'google' });
    expect(a.defaultBasemap).toBe('offline');
    expect(a.problems[0]).toMatch(/google/);
    const b = parseSettings({ VITE_DEFAULT_BASEMAP: 'tdt-img' });
    expect(b.defaultBasemap).toBe('offline');
    expect(b.problems[0]).toMatch(/VITE_TDT_KEY/);
  });
  it('values are trimmed', () => {
    expect(parseSettings({ VITE_MAP_REVIEW_NO: ' GS(2024)0650号 ', VITE_ICP: ' 浙ICP备00000000号 ' })).toMatchObject({ mapReviewNo: 'GS(2024)0650号', icp: '浙ICP备00000000号' });
  });
});
