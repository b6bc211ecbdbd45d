/**
 * Content-Security-Policy (index.html meta): the whole app works under it, MapLibre's worker runs
 * without 'unsafe-eval', and not one `securitypolicyviolation` event fires while the main screens
 * are used. Controls prove the policy is in force and that the listener would see a violation.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, baseUrl, waitIdle, renderedIds } from './browser.ts';
import { GROUPS } from '../../src/lib/layers/registry.ts';
import { layerIdsOf } from '../../src/lib/layers/style.ts';
import { TABS } from '../../src/ui/tabs.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const planLayers = GROUPS.filter((g) => !g.base).flatMap((g) => layerIdsOf(g.id));

/** Records every securitypolicyviolation in the page (set before any page script runs). */
const LISTEN = `(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push({ directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, sample: e.sample });
  });
})();`;

type Violation = { directive: string; blocked: string; source: string; sample: string };
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp);

describe('Content-Security-Policy', () => {
  it('the page carries the policy: no eval, scripts and workers from this origin only', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(baseUrl());
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(csp).toBeTruthy();
      const directives = Object.fromEntries(
        csp!
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([k, ...v]) => [k, v]),
      );
      expect(directives['script-src']).toEqual(["'self'"]);
      expect(directives['worker-src']).toEqual(expect.arrayContaining(["'self'", 'blob:']));
      expect(csp).not.toContain('unsafe-eval');
      // exactly the online bases and the 天地图 geocoder, no wildcard (issue 11; tests/unit/config/csp.test.ts)
      const bases = ['https://tiles.openfreemap.org', 'https://tile.openstreetmap.org', ...Array.from({ length: 8 }, (_, i) => `https://t${i}.tianditu.gov.cn`)];
      expect(directives['connect-src']).toEqual(["'self'", ...bases, 'https://api.tianditu.gov.cn']);
      expect(directives['img-src']).toEqual(["'self'", 'data:', 'blob:', ...bases]);
      expect(directives['frame-ancestors'], 'a meta policy cannot carry frame-ancestors').toBeUndefined();
      expect(directives['object-src']).toEqual(["'none'"]);
    } finally {
      await context.close();
    }
  });

  it('the app works under it with zero violations: map, search, detail, plan reader, every tab, About, English', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    await context.addInitScript(LISTEN);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) errors.push(m.text());
    });
    try {
      await page.goto(baseUrl());
      await waitIdle(page);
      // the worker ran: features were parsed and drawn
      expect(await renderedIds(page, planLayers)).not.toHaveLength(0);

      // search → detail → plan reader
      const first = await page.evaluate(() => {
        const m = (window as unknown as { __map: { queryRenderedFeatures(o: unknown): { properties: Record<string, string> }[] } }).__map;
        return m.queryRenderedFeatures({}).find((f) => f.properties.id && f.properties.excerpt_zh)?.properties;
      }, undefined);
      expect(first?.name_zh).toBeTruthy();
      await page.getByTestId('search-input').fill(first!.name_zh);
      await page.getByTestId('search-input').press('Enter');
      await expect.poll(() => page.getByTestId('detail').getAttribute('data-id')).toBe(first!.id);
      await page.getByTestId('read-in-plan').click();
      await page.locator('mark').first().waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId('detail-close').click();

      // every side-panel tab
      for (const t of TABS) {
        await page.locator(`#tab-${t.id}`).click();
        await expect.poll(() => page.locator('#tabpanel').innerText(), { timeout: 15_000 }).not.toBe('');
      }
      // About, then English
      await page.getByTestId('about-open').click();
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId('lang-toggle').click();
      await waitIdle(page);

      expect(await violations(page)).toEqual([]);
      expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('control: the policy is enforced, and a violation is seen by the listener', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(LISTEN);
    const page = await context.newPage();
    try {
      await page.goto(baseUrl());
      await waitIdle(page);
      // (eval from page.evaluate bypasses CSP through the debugging protocol, so the controls use
      // what a page itself would do: an injected inline script and an inline event handler)
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.head.append(s);
        const b = document.createElement('button');
        b.setAttribute('onclick', 'window.__handler = 1');
        document.body.append(b);
        b.click();
        b.remove();
      });
      await expect.poll(async () => (await violations(page)).length).toBeGreaterThanOrEqual(2);
      expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBeUndefined();
      expect(await page.evaluate(() => (window as unknown as { __handler?: number }).__handler)).toBeUndefined();
      const v = await violations(page);
      expect(v.map((x) => x.directive)).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
    } finally {
      await context.close();
    }
  });
});
