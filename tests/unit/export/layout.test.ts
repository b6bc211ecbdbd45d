import { describe, it, expect } from 'vitest';
import { exportLayout, estimateWidth, fitText, EXPORT_METRICS, type ExportInput, type Rect } from '../../../src/lib/export/layout.ts';
import { exportLegend, sourcesLine, exportFileName } from '../../../src/lib/export/legend.ts';
import { metersPerPixel, niceFloor, scaleBar, formatDistance, northRotation, isoDate } from '../../../src/lib/export/scale.ts';
import { GROUPS, legendEntries, ZONE_COLORS } from '../../../src/lib/layers/registry.ts';

const defaults = GROUPS.filter((g) => g.defaultVisible).map((g) => g.id);
const input = (over: Partial<ExportInput> = {}): ExportInput => ({
  width: 1000,
  height: 700,
  pixelRatio: 2,
  title: '越城区“十四五”规划地图',
  subtitle: '绍兴市越城区 · 2021—2025',
  legendTitle: '图例',
  legend: exportLegend(GROUPS, defaults, 'zh'),
  metersPerPixel: 30,
  bearing: 0,
  sources: sourcesLine('zh'),
  date: '制图日期 2026-11-28',
  northLabel: '北',
  ...over,
});

const inside = (r: Rect, W: number, H: number) => r.x >= 0 && r.y >= 0 && r.x + r.w <= W && r.y + r.h <= H;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('exportLegend', () => {
  it('lists only visible groups, in registry colours', () => {
    const items = exportLegend(GROUPS, ['zones', 'culture', 'towns', 'land'], 'en');
    expect(items.map((i) => i.group)).toEqual(['zones', 'zones', 'zones', 'zones', 'zones', 'culture']);
    expect(items.slice(0, 5).map((i) => i.color)).toEqual(Object.values(ZONE_COLORS));
    expect(items[5].color).toBe(GROUPS.find((g) => g.id === 'culture')!.color);
    expect(items[5].label).toBe('Culture and tourism');
  });

  it('a toggled-off group has no row', () => {
    const all = exportLegend(GROUPS, defaults, 'zh');
    const without = exportLegend(GROUPS, defaults.filter((d) => d !== 'culture'), 'zh');
    expect(all.some((i) => i.group === 'culture')).toBe(true);
    expect(without.some((i) => i.group === 'culture')).toBe(false);
    expect(without.length).toBe(all.length - 1);
  });

  it('uses legendEntries for every group', () => {
    const g = GROUPS.find((x) => x.id === 'platforms')!;
    expect(exportLegend(GROUPS, ['platforms'], 'zh').map((i) => i.color)).toEqual(legendEntries(g).map((e) => e.color));
  });
});

describe('exportLayout', () => {
  it('is exactly the map size × pixel ratio', () => {
    const l = exportLayout(input());
    expect(l.width).toBe(2000);
    expect(l.height).toBe(1400);
    expect(l.map).toEqual({ x: 0, y: 0, w: 2000, h: 1400 });
  });

  it('places one swatch per legend row, inside the legend box and the image, not overlapping', () => {
    const inp = input();
    const l = exportLayout(inp);
    expect(l.legend.items.length).toBe(inp.legend.length);
    for (const it of l.legend.items) {
      expect(inside(it.swatch, l.width, l.height)).toBe(true);
      expect(it.swatch.x >= l.legend.box.x && it.swatch.x + it.swatch.w <= l.legend.box.x + l.legend.box.w).toBe(true);
      expect(it.swatch.y >= l.legend.box.y && it.swatch.y + it.swatch.h <= l.legend.box.y + l.legend.box.h).toBe(true);
      expect(it.swatch.w).toBeGreaterThanOrEqual(8);
      expect(it.swatch.h).toBeGreaterThanOrEqual(8);
    }
    const sw = l.legend.items.map((i) => i.swatch);
    for (let i = 0; i < sw.length; i++) for (let j = i + 1; j < sw.length; j++) expect(overlap(sw[i], sw[j])).toBe(false);
  });

  it('keeps the legend between the title band and the footer', () => {
    const l = exportLayout(input());
    expect(l.legend.box.y).toBeGreaterThanOrEqual(l.titleBand.h);
    expect(l.legend.box.y + l.legend.box.h).toBeLessThanOrEqual(l.footerBand.y);
  });

  it('wraps a long legend into columns on a small map', () => {
    const l = exportLayout(input({ width: 390, height: 500 }));
    expect(l.legend.columns).toBeGreaterThan(1);
    for (const it of l.legend.items) expect(inside(it.swatch, l.width, l.height)).toBe(true);
    expect(l.legend.box.y).toBeGreaterThanOrEqual(l.titleBand.h);
  });

  it('an empty legend is fine', () => {
    const l = exportLayout(input({ legend: [] }));
    expect(l.legend.items).toEqual([]);
  });

  it('scale bar: a round distance, its length matching the ground scale', () => {
    const l = exportLayout(input({ metersPerPixel: 30 }));
    // 30 m per CSS px = 15 m per device px; max 240 device px → 3600 m → 2 km
    expect(l.scale.meters).toBe(2000);
    expect(l.scale.w).toBe(Math.round(2000 / 15));
    expect(l.scale.label.text).toBe('2 km');
    expect(l.scale.x + l.scale.w).toBeLessThanOrEqual(l.width);
  });

  it('north arrow follows the bearing and does not collide with the legend or title', () => {
    const l = exportLayout(input({ bearing: 30 }));
    expect(l.north.rotation).toBe(-30);
    const n: Rect = { x: l.north.cx - l.north.r, y: l.north.cy - l.north.r, w: 2 * l.north.r, h: 2 * l.north.r };
    expect(overlap(n, l.titleBand)).toBe(false);
    expect(overlap(n, l.legend.box)).toBe(false);
  });

  it('the source line and the date share the footer without overlapping', () => {
    const l = exportLayout(input({ sources: 'x'.repeat(500) }));
    expect(l.sources.text.endsWith('…')).toBe(true);
    const srcEnd = l.sources.x + estimateWidth(l.sources.text, l.sources.size);
    const dateStart = l.date.x - estimateWidth(l.date.text, l.date.size);
    expect(srcEnd).toBeLessThan(dateStart);
  });

  it('uses the given text measure', () => {
    const l = exportLayout(input({ measure: (t, s) => t.length * s * 10 }));
    expect(l.title.text.endsWith('…')).toBe(true);
  });

  it('metrics are positive', () => {
    for (const v of Object.values(EXPORT_METRICS)) expect(v).toBeGreaterThan(0);
  });
});

describe('scale helpers', () => {
  it('metersPerPixel at the equator, zoom 0, 512-px tiles', () => {
    expect(metersPerPixel(0, 0)).toBeCloseTo(78271.517, 2);
    expect(metersPerPixel(60, 1)).toBeCloseTo(78271.517 / 4, 2);
  });
  it('niceFloor', () => {
    expect(niceFloor(3600)).toBe(2000);
    expect(niceFloor(999)).toBe(500);
    expect(niceFloor(1000)).toBe(1000);
    expect(niceFloor(7.5)).toBe(5);
    expect(niceFloor(0)).toBe(0);
    expect(niceFloor(NaN)).toBe(0);
  });
  it('scaleBar and formatDistance', () => {
    expect(scaleBar(10, 100)).toEqual({ px: 100, meters: 1000, label: '1 km' });
    expect(scaleBar(3, 100).label).toBe('200 m');
    expect(scaleBar(0, 100).px).toBe(0);
    expect(formatDistance(1500)).toBe('1.5 km');
  });
  it('northRotation and isoDate', () => {
    expect(northRotation(0)).toBe(0);
    expect(northRotation(90)).toBe(-90);
    expect(isoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(exportFileName('2026-01-05')).toBe('yuecheng-map-2026-01-05.png');
  });
  it('fitText', () => {
    expect(fitText('abc', 1000, 10, estimateWidth)).toBe('abc');
    expect(fitText('abcdefghij', 30, 10, estimateWidth)).toMatch(/…$/);
    expect(fitText('abcdefghij', 1, 10, estimateWidth)).toBe('');
  });
});
