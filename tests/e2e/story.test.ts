/** Story mode: keyboard stepping, camera and layers per chapter, deep links, Esc restores. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launch, waitIdle as waitIdleShort, baseUrl, openApp as openAppShared } from './browser.ts';
import { CHAPTERS, chapterFrame, visibleGroups, type Chapter } from '../../src/lib/story/chapters.ts';
import { bboxOfAll, coverPadding } from '../../src/lib/map/camera.ts';
import type { Feature } from 'geojson';
import { GROUPS } from '../../src/lib/layers/registry.ts';
import { layerIdsOf } from '../../src/lib/layers/style.ts';

/** the machine may be busy (software WebGL): be patient, never sleep */
const waitIdle = (page: Page) => waitIdleShort(page, 90_000);

/** openApp with a patient first idle */
const openApp = (browser: Browser, query = '', ctx: BrowserContextOptions = {}) => openAppShared(browser, query, ctx, 90_000);

let browser: Browser;
const SHOTS = 'tests/e2e/__screens__';
const N = CHAPTERS.length;
/** every plan feature by id, read from geodata/ */
const FEATURES = new Map<string, Feature>(
  GROUPS.filter((g) => !g.base).flatMap((g) => (JSON.parse(readFileSync(`geodata/${g.file}`, 'utf8')).features as Feature[]).map((f) => [String(f.properties!.id), f] as [string, Feature])),
);

beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => browser?.close());

type W = { __map: import('maplibre-gl').Map };

interface Cam {
  lng: number;
  lat: number;
  zoom: number;
}

const camera = (page: Page): Promise<Cam> =>
  page.evaluate(() => {
    const m = (window as unknown as W).__map;
    const c = m.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: m.getZoom() };
  });

/**
 * Where the chapter puts the camera on this screen: the map's own fitting maths on the chapter's
 * frame (its bounds grown to its highlighted features), padded for the card and the top bar as
 * they are laid out on the page.
 */
async function target(page: Page, ch: Chapter): Promise<Cam & { w: number; h: number }> {
  const got = await page.evaluate((ids) => {
    const el = (window as unknown as W).__map.getContainer();
    const r = el.getBoundingClientRect();
    const boxes = [...document.querySelectorAll('[data-covers-map]')]
      .map((e) => e.getBoundingClientRect())
      .filter((b) => b.width && b.height)
      .map((b) => ({ left: b.left - r.left, top: b.top - r.top, right: b.right - r.left, bottom: b.bottom - r.top }));
    return { w: el.clientWidth, h: el.clientHeight, boxes };
  });
  const padding = coverPadding(got.w, got.h, got.boxes, 20);
  const frame = chapterFrame(ch, ch.highlight.map((id) => (FEATURES.has(id) ? bboxOfAll([FEATURES.get(id)!]) : null)));
  const cam = await page.evaluate(
    ({ bounds, padding }) => {
      const m = (window as unknown as W).__map;
      const cam = m.cameraForBounds(bounds, { padding, maxZoom: 16, bearing: 0 })!;
      const c = cam.center as { lng: number; lat: number };
      return { lng: c.lng, lat: c.lat, zoom: cam.zoom! };
    },
    { bounds: frame, padding },
  );
  return { ...cam, w: got.w, h: got.h };
}

/** visibility of every layer of every group: group → set of values */
const visibility = (page: Page): Promise<Record<string, string[]>> =>
  page.evaluate((groups) => {
    const m = (window as unknown as W).__map;
    const out: Record<string, string[]> = {};
    for (const [g, ids] of groups) {
      const vals = ids.filter((id) => m.getLayer(id)).map((id) => (m.getLayoutProperty(id, 'visibility') as string | undefined) ?? 'visible');
      out[g] = [...new Set(vals)];
    }
    return out;
  }, GROUPS.map((g) => [g.id, layerIdsOf(g.id)] as [string, string[]]));

async function waitChapter(page: Page, n: number) {
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector('[data-testid="story"]');
      return el?.getAttribute('data-story-chapter') === String(n) && el.getAttribute('data-story-settled') === 'true';
    },
    n,
    { timeout: 60_000, polling: 50 },
  );
  await waitIdle(page);
}

const highlighted = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const m = (window as unknown as W).__map;
    const layers = ['story-hl-point', 'story-hl-line'].filter((l) => m.getLayer(l));
    return [...new Set(m.queryRenderedFeatures({ layers }).map((f) => String(f.properties.id)))].sort();
  });

/** The chapter is on screen: camera, layers, highlights, caption, URL. */
async function checkChapter(page: Page, n: number, lang: 'zh' | 'en' = 'zh') {
  const ch = CHAPTERS[n - 1];
  const story = page.getByTestId('story');
  expect(await story.getAttribute('data-story-id')).toBe(ch.id);

  // full screen over the map: header and side panel hidden, the map fills the viewport
  const vp = page.viewportSize()!;
  const t = await target(page, ch);
  expect([t.w, t.h], 'map fills the screen in story mode').toEqual([vp.width, vp.height]);
  expect(await page.locator('header.top').isVisible()).toBe(false);
  expect(await page.locator('aside.panel').isVisible()).toBe(false);

  const cam = await camera(page);
  expect(Math.abs(cam.lng - t.lng), `${ch.id} lng`).toBeLessThan(1e-4);
  expect(Math.abs(cam.lat - t.lat), `${ch.id} lat`).toBeLessThan(1e-4);
  expect(Math.abs(cam.zoom - t.zoom), `${ch.id} zoom`).toBeLessThan(0.02);

  const vis = await visibility(page);
  const want = new Set(visibleGroups(ch));
  for (const g of GROUPS) {
    if (!vis[g.id].length) continue;
    expect(vis[g.id], `${ch.id}: group ${g.id}`).toEqual([want.has(g.id) ? 'visible' : 'none']);
  }

  expect(await highlighted(page), `${ch.id}: highlighted features`).toEqual([...ch.highlight].sort());
  await expect.poll(() => story.getByRole('heading', { level: 2 }).textContent()).toBe(ch.title[lang]);
  await expect.poll(() => new URL(page.url()).searchParams.get('story'), { timeout: 5000 }).toBe(String(n));
  return cam;
}

describe('story mode', () => {
  it('steps through every chapter by keyboard, flying the camera and switching layers; Esc restores', { timeout: 240_000 }, async () => {
    const o = await openApp(browser, '', { viewport: { width: 1024, height: 640 } });
    const { page } = o;
    try {
      const before = await camera(page);
      const visBefore = await visibility(page);

      await page.getByTestId('story-start').click();
      await waitChapter(page, 1);
      let prev = await checkChapter(page, 1);

      const forward = ['ArrowRight', 'Space', 'PageDown'];
      for (let n = 2; n <= N; n++) {
        await page.keyboard.press(forward[n % forward.length]);
        // a flight, not a jump
        expect(await page.evaluate(() => (window as unknown as W).__map.isMoving()), `flight to ${n}`).toBe(true);
        await waitChapter(page, n);
        const cam = await checkChapter(page, n);
        expect(Math.abs(cam.lng - prev.lng) + Math.abs(cam.lat - prev.lat) + Math.abs(cam.zoom - prev.zoom), `camera changes ${n - 1} → ${n}`).toBeGreaterThan(1e-3);
        prev = cam;
      }
      // past the end stays on the last chapter
      await page.keyboard.press('ArrowRight');
      expect(await page.getByTestId('story').getAttribute('data-story-chapter')).toBe(String(N));

      // and back: ArrowLeft, Shift+Space, PageUp
      await page.keyboard.press('ArrowLeft');
      await waitChapter(page, N - 1);
      await page.keyboard.press('Shift+Space');
      await waitChapter(page, N - 2);
      await page.keyboard.press('PageUp');
      await waitChapter(page, N - 3);
      await checkChapter(page, N - 3);

      // on-screen buttons and the chapter index
      await page.getByTestId('story-next').click();
      await waitChapter(page, N - 2);
      await page.getByTestId('story-index').click();
      await page.getByTestId('story-menu').getByRole('button').nth(1).click();
      await waitChapter(page, 2);
      await checkChapter(page, 2);

      // Esc: back to the layers and view from before the story
      await page.keyboard.press('Escape');
      await page.getByTestId('story').waitFor({ state: 'detached', timeout: 10_000 });
      await page.waitForFunction(() => !(window as unknown as W).__map.isMoving(), undefined, { timeout: 10_000 });
      await waitIdle(page);
      expect(await page.locator('header.top').isVisible()).toBe(true);
      const after = await camera(page);
      expect(Math.abs(after.lng - before.lng)).toBeLessThan(1e-4);
      expect(Math.abs(after.lat - before.lat)).toBeLessThan(1e-4);
      expect(Math.abs(after.zoom - before.zoom)).toBeLessThan(0.02);
      expect(await visibility(page)).toEqual(visBefore);
      expect(await highlighted(page)).toEqual([]);
      await expect.poll(() => new URL(page.url()).searchParams.get('story'), { timeout: 5000 }).toBeNull();
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('each chapter’s deep link restores that chapter, in Chinese and English (reduced motion: no flight)', { timeout: 240_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 520 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      for (let n = 1; n <= N; n++) {
        const ch = CHAPTERS[n - 1];
        const lang = n % 2 ? 'zh' : 'en';
        await page.goto(`${baseUrl()}?story=${n}&lang=${lang}`);
        await waitIdle(page);
        await waitChapter(page, n);
        await checkChapter(page, n, lang);
        expect(await page.getByTestId('story-caption').textContent()).toContain(lang === 'zh' ? ch.caption.zh.slice(0, 12) : ch.caption.en.slice(0, 40));
        if (ch.clusters) await expect.poll(() => page.getByTestId('story-figures').textContent()).toMatch(lang === 'zh' ? /1,000\s*亿元/ : /100\s*billion yuan/);
        if ([1, 5, 6].includes(n)) await page.screenshot({ path: `${SHOTS}/story-${n}-${lang}.png` });
      }
      // reduced motion jumps instead of flying
      await page.keyboard.press('ArrowLeft');
      expect(await page.evaluate(() => (window as unknown as W).__map.isMoving())).toBe(false);
      await waitChapter(page, N - 1);
      await checkChapter(page, N - 1, N % 2 ? 'zh' : 'en');
      // the language switch inside the story
      const other = N % 2 ? 'en' : 'zh';
      await page.getByTestId('story-lang').click();
      await expect.poll(() => page.getByTestId('story-caption').textContent()).toContain(other === 'zh' ? CHAPTERS[N - 2].caption.zh.slice(0, 12) : CHAPTERS[N - 2].caption.en.slice(0, 40));
      // a chapter that does not exist is reported and the app opens normally
      await page.goto(`${baseUrl()}?story=40`);
      await waitIdle(page);
      await expect.poll(() => page.getByTestId('notices').textContent()).toContain('story');
      expect(await page.getByTestId('story').count()).toBe(0);
      expect(await page.locator('header.top').isVisible()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('phone: the caption is a bottom sheet and the camera fits the map above it', { timeout: 120_000 }, async () => {
    const o = await openApp(browser, '?story=4&lang=en', { viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
    try {
      await waitChapter(o.page, 4);
      await checkChapter(o.page, 4, 'en');
      const box = (await o.page.getByTestId('story-card').boundingBox())!;
      expect(box.y).toBeGreaterThan(844 * 0.5);
      await o.page.screenshot({ path: `${SHOTS}/story-4-en-390.png` });
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });
});

