/**
 * Hostile input through the real interface. Malformed files in the import tab each give their
 * message and change nothing already loaded; markup and script in every displayed text (imported
 * files, plan data, every URL parameter) is shown as literal text and never runs. The XSS checks
 * run with the page's CSP bypassed, so only escaping stands between a payload and execution.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, baseUrl, waitIdle, renderedIds } from './browser.ts';
import { GROUPS } from '../../src/lib/layers/registry.ts';
import { layerIdsOf } from '../../src/lib/layers/style.ts';
import { PARAMS } from '../../src/lib/state/params.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const planLayers = GROUPS.filter((g) => !g.base).flatMap((g) => layerIdsOf(g.id));

/** A page whose every attempt to run injected script is recorded (dialogs, window.__xss). */
async function hostilePage(query = '', opts: { route?: (page: Page) => Promise<unknown> } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', bypassCSP: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  if (opts.route) await opts.route(page);
  await page.goto(baseUrl() + query);
  await waitIdle(page);
  return { page, dialogs, errors, close: () => context.close() };
}

/** Nothing ran, and no element carries an inline handler or a script the page did not ship. */
async function nothingRan(page: Page, dialogs: string[]) {
  const r = await page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown };
    const handlers: string[] = [];
    for (const el of document.querySelectorAll('*')) for (const a of el.getAttributeNames()) if (/^on/i.test(a)) handlers.push(`${el.tagName}[${a}]`);
    const scripts = [...document.querySelectorAll('script')].filter((s) => !s.src).map((s) => s.textContent ?? '');
    const imgs = [...document.querySelectorAll('img, svg, iframe, object, embed')].filter((e) => e.getAttribute('src') === 'x' || e.hasAttribute('onload')).length;
    const links = [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length;
    return { xss: w.__xss ?? null, handlers, scripts, imgs, links };
  });
  expect(dialogs).toEqual([]);
  expect(r).toEqual({ xss: null, handlers: [], scripts: [], imgs: 0, links: 0 });
}

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);

const PAYLOAD = `<img src=x onerror="window.__xss=1;alert(1)">"><svg onload="window.__xss=2"><script>window.__xss=3</script>`;
const JS_URL = 'javascript:window.__xss=4;alert(4)';

/** State of what is loaded: style sources and layers, user layers, plan features drawn. */
async function loaded(page: Page) {
  await waitIdle(page);
  return page.evaluate(
    async (planLayers) => {
      const m = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      const style = m.getStyle();
      const ls = planLayers.filter((l) => m.getLayer(l));
      return {
        sources: Object.keys(style.sources).sort(),
        layers: style.layers.map((l) => l.id),
        drawn: [...new Set(m.queryRenderedFeatures({ layers: ls }).map((f) => String(f.properties.id)))].sort(),
        userLayers: [...document.querySelectorAll('[data-testid="user-layers"] li')].map((li) => (li as HTMLElement).innerText),
      };
    },
    planLayers,
  );
}

const enc = (s: string) => Buffer.from(s, 'utf8');
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pointF = (x: unknown, y: unknown, props: Record<string, unknown> = { name: 'p' }) => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [x, y] } });

describe('hostile files through the import tab', () => {
  it('each is refused with its message; the map, its layers and earlier imports are unchanged; markup in a good file is text', async () => {
    const { page, dialogs, close } = await hostilePage('?tab=import');
    try {
      // something already imported, to prove it survives
      await page.getByTestId('import-file').setInputFiles({ name: 'good.geojson', mimeType: 'application/geo+json', buffer: enc(fc([pointF(120.58, 30.0), pointF(120.6, 30.02)])) });
      await page.getByTestId('import-ok').waitFor();
      const before = await loaded(page);
      expect(before.userLayers).toHaveLength(1);
      expect(before.drawn.length).toBeGreaterThan(3);

      // every row bad (a table with some good rows imports them and lists the bad ones)
      const gbkBad = Buffer.from([0xbe, 0xad, 0xb6, 0xc8, 0x2c, 0xce, 0xb3, 0xb6, 0xc8, 0x0a, ...enc('120.6,x\n120.7,y\n')]);
      const files: { name: string; buffer: Buffer; kind: string; says: RegExp }[] = [
        { name: 'broken.geojson', buffer: enc('{"type":"FeatureCollection","features":[{'), kind: 'not-json', says: /JSON/ },
        { name: 'ring.geojson', buffer: enc(fc([{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[120.5, 30], [120.6, 30], [120.6, 30.1], [120.5, 30.1]]] } }])), kind: 'bad-geometry', says: /闭合|features\[0\]/ },
        { name: 'infinite.geojson', buffer: enc(fc([pointF(120.58, 30)]).replace('120.58', '1e999')), kind: 'bad-coordinates', says: /有限数|finite/ },
        { name: 'deep.json', buffer: enc('['.repeat(50_000) + ']'.repeat(50_000)), kind: 'too-deep', says: /嵌套|nested/ },
        { name: 'gbk-bad.csv', buffer: gbkBad, kind: 'bad-coordinates', says: /第 2 行.*第 3 行|line 2.*line 3/ },
        { name: 'picture.geojson', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), kind: 'unsupported-format', says: /格式|format/ },
        { name: 'markup.geojson', buffer: enc(fc([pointF(PAYLOAD, 30)])), kind: 'bad-coordinates', says: /<img src=x/ },
      ];
      for (const f of files) {
        await page.getByTestId('import-file').setInputFiles({ name: f.name, mimeType: 'application/octet-stream', buffer: f.buffer });
        const status = page.locator(`[data-testid="import-error"][data-kind="${f.kind}"]`).filter({ hasText: f.name });
        await status.waitFor({ timeout: 20_000 });
        const msg = await status.innerText();
        expect(msg, f.name).toMatch(f.says);
        // the same failure is announced in the notices
        await page.locator('[data-testid="notices"] [data-kind="error"]').filter({ hasText: f.name }).first().waitFor();
        expect(await loaded(page), `${f.name} changed what was loaded`).toEqual(before);
      }
      await nothingRan(page, dialogs);

      // markup in an imported file's name and in its features' names: shown as text in the import
      // tab, the legend and the statistics, never run
      const props = { name: PAYLOAD, name_zh: PAYLOAD, name_en: PAYLOAD, excerpt_zh: PAYLOAD, figures: PAYLOAD, location_source: JS_URL, description_zh: PAYLOAD, description_en: PAYLOAD };
      const fileName = `<img src=x onerror=window.__xss=6>.geojson`;
      await page.getByTestId('import-file').setInputFiles({ name: fileName, mimeType: 'application/geo+json', buffer: enc(fc([pointF(120.58, 30.0, props), pointF(120.6, 30.02, props)])) });
      await page.getByTestId('import-ok').filter({ hasText: fileName }).waitFor();
      await waitIdle(page);
      expect(await bodyText(page)).toContain(fileName);
      expect(await page.locator('.legend').innerText()).toContain(fileName);
      if (await page.locator('#tab-stats').count()) {
        await page.locator('#tab-stats').click();
        await expect.poll(() => page.locator('#tabpanel').innerText(), { timeout: 15_000 }).not.toBe('');
      }
      await nothingRan(page, dialogs);
    } finally {
      await close();
    }
  });
});

describe('markup and script in displayed text is shown, never run', () => {
  it('plan data: every displayed text property of a feature, in the detail, list and reader', async () => {
    const hostile = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [120.58, 30.0] },
          properties: {
            id: 'hostile-feature',
            name_zh: `名${PAYLOAD}`,
            name_en: `Name ${PAYLOAD}`,
            layer: 'industry',
            category: 'industry',
            zone: 'central',
            section: `六(一)${PAYLOAD}`,
            excerpt_zh: `摘${PAYLOAD}`,
            figures: `数${PAYLOAD}`,
            status: 'planned',
            location_quality: 'estimated',
            location_source: `${JS_URL} ${PAYLOAD}`,
            description_zh: `述${PAYLOAD}`,
            description_en: `Desc ${PAYLOAD}`,
          },
        },
      ],
    };
    const { page, dialogs, close } = await hostilePage('?sel=hostile-feature', {
      route: (p) => p.route(/\/assets\/industry-[^/]*\.geojson$/, (r) => r.fulfill({ status: 200, contentType: 'application/geo+json', body: JSON.stringify(hostile) })),
    });
    try {
      const detail = page.getByTestId('detail');
      await expect.poll(() => detail.getAttribute('data-id')).toBe('hostile-feature');
      const p = hostile.features[0].properties;
      const zhText = await detail.innerText();
      for (const k of ['name_zh', 'name_en', 'excerpt_zh', 'figures', 'location_source', 'description_zh', 'section'] as const) expect(zhText, k).toContain(p[k]);
      await nothingRan(page, dialogs);
      // English shows description_en
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => detail.innerText()).toContain(p.description_en);
      // the plan reader and the result list
      await page.getByTestId('read-in-plan').click();
      await page.getByTestId('plan-reader').waitFor();
      expect(await page.getByTestId('plan-reader').innerText()).toContain(p.section);
      await page.keyboard.press('Escape');
      await page.getByTestId('detail-close').click();
      await page.locator('#tab-filter').click();
      await page.getByTestId('result-list').locator(`[data-id="hostile-feature"]`).waitFor();
      expect(await page.getByTestId('result-list').innerText()).toContain(p.name_en);
      await nothingRan(page, dialogs);
    } finally {
      await close();
    }
  });

  it('every URL parameter, and an unknown parameter named with markup', async () => {
    const q = new URLSearchParams();
    for (const p of Object.values(PARAMS)) q.set(p.key, PAYLOAD);
    // the text query is valid up to 100 characters: then it is used, and shown in the filter tab
    q.set(PARAMS.q.key, PAYLOAD.slice(0, 100));
    q.set(PAYLOAD, '1');
    const { page, dialogs, errors, close } = await hostilePage(`?${q}`);
    try {
      // the broken values are reported; the unknown parameter's name (cut to 40 characters) as literal text
      await page.locator('[data-testid="notices"] [data-kind="warn"]').first().waitFor();
      const notices = await page.getByTestId('notices').innerText();
      for (const p of Object.values(PARAMS)) if (p.key !== PARAMS.q.key) expect(notices).toContain(` ${p.key} `);
      expect(notices).toContain(PAYLOAD.slice(0, 40));
      await page.locator('#tab-filter').click();
      await expect.poll(() => page.getByTestId('filter-text').inputValue()).toBe(PAYLOAD.slice(0, 100));
      await nothingRan(page, dialogs);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
