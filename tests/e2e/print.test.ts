/** Print resolution: the map is drawn again at the paper's resolution, not the screen canvas scaled up. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { launch, openApp } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('print', () => {
  it('A4 landscape embeds the map raster at ≥ 300 dpi (≥ 3,300 px wide), with the provenance line', { timeout: 180_000 }, async () => {
    const o = await openApp(browser, '?lang=zh', {}, 90_000);
    try {
      const dir = mkdtempSync(join(tmpdir(), 'yc-print-dpi-'));
      const pdf = await o.page.pdf({ format: 'A4', landscape: true, printBackground: true });
      writeFileSync(join(dir, 'map.pdf'), pdf);
      const list = execFileSync('/usr/bin/pdfimages', ['-list', join(dir, 'map.pdf')], { encoding: 'utf8' });
      // page num type width height …
      const widths = list
        .split('\n')
        .slice(2)
        .map((l) => l.trim().split(/\s+/))
        .filter((c) => c.length > 4 && c[2] === 'image')
        .map((c) => Number(c[3]));
      expect(Math.max(0, ...widths), list).toBeGreaterThanOrEqual(3300);
      const prov = await o.page.getByTestId('print-provenance').textContent();
      expect(prov).toMatch(/审图号/);
      expect(prov).toMatch(/数据截至 \d{4}-\d{2}-\d{2}/);
      // the screen map is back at its own resolution
      expect(await o.page.evaluate(() => (window as unknown as { __map: { getPixelRatio(): number } }).__map.getPixelRatio())).toBe(1);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });
});
