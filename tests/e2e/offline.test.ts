/** Installable and offline: after one visit the service worker serves the whole app. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { launch, renderedIds, waitIdle as waitIdleShort, baseUrl } from './browser.ts';
import { GROUPS } from '../../src/lib/layers/registry.ts';
import { layerIdsOf } from '../../src/lib/layers/style.ts';

/** the machine may be busy (software WebGL): be patient, never sleep */
const waitIdle = (page: Page) => waitIdleShort(page, 90_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const planLayers = GROUPS.filter((g) => !g.base).flatMap((g) => layerIdsOf(g.id));

describe('offline', () => {
  it('has a web manifest with PNG icons', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(baseUrl());
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      expect(href).toBeTruthy();
      const res = await page.request.get(new URL(href!, baseUrl()).href);
      const manifest = await res.json();
      expect(manifest.name).toBe('越城区规划地图');
      expect(manifest.display).toBe('standalone');
      const sizes = new Set<string>();
      for (const icon of manifest.icons) {
        const r = await page.request.get(new URL(icon.src, new URL(href!, baseUrl())).href);
        expect(r.headers()['content-type']).toContain('image/png');
        const png = PNG.sync.read(await r.body());
        expect(`${png.width}x${png.height}`).toBe(icon.sizes);
        sizes.add(icon.sizes);
      }
      expect(sizes).toEqual(new Set(['192x192', '512x512']));
    } finally {
      await context.close();
    }
  });

  it('works offline after the first visit: map, features, lazy panels', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    // when the page registers its service worker: only after the first map idle (extras ready), so
    // precaching ~3 MB never competes with the first load
    await context.addInitScript(() => {
      const sw = navigator.serviceWorker;
      const register = sw.register.bind(sw);
      (window as unknown as { __swAt: string[] }).__swAt = [];
      sw.register = (url, opts) => {
        (window as unknown as { __swAt: string[] }).__swAt.push(document.documentElement.dataset.extras ?? 'before');
        return register(url, opts);
      };
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await page.goto(baseUrl());
      await waitIdle(page);
      await page.waitForFunction(() => (window as unknown as { __swAt: string[] }).__swAt.length > 0, undefined, { timeout: 20_000 });
      expect(await page.evaluate(() => (window as unknown as { __swAt: string[] }).__swAt)).toEqual(['ready']);
      // the service worker has installed (precache done) and is active
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
        await page.reload();
        await waitIdle(page);
      }
      await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 20_000 });
      const online = await renderedIds(page, planLayers);
      expect(online.length).toBeGreaterThan(10);

      await context.setOffline(true);
      // really offline: a request the service worker does not know fails
      expect(await page.evaluate(() => fetch('/not-cached-' + Date.now()).then(() => 'ok', () => 'failed'))).not.toBe('ok');

      await page.reload();
      await waitIdle(page);
      expect(await renderedIds(page, planLayers)).toEqual(online);
      expect(await page.locator('[data-kind="error"]').count(), 'no load error').toBe(0);

      // lazy chunks and data load offline too: the targets tab, the story, a deep link
      await page.getByRole('tab', { name: '指标' }).click();
      await expect.poll(() => page.locator('[data-target-id]').count(), { timeout: 15_000 }).toBe(34);
      await page.goto(`${baseUrl()}?story=3&lang=en`);
      await waitIdle(page);
      await page.waitForFunction(() => document.querySelector('[data-testid="story"]')?.getAttribute('data-story-settled') === 'true', undefined, { timeout: 20_000 });
      expect(await page.getByTestId('story').getByRole('heading', { level: 2 }).textContent()).toBe('Binhai New Area: three cores');
      expect(errors).toEqual([]);
    } finally {
      await context.setOffline(false).catch(() => {});
      await context.close();
    }
  });
});
