/**
 * npm run bench [-- --json] [--runs N] [--only cold,bytes,nearby,filter,validate,select,restore,import-300k,big-300k] [--dist dir]
 *
 * Speed measured against baselines in the same run (ratios, not absolute times):
 *   cold-load      built app, navigation → first map idle, vs a bare MapLibre page with the same
 *                  GeoJSON (tests/bench/baseline/), alternating runs, fresh browser context each;
 *   nearby-*       20 nearest within 2 km over 1k/10k/100k synthetic features, flatbush index
 *                  (src/lib/geo/nearby.ts) vs turf brute force;
 *   filter-100k    filter change → map idle with 100k points: the app's filterExpression + combine +
 *                  setFilter on its own layers, vs the same setFilter in the bare page;
 *   validate-*     load (parse) + normalize + validateGeodataFile at 1×, 10×, 100× the real data;
 *                  the ratio is time per feature against 1×;
 *   initial-js     gzipped JS loaded before the first map idle, without maplibre-gl and its worker;
 *   select-100k    select by area over 100k imported points vs turf booleanPointInPolygon on each;
 *   restore-100k   reload with a kept 100k-point workspace vs a fresh page plus importing the file;
 *   import-300k    longest main-thread task while importing a 40 MB, 300k-point GeoJSON vs
 *                  JSON.parse of it on the main thread (tests/bench/import-cases.ts);
 *   big-300k       with those 300k points: pan, Stats, table, table filter and sort, plan filter;
 *                  longest task and the app's own script time per step, peak heap, vs a bare
 *                  MapLibre page holding the same points.
 * Not part of npm test (tests/e2e/budget.test.ts asserts the size budget there).
 */
import os from 'node:os';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { FilterSpecification } from 'maplibre-gl';
import { CHROMIUM, LAUNCH_ARGS } from '../tests/e2e/browser.ts';
import { startServer } from '../tests/bench/server.ts';
import { IDLE_HOOK, firstIdle, initialJs, describeJs, sumGzip, INITIAL_JS_BUDGET, type JsFile } from '../tests/bench/measure.ts';
import { mixedFeatures, pointCollection, queryPoints } from '../tests/bench/synthetic.ts';
import { restoreCase, selectCase } from '../tests/bench/workspace-cases.ts';
import { BASELINE_HTML, IMPORT_CASES, bigPoints, importCases } from '../tests/bench/import-cases.ts';
import { GROUPS } from '../src/lib/layers/registry.ts';
import { HOME } from '../src/lib/map/camera.ts';
import { combine, filterExpression, NO_FILTERS, type Filters } from '../src/lib/state/filters.ts';
import { normalize } from '../src/lib/plan/load.ts';
import { buildStyle } from '../src/lib/layers/style.ts';
import { validateGeodataFile } from '../src/lib/plan/validate.ts';
import type { LonLat } from '../src/lib/geo/distance.ts';
import { booleanPointInPolygon, distance as turfDistance, pointToLineDistance, point, lineString } from '@turf/turf';

const ROOT = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const JSON_OUT = args.includes('--json');
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Number(opt('--runs') ?? 11);
/** the built app to serve (default dist/; another directory lets a bench run ignore concurrent rebuilds) */
const DIST = opt('--dist') ?? 'dist';
const ONLY = opt('--only')?.split(',') ?? ['cold', 'bytes', 'nearby', 'filter', 'validate', 'select', 'restore', 'import-300k', 'big-300k'];
const log = (...a: unknown[]) => (JSON_OUT ? console.error(...a) : console.log(...a));

interface CaseResult {
  median_ms: number | null;
  baseline_median_ms: number | null;
  ratio: number | null;
  runs: number;
  bytes?: number;
  goal: string;
  ok: boolean;
  [extra: string]: unknown;
}
const results: Record<string, CaseResult> = {};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const round = (x: number, d = 3) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);

// ---------------------------------------------------------------------------------------------
// machine

function machine() {
  const cpus = os.cpus();
  const chromiumVersion = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '?';
  return {
    cpus: cpus.length,
    cpu: cpus[0]?.model ?? '?',
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    load_avg: os.loadavg().map((x) => round(x, 2)),
    node: process.version,
    chromium: chromiumVersion,
    platform: `${os.platform()} ${os.release()}`,
  };
}

// ---------------------------------------------------------------------------------------------
// browser cases

const VIEWPORT = { width: 1280, height: 800 };
const planFiles = GROUPS.map((g) => g.file);

async function coldRun(browser: Browser, url: string, serviceWorkers: 'allow' | 'block' = 'allow'): Promise<{ ms: number; page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', serviceWorkers });
  await context.addInitScript(IDLE_HOOK);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  const ms = await firstIdle(page).catch((e) => {
    throw new Error(`${url}: no map idle (${(e as Error).message}); page errors: ${errors.join('; ')}`);
  });
  return { ms, page, close: () => context.close() };
}

const mapSize = (page: Page) =>
  page.evaluate(() => {
    const c = (window as unknown as { __map: { getCanvas(): HTMLCanvasElement } }).__map.getCanvas();
    return { w: c.clientWidth, h: c.clientHeight };
  });

function baselineUrl(base: string, size: { w: number; h: number }, style?: string) {
  const q = new URLSearchParams({ files: planFiles.join(','), c: HOME.center.join(','), z: String(HOME.zoom), w: String(size.w), h: String(size.h) });
  if (style) q.set('style', style);
  return `${base}baseline/?${q}`;
}

/** The app's own style (buildStyle over the real data, as the app builds it), for the diagnostic runs. */
export function appStyleJson(): Buffer {
  const data: Record<string, FeatureCollection> = {};
  for (const g of GROUPS) {
    const file = join(ROOT, 'geodata', g.file);
    data[g.id] = existsSync(file) ? normalize(JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection, g) : { type: 'FeatureCollection', features: [] };
  }
  const style = buildStyle(data, 'zh');
  return Buffer.from(JSON.stringify({ ...style, layers: style.layers }));
}

async function coldLoad(browser: Browser, base: string, runs: number) {
  // warm-up (not counted): the app once, for the map size the baseline then uses; the baseline once
  const warm = await coldRun(browser, base);
  const size = await mapSize(warm.page);
  await warm.close();
  const bUrl = baselineUrl(base, size);
  await (await coldRun(browser, bUrl)).close();

  // the measured pair (app, bare page) and two diagnostics: the app without its service worker,
  // and the bare page drawing the app's own style (cartography without the app around it)
  const variants = [
    { key: 'app', url: base, sw: 'allow' as const },
    { key: 'bare', url: bUrl, sw: 'allow' as const },
    { key: 'app-no-sw', url: base, sw: 'block' as const },
    { key: 'bare-app-style', url: baselineUrl(base, size, '/bench/app-style.json'), sw: 'allow' as const },
  ];
  const times: Record<string, number[]> = Object.fromEntries(variants.map((v) => [v.key, []]));
  let initial: JsFile[] = [];
  for (let i = 0; i < runs; i++) {
    // rotate the order each run to cancel drift
    const order = variants.map((_, j) => variants[(i + j) % variants.length]);
    for (const v of order) {
      const r = await coldRun(browser, v.url, v.sw);
      times[v.key].push(r.ms);
      if (v.key === 'app' && initial.length === 0) initial = await initialJs(r.page);
      await r.close();
    }
    log(`  cold-load run ${i + 1}/${runs}: ${variants.map((v) => `${v.key} ${times[v.key][i].toFixed(0)} ms`).join(', ')}`);
  }
  const m = median(times.app);
  const b = median(times.bare);
  const noSw = median(times['app-no-sw']);
  const appStyle = median(times['bare-app-style']);
  results['cold-load'] = {
    median_ms: round(m, 1),
    baseline_median_ms: round(b, 1),
    ratio: round(m / b),
    runs,
    goal: 'ratio ≤ 1.25',
    ok: m / b <= 1.25,
    map_px: `${size.w}×${size.h}`,
    diagnostics: {
      app_without_service_worker_median_ms: round(noSw, 1),
      app_without_service_worker_ratio: round(noSw / b),
      bare_page_with_app_style_median_ms: round(appStyle, 1),
      bare_page_with_app_style_ratio: round(appStyle / b),
    },
  };
  return initial;
}

async function initialBytes(initial: JsFile[]) {
  const loaded = new Set(initial.map((f) => f.name));
  const assets = resolve(ROOT, DIST, 'assets');
  const lazy: JsFile[] = [];
  for (const name of readdirSync(assets).filter((f) => /\.m?js$/.test(f) && !loaded.has(f))) {
    lazy.push(await describeJs(`file:///${name}`, readFileSync(join(assets, name))));
  }
  const bytes = sumGzip(initial);
  results['initial-js'] = {
    median_ms: null,
    baseline_median_ms: null,
    ratio: round(bytes / INITIAL_JS_BUDGET),
    runs: 1,
    bytes,
    budget_bytes: INITIAL_JS_BUDGET,
    goal: `gzip ≤ ${INITIAL_JS_BUDGET / 1024} KB (ratio = bytes / budget)`,
    ok: bytes <= INITIAL_JS_BUDGET,
    initial: initial.map((f) => ({ name: f.name, gzip: f.gzip, excluded: f.maplibre })),
    lazy: lazy.filter((f) => !f.maplibre).map((f) => ({ name: f.name, gzip: f.gzip })),
  };
}

/** Filter change → idle: the app page (its own layers) against the bare page, 100k points in both. */
async function filterCase(browser: Browser, base: string, runs: number) {
  const open = async (url: string) => {
    const r = await coldRun(browser, url);
    return r;
  };
  const appR = await open(base);
  const size = await mapSize(appR.page);
  const bareR = await open(baselineUrl(base, size));
  const pointsIdx = planFiles.indexOf('points.geojson');
  const appSource = 'g-points';
  const bareSource = `s${pointsIdx}`;

  // load the same 100k points into the `points` source of each page
  const load = (page: Page, source: string) =>
    page.evaluate(async (source) => {
      const m = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      const src = m.getSource(source) as import('maplibre-gl').GeoJSONSource;
      src.setData('/bench/points.geojson');
      await new Promise<void>((r) => {
        m.once('idle', () => r());
        m.triggerRepaint();
      });
    }, source);
  await load(appR.page, appSource);
  await load(bareR.page, bareSource);

  // the app's filter path: filterExpression → combine with each filterable layer's geometry filter
  const appLayers = await appR.page.evaluate(() =>
    (window as unknown as { __map: import('maplibre-gl').Map }).__map
      .getStyle()
      .layers.map((l) => ({ id: l.id, meta: (l as { metadata?: Record<string, unknown> }).metadata ?? {} })),
  );
  const appFilters = (f: Filters) =>
    appLayers.filter((l) => l.meta['yc:filterable']).map((l) => [l.id, combine(l.meta['yc:geom'] as FilterSpecification | undefined, filterExpression(f))] as const);
  // the bare page: the same state expression on each layer of the plan files, next to the layer's own filter
  const bareLayers = await bareR.page.evaluate((planSources) => {
    const m = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
    return m
      .getStyle()
      .layers.filter((l) => 'source' in l && planSources.includes(l.source as string))
      .map((l) => ({ id: l.id, own: (l as { filter?: unknown }).filter ?? null }));
  }, GROUPS.map((g, i) => (g.base ? null : `s${i}`)).filter(Boolean) as string[]);
  const bareFilters = (f: Filters) => {
    const e = filterExpression(f);
    return bareLayers.map((l) => [l.id, l.own ? ['all', l.own, e] : e] as const);
  };
  const states: Filters[] = [
    { ...NO_FILTERS, st: ['planned'] },
    { ...NO_FILTERS, st: ['completed', 'underway'] },
  ];

  const apply = (page: Page, filters: readonly (readonly [string, unknown])[], countLayer: string) =>
    page.evaluate(
      async ({ filters, countLayer }) => {
        const m = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
        const t0 = performance.now();
        for (const [id, f] of filters) m.setFilter(id, f as never);
        await new Promise<void>((r) => {
          m.once('idle', () => r());
          m.triggerRepaint();
        });
        const ms = performance.now() - t0;
        return { ms, rendered: m.queryRenderedFeatures({ layers: [countLayer] }).length };
      },
      { filters, countLayer },
    );

  const app: number[] = [];
  const bare: number[] = [];
  const counts: { app: number; bare: number }[] = [];
  // one untimed change each, then alternate
  await apply(appR.page, appFilters(states[1]), 'points-circle');
  await apply(bareR.page, bareFilters(states[1]), `${bareSource}-circle`);
  for (let i = 0; i < runs; i++) {
    const st = states[i % 2];
    const order = i % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
    const c = { app: 0, bare: 0 };
    for (const which of order) {
      if (which === 'app') {
        await appR.page.bringToFront();
        const r = await apply(appR.page, appFilters(st), 'points-circle');
        app.push(r.ms);
        c.app = r.rendered;
      } else {
        await bareR.page.bringToFront();
        const r = await apply(bareR.page, bareFilters(st), `${bareSource}-circle`);
        bare.push(r.ms);
        c.bare = r.rendered;
      }
    }
    counts.push(c);
    log(`  filter run ${i + 1}/${runs}: app ${app[i].toFixed(0)} ms (${c.app} rendered), baseline ${bare[i].toFixed(0)} ms (${c.bare} rendered)`);
  }
  await appR.close();
  await bareR.close();
  const m = median(app);
  const b = median(bare);
  results['filter-100k'] = {
    median_ms: round(m, 1),
    baseline_median_ms: round(b, 1),
    ratio: round(m / b),
    runs,
    goal: 'ratio ≤ 1.2',
    ok: m / b <= 1.2,
    rendered_points: counts[0],
    app_layers_filtered: appFilters(states[0]).length,
    baseline_layers_filtered: bareLayers.length,
  };
}

// ---------------------------------------------------------------------------------------------
// node cases

/** True distance with turf itself (nearest point of the geometry, 0 inside a polygon): the brute-force baseline. */
function turfDistanceTo(p: LonLat, g: Geometry): number {
  const line = (c: Position[]) => (c.length === 1 ? turfDistance(point(p), point(c[0]), { units: 'meters' }) : pointToLineDistance(point(p), lineString(c), { units: 'meters', method: 'geodesic' }));
  const poly = (rings: Position[][]) => (booleanPointInPolygon(p, { type: 'Polygon', coordinates: rings }) ? 0 : Math.min(...rings.map(line)));
  switch (g.type) {
    case 'Point':
      return turfDistance(point(p), point(g.coordinates), { units: 'meters' });
    case 'LineString':
      return line(g.coordinates);
    case 'Polygon':
      return poly(g.coordinates);
    default:
      throw new Error(`synthetic data has no ${g.type}`);
  }
}

function bruteForce(features: Feature[], p: LonLat, radius: number, limit: number) {
  const hits: { f: Feature; d: number; id: string }[] = [];
  for (const f of features) {
    const d = turfDistanceTo(p, f.geometry);
    if (d <= radius) hits.push({ f, d, id: String(f.properties?.id) });
  }
  hits.sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return hits.slice(0, limit);
}

async function nearbyCase() {
  const mod = existsSync(join(ROOT, 'src/lib/geo/nearby.ts')) ? await import('../src/lib/geo/nearby.ts') : null;
  if (!mod) {
    log('  nearby: src/lib/geo/nearby.ts is missing; skipped');
    return;
  }
  const { buildNearbyIndex, queryNearby } = mod;
  const R = 2000;
  const K = 20;
  for (const [label, n, bruteRuns] of [
    ['1k', 1_000, 51],
    ['10k', 10_000, 15],
    ['100k', 100_000, 7],
  ] as const) {
    const features = mixedFeatures(n, 7);
    const t0 = performance.now();
    const index = buildNearbyIndex(features);
    const buildMs = performance.now() - t0;
    const qs = queryPoints(201, 11);
    for (const q of qs.slice(0, 20)) queryNearby(index, q, R, K); // warm-up
    const fast: number[] = [];
    for (const q of qs) {
      const s = performance.now();
      queryNearby(index, q, R, K);
      fast.push(performance.now() - s);
    }
    const slow: number[] = [];
    let agree = true;
    bruteForce(features, qs[0], R, K); // warm-up
    for (const q of qs.slice(0, bruteRuns)) {
      const s = performance.now();
      const b = bruteForce(features, q, R, K);
      slow.push(performance.now() - s);
      const a = queryNearby(index, q, R, K);
      const ids = (xs: { id: string }[]) => xs.map((x) => x.id).join(',');
      if (ids(a.map((h) => ({ id: String(h.feature.properties?.id) }))) !== ids(b)) agree = false;
    }
    const m = median(fast);
    const b = median(slow);
    const big = n === 100_000;
    results[`nearby-${label}`] = {
      median_ms: round(m, 4),
      baseline_median_ms: round(b, 2),
      ratio: round(m / b, 5),
      runs: fast.length,
      baseline_runs: slow.length,
      speedup: round(b / m, 1),
      index_build_ms: round(buildMs, 1),
      same_results_as_brute_force: agree,
      goal: big ? 'median ≤ 1 ms and ≥ 100× faster (ratio ≤ 0.01)' : 'reported',
      ok: (big ? m <= 1 && b / m >= 100 : true) && agree,
    };
    log(`  nearby ${label}: index ${m.toFixed(3)} ms vs turf brute force ${b.toFixed(1)} ms (×${(b / m).toFixed(0)}), same results: ${agree}`);
  }
}

/** The real geodata, each feature replicated k times with new ids and shifted slightly. */
function replicated(k: number): { file: string; group: (typeof GROUPS)[number]; text: string; n: number }[] {
  return GROUPS.filter((g) => existsSync(join(ROOT, 'geodata', g.file))).map((g) => {
    const fc = JSON.parse(readFileSync(join(ROOT, 'geodata', g.file), 'utf8')) as FeatureCollection;
    const out: Feature[] = [];
    for (let r = 0; r < k; r++) {
      const dx = (r % 10) * 1e-5;
      const dy = Math.floor(r / 10) * 1e-5;
      const shift = (c: unknown): unknown =>
        Array.isArray(c) && typeof c[0] === 'number' ? [Math.round(((c as Position)[0] + dx) * 1e6) / 1e6, Math.round(((c as Position)[1] + dy) * 1e6) / 1e6] : Array.isArray(c) ? c.map(shift) : c;
      for (const f of fc.features) {
        const copy = structuredClone(f);
        if (r > 0) {
          if (copy.properties?.id) copy.properties.id = `${copy.properties.id}-r${r}`;
          if (copy.geometry && 'coordinates' in copy.geometry) (copy.geometry as { coordinates: unknown }).coordinates = shift(copy.geometry.coordinates);
        }
        out.push(copy);
      }
    }
    return { file: g.file, group: g, text: JSON.stringify({ ...fc, features: out }), n: out.length };
  });
}

function validateCase() {
  const planText = readFileSync(join(ROOT, 'geodata/plan.txt'), 'utf8');
  const outlineText = readFileSync(join(ROOT, 'geodata/base/outline.geojson'), 'utf8');
  const outline = JSON.parse(outlineText).features?.[0] as Feature<Polygon | MultiPolygon>;
  const registryIds = new Set(GROUPS.map((g) => g.id));
  const runOnce = (files: ReturnType<typeof replicated>) => {
    const seenIds = new Map<string, string>();
    let problems = 0;
    const t0 = performance.now();
    for (const f of files) {
      const fc = normalize(JSON.parse(f.text) as FeatureCollection, f.group);
      problems += validateGeodataFile(fc, { file: f.file, kind: f.group.base ? 'base' : 'plan', group: f.group.id, registryIds, planText, outline, seenIds }).length;
    }
    return { ms: performance.now() - t0, problems };
  };
  // the outline buffer is computed once per outline and reused (validate.ts caches it): time it apart
  const tb = performance.now();
  runOnce(replicated(1).slice(0, 1));
  const onceMs = performance.now() - tb;

  let perFeature1 = NaN;
  for (const [label, k, runs] of [
    ['1x', 1, 15],
    ['10x', 10, 7],
    ['100x', 100, 5],
  ] as const) {
    const files = replicated(k);
    const n = files.reduce((a, f) => a + f.n, 0);
    runOnce(files); // warm-up
    const times: number[] = [];
    let problems = 0;
    for (let i = 0; i < runs; i++) {
      const r = runOnce(files);
      times.push(r.ms);
      problems = r.problems;
    }
    const m = median(times);
    const per = m / n;
    if (k === 1) perFeature1 = per;
    results[`validate-${label}`] = {
      median_ms: round(m, 1),
      baseline_median_ms: round(perFeature1 * n, 1),
      ratio: round(per / perFeature1),
      runs,
      features: n,
      per_feature_ms: round(per, 4),
      problems,
      goal: k === 100 ? 'per-feature time ≤ 1.5× that at 1× (baseline = 1× per-feature time × n)' : 'reported',
      ok: k === 100 ? per / perFeature1 <= 1.5 : true,
      ...(k === 1 ? { first_call_with_outline_buffer_ms: round(onceMs, 1) } : {}),
    };
    log(`  validate ${label}: ${n} features, ${m.toFixed(1)} ms, ${(per * 1000).toFixed(1)} µs/feature`);
  }
}

// ---------------------------------------------------------------------------------------------

function printTable(info: ReturnType<typeof machine>) {
  const rows = Object.entries(results).map(([k, r]) => [
    k,
    r.median_ms === null ? (r.bytes !== undefined ? `${(r.bytes / 1024).toFixed(1)} KB` : '—') : `${r.median_ms} ms`,
    r.baseline_median_ms === null ? (r.bytes !== undefined ? `${INITIAL_JS_BUDGET / 1024} KB budget` : '—') : `${r.baseline_median_ms} ms`,
    String(r.ratio),
    String(r.runs),
    r.goal,
    r.ok ? 'ok' : 'MISSED',
  ]);
  const head = ['case', 'median', 'baseline', 'ratio', 'runs', 'goal', ''];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(w[i])).join('  ');
  console.log(`\nmachine: ${info.cpus} CPUs (${info.cpu}), ${info.memory_gb} GB, load ${info.load_avg.join(' ')}, node ${info.node}, ${info.chromium}`);
  console.log(line(head));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const r of rows) console.log(line(r));
  const cl = results['cold-load'];
  if (cl) {
    const d = cl.diagnostics as Record<string, number>;
    console.log(`\ncold-load diagnostics: app without its service worker ${d.app_without_service_worker_median_ms} ms (ratio ${d.app_without_service_worker_ratio}); bare page drawing the app's own style ${d.bare_page_with_app_style_median_ms} ms (ratio ${d.bare_page_with_app_style_ratio})`);
  }
  const ij = results['initial-js'];
  if (ij) {
    console.log('\ninitial JS (gzip):', (ij.initial as { name: string; gzip: number; excluded: boolean }[]).map((f) => `${f.name} ${(f.gzip / 1024).toFixed(1)} KB${f.excluded ? ' (maplibre, excluded)' : ''}`).join(', '));
    console.log('lazy chunks (gzip):', (ij.lazy as { name: string; gzip: number }[]).map((f) => `${f.name} ${(f.gzip / 1024).toFixed(1)} KB`).join(', '));
  }
}

async function main() {
  const info = machine();
  log(`bench: ${info.cpus} CPUs, ${info.cpu}; load average ${info.load_avg.join(' ')}`);
  const needBrowser = ONLY.some((c) => ['cold', 'bytes', 'filter', 'restore', ...IMPORT_CASES].includes(c));
  if (ONLY.includes('select')) {
    log('select-100k: select by area over 100k points, index vs turf brute force');
    selectCase(results, log);
  }
  if (needBrowser && !existsSync(resolve(ROOT, DIST, 'index.html'))) {
    log(`${DIST}/ is missing: running vite build`);
    const b = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', DIST], { cwd: ROOT, stdio: JSON_OUT ? ['ignore', 2, 2] : 'inherit' });
    if (b.status !== 0) throw new Error('vite build failed');
  }
  if (ONLY.includes('validate')) {
    log('validate: load + normalize + validateGeodataFile at 1×, 10×, 100×');
    validateCase();
  }
  if (ONLY.includes('nearby')) {
    log('nearby: 20 nearest within 2 km, index vs turf brute force');
    await nearbyCase();
  }
  if (needBrowser) {
    const generated = new Map([
      ['/bench/points.geojson', { body: Buffer.from(JSON.stringify(pointCollection(100_000))), type: 'application/geo+json' }],
      ['/bench/app-style.json', { body: appStyleJson(), type: 'application/json' }],
    ]);
    const server = await startServer(0, generated, DIST);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    try {
      if (ONLY.includes('cold') || ONLY.includes('bytes')) {
        log(`cold load: app vs bare MapLibre page, ${RUNS} alternating runs`);
        const initial = await coldLoad(browser, server.url, ONLY.includes('cold') ? RUNS : 1);
        if (!ONLY.includes('cold')) delete results['cold-load'];
        await initialBytes(initial);
      }
      if (ONLY.includes('filter')) {
        log(`filter change with 100k points: ${RUNS} alternating runs`);
        await filterCase(browser, server.url, RUNS);
      }
      if (ONLY.includes('restore')) {
        log('restore-100k: reload with a kept 100k-point workspace vs fresh page + import');
        await restoreCase(browser, server.url, results, log);
      }
      if (IMPORT_CASES.some((c) => ONLY.includes(c))) {
        log('import-300k and big-300k: one run each');
        const big = bigPoints();
        generated.set('/bench/big-300k.geojson', { body: big, type: 'application/geo+json' });
        generated.set('/bench/big-baseline.html', { body: Buffer.from(BASELINE_HTML()), type: 'text/html' });
        await importCases(browser, server.url, big, results, log);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }
  if (JSON_OUT) {
    console.error(`machine: ${JSON.stringify(info)}`);
    console.log(JSON.stringify(results, null, 2));
  } else printTable(info);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
