/**
 * First-load budget (in the style of maplibre's min.test.ts): the JavaScript the browser fetches
 * before the map's first idle, each file gzipped, maplibre-gl and its worker excluded, stays within
 * INITIAL_JS_BUDGET. Heavy or occasional code (drawing, import, statistics, turf) loads later.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launch, baseUrl } from './browser.ts';
import { IDLE_HOOK, firstIdle, initialJs, sumGzip, INITIAL_JS_BUDGET, type JsFile } from '../bench/measure.ts';

let browser: Browser;
let initial: JsFile[] = [];

beforeAll(async () => {
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await context.addInitScript(IDLE_HOOK);
  const page = await context.newPage();
  await page.goto(baseUrl());
  await firstIdle(page);
  initial = await initialJs(page);
  await context.close();
});
afterAll(async () => browser?.close());

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

describe('first-load JavaScript budget', () => {
  it('finds the entry chunk and tells maplibre-gl (and its worker) apart by name and version', () => {
    const entry = /<script type="module"[^>]*src="\/?([^"]+)"/.exec(readFileSync('dist/index.html', 'utf8'))?.[1];
    expect(entry, 'dist/index.html names a module entry').toBeTruthy();
    expect(initial.map((f) => f.name)).toContain(entry!.split('/').pop());
    const maplibre = initial.filter((f) => f.maplibre);
    expect(maplibre.map((f) => f.name).some((n) => /^maplibre-(?!gl-worker)/.test(n)), 'maplibre-gl is in a chunk of its own (vite.config.ts manualChunks)').toBe(true);
    // maplibre-gl is ~300 KB gzipped: if it were in another chunk, the budget below would fail loudly
    expect(maplibre.reduce((a, f) => a + f.gzip, 0)).toBeGreaterThan(150 * 1024);
  });

  it(`stays within ${kb(INITIAL_JS_BUDGET)} gzipped, maplibre-gl excluded`, () => {
    const counted = initial.filter((f) => !f.maplibre);
    const total = sumGzip(initial);
    const table = counted.map((f) => `${f.name}: ${kb(f.gzip)}`).join(', ');
    console.log(`initial JS (gzip, without maplibre-gl): ${kb(total)} of ${kb(INITIAL_JS_BUDGET)} — ${table}`);
    expect(total, `initial JS ${kb(total)}: ${table}`).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
  });

  it('keeps drawing, import and statistics code out of the first load', () => {
    const names = initial.map((f) => f.name);
    for (const heavy of [/terra-draw/i, /^importer-/, /^ImportPanel-/, /^MeasureTool-/, /^StatsPanel-/, /^NearbyPanel-/, /^turf/i]) {
      expect(names.filter((n) => heavy.test(n)), String(heavy)).toEqual([]);
    }
  });
});
