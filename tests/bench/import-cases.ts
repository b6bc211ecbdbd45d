/**
 * Bench cases of the import worker and big imported layers (registered in scripts/bench.ts):
 * - import-300k: a ~40 MB GeoJSON of 300k points imported through the file input; the longest
 *   main-thread task while importing (PerformanceObserver 'longtask', which reports tasks > 50 ms),
 *   against the same file parsed on the main thread (JSON.parse in the page) as the baseline.
 * - big-300k: after that import, pan to idle and open Stats: the longest main-thread task, and the
 *   peak JS heap of the page's main isolate (CDP Runtime.getHeapUsage, sampled every 100 ms), against
 *   a bare MapLibre page holding the same 300k points in a GeoJSON source (pan to idle), same run.
 * One run each: a 40 MB import takes tens of seconds on a shared 2-core machine.
 */
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const IMPORT_CASES = ['import-300k', 'big-300k'] as const;

interface Res {
  median_ms: number | null;
  baseline_median_ms: number | null;
  ratio: number | null;
  runs: number;
  goal: string;
  ok: boolean;
  [extra: string]: unknown;
}

/** 300k points around Shaoxing with a few properties (~40 MB as GeoJSON text). */
export function bigPoints(n = 300_000): Buffer {
  const parts: string[] = ['{"type":"FeatureCollection","features":['];
  let s = 12345;
  const r = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < n; i++) {
    const x = 120.45 + r() * 0.3;
    const y = 29.9 + r() * 0.25;
    parts.push(`${i ? ',' : ''}{"type":"Feature","properties":{"name":"点位 ${i}","kind":"k${i % 7}","value":${(r() * 1000).toFixed(2)},"note":"synthetic bench point number ${i}"},"geometry":{"type":"Point","coordinates":[${x.toFixed(6)},${y.toFixed(6)}]}}`);
  }
  parts.push(']}');
  return Buffer.from(parts.join(''));
}

export const BASELINE_HTML = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/vendor/maplibre-gl.css">
<style>html,body,#map{margin:0;width:1280px;height:800px}</style></head><body><div id="map"></div>
<script src="/vendor/maplibre-gl.js"></script><script>
window.__longest = 0;
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask', buffered: true });
window.__run = async () => {
  const text = await (await fetch('/bench/big-300k.geojson')).text();
  const data = JSON.parse(text);
  const map = new maplibregl.Map({ container: 'map', style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#fff' } }] }, center: [120.6, 30.02], zoom: 11, attributionControl: false });
  window.__map = map;
  await new Promise((r) => map.on('load', r));
  map.addSource('p', { type: 'geojson', data });
  map.addLayer({ id: 'p', type: 'circle', source: 'p', paint: { 'circle-radius': 3, 'circle-color': '#e4572e' } });
  await new Promise((r) => map.once('idle', r));
  window.__longest = 0;
  map.panBy([300, 200], { duration: 0 });
  await new Promise((r) => map.once('idle', r));
  return window.__longest;
};
</script></body></html>`;

const LONGTASK_HOOK = `(() => {
  window.__longest = 0;
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask', buffered: true }); } catch {}
})();`;

async function heapSampler(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  let peak = 0;
  let on = true;
  const loop = (async () => {
    while (on) {
      try {
        const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        peak = Math.max(peak, h.usedSize);
      } catch {
        /* page busy or closed */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      on = false;
      await loop;
      await cdp.detach().catch(() => {});
      return peak;
    },
  };
}

const longest = (page: Page) => page.evaluate(() => (window as unknown as { __longest: number }).__longest);
const reset = (page: Page) => page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
const idle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((r) => {
        const m = (window as unknown as { __map: { once(e: string, f: () => void): void; triggerRepaint(): void } }).__map;
        m.once('idle', () => r());
        m.triggerRepaint();
      }),
  );

export async function importCases(browser: Browser, base: string, file: Buffer, results: Record<string, Res>, log: (...a: unknown[]) => void) {
  const round = (x: number) => Math.round(x * 10) / 10;
  // the app: import through the file input, then pan and open Stats
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.addInitScript(LONGTASK_HOOK);
  await page.goto(`${base}?tab=import`);
  await page.waitForFunction(() => document.documentElement.dataset.extras === 'ready', undefined, { timeout: 120_000 });
  await idle(page);
  const heap = await heapSampler(page);
  await reset(page);
  // a path, not a buffer: a 40 MB buffer would travel through the protocol (and time out)
  const dir = mkdtempSync(join(tmpdir(), 'yc-bench-'));
  const path = join(dir, 'big-300k.geojson');
  writeFileSync(path, file);
  const t0 = Date.now();
  await page.getByTestId('import-file').setInputFiles(path, { timeout: 300_000 });
  await page.getByTestId('import-ok').waitFor({ timeout: 600_000 });
  const importMs = Date.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  const importLongest = await longest(page);
  await idle(page);
  // baseline of import-300k: the same text parsed on this page's main thread
  const parseLongest = await page.evaluate(async () => {
    const text = await (await fetch('/bench/big-300k.geojson')).text();
    (window as unknown as { __longest: number }).__longest = 0;
    const t = performance.now();
    JSON.parse(text);
    const d = performance.now() - t;
    await new Promise((r) => setTimeout(r, 200));
    return Math.max(d, (window as unknown as { __longest: number }).__longest);
  });
  results['import-300k'] = {
    median_ms: round(importLongest),
    baseline_median_ms: round(parseLongest),
    ratio: parseLongest ? round(importLongest / parseLongest) : null,
    runs: 1,
    goal: 'longest main-thread task while importing ≤ 100 ms (baseline: JSON.parse of the same file on the main thread)',
    ok: importLongest <= 100,
    import_wall_ms: importMs,
    bytes: file.length,
  };
  log(`import-300k: longest task ${round(importLongest)} ms (main-thread parse ${round(parseLongest)} ms), import took ${importMs} ms`);

  // big-300k: pan to idle, open Stats
  await reset(page);
  await page.evaluate(() => (window as unknown as { __map: { panBy(o: [number, number], p: object): void } }).__map.panBy([300, 200], { duration: 0 }));
  await idle(page);
  await page.click('#tab-stats');
  await page.getByTestId('stats').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(500);
  const appLongest = await longest(page);
  const appHeap = await heap.stop();
  await ctx.close();

  const bctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const bpage = await bctx.newPage();
  await bpage.goto(`${base}bench/big-baseline.html`);
  const bheap = await heapSampler(bpage);
  const baseLongest = (await bpage.evaluate(() => (window as unknown as { __run: () => Promise<number> }).__run())) as number;
  const baseHeap = await bheap.stop();
  await bctx.close();
  results['big-300k'] = {
    median_ms: round(appLongest),
    baseline_median_ms: round(baseLongest),
    ratio: baseLongest ? round(appLongest / baseLongest) : null,
    runs: 1,
    goal: 'after importing 300k points: pan to idle + open Stats, longest main-thread task ≤ 200 ms; peak JS heap vs a bare MapLibre page with the same points',
    ok: appLongest <= 200,
    peak_heap_mb: round(appHeap / 1048576),
    baseline_peak_heap_mb: round(baseHeap / 1048576),
  };
  log(`big-300k: longest task ${round(appLongest)} ms (bare MapLibre pan ${round(baseLongest)} ms); peak heap ${round(appHeap / 1048576)} MB vs ${round(baseHeap / 1048576)} MB`);
}
