/** Targets panel: the 2025 targets with charts, the rank conflict, cluster platforms, links. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launch, waitIdle as waitIdleShort, baseUrl, openApp as openAppShared } from './browser.ts';
import { CHAPTERS } from '../../src/lib/story/chapters.ts';

/** the machine may be busy (software WebGL): be patient, never sleep */
const waitIdle = (page: Page) => waitIdleShort(page, 90_000);

/** openApp with a patient first idle */
const openApp = (browser: Browser, query = '', ctx: BrowserContextOptions = {}) => openAppShared(browser, query, ctx, 90_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

type W = { __map: import('maplibre-gl').Map };
describe('targets panel', () => {
  it('34 targets by category; charts for numeric pairs, ranks reversed; the conflict with its citations; links to the map and the story', { timeout: 180_000 }, async () => {
    const o = await openApp(browser, '?tab=targets', { reducedMotion: 'reduce' });
    const { page } = o;
    try {
      const panel = page.getByTestId('targets-panel');
      await expect.poll(() => panel.locator('[data-target-id]').count(), { timeout: 30_000 }).toBe(34);
      // charts only for numeric pairs: GDP (2020 "—") and the two "完成省市下达指标" rows are text
      const charted = await panel.locator('svg[data-chart]').evaluateAll((els) => els.map((e) => e.getAttribute('data-chart')));
      expect(charted).not.toContain('fyp14-gdp');
      expect(charted).not.toContain('fyp14-energy-per-gdp-reduction');
      expect(charted).toContain('fyp14-gdp-per-capita');
      // rank rows: lower is better, said in words and drawn reversed (better to the right)
      for (const id of ['fyp14-paojiang-etdz-national-rank', 'fyp14-shaoxing-hi-tech-zone-national-rank']) {
        const row = panel.locator(`[data-target-id="${id}"]`);
        expect(await row.getByTestId('lower-is-better').textContent()).toContain('排名');
        expect(await row.locator('svg[data-chart]').getAttribute('data-reversed')).toBe('true');
        const [x20, x25] = await row.locator('svg[data-chart] circle').evaluateAll((els) => els.map((e) => Number(e.getAttribute('cx'))));
        expect(x25).toBeGreaterThan(x20);
      }
      // the 高新区 rank conflict, every citation shown
      const conflict = panel.locator('[data-target-id="fyp14-shaoxing-hi-tech-zone-national-rank"]').getByTestId('conflict');
      // collapsed at first, its citations one click away
      expect(await conflict.evaluate((e) => (e as HTMLDetailsElement).open)).toBe(false);
      expect(await conflict.locator('li').first().isVisible()).toBe(false);
      await conflict.locator('summary').click();
      expect(await conflict.locator('li').first().isVisible()).toBe(true);
      expect(await conflict.locator('li').count()).toBe(3);
      // round axis ticks: at most two significant digits
      const ticks = await panel.locator('text[data-tick]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-tick'))));
      expect(ticks.length).toBeGreaterThan(20);
      for (const t of ticks) expect(String(Math.abs(t)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length, String(t)).toBeLessThanOrEqual(2);
      expect(await conflict.textContent()).toContain('分别进入全国前50强和60强');
      // 13th-FYP table, collapsed until opened
      const fyp = panel.getByTestId('fyp13');
      expect(await fyp.locator('tbody tr').first().isVisible()).toBe(false);
      await fyp.locator('summary').click();
      expect(await fyp.locator('tbody tr').count()).toBe(32);

      // a cluster's platform link selects the feature on the map
      const link = panel.getByTestId('clusters').locator('[data-cluster-id="cluster-integrated-circuits"] button[data-link]').first();
      const id = await link.getAttribute('data-link');
      expect(id).toBeTruthy();
      expect(id!.startsWith('chapter:')).toBe(false);
      await link.click();
      await expect.poll(() => new URL(page.url()).searchParams.get('sel'), { timeout: 10_000 }).toBe(id);
      await page.waitForFunction(() => !(window as unknown as W).__map.isMoving(), undefined, { timeout: 30_000 });
      await waitIdle(page);
      const state = await page.evaluate((id) => {
        const m = (window as unknown as W).__map;
        return m.queryRenderedFeatures().filter((f) => f.properties?.id === id).map((f) => m.getFeatureState({ source: f.source, id: f.id! }).selected);
      }, id!);
      expect(state.length, 'the selected platform is on screen').toBeGreaterThan(0);
      expect(state.some(Boolean)).toBe(true);

      // an ecology target opens the story at the ecology chapter
      await page.goto(`${baseUrl()}?tab=targets`);
      await waitIdle(page);
      const eco = page.locator('[data-target-id="fyp14-park-green-space-per-capita"] button[data-link^="chapter:"]');
      await eco.click();
      const n = CHAPTERS.findIndex((c) => c.id === 'ecology') + 1;
      await page.waitForFunction(
        (n) => document.querySelector('[data-testid="story"]')?.getAttribute('data-story-chapter') === String(n),
        n,
        { timeout: 30_000 },
      );
      expect(await page.getByTestId('story').getAttribute('data-story-id')).toBe('ecology');
      await expect.poll(() => new URL(page.url()).searchParams.get('story'), { timeout: 5000 }).toBe(String(n));
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });
});
