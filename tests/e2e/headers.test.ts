/**
 * Security headers (issue 14 §9): `npm start`'s server (scripts/serve.mjs) sends the headers of
 * src/lib/config/csp.ts on the page and on assets, the built page carries the same policy minus
 * frame-ancestors, and dist/_headers (Netlify, Cloudflare Pages) holds the full set.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseSettings } from '../../src/lib/config/settings.ts';
import { cspString, netlifyHeaders, securityHeaders } from '../../src/lib/config/csp.ts';

const settings = parseSettings({});
let server: ChildProcess;
let url = '';

beforeAll(async () => {
  const port = 5200 + Math.floor(Math.random() * 500);
  server = spawn(process.execPath, ['scripts/serve.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`npm start's server did not start: ${out}`)), 60_000);
    server.stdout!.on('data', (d) => {
      out += String(d);
      const m = /Local:\s+(http:\/\/localhost:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(m[1].replace('localhost', '127.0.0.1'));
      }
    });
  });
});
afterAll(() => void server?.kill('SIGTERM'));

describe('security headers', () => {
  it('npm start sends CSP with frame-ancestors, nosniff and Referrer-Policy on the page and its assets', async () => {
    const want = securityHeaders(settings);
    expect(want['Content-Security-Policy']).toContain("frame-ancestors 'self'");
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const entry = /<script type="module"[^>]*src="\/?([^"]+)"/.exec(await page.text())![1];
    const asset = await fetch(new URL(entry, url));
    expect(asset.status).toBe(200);
    for (const r of [page, asset]) for (const [k, v] of Object.entries(want)) expect(r.headers.get(k), k).toBe(v);
  });

  it('the built page carries the same policy in a meta element, without frame-ancestors', () => {
    const html = readFileSync('dist/index.html', 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1]);
    expect(metas).toEqual([cspString(settings, 'meta')]);
    expect(metas[0]).not.toContain('frame-ancestors');
    // the charset still comes first, within the first 1024 bytes
    expect(html.indexOf('<meta charset="UTF-8"')).toBeLessThan(html.indexOf('Content-Security-Policy'));
  });

  it('dist/_headers holds the full header set for Netlify/Cloudflare-style hosts', () => {
    expect(readFileSync('dist/_headers', 'utf8')).toBe(netlifyHeaders(settings));
  });
});
