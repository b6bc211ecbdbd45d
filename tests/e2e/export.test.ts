/** Export: a 2× PNG with a legend of the visible groups in registry colours; the print sheet. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launch, waitIdle as waitIdleShort, openApp as openAppShared } from './browser.ts';
import { GROUPS } from '../../src/lib/layers/registry.ts';
import { exportLayout, type ExportLayout, type Rect } from '../../src/lib/export/layout.ts';
import { exportLegend } from '../../src/lib/export/legend.ts';
import { translate } from '../../src/lib/i18n/strings.ts';
import { EXPORT, tr } from '../../src/lib/i18n/story.ts';

/** the machine may be busy (software WebGL): be patient, never sleep */
const waitIdle = (page: Page) => waitIdleShort(page, 90_000);

/** openApp with a patient first idle */
const openApp = (browser: Browser, query = '', ctx: BrowserContextOptions = {}) => openAppShared(browser, query, ctx, 90_000);

let browser: Browser;
const SHOTS = 'tests/e2e/__screens__';
const defaults = GROUPS.filter((g) => g.defaultVisible).map((g) => g.id);

beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => browser?.close());

type W = { __map: import('maplibre-gl').Map };
const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
const px = (png: PNG, x: number, y: number) => {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
};
const near = (a: number[], b: number[], tol: number) => a.every((v, i) => Math.abs(v - b[i]) <= tol);
const centre = (r: Rect) => [r.x + r.w / 2, r.y + r.h / 2] as const;

async function exportPng(page: Page): Promise<PNG> {
  await page.getByTestId('export-open').click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-png').click()]);
  expect(download.suggestedFilename()).toMatch(/^yuecheng-map-\d{4}-\d{2}-\d{2}\.png$/);
  const path = await download.path();
  return PNG.sync.read(readFileSync(path!));
}

const mapSize = (page: Page) =>
  page.evaluate(() => {
    const el = (window as unknown as W).__map.getContainer();
    return { w: el.clientWidth, h: el.clientHeight };
  });

/** The layout the app used: the same pure function, inputs that decide swatch places. */
function layoutFor(size: { w: number; h: number }, visible: string[], lang: 'zh' | 'en'): ExportLayout {
  return exportLayout({
    width: size.w,
    height: size.h,
    pixelRatio: 2,
    // the app's own title and subtitle: they wrap, and the bands below them follow
    title: translate(lang, 'appTitle'),
    subtitle: `${translate(lang, 'appSubtitle')} · ${tr(EXPORT.schematic, lang)}`,
    legendTitle: 'l',
    legend: exportLegend(GROUPS, visible, lang),
    metersPerPixel: 20,
    bearing: 0,
    sources: 'x',
    date: 'd',
    northLabel: 'N',
  });
}

function checkSwatches(png: PNG, L: ExportLayout) {
  expect(L.legend.items.length).toBeGreaterThan(3);
  for (const it of L.legend.items) {
    const [x, y] = centre(it.swatch);
    const got = px(png, x, y);
    expect(near(got, hex(it.color), 3), `${it.group} "${it.label}" swatch at ${x},${y}: got rgb(${got}) want ${it.color}`).toBe(true);
  }
}

describe('export', () => {
  it('PNG: 2× the map, legend swatches in the registry colours of the visible groups; a toggled-off group is gone', { timeout: 180_000 }, async () => {
    const o = await openApp(browser);
    const { page } = o;
    try {
      const size = await mapSize(page);
      const png = await exportPng(page);
      writeFileSync(`${SHOTS}/export-zh.png`, PNG.sync.write(png));
      const L = layoutFor(size, defaults, 'zh');
      // the map at 2×, with the title band above it and the legend and sources bands below it
      expect(png.width).toBe(size.w * 2);
      expect(L.map.h).toBe(size.h * 2);
      // (the sources band below the legend holds the app's real source line, which may wrap)
      expect(png.height).toBeGreaterThanOrEqual(L.height);
      expect(L.legend.box.y).toBeGreaterThanOrEqual(L.map.y + L.map.h);
      checkSwatches(png, L);

      // the map is there: many colours in the middle of the image
      const colours = new Set<string>();
      for (let y = png.height * 0.3; y < png.height * 0.7; y += 7) for (let x = png.width * 0.4; x < png.width * 0.9; x += 7) colours.add(px(png, x, y).join());
      expect(colours.size).toBeGreaterThan(30);
      // scale bar: dark left half, white right half
      const s = L.scale;
      expect(near(px(png, s.x + s.w * 0.25, s.y + s.h / 2), hex('#1d2733'), 10)).toBe(true);
      expect(near(px(png, s.x + s.w * 0.75, s.y + s.h / 2), [255, 255, 255], 10)).toBe(true);
      // north arrow: red needle above the centre
      expect(near(px(png, L.north.cx, L.north.cy - L.north.r * 0.4), hex('#e63946'), 30)).toBe(true);
      // page state was restored after the 2× render
      expect(await page.evaluate(() => (window as unknown as W).__map.getPixelRatio())).toBe(await page.evaluate(() => devicePixelRatio));

      // toggle culture off in the layer panel, export again
      const culture = GROUPS.find((g) => g.id === 'culture')!;
      await page.getByTestId('toggle-culture').uncheck();
      await waitIdle(page);
      const png2 = await exportPng(page);
      const visible2 = defaults.filter((d) => d !== 'culture');
      const L2 = layoutFor(size, visible2, 'zh');
      expect(L2.legend.items.length).toBe(L.legend.items.length - 1);
      checkSwatches(png2, L2);
      for (const it of L2.legend.items) expect(near(px(png2, ...centre(it.swatch)), hex(culture.color), 3), `no ${culture.id} swatch`).toBe(false);
      // where the culture swatch was, there is now another row's colour or the legend box
      const was = L.legend.items.find((i) => i.group === 'culture')!;
      expect(near(px(png2, ...centre(was.swatch)), hex(culture.color), 3)).toBe(false);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('PNG in English on a phone: still 2× and swatches right', { timeout: 120_000 }, async () => {
    const o = await openApp(browser, '?lang=en&layers=land,outline,zones,cores,belts,platforms,points,industry,ecology', { viewport: { width: 390, height: 844 } });
    try {
      const size = await mapSize(o.page);
      const png = await exportPng(o.page);
      writeFileSync(`${SHOTS}/export-en-390.png`, PNG.sync.write(png));
      const L = layoutFor(size, ['land', 'outline', 'zones', 'cores', 'belts', 'platforms', 'points', 'industry', 'ecology'], 'en');
      expect(png.width).toBe(size.w * 2);
      expect(png.height).toBeGreaterThanOrEqual(L.height);
      // on a phone the subtitle wraps, and the app measures with the real font where this test estimates:
      // the title band may differ by a line, so the legend is found at the one vertical offset where
      // every swatch matches (the legend's own geometry is exact)
      const dys = [...Array(121).keys()].map((i) => (i - 60) * 1);
      const fits = dys.filter((dy) =>
        L.legend.items.every((it) => {
          const [x, y] = centre(it.swatch);
          return near(px(png, x, y + dy), hex(it.color), 3);
        }),
      );
      expect(L.legend.items.length).toBeGreaterThan(3);
      expect(fits.length, 'an offset where every swatch has its colour').toBeGreaterThan(0);
    } finally {
      await o.close();
    }
  });

  it('print: A4 landscape with title, legend, scale, north arrow, sources, date and the map', { timeout: 120_000 }, async () => {
    const o = await openApp(browser, '?layers=land,neighbours,outline,rivers,zones,cores,culture,industry');
    const dir = mkdtempSync(join(tmpdir(), 'yc-print-'));
    try {
      const { page } = o;
      const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
      writeFileSync(join(dir, 'map.pdf'), pdf);
      execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', join(dir, 'map.pdf'), join(dir, 'page')]);
      const pages = readdirSync(dir).filter((f) => f.endsWith('.png'));
      expect(pages, 'one page').toHaveLength(1);
      const png = PNG.sync.read(readFileSync(join(dir, pages[0])));
      writeFileSync(`${SHOTS}/print-a4.png`, PNG.sync.write(png));
      // A4 landscape at 60 dpi ≈ 702 × 496
      expect(Math.abs(png.width - 702)).toBeLessThan(4);
      expect(Math.abs(png.height - 496)).toBeLessThan(4);

      // the print DOM: legend rows of the visible groups only, scale text, sources, date
      const sheet = page.getByTestId('print-sheet');
      const legendGroups = await sheet.getByTestId('print-legend').locator('li').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-group')))]);
      expect(legendGroups).toEqual(GROUPS.map((g) => g.id).filter((id) => ['zones', 'cores', 'culture', 'industry', 'outline', 'rivers'].includes(id)));
      expect(await sheet.getByTestId('print-legend').textContent()).toContain('文化与旅游');
      expect(await sheet.getByTestId('print-scale').textContent()).toMatch(/^\s*\d+(\.\d)?\s(m|km)\s*$/);
      expect(await sheet.textContent()).toContain('越政发〔2021〕10号');
      expect(await sheet.getByTestId('print-date').textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);

      // the raster: a non-blank map in the middle, the legend colours in the footer
      const count = (y0: number, y1: number, test: (c: number[]) => boolean) => {
        let n = 0;
        for (let y = Math.floor(y0); y < y1; y++) for (let x = 0; x < png.width; x++) if (test(px(png, x, y))) n++;
        return n;
      };
      const H = png.height;
      const nonWhite = count(H * 0.2, H * 0.6, (c) => c.some((v) => v < 235));
      expect(nonWhite / (png.width * H * 0.4), 'map area is not blank').toBeGreaterThan(0.5);
      const footer = [H * 0.72, H];
      // (solid circle swatches; zone and core swatches are translucent by design)
      for (const g of ['culture', 'industry']) {
        const colour = hex(GROUPS.find((x) => x.id === g)!.color);
        expect(count(footer[0], footer[1], (c) => near(c, colour, 40)), `${g} swatch in the printed legend`).toBeGreaterThan(2);
      }
      // a hidden group has no swatch in the printed legend
      expect(count(footer[0], footer[1], (c) => near(c, hex(GROUPS.find((x) => x.id === 'public-service')!.color), 25))).toBe(0);
      // the title is printed (dark navy text at the top)
      expect(count(0, H * 0.1, (c) => near(c, hex('#1d3557'), 60))).toBeGreaterThan(20);
      // the scale bar: its dark half near the map's bottom-right
      let dark = 0;
      for (let y = Math.floor(H * 0.5); y < H * 0.8; y++) for (let x = Math.floor(png.width * 0.5); x < png.width; x++) if (near(px(png, x, y), hex('#1d2733'), 30)) dark++;
      expect(dark, 'scale bar').toBeGreaterThan(3);
      expect(o.errors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await o.close();
    }
  });
});
