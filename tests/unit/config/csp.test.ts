import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseSettings } from '../../../src/lib/config/settings.ts';
import { cspDirectives, cspString, frameAncestorSources, netlifyHeaders, nginxSnippet, securityHeaders } from '../../../src/lib/config/csp.ts';

const TDT_TILES = Array.from({ length: 8 }, (_, i) => `https://t${i}.tianditu.gov.cn`);
const BASES = ['https://tiles.openfreemap.org', 'https://tile.openstreetmap.org', ...TDT_TILES];
const dir = (where: 'meta' | 'header', env = {}) => Object.fromEntries(cspDirectives(parseSettings(env), where));

describe('security policy (one source for meta CSP, _headers, nginx and npm start)', () => {
  it('allows exactly the online base hosts and the 天地图 geocoder, and no others', () => {
    for (const env of [{}, { VITE_TDT_KEY: 'f'.repeat(32) }]) {
      const d = dir('header', env);
      expect(d['connect-src']).toEqual(["'self'", ...BASES, 'https://api.tianditu.gov.cn']);
      expect(d['img-src']).toEqual(["'self'", 'data:', 'blob:', ...BASES]);
      expect(d['script-src']).toEqual(["'self'"]);
      expect(d['default-src']).toEqual(["'self'"]);
      // no wildcard host anywhere, and the key never ends up in the policy
      expect(cspString(parseSettings(env), 'header')).not.toMatch(/\*|f{32}/);
    }
  });

  it('frame-ancestors only in the header (a meta element cannot carry it); default self', () => {
    expect(dir('meta')['frame-ancestors']).toBeUndefined();
    expect(cspString(parseSettings({}), 'meta')).not.toContain('frame-ancestors');
    expect(dir('header')['frame-ancestors']).toEqual(["'self'"]);
    expect(dir('header', { VITE_FRAME_ANCESTORS: "'self' https://www.sx.gov.cn https://*.example.org" })['frame-ancestors']).toEqual([
      "'self'",
      'https://www.sx.gov.cn',
      'https://*.example.org',
    ]);
    expect(dir('header', { VITE_FRAME_ANCESTORS: "'none'" })['frame-ancestors']).toEqual(["'none'"]);
  });

  it.each([["'self'; script-src *"], ["'self'\nX-Evil: 1"], ['https://a.org,https://b.org'], ["'none' 'self'"], ["'unsafe-inline'"]])(
    'refuses VITE_FRAME_ANCESTORS=%j with a clear message',
    (v) => {
      expect(() => frameAncestorSources(v)).toThrow(/VITE_FRAME_ANCESTORS/);
    },
  );

  it('headers: CSP, nosniff and a referrer policy that keeps the origin for tile hosts', () => {
    const h = securityHeaders(parseSettings({}));
    expect(Object.keys(h)).toEqual(['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy']);
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    const file = netlifyHeaders(parseSettings({ VITE_FRAME_ANCESTORS: 'https://portal.example.org' }));
    expect(file).toMatch(/^\/\*\n {2}Content-Security-Policy: [^\n]*frame-ancestors https:\/\/portal\.example\.org\n {2}X-Content-Type-Options: nosniff\n/m);
    expect(file).toMatch(/^\/assets\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m);
  });

  it("README's nginx snippet is the generated one (default settings)", () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    for (const line of nginxSnippet(parseSettings({})).split('\n')) expect(block).toContain(line);
  });
});
