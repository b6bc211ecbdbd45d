/**
 * Offline and faults. With every request to another host blocked, the app still does everything:
 * map idle with features drawn, search, detail with its citation, the plan text; and it asks no
 * other host for anything. Faults: a geodata file or the plan text failing to load gives a clear
 * message, and what did load stays.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, baseUrl, waitIdle, renderedIds } from './browser.ts';
import { GROUPS } from '../../src/lib/layers/registry.ts';
import { layerIdsOf } from '../../src/lib/layers/style.ts';
import { allPlanFeatures } from '../unit/helpers.ts';
import { stripMarkup } from '../../src/lib/plan/text.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const planLayers = GROUPS.filter((g) => !g.base).flatMap((g) => layerIdsOf(g.id));
const local = (url: string) => /^(data|blob|about):/.test(url) || new URL(url).hostname === '127.0.0.1';

/** A context where only 127.0.0.1 answers; every other request is aborted and recorded. */
async function offlineContext(serviceWorkers: 'allow' | 'block' = 'allow'): Promise<{ context: BrowserContext; page: Page; outside: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', serviceWorkers });
  const outside: string[] = [];
  await context.route('**/*', (r) => {
    const url = r.request().url();
    if (local(url)) return r.continue();
    if (!outside.includes(url)) outside.push(url);
    return r.abort('internetdisconnected');
  });
  context.on('request', (r) => {
    if (!local(r.url()) && !outside.includes(r.url())) outside.push(r.url());
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, outside, errors };
}

describe('offline: only 127.0.0.1 reachable', () => {
  it('map, features, search, detail and the plan text all work, and no other host is asked', async () => {
    const { context, page, outside, errors } = await offlineContext();
    try {
      await page.goto(baseUrl());
      await waitIdle(page);
      const drawn = await renderedIds(page, planLayers);
      expect(drawn.length).toBeGreaterThan(5);

      // search by name → detail with its citation
      const target = allPlanFeatures().find((f) => drawn.includes(f.properties.id) && f.properties.excerpt_zh)!;
      expect(target).toBeTruthy();
      await page.getByTestId('search-input').fill(target.properties.name_zh);
      await page.getByTestId('search-results').waitFor();
      await page.getByTestId('search-input').press('Enter');
      const detail = page.getByTestId('detail');
      await expect.poll(() => detail.getAttribute('data-id')).toBe(target.properties.id);
      expect((await page.getByTestId('detail-excerpt').innerText()).replace(/\s/g, '')).toContain(stripMarkup(target.properties.excerpt_zh).replace(/\s/g, '').slice(0, 10));

      // the plan text is local too
      await page.getByTestId('read-in-plan').click();
      await page.getByTestId('plan-highlight').waitFor();
      expect((await page.getByTestId('plan-highlight').innerText()).length).toBeGreaterThan(3);
      await page.keyboard.press('Escape');
      await waitIdle(page);

      expect(outside).toEqual([]);
      expect(errors).toEqual([]);

      // control: a request to another host is blocked and recorded by this very setup
      await page.evaluate(() => fetch('https://tile.openstreetmap.org/0/0/0.png').catch(() => null));
      await expect.poll(() => outside.length).toBe(1);
    } finally {
      await context.close();
    }
  });
});

describe('faults: clear messages, nothing already loaded is lost', () => {
  it('a geodata file that fails (HTTP 500) is named in a message; every other group still draws', async () => {
    const { context, page } = await offlineContext('block'); // the service worker's cache would answer instead
    const failing = GROUPS.find((g) => g.id === 'culture')!;
    await page.route(new RegExp(`/assets/${failing.id}-[^/]*\\.geojson$`), (r) => r.fulfill({ status: 500, body: 'boom' }));
    try {
      await page.goto(baseUrl());
      await waitIdle(page);
      const alert = page.locator('[data-testid="notices"] [data-kind="error"]');
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(new RegExp(`${failing.id}.*500`));
      expect(await renderedIds(page, layerIdsOf(failing.id))).toEqual([]);
      const others = GROUPS.filter((g) => !g.base && g.id !== failing.id).flatMap((g) => layerIdsOf(g.id));
      expect((await renderedIds(page, others)).length).toBeGreaterThan(5);
    } finally {
      await context.close();
    }
  });

  it('a geodata file that is not GeoJSON is refused by name, and the rest draws', async () => {
    const { context, page } = await offlineContext('block'); // the service worker's cache would answer instead
    await page.route(/\/assets\/industry-[^/]*\.geojson$/, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"type":"Feature' }));
    try {
      await page.goto(baseUrl());
      await waitIdle(page);
      const alert = page.locator('[data-testid="notices"] [data-kind="error"]');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('industry');
      expect((await renderedIds(page, planLayers)).length).toBeGreaterThan(5);
    } finally {
      await context.close();
    }
  });

  it('the plan text failing to load gives a message in the reader; the detail stays open', async () => {
    const { context, page } = await offlineContext('block'); // the service worker's cache would answer instead
    await page.route(/\/assets\/plan-[^/]*\.txt$/, (r) => r.abort('failed'));
    try {
      const target = allPlanFeatures().find((f) => f.properties.excerpt_zh)!;
      await page.goto(`${baseUrl()}?sel=${target.properties.id}`);
      await waitIdle(page);
      await page.getByTestId('read-in-plan').click();
      const alert = page.getByTestId('plan-reader').getByRole('alert');
      await alert.waitFor();
      expect((await alert.innerText()).length).toBeGreaterThan(4);
      await page.keyboard.press('Escape');
      expect(await page.getByTestId('detail').getAttribute('data-id')).toBe(target.properties.id);
    } finally {
      await context.close();
    }
  });
});
