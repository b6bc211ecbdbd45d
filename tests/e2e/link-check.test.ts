/**
 * Links far from the district and unknown sub-categories (issue 14 §10): a valid view or place on
 * the other side of the world gets a notice with "back to 越城区"; unknown `hide=` sub-categories are
 * dropped with the usual notice. One page, three links.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, baseUrl, waitIdle } from './browser.ts';
import { DISTRICT_BOUNDS } from '../../src/lib/map/camera.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })).newPage();
});
afterAll(async () => browser?.close());

const open = async (q: string) => {
  await page.goto(baseUrl() + q);
  await waitIdle(page, 60_000);
};
const center = () => page.evaluate(() => (window as unknown as { __map: { getCenter(): { lng: number; lat: number } } }).__map.getCenter());
const inDistrict = (c: { lng: number; lat: number }) => c.lng >= DISTRICT_BOUNDS[0][0] && c.lng <= DISTRICT_BOUNDS[1][0] && c.lat >= DISTRICT_BOUNDS[0][1] && c.lat <= DISTRICT_BOUNDS[1][1];
const notices = () => page.getByTestId('notices').innerText();

describe('links far from the district', () => {
  it('v=0/85/180: a notice says so, and "回到越城区" brings the district back', async () => {
    await open('?v=0/85/180');
    expect(inDistrict(await center())).toBe(false);
    await page.getByTestId('far-home').waitFor({ timeout: 20_000 });
    expect(await notices()).toMatch(/链接中的视图离越城区很远（约 [\d,]+ 公里）/);
    expect(await page.getByTestId('far-home').innerText()).toBe('回到越城区');
    await page.getByTestId('far-home').click();
    await expect.poll(async () => inDistrict(await center())).toBe(true);
    expect(await page.getByTestId('far-home').count()).toBe(0);
    // the URL follows the view back home
    await expect.poll(() => page.evaluate(() => location.search)).not.toContain('v=0/85/180');
  });

  it('place=-180,-90 (English): a notice, and "Back to Yuecheng" clears the place', async () => {
    await open('?place=-180,-90&lang=en&tab=nearby');
    await page.getByTestId('far-home-place').waitFor({ timeout: 20_000 });
    expect(await notices()).toMatch(/The place in the link is far from Yuecheng \(about [\d,]+ km\)/);
    expect(await page.getByTestId('far-home-place').innerText()).toBe('Back to Yuecheng');
    await page.getByTestId('far-home-place').click();
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('place'))).toBeNull();
    expect(inDistrict(await center())).toBe(true);
  });
});

describe('unknown sub-categories in hide=', () => {
  it('are dropped with the usual notice; known ones stay hidden (and a view and place near the district are not "far")', async () => {
    await open('?v=12/30.0/120.58&place=120.58,30.0&tab=nearby&hide=public-service:nope,public-service:school');
    await expect.poll(notices, { timeout: 20_000 }).toContain('链接参数 hide 的值无效');
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('hide'))).toBe('public-service:school');
    expect(await page.getByTestId('far-home').count()).toBe(0);
    expect(await page.getByTestId('far-home-place').count()).toBe(0);
    expect(await notices()).not.toMatch(/很远/);
  });
});
