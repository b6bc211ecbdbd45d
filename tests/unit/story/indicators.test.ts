import { describe, it, expect } from 'vitest';
import { presentFigure, byCategory, cellText, chartable, clusterBars, dumbbell, loadIndicators, niceTicks } from '../../../src/lib/story/indicators.ts';
import type { TargetsFile, ClustersFile } from '../../../src/lib/plan/indicators.ts';
import { readJson } from '../helpers.ts';

const targets = readJson<TargetsFile>('indicators/targets-2025.json');
const clusters = readJson<ClustersFile>('indicators/clusters.json');

describe('targets panel helpers', () => {
  it('groups the 34 rows by category in table order', () => {
    const cats = byCategory(targets.rows);
    expect(cats.reduce((n, c) => n + c.rows.length, 0)).toBe(34);
    expect(cats[0].zh).toBe('综合实力');
    expect(new Set(cats.map((c) => c.zh)).size).toBe(cats.length);
    for (const c of cats) expect(c.en.length).toBeGreaterThan(0);
  });

  it('charts numeric pairs only', () => {
    const gdp = targets.rows.find((r) => r.id === 'fyp14-gdp')!; // 2020 is "—"
    const energy = targets.rows.find((r) => r.id === 'fyp14-energy-per-gdp-reduction')!;
    const income = targets.rows.find((r) => r.id === 'fyp14-gdp-per-capita')!;
    expect(chartable(gdp)).toBe(false);
    expect(chartable(energy)).toBe(false);
    expect(chartable(income)).toBe(true);
    expect(targets.rows.filter(chartable).length).toBeGreaterThan(25);
  });

  it('cellText keeps the printed qualifier', () => {
    const r = (id: string) => targets.rows.find((x) => x.id === id)!;
    expect(cellText(r('fyp14-gdp').v2025)).toBe('≥1,500');
    expect(cellText(r('fyp14-high-tech-share-of-industry').v2025)).toBe('>65');
    expect(cellText(r('fyp14-cultural-industry-share-of-gdp').v2020)).toBe('3.7 (2019)');
    expect(cellText(r('fyp14-cultural-industry-share-of-gdp').v2025)).toBe('≈5');
    expect(cellText(r('fyp14-gdp').v2020)).toBe('—');
    expect(cellText(r('fyp14-energy-per-gdp-reduction').v2025)).toBe('完成省市下达指标');
  });

  it('dumbbell: better is always to the right', () => {
    const up = dumbbell(78, 83, false, 200);
    expect(up.x2025).toBeGreaterThan(up.x2020);
    expect(up.improves).toBe(true);
    const rank = dumbbell(95, 50, true, 200); // rank 95 → 50 is an improvement
    expect(rank.reversed).toBe(true);
    expect(rank.x2025).toBeGreaterThan(rank.x2020);
    expect(rank.improves).toBe(true);
    const same = dumbbell(6.76, 6.76, false, 200);
    expect(same.x2020).toBe(same.x2025);
    expect(same.improves).toBe(false);
    for (const d of [up, rank, same]) for (const x of [d.x2020, d.x2025]) expect(x >= 8 && x <= 192).toBe(true);
  });

  it('every rank row reads lower-is-better', () => {
    const ranks = targets.rows.filter((r) => /排名/.test(r.name_zh));
    expect(ranks.length).toBe(2);
    for (const r of ranks) expect(r.lower_is_better).toBe(true);
  });

  it('presentFigure speaks billions in English', () => {
    const ic = clusters.rows.find((r) => r.id === 'cluster-integrated-circuits')!;
    expect(presentFigure(ic.output_2025, ic.output_unit_zh, ic.output_unit_en, 'en')).toEqual({ big: '100', unit: 'billion yuan' });
    expect(presentFigure(ic.output_2025, ic.output_unit_zh, ic.output_unit_en, 'zh')).toEqual({ big: '1,000', unit: '亿元' });
    const pm = targets.rows.find((r) => r.id === 'fyp14-pm25-annual-mean')!;
    expect(presentFigure(pm.v2025, pm.unit_zh, pm.unit_en, 'en')).toEqual({ big: '<28', unit: pm.unit_en });
  });

  it('cluster bars scale to the largest output', () => {
    const bars = clusterBars(clusters.rows, 100);
    expect(Math.max(...bars.map((b) => b.w))).toBe(100);
    expect(bars.find((b) => b.id === 'cluster-huangjiu')!.w).toBe(10);
  });

  it('loadIndicators loads the three tables once', async () => {
    const a = await loadIndicators();
    expect(a.targets.rows.length).toBe(34);
    expect(a.clusters.rows.length).toBe(clusters.rows.length);
    expect(a.completion.rows.length).toBe(32);
    expect(loadIndicators()).toBe(loadIndicators());
  });
});

describe('niceTicks', () => {
  const sig = (v: number) => String(Math.abs(v)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
  it.each([
    [0, 25.272],
    [0, 44.28],
    [0, 102.6],
    [0, 95],
    [0, 1000],
    [0, 6.76],
    [0, 0.35],
    [-3.2, 8.1],
    [0, 12345],
  ])('[%d, %d]: ≤ 5 round ticks, ≤ 2 significant digits, covering the range', (lo, hi) => {
    const t = niceTicks(lo, hi);
    expect(t.length).toBeLessThanOrEqual(5);
    expect(t.length).toBeGreaterThanOrEqual(2);
    expect(t[0]).toBeLessThanOrEqual(lo);
    expect(t.at(-1)).toBeGreaterThanOrEqual(hi);
    for (const v of t) expect(sig(v), String(v)).toBeLessThanOrEqual(2);
    const steps = t.slice(1).map((v, i) => +(v - t[i]).toPrecision(10));
    expect(new Set(steps).size).toBe(1);
  });
  it('the reported axis values', () => {
    expect(niceTicks(0, 25.272)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(0, 44.28)).toEqual([0, 20, 40, 60]);
    expect(niceTicks(0, 102.6)).toEqual([0, 50, 100, 150]);
  });
  it('the dumbbell axis ends on ticks, rank rows reversed', () => {
    const d = dumbbell(95, 50, true, 200);
    expect(d.min).toBe(0);
    expect(d.max).toBe(100);
    expect(d.ticks[0].x).toBeGreaterThan(d.ticks.at(-1)!.x);
  });
});
