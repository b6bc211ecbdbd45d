/**
 * Every element the plan names is findable: the real search box over every inventory entry, a
 * sample picked through the UI (mapped, area, within, unsited), the 未上图 list and the areas layer.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launch, openApp, waitIdle, renderedIds, type Opened } from './browser.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = 'tests/e2e/__screens__';
interface Entry { id: string; name_zh: string; name_en: string; disposition: string; feature?: string; zone?: string | null }
const inv = JSON.parse(readFileSync(`${ROOT}geodata/inventory.json`, 'utf8')).entries as Entry[];
const byName = (zh: string) => inv.find((e) => e.name_zh === zh)!;

let browser: Browser;
let app: Opened;
let page: Page;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
  app = await openApp(browser, '', {}, 60_000);
  page = app.page;
}, 90_000);
afterAll(async () => {
  await app?.close();
  await browser?.close();
});

const input = () => page.getByTestId('search-input').first();
async function search(q: string) {
  await input().fill('');
  await input().fill(q);
  await page.getByTestId('search-results').first().waitFor();
}
const urlSel = () => new URL(page.url()).searchParams.get('sel');

describe('search finds every inventory entry (typed into the real search box)', () => {
  it('each entry name returns the entry, or the feature it names', async () => {
    await input().focus();
    await page.waitForFunction(() => document.querySelector('[data-testid="search-input"]') !== null);
    const expected = inv.map((e) => ({ name: e.name_zh, want: e.disposition === 'mapped' ? e.feature! : `inv:${e.id}` }));
    const missing = await page.evaluate(async (list) => {
      const el = document.querySelector<HTMLInputElement>('[data-testid="search-input"]')!;
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      // the inventory chunk loads on focus; wait until an unsited name finds itself
      for (let i = 0; i < 100; i++) {
        el.value = list.find((x) => x.want.startsWith('inv:'))!.name;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        if (document.querySelector('[data-testid="search-results"] [data-ref^="inv:"]')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const out: string[] = [];
      for (const { name, want } of list) {
        el.value = name;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        const refs = [...document.querySelectorAll<HTMLElement>('[data-testid="search-results"] [data-ref]')].map((b) => b.dataset.ref);
        if (!refs.includes(want)) out.push(`${name} → ${want} (got ${refs.slice(0, 3).join(', ')})`);
      }
      return out;
    }, expected);
    expect(missing).toEqual([]);
    expect(inv.length).toBeGreaterThan(150);
  }, 60_000);

  it('袍江: the area comes first, under 区域/结构; picking it shows the areas layer', async () => {
    await search('袍江');
    const first = page.locator('[data-testid="search-results"] [data-ref]').first();
    expect(await first.getAttribute('data-ref')).toBe('paojiang-area');
    expect(await page.locator('[data-testid="search-results"] .gh').first().getAttribute('data-group')).toBe('area');
    await first.dispatchEvent('mousedown');
    await expect.poll(() => page.getByTestId('detail').getAttribute('data-id')).toBe('paojiang-area');
    await waitIdle(page, 60_000);
    expect(await renderedIds(page, ['areas-fill', 'areas-line'])).toContain('paojiang-area');
    await expect.poll(urlSel).toBe('paojiang-area');
    await page.getByTestId('detail-close').click();
  }, 90_000);

  it('a mapped entry (中芯国际) opens its feature', async () => {
    await search('中芯国际');
    await page.locator('[data-testid="search-results"] [data-ref="smic-shaoxing-fab"]').first().dispatchEvent('mousedown');
    await expect.poll(() => page.getByTestId('detail').getAttribute('data-id')).toBe('smic-shaoxing-fab');
    await page.getByTestId('detail-close').click();
  });

  it('a within entry (存储应用园) selects its area and says the plan gives no more exact site', async () => {
    const e = byName('存储应用园');
    await search(e.name_zh);
    await page.locator(`[data-testid="search-results"] [data-ref="inv:${e.id}"]`).first().dispatchEvent('mousedown');
    await expect.poll(() => page.getByTestId('detail').getAttribute('data-id')).toBe(e.feature);
    await expect.poll(() => page.getByTestId('within-note').textContent()).toContain('规划未给出更具体的位置');
    await expect.poll(urlSel).toBe(`inv:${e.id}`);
    await page.getByTestId('detail-close').click();
  });

  it('an unsited entry (区中医院) opens a panel with the excerpt and "the plan gives no site"; the link restores it', async () => {
    const e = byName('区中医院');
    await search(e.name_zh);
    await page.locator(`[data-testid="search-results"] [data-ref="inv:${e.id}"]`).first().dispatchEvent('mousedown');
    const panel = page.getByTestId('inv-detail');
    await panel.waitFor();
    expect(await page.getByTestId('inv-nosite').textContent()).toContain('规划未给出位置');
    expect(await page.getByTestId('inv-excerpt').textContent()).toContain('设立区中医院');
    expect(await page.getByTestId('inv-zone').textContent()).toContain('未说明');
    await expect.poll(urlSel).toBe(`inv:${e.id}`);
    await page.screenshot({ path: `${SHOTS}/inventory-unsited-1280-zh.png` });
    // reload the link: same panel, now in English
    const url = new URL(page.url());
    url.searchParams.set('lang', 'en');
    await page.goto(url.toString());
    await page.getByTestId('inv-detail').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('inv-nosite').textContent()).toContain('The plan gives no site');
    await page.getByTestId('inv-close').click();
  }, 90_000);

  it('the 未上图 list in the Filter tab counts and lists the unsited entries by chapter', async () => {
    const url = new URL(page.url());
    url.searchParams.delete('lang');
    url.searchParams.delete('sel');
    await page.goto(url.toString());
    await waitIdle(page, 60_000);
    await page.locator('#tab-filter').click();
    const box = page.getByTestId('not-on-map');
    await box.locator('summary').click();
    const unsited = inv.filter((e) => e.disposition === 'unsited');
    await expect.poll(() => page.getByTestId('not-on-map-count').textContent()).toBe(String(unsited.length));
    expect(await box.locator('[data-inv]').count()).toBe(unsited.length);
    expect(await page.getByTestId('inventory-counts').textContent()).toContain(`${inv.length}`);
    await box.screenshot({ path: `${SHOTS}/inventory-not-on-map-zh.png` });
    await box.locator(`[data-inv="${byName('区体育中心').id}"]`).click();
    await expect.poll(() => page.getByTestId('inv-detail').getAttribute('data-id')).toBe(byName('区体育中心').id);
  }, 90_000);
});

describe('areas layer', () => {
  it('renders every area when switched on, in zh, en and on a phone (screenshots)', async () => {
    const ids = JSON.parse(readFileSync(`${ROOT}geodata/areas.geojson`, 'utf8')).features.map((f: { properties: { id: string } }) => f.properties.id) as string[];
    for (const [lang, vp] of [['zh', { width: 1280, height: 800 }], ['en', { width: 1280, height: 800 }], ['zh', { width: 390, height: 844 }]] as const) {
      const o = await openApp(browser, `?lang=${lang}&layers=zones,areas,outline,land,neighbours,rivers,roads,metro,towns,cities`, { viewport: vp }, 60_000);
      try {
        const got = await renderedIds(o.page, ['areas-fill', 'areas-line']);
        for (const id of ids) expect(got, `${lang} ${vp.width}: ${id}`).toContain(id);
        await o.page.screenshot({ path: `${SHOTS}/inventory-areas-${vp.width}-${lang}.png` });
      } finally {
        await o.close();
      }
    }
  }, 180_000);
});
