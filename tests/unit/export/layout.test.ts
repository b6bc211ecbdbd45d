import { describe, it, expect } from 'vitest';
import { exportLayout, estimateWidth, wrapText, EXPORT_METRICS, type ExportInput, type Rect } from '../../../src/lib/export/layout.ts';
import { exportLegend, sourcesLine, exportFileName, reviewNumberFor } from '../../../src/lib/export/legend.ts';
import { metersPerPixel, niceFloor, scaleBar, formatDistance, northRotation, isoDate, printPixelRatio, PRINT_WIDTH_PX } from '../../../src/lib/export/scale.ts';
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
  it('the map is its size × pixel ratio, between the title band and the legend band', () => {
    const l = exportLayout(input());
    expect(l.width).toBe(2000);
    expect(l.map).toEqual({ x: 0, y: l.titleBand.h, w: 2000, h: 1400 });
    expect(l.legend.box.y).toBeGreaterThanOrEqual(l.map.y + l.map.h);
    expect(l.footerBand.y).toBeGreaterThanOrEqual(l.legend.box.y + l.legend.box.h);
    expect(l.height).toBe(l.footerBand.y + l.footerBand.h);
  });

  it('no text is cut: long legend labels, sources and titles wrap, nothing has an ellipsis', () => {
    const long = 'Open, outward-facing industry platform on Binhai Science City and the Paojiang comprehensive bonded zone';
    const l = exportLayout(input({ width: 600, legend: [...input().legend, { label: long, color: '#123456', symbol: 'fill', group: 'x' }], sources: 'Sources: '.repeat(40), title: '越城区'.repeat(40) }));
    const texts = [l.title, l.subtitle, l.sources, l.date, ...l.legend.items.map((i) => i.text)];
    for (const t of texts) expect(t.text).not.toContain('…');
    const it = l.legend.items.at(-1)!;
    expect(it.text.lines!.length).toBeGreaterThan(1);
    expect(it.text.lines!.join(' ')).toBe(long);
    for (const line of it.text.lines!) expect(it.text.x + estimateWidth(line, it.text.size)).toBeLessThanOrEqual(l.width);
    expect(l.sources.lines!.length).toBeGreaterThan(1);
    expect(l.title.lines!.join('')).toBe('越城区'.repeat(40));
    // the title band holds the whole title
    expect(l.titleBand.h).toBeGreaterThan(l.title.lines!.length * l.title.size);
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

  it('lays the legend out in as many columns as the width holds', () => {
    expect(exportLayout(input({ width: 1600 })).legend.columns).toBeGreaterThan(exportLayout(input({ width: 390 })).legend.columns);
    const l = exportLayout(input({ width: 390, height: 500 }));
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

  it('the source lines and the date share the footer without overlapping', () => {
    const l = exportLayout(input({ sources: 'x '.repeat(500) }));
    const dateStart = l.date.x - estimateWidth(l.date.text, l.date.size);
    for (const line of l.sources.lines!) expect(l.sources.x + estimateWidth(line, l.sources.size)).toBeLessThan(dateStart);
  });

  it('uses the given text measure', () => {
    const l = exportLayout(input({ measure: (t, s) => t.length * s * 10 }));
    expect(l.title.lines!.length).toBeGreaterThan(1);
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
  it('wrapText', () => {
    expect(wrapText('abc', 1000, 10, estimateWidth)).toEqual(['abc']);
    expect(wrapText('aaa bbb ccc', 30, 10, estimateWidth)).toEqual(['aaa', 'bbb', 'ccc']);
    expect(wrapText('abcdefghij', 30, 10, estimateWidth).join('')).toBe('abcdefghij');
    expect(wrapText('滨海新区外向产业开放平台', 50, 10, estimateWidth)).toEqual(['滨海新区外', '向产业开放', '平台']);
  });
});

describe('export provenance and imported layers', () => {
  it('the sources line names the 审图号 of a reviewed base and the data date', () => {
    expect(sourcesLine('zh', { base: 'tdt-vec', mapReviewNo: 'GS(2024)0568号', dataDate: '2026-11-28' })).toContain('审图号：GS(2024)0568号');
    expect(sourcesLine('zh', { base: 'tdt-vec', mapReviewNo: 'GS(2024)0568号', dataDate: '2026-11-28' })).toContain('数据截至 2026-11-28');
    expect(sourcesLine('en', { base: 'offline', mapReviewNo: 'GS(2024)0568号', dataDate: '2026-11-28' })).not.toContain('GS(2024)');
    expect(sourcesLine('en', { base: 'offline', mapReviewNo: '', dataDate: '2026-11-28' })).toContain('without a 审图号');
    expect(reviewNumberFor('osm', 'X')).toBe('');
    expect(reviewNumberFor('tdt-img', ' X ')).toBe('X');
  });

  it('visible imported layers get a row with their name, colour and symbol; hidden ones none', () => {
    const users = [
      { id: 'user-1', name: '我的调查点', color: '#e4572e', visible: true, kinds: ['point'] },
      { id: 'user-2', name: 'Parcels', color: '#17bebb', visible: true, kinds: ['polygon'], style: { color: '#101010' } },
      { id: 'user-3', name: 'Hidden', color: '#8e44ad', visible: false, kinds: ['line'] },
    ];
    const rows = exportLegend(GROUPS, ['zones'], 'zh', null, users);
    expect(rows.slice(-2)).toEqual([
      { label: '我的调查点', color: '#e4572e', symbol: 'circle', group: 'user:user-1' },
      { label: 'Parcels', color: '#101010', symbol: 'fill', group: 'user:user-2' },
    ]);
  });

  it('follows the filters', () => {
    const rows = exportLegend(GROUPS, ['zones', 'culture'], 'en', [{ properties: { layer: 'zones', zone: 'north' } as object }]);
    expect(rows.map((r) => r.label)).toEqual(['North']);
  });
});

describe('printPixelRatio', () => {
  it('draws A3 landscape at 300 dpi, within the canvas limit', () => {
    expect(PRINT_WIDTH_PX).toBe(4772);
    expect(1280 * printPixelRatio(1280, 800)).toBeCloseTo(4772, 0);
    expect(printPixelRatio(1280, 800, 5)).toBe(5);
    // a tall map is capped by its height
    expect(3000 * printPixelRatio(920, 3000)).toBeLessThanOrEqual(8192);
    expect(printPixelRatio(0, 0, 2)).toBe(2);
  });
});
