/**
 * Share and embed: the share dialog's QR code decodes (jsQR) to exactly its link; the app runs in
 * an <iframe> on a page from a second origin with ?embed=1: map, legend and attribution only, and a
 * link to the full app.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import jsQR from 'jsqr';
import { baseUrl, launch, openApp } from './browser.ts';

let browser: Browser;
let host: Server;
let hostUrl = '';
/** the same build, served as a deployment that allows the host page to frame it (VITE_FRAME_ANCESTORS) */
let embedServer: ChildProcess | undefined;
let embedUrl = '';

beforeAll(async () => {
  browser = await launch();
  // a second origin: another port on 127.0.0.1, serving a page that embeds the app
  host = createServer((req, res) => {
    const src = `${embedUrl}?embed=1&lang=en`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>host</title><h1>Our page</h1><iframe id="f" src="${src}" width="800" height="560" style="border:0"></iframe>`);
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
  const port = 5200 + Math.floor(Math.random() * 400);
  embedServer = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--strictPort', '--port', String(port)], {
    stdio: 'ignore',
    env: { ...process.env, VITE_FRAME_ANCESTORS: `'self' ${hostUrl.replace(/\/$/, '')}` },
  });
  embedUrl = `http://127.0.0.1:${port}/`;
  for (const t0 = Date.now(); ; ) {
    try {
      if ((await fetch(embedUrl)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() - t0 > 30_000) throw new Error(`vite preview did not start on ${embedUrl}`);
    await new Promise((r) => setTimeout(r, 200));
  }
});
afterAll(async () => {
  await browser?.close();
  embedServer?.kill('SIGTERM');
  await new Promise((r) => host?.close(r));
});

describe('share and embed', () => {
  it('the QR code decodes to the share link; the iframe snippet embeds the same view', { timeout: 120_000 }, async () => {
    const o = await openApp(browser, '?lang=en&sel=luxun-native-place', {}, 90_000);
    try {
      await o.page.getByTestId('share-open').click();
      const link = await o.page.getByTestId('share-link').inputValue();
      expect(link).toContain('sel=luxun-native-place');
      expect(link.startsWith(baseUrl())).toBe(true);
      await o.page.getByTestId('share-qr').waitFor({ timeout: 30_000 });
      // draw the QR image at 4× and read its pixels
      const img = await o.page.getByTestId('share-qr').evaluate(async (el) => {
        const im = el as HTMLImageElement;
        await im.decode();
        const c = document.createElement('canvas');
        c.width = c.height = 440;
        const ctx = c.getContext('2d')!;
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, 440, 440);
        ctx.drawImage(im, 0, 0, 440, 440);
        return Array.from(ctx.getImageData(0, 0, 440, 440).data);
      });
      const code = jsQR(Uint8ClampedArray.from(img), 440, 440);
      expect(code?.data).toBe(link);
      const snippet = await o.page.getByTestId('share-embed').inputValue();
      expect(snippet).toMatch(/^<iframe src="[^"]+embed=1" /);
      expect(snippet).toContain('sel=luxun-native-place');
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('?embed=1 inside an iframe on another origin: map, legend, attribution and a link to the full app only', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    try {
      // by default only the app's own origin may frame it; the embedding deployment names the host
      const csp = (u: string) => fetch(u).then((r) => r.headers.get('content-security-policy') ?? '');
      expect(await csp(baseUrl())).toMatch(/frame-ancestors 'self'(;|$)/);
      expect(await csp(embedUrl)).toContain(`frame-ancestors 'self' ${hostUrl.replace(/\/$/, '')}`);
      await page.goto(hostUrl);
      const frame = page.frameLocator('#f');
      await frame.getByTestId('legend').waitFor({ timeout: 60_000 });
      const f = page.frames().find((x) => x.url().includes('embed=1'))!;
      expect(new URL(f.url()).origin).not.toBe(new URL(hostUrl).origin);
      await f.waitForFunction(() => {
        const m = (window as unknown as { __map?: { loaded(): boolean } }).__map;
        return !!m && m.loaded();
      }, undefined, { timeout: 60_000, polling: 100 });
      expect(await f.locator('header.top').count()).toBe(0);
      expect(await f.locator('aside.panel').count()).toBe(0);
      expect(await f.getByTestId('legend').isVisible()).toBe(true);
      expect(await f.locator('.maplibregl-ctrl-attrib').isVisible()).toBe(true);
      const href = await f.getByTestId('embed-open').getAttribute('href');
      expect(href).not.toContain('embed=1');
      expect(href).toContain('lang=en');
      expect(await f.getByTestId('embed-open').getAttribute('target')).toBe('_blank');
      // the map fills the frame
      const size = await f.evaluate(() => {
        const el = (window as unknown as { __map: { getContainer(): HTMLElement } }).__map.getContainer();
        return [el.clientWidth, el.clientHeight];
      });
      expect(size).toEqual([800, 560]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
