/**
 * Browser measurements shared by the bench (scripts/bench.ts) and the first-load budget test
 * (tests/e2e/budget.test.ts). No vitest here: both a plain script and the test suite import it.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export const MAPLIBRE_VERSION: string = JSON.parse(readFileSync(new URL('../../node_modules/maplibre-gl/package.json', import.meta.url), 'utf8')).version;

/** First-load budget for JS (gzip), excluding maplibre-gl and its worker. */
export const INITIAL_JS_BUDGET = 60 * 1024;

/**
 * Init script (run before any page script): when the page sets `window.__map`, record the time of
 * the map's first 'idle' (ms since navigation start) in `window.__idleAt`.
 */
export const IDLE_HOOK = `(() => {
  let m;
  Object.defineProperty(window, '__map', {
    configurable: true,
    get() { return m; },
    set(v) {
      m = v;
      if (v && typeof v.once === 'function' && window.__idleAt === undefined) v.once('idle', () => { window.__idleAt = performance.now(); });
    },
  });
})();`;

/** Wait for the first idle recorded by IDLE_HOOK; returns ms since navigation start. */
export async function firstIdle(page: Page, timeout = 60_000): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { __idleAt?: number }).__idleAt !== undefined, undefined, { timeout, polling: 50 });
  return page.evaluate(() => (window as unknown as { __idleAt: number }).__idleAt);
}

export interface JsFile {
  url: string;
  /** file name without directories */
  name: string;
  bytes: number;
  gzip: number;
  /** maplibre-gl itself or its worker: named so AND carrying maplibre-gl's version string */
  maplibre: boolean;
}

const isJs = (url: string) => /\.m?js$/.test(new URL(url).pathname);

export async function describeJs(url: string, body?: Buffer): Promise<JsFile> {
  const buf = body ?? Buffer.from(await (await fetch(url)).arrayBuffer());
  const name = new URL(url).pathname.split('/').pop() ?? url;
  const maplibre = /^maplibre/i.test(name) && buf.includes(MAPLIBRE_VERSION);
  return { url, name, bytes: buf.length, gzip: gzipSync(buf).length, maplibre };
}

/**
 * The JS the page requested before its first map idle (resource timing entries that started
 * before the idle time, page and document), each gzipped with zlib. Call after firstIdle().
 */
export async function initialJs(page: Page): Promise<JsFile[]> {
  const urls = await page.evaluate(() => {
    const idle = (window as unknown as { __idleAt: number }).__idleAt;
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.startTime <= idle).map((e) => e.name);
  });
  const js = [...new Set(urls.filter((u) => isJs(u) && new URL(u).origin === new URL(page.url()).origin))];
  return Promise.all(js.map((u) => describeJs(u)));
}

export const sumGzip = (files: JsFile[]) => files.filter((f) => !f.maplibre).reduce((a, f) => a + f.gzip, 0);
