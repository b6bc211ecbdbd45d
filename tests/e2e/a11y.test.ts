/**
 * Accessibility: axe-core on each main screen (default view, every side-panel tab, the detail
 * panel, the About dialog, the plan reader, English, phone width): no serious or critical
 * violations.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, waitIdle } from './browser.ts';
import { TABS } from '../../src/ui/tabs.ts';
import { allPlanFeatures } from '../unit/helpers.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** axe is injected as a script tag, which the page's CSP (rightly) refuses: bypass it for the audit only */
const CTX = { bypassCSP: true };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

interface Found {
  screen: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Run axe on the page as it is now; serious and critical violations, labelled with the screen. */
async function axe(page: Page, screen: string): Promise<Found[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ screen, ...v }));
}

const report = (found: Found[]) => found.map((f) => `[${f.screen}] ${f.impact} ${f.id}: ${f.help} → ${f.targets.join(' | ')}`).join('\n');
const feature = allPlanFeatures().find((f) => f.properties.excerpt_zh && f.properties.figures) ?? allPlanFeatures()[0];

describe('accessibility (axe-core): no serious or critical violations', () => {
  it('default view, every side-panel tab, in Chinese and English', async () => {
    const o = await openApp(browser, '', CTX);
    const found: Found[] = [];
    try {
      found.push(...(await axe(o.page, 'default')));
      for (const t of TABS) {
        await o.page.locator(`#tab-${t.id}`).click();
        await expect.poll(() => o.page.locator('#tabpanel').innerText(), { timeout: 15_000 }).not.toBe('');
        await waitIdle(o.page);
        found.push(...(await axe(o.page, `tab ${t.id}`)));
      }
      await o.page.getByTestId('lang-toggle').click();
      await o.page.locator('#tab-layers').click();
      await waitIdle(o.page);
      found.push(...(await axe(o.page, 'default, English')));
      expect(found, report(found)).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('the detail panel, the plan reader and the About dialog', async () => {
    const o = await openApp(browser, `?sel=${feature.properties.id}`, CTX);
    const found: Found[] = [];
    try {
      await o.page.getByTestId('detail').waitFor();
      found.push(...(await axe(o.page, 'detail')));
      await o.page.getByTestId('read-in-plan').click();
      await o.page.getByTestId('plan-highlight').waitFor();
      found.push(...(await axe(o.page, 'plan reader')));
      await o.page.keyboard.press('Escape');
      await o.page.getByTestId('about-open').click();
      await o.page.getByTestId('about').waitFor();
      found.push(...(await axe(o.page, 'about')));
      expect(found, report(found)).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('phone width (390 × 844): default view, the drawer closed, and the detail', async () => {
    const o = await openApp(browser, '', { ...CTX, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const found: Found[] = [];
    try {
      found.push(...(await axe(o.page, 'phone')));
      await o.page.getByTestId('drawer-toggle').click();
      found.push(...(await axe(o.page, 'phone, drawer closed')));
      await o.page.getByTestId('drawer-toggle').click();
      await o.page.getByTestId('search-input').fill(feature.properties.name_zh);
      await o.page.getByTestId('search-input').press('Enter');
      await o.page.getByTestId('detail').waitFor();
      await waitIdle(o.page);
      found.push(...(await axe(o.page, 'phone, detail')));
      expect(found, report(found)).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('story mode (with its chapter menu), in Chinese and English', async () => {
    const o = await openApp(browser, '?story=2', { ...CTX, reducedMotion: 'reduce' });
    const found: Found[] = [];
    try {
      for (const lang of ['zh', 'en']) {
        if (lang === 'en') await o.page.goto(o.page.url().replace(/([?&])lang=zh&?/, '$1') + '&lang=en');
        await o.page.locator('[data-story-settled=true]').waitFor({ timeout: 30_000 });
        found.push(...(await axe(o.page, `story ${lang}`)));
        await o.page.getByTestId('story-index').click();
        await o.page.getByTestId('story-menu').waitFor();
        found.push(...(await axe(o.page, `story ${lang}, chapter menu`)));
        await o.page.getByTestId('story-index').click();
      }
      expect(found, report(found)).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('nearby with a place set, and the map tools opened (measure, base maps, export)', async () => {
    const o = await openApp(browser, '?tab=nearby&place=120.5835,29.9985&r=2000', CTX);
    const found: Found[] = [];
    try {
      await o.page.getByTestId('nearby-context').waitFor();
      await waitIdle(o.page);
      found.push(...(await axe(o.page, 'nearby, place set')));
      await o.page.getByTestId('measure-toggle').click();
      await o.page.getByTestId('measure-line').waitFor();
      found.push(...(await axe(o.page, 'measure')));
      await o.page.getByTestId('measure-toggle').click();
      await o.page.getByTestId('basemap-toggle').click();
      await o.page.getByTestId('basemap-offline').waitFor();
      found.push(...(await axe(o.page, 'base maps')));
      await o.page.getByTestId('basemap-toggle').click();
      await o.page.getByTestId('export-open').click();
      await o.page.getByTestId('export-png').waitFor();
      found.push(...(await axe(o.page, 'export menu')));
      expect(found, report(found)).toEqual([]);
    } finally {
      await o.close();
    }
  });
});
