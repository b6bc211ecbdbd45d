/**
 * Bench cases of the workspace and selection (registered in scripts/bench.ts):
 *   select-100k   select by area over 100k points + the real plan features: flatbush index +
 *                 exact test (src/lib/geo/select.ts) vs turf booleanPointInPolygon over every
 *                 feature; goal ≤ 50 ms per selection (index built once, reported apart);
 *   restore-100k  page with a 100k-point layer: reload with it kept in the workspace (IndexedDB)
 *                 vs a fresh page plus importing the same file; navigation → layer drawn and idle.
 */
import type { Browser } from 'playwright-core';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { pointCollection } from './synthetic.ts';
import { buildSelectIndex, circlePolygon, selectInArea } from '../../src/lib/geo/select.ts';
import type { CountedFeature } from '../../src/lib/geo/stats.ts';
import { IDLE_HOOK } from './measure.ts';

type Results = Record<string, { median_ms: number | null; baseline_median_ms: number | null; ratio: number | null; runs: number; goal: string; ok: boolean; [k: string]: unknown }>;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export function selectCase(results: Results, log: (...a: unknown[]) => void, runs = 11) {
  const fc = pointCollection(100_000);
  const items: CountedFeature[] = fc.features.map((f, i) => ({ id: String(i), category: 'u', layer: 'u', geometry: f.geometry }));
  const t0 = performance.now();
  const idx = buildSelectIndex(items);
  const buildMs = performance.now() - t0;
  // a 3 km circle at the district centre and a concave polygon
  const areas: Polygon[] = [
    circlePolygon([120.58, 30.0], 3000),
    { type: 'Polygon', coordinates: [[[120.5, 29.95], [120.7, 29.95], [120.7, 30.1], [120.62, 30.1], [120.62, 30.0], [120.58, 30.0], [120.58, 30.1], [120.5, 30.1], [120.5, 29.95]]] },
  ];
  const times: number[] = [];
  const base: number[] = [];
  let found = 0;
  for (let r = 0; r < runs; r++) {
    for (const a of areas) {
      const s = performance.now();
      found = selectInArea(idx, a).features.length;
      times.push(performance.now() - s);
    }
    if (r < 3) {
      for (const a of areas) {
        const s = performance.now();
        let n = 0;
        for (const it of items) if (booleanPointInPolygon((it.geometry as { coordinates: number[] }).coordinates, a)) n++;
        base.push(performance.now() - s);
        void n;
      }
    }
  }
  const m = median(times);
  const b = median(base);
  results['select-100k'] = { median_ms: round(m), baseline_median_ms: round(b), ratio: round(m / b, 3), runs: times.length, index_build_ms: round(buildMs), last_selected: found, goal: 'select by area ≤ 50 ms at 100k features (baseline: turf booleanPointInPolygon over all)', ok: m <= 50 };
  log(`  select-100k: ${m.toFixed(1)} ms (turf brute force ${b.toFixed(1)} ms), index build ${buildMs.toFixed(0)} ms`);
}

export async function restoreCase(browser: Browser, base: string, results: Results, log: (...a: unknown[]) => void, runs = 3) {
  // a file on disk: Chromium reads it itself (a 20 MB buffer through the protocol is slow)
  const file = join(tmpdir(), `yc-bench-points-100k-${process.pid}.geojson`);
  writeFileSync(file, JSON.stringify(pointCollection(100_000)));
  // no named inner functions: tsx's __name helper does not exist in the page (and CSP forbids strings)
  const DRAWN = () => {
    const m = (window as unknown as { __map?: import('maplibre-gl').Map }).__map;
    // a big layer is fed to the map in pieces while hidden: drawn once it shows and its tiles are loaded
    return !!(m && m.getSource('user-1') && m.getLayer('user-1-circle') && m.getLayoutProperty('user-1-circle', 'visibility') === 'visible' && m.isSourceLoaded('user-1') && m.loaded());
  };
  const imports: number[] = [];
  const restores: number[] = [];
  for (let r = 0; r < runs; r++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', serviceWorkers: 'block' });
    await context.addInitScript(IDLE_HOOK);
    const page = await context.newPage();
    // fresh page + import
    let t = Date.now();
    await page.goto(`${base}?v=120.58/30/11`);
    await page.waitForFunction(() => document.documentElement.dataset.workspace === 'restored', undefined, { timeout: 120_000 });
    await page.click('#tab-import');
    await page.getByTestId('import-file').setInputFiles(file, { timeout: 120_000 });
    await page.getByTestId('import-ok').waitFor({ timeout: 300_000 });
    await page.waitForFunction(DRAWN, undefined, { timeout: 300_000, polling: 50 });
    imports.push(Date.now() - t);
    // wait for the layer to be in IndexedDB, then reload: the workspace brings it back
    await page.waitForFunction(() => document.querySelector('[data-testid=workspace-status]')?.textContent?.includes('✓'), undefined, { timeout: 120_000 });
    await page.waitForTimeout(1500);
    t = Date.now();
    await page.goto(`${base}?v=120.58/30/11`);
    await page.waitForFunction(() => document.documentElement.dataset.workspace === 'restored', undefined, { timeout: 120_000 });
    await page.waitForFunction(DRAWN, undefined, { timeout: 300_000, polling: 50 });
    restores.push(Date.now() - t);
    await context.close();
  }
  rmSync(file, { force: true });
  const m = median(restores);
  const b = median(imports);
  results['restore-100k'] = { median_ms: m, baseline_median_ms: b, ratio: round(m / b, 3), runs, goal: 'reload with a kept 100k-point workspace vs fresh page + importing the same file (navigation → layer drawn, idle); reported', ok: m <= b };
  log(`  restore-100k: ${m} ms (fresh page + import ${b} ms)`);
}
