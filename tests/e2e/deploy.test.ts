/**
 * Two builds of the app served one after the other from the same origin, as a host does on a deploy
 * (issue 14 §5–6), and the policy of a build with a 天地图 key (issue 11 §1).
 * Build A is dist/ (default settings); build B is built here with a fake VITE_TDT_KEY, so that its
 * hashed files differ. A small static server serves A, then B's files only (A's gone).
 * - without a service worker: a lazily loaded tab of A is gone → "a new version is available:
 *   reload", nothing reloads by itself, accepting loads B;
 * - with a service worker: after the swap, reloads keep A (precached); once B's worker is installed
 *   the page offers "updated: reload", and accepting activates B and reloads into it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, waitIdle } from './browser.ts';
import { TABS } from '../../src/ui/tabs.ts';

const FAKE_KEY = '0123456789abcdef0123456789abcdef';
const FRAME = "'self' https://portal.example.org";
const A = 'dist';
let tmp = '';
let B = '';
let root = A;
let server: Server;
let url = '';
let browser: Browser;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

function build(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, VITE_TDT_KEY: FAKE_KEY, VITE_DEFAULT_BASEMAP: 'offline', VITE_FRAME_ANCESTORS: FRAME };
    const p = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr!.on('data', (d) => (err += String(d)));
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build B failed: ${err}`))));
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'yc-deploy-'));
  B = join(tmp, 'b');
  const [b] = await Promise.all([
    build(B),
    launch().then((x) => (browser = x)),
    new Promise<void>((resolve) => {
      server = createServer((req, res) => {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        const file = normalize(join(root, path === '/' ? 'index.html' : path));
        let ok = false;
        try {
          ok = file.startsWith(normalize(root)) && statSync(file).isFile();
        } catch {
          ok = false;
        }
        if (!ok) {
          res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
          return;
        }
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' }).end(readFileSync(file));
      }).listen(0, '127.0.0.1', () => {
        url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
        resolve();
      });
    }),
  ]);
  void b;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const entryOf = (dir: string) => /<script type="module"[^>]*src="\/?([^"]+)"/.exec(readFileSync(join(dir, 'index.html'), 'utf8'))![1];
const pageEntry = (page: Page) => page.evaluate(() => document.querySelector('script[type="module"][src]')!.getAttribute('src')!.replace(/^\//, ''));
const cspOf = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1];
const directives = (csp: string) => Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));

describe('a build with a 天地图 key: the policy', () => {
  it('allows exactly the online bases and the geocoder, in the meta CSP and in _headers; frame-ancestors only in _headers', () => {
    const bases = ['https://tiles.openfreemap.org', 'https://tile.openstreetmap.org', ...Array.from({ length: 8 }, (_, i) => `https://t${i}.tianditu.gov.cn`)];
    const html = readFileSync(join(B, 'index.html'), 'utf8');
    const meta = directives(cspOf(html));
    const headerLine = /^ {2}Content-Security-Policy: (.*)$/m.exec(readFileSync(join(B, '_headers'), 'utf8'))![1];
    const header = directives(headerLine);
    for (const d of [meta, header]) {
      expect(d['connect-src']).toEqual(["'self'", ...bases, 'https://api.tianditu.gov.cn']);
      expect(d['img-src']).toEqual(["'self'", 'data:', 'blob:', ...bases]);
      expect(d['script-src']).toEqual(["'self'"]);
    }
    expect(meta['frame-ancestors']).toBeUndefined();
    expect(header['frame-ancestors']).toEqual(FRAME.split(' '));
    // the key is in the app (it is a browser key), never in the policy
    expect(html + readFileSync(join(B, '_headers'), 'utf8')).not.toContain(FAKE_KEY);
    // the key does not change the host list: same policy as build A's
    expect(cspOf(html)).toBe(cspOf(readFileSync(join(A, 'index.html'), 'utf8')));
  });
});

describe('a deploy while the app is open', () => {
  it('without a service worker: a lazy tab whose file is gone says "a new version is available: reload", and reloads only when asked', async () => {
    // a tab whose file in A is not in B (hashes differ because B's settings differ)
    const inB = new Set(readdirSync(join(B, 'assets')));
    const aFiles = readdirSync(join(A, 'assets'));
    const tab = TABS.slice(1).find((t) => {
      const f = aFiles.find((n) => n.startsWith(`${t.id === 'import' ? 'ImportPanel' : t.id[0].toUpperCase() + t.id.slice(1) + 'Panel'}-`) && n.endsWith('.js'));
      return f && !inB.has(f);
    });
    expect(tab, 'some tab of build A is gone from build B').toBeTruthy();
    expect(entryOf(A)).not.toBe(entryOf(B));

    root = A;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', serviceWorkers: 'block' });
    const page = await context.newPage();
    try {
      await page.goto(url);
      await waitIdle(page, 60_000);
      expect(await pageEntry(page)).toBe(entryOf(A));
      root = B; // the host switches to the new build
      await page.locator(`#tab-${tab!.id}`).click();
      await page.getByTestId('update-reload').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('notices').innerText()).toContain('地图已发布新版本');
      // the panel says it could not load, instead of staying blank
      expect(await page.getByTestId('tab-load-failed').innerText()).toBe('此面板未能加载。');
      // nothing reloads by itself
      await page.waitForTimeout(1000);
      expect(await pageEntry(page)).toBe(entryOf(A));
      // accepting reloads into B, where the tab works
      await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.getByTestId('update-reload').click()]);
      await waitIdle(page, 60_000);
      expect(await pageEntry(page)).toBe(entryOf(B));
      await page.locator(`#tab-${tab!.id}`).click();
      await expect.poll(() => page.locator('#tabpanel').innerText(), { timeout: 20_000 }).not.toBe('');
      expect(await page.getByTestId('tab-load-failed').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('with a service worker: reloads keep build A until "updated: reload" is accepted, then build B runs', async () => {
    root = A;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await page.goto(url);
      await waitIdle(page, 60_000);
      // A's worker installs (registered after the first idle) and controls the next load
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

      root = B; // the host switches to the new build
      await page.reload();
      await waitIdle(page, 60_000);
      // still A: the worker serves the build the page started with
      expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
      expect(await pageEntry(page)).toBe(entryOf(A));
      await page.getByTestId('update-reload').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('notices').innerText()).toContain('地图已更新');
      expect(await pageEntry(page)).toBe(entryOf(A));
      await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.getByTestId('update-reload').click()]);
      await waitIdle(page, 60_000);
      expect(await pageEntry(page)).toBe(entryOf(B));
      expect(await page.getByTestId('update-reload').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
