/**
 * A keyboard-only journey: from page load, with only Tab, arrows, Enter and Escape, find a project
 * by search, open it, read its citation, open "read in the plan" and see the highlighted excerpt.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp } from './browser.ts';
import { allPlanFeatures } from '../unit/helpers.ts';
import { stripMarkup } from '../../src/lib/plan/text.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** What has focus: its data-testid, else tag and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.dataset.testid ?? `${el?.tagName.toLowerCase()}:${(el?.textContent ?? '').trim().slice(0, 30)}`;
  });

/** Press Tab until the element with this test id has focus (at most `max` presses). */
async function tabTo(page: Page, testid: string, max = 60): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)) === testid) return i;
  }
  throw new Error(`${testid} never received focus in ${max} Tab presses (last: ${await focused(page)})`);
}

/** Is the element inside the viewport and inside every scrolling ancestor's visible box? */
const inView = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    const el = document.querySelector(selector) as HTMLElement | null;
    if (!el) return false;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.bottom < 0 || r.top > innerHeight) return false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (!/(auto|scroll|hidden)/.test(s.overflowY)) continue;
      const b = p.getBoundingClientRect();
      if (r.bottom <= b.top || r.top >= b.bottom) return false;
    }
    return true;
  }, selector);

describe('keyboard only', () => {
  it('search → open → citation → read in the plan → highlighted excerpt → back', async () => {
    const target = allPlanFeatures().find((f) => f.properties.excerpt_zh && f.properties.name_zh.length >= 3)!;
    const o = await openApp(browser);
    const { page } = o;
    try {
      // from the top of the page, Tab reaches the search box
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await tabTo(page, 'search-input', 10);
      await page.keyboard.type(target.properties.name_zh);
      await page.getByTestId('search-results').waitFor();
      // the listbox follows the arrows (down and back up); Enter opens the active option
      const ids = await page.locator('[data-testid="search-results"] [role="option"] button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-id')));
      const at = ids.indexOf(target.properties.id);
      expect(at).toBeGreaterThanOrEqual(0);
      if (ids.length > 1) {
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowUp');
      }
      for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
      const active = await page.getByTestId('search-input').getAttribute('aria-activedescendant');
      expect(active).toBeTruthy();
      expect(await page.locator(`#${active} button`).getAttribute('data-id')).toBe(target.properties.id);
      await page.keyboard.press('Enter');

      // the detail opens with focus inside it, and the citation is there to read
      const detail = page.getByTestId('detail');
      await expect.poll(() => detail.getAttribute('data-id')).toBe(target.properties.id);
      await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="detail"]'))).toBe(true);
      const excerpt = stripMarkup(target.properties.excerpt_zh).replace(/\s/g, '');
      expect((await page.getByTestId('detail-excerpt').innerText()).replace(/\s/g, '')).toContain(excerpt);
      expect(await page.getByTestId('detail-excerpt').isVisible()).toBe(true);

      // Tab to "read in the plan", Enter: the reader opens with the excerpt highlighted and in view
      await tabTo(page, 'read-in-plan', 20);
      await page.keyboard.press('Enter');
      const mark = page.getByTestId('plan-highlight');
      await mark.waitFor();
      expect((await mark.innerText()).replace(/\s/g, '')).toContain(excerpt.slice(0, 12));
      await expect.poll(() => inView(page, '[data-testid="plan-highlight"]')).toBe(true);
      await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);

      // Escape closes it and gives focus back to the button that opened it
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('plan-reader').count()).toBe(0);
      expect(await focused(page)).toBe('read-in-plan');
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });
});
