import { describe, expect, it } from 'vitest';
import { embedLink, iframeSnippet, shareLink } from '../../../src/lib/share/links.ts';
import { defaultState, serializeUrl } from '../../../src/lib/state/params.ts';

describe('share links', () => {
  it('the share link is the app URL without embed; the embed link adds embed=1 once', () => {
    expect(shareLink('https://a.cn', '/', 'lang=en&embed=1')).toBe('https://a.cn/?lang=en');
    expect(shareLink('https://a.cn', '/', '')).toBe('https://a.cn/');
    expect(embedLink('https://a.cn', '/map/', 'lang=en')).toBe('https://a.cn/map/?lang=en&embed=1');
    expect(embedLink('https://a.cn', '/', 'embed=1')).toBe('https://a.cn/?embed=1');
  });

  it('the iframe snippet escapes its attributes', () => {
    const s = iframeSnippet('https://a.cn/?q=a&b="x"', '越城区 <地图>');
    expect(s).toBe('<iframe src="https://a.cn/?q=a&amp;b=&quot;x&quot;" width="800" height="600" style="border:0" title="越城区 &lt;地图>" loading="lazy" allowfullscreen></iframe>');
  });

  it('typical links stay far below 2000 characters (WeChat), so no compact encoding is needed', () => {
    // a heavy but realistic state: a view, many layers, several filters, a text query, a selection, a place
    const q = serializeUrl({
      ...defaultState(),
      lang: 'en',
      view: { zoom: 13.25, lat: 30.01234, lon: 120.58765, bearing: 15.5, pitch: 30 },
      layers: ['zones', 'cores', 'belts', 'platforms', 'points', 'industry', 'innovation', 'culture', 'transport', 'water', 'ecology', 'public-service', 'community', 'commerce'],
      opacity: { zones: 0.5, culture: 0.25, industry: 0.75 },
      cat: ['culture', 'industry', 'innovation'],
      zone: ['central', 'north', 'east'],
      ch: ['五', '六', '七', '八'],
      st: ['planned', 'under-construction'] as never,
      q: '鲁迅故里 历史街区',
      hide: ['public-service:school', 'transport:metro'],
      sel: 'luxun-native-place',
      place: [120.581234, 29.995678],
      r: 2000,
      tab: 'filter',
      pres: ['large'],
    });
    const link = shareLink('https://yuecheng-plan.example.cn', '/', q);
    expect(link.length).toBeLessThan(600);
    // Chinese in the query is percent-encoded: still far below the limit
    expect(new URL(link).searchParams.get('q')).toBe('鲁迅故里 历史街区');
  });
});
