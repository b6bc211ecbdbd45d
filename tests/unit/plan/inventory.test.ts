/**
 * The inventory: generated checks over every entry (excerpt in the plan, id resolves), and
 * check:geodata catching each kind of planted mistake in a copy of the real geodata.
 */
import { describe, it, expect } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkGeodataDir } from '../../../src/lib/plan/check.ts';
import { formatProblem } from '../../../src/lib/plan/validate.ts';
import { squashWs } from '../../../src/lib/plan/text.ts';
import { byChapter, chapterOfSection, inventoryCounts, type Inventory, type InventoryEntry } from '../../../src/lib/plan/inventory.ts';
import { ROOT, planText } from '../helpers.ts';

const SRC = `${ROOT}geodata`;
const inv = JSON.parse(readFileSync(`${SRC}/inventory.json`, 'utf8')) as Inventory;
const plan = squashWs(planText());
const geometryOf = new Map<string, string>();
for (const dir of [SRC, `${SRC}/base`])
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.geojson')))
    for (const x of JSON.parse(readFileSync(join(dir, f), 'utf8')).features) geometryOf.set(x.properties.id, x.geometry.type);

describe('the inventory', () => {
  it('is well over 150 entries and covers every chapter 一 … 十一 and the three boxes', () => {
    expect(inv.entries.length).toBeGreaterThan(150);
    const chapters = new Set(inv.entries.map((e) => chapterOfSection(e.section)));
    for (const c of ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一']) expect(chapters, c).toContain(c);
    for (const box of ['专栏一', '专栏二', '专栏三']) expect(inv.entries.some((e) => e.section.includes(box)), box).toBe(true);
  });
  it('has every disposition, and the things the issue names are in it', () => {
    const c = inventoryCounts(inv.entries);
    for (const d of ['mapped', 'within', 'unsited', 'not-a-place'] as const) expect(c[d], d).toBeGreaterThan(0);
    const find = (zh: string) => inv.entries.find((e) => e.name_zh === zh);
    expect(find('区中医院')?.disposition).toBe('unsited');
    expect(find('华强方特')?.disposition).toBe('unsited');
    expect(find('存储应用园')).toMatchObject({ disposition: 'within', feature: 'ic-wanmu-qianyi-platform' });
    expect(find('袍江')).toMatchObject({ disposition: 'mapped', feature: 'paojiang-area' });
    expect(find('47平方公里启动区')).toMatchObject({ disposition: 'mapped', feature: 'binhai-start-area' });
    expect(find('中国国际黄酒产业博览会')?.disposition).toBe('not-a-place');
  });
  it('groups unsited entries by chapter in plan order', () => {
    const groups = byChapter(inv.entries, 'unsited');
    expect(groups.reduce((a, [, es]) => a + es.length, 0)).toBe(inventoryCounts(inv.entries).unsited);
    expect(groups[0][0]).toBe('四');
  });
});

describe.each(inv.entries.map((e) => [`${e.section} ${e.name_zh}`, e] as const))('entry %s', (_n, e: InventoryEntry) => {
  it('quotes the plan verbatim (whitespace ignored)', () => {
    expect(plan.includes(squashWs(e.excerpt_zh)), e.excerpt_zh).toBe(true);
  });
  it('resolves its feature id, or has no feature and says why', () => {
    if (e.disposition === 'mapped') expect(geometryOf.has(e.feature!), e.feature).toBe(true);
    else if (e.disposition === 'within') expect(geometryOf.get(e.feature!), e.feature).toMatch(/Polygon/);
    else if (e.disposition === 'not-a-place') expect(e.reason!.length).toBeGreaterThan(3);
    else expect(e.feature).toBeUndefined();
  });
});

describe('check:geodata catches each planted inventory mistake', () => {
  const baseline = new Set(checkGeodataDir(SRC).problems.map(formatProblem));
  function plant(fn: (inv: Inventory) => void): string[] {
    const dir = mkdtempSync(join(tmpdir(), 'inventory-'));
    try {
      cpSync(SRC, dir, { recursive: true });
      const copy = JSON.parse(readFileSync(join(dir, 'inventory.json'), 'utf8')) as Inventory;
      fn(copy);
      writeFileSync(join(dir, 'inventory.json'), JSON.stringify(copy));
      return checkGeodataDir(dir).problems.map(formatProblem).filter((p) => !baseline.has(p));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const first = (d: string) => inv.entries.find((e) => e.disposition === d)!;

  it('the real inventory passes', () => {
    expect([...baseline].filter((p) => p.startsWith('inventory.json'))).toEqual([]);
  });
  it('an excerpt that is not in the plan', () => {
    const e = first('unsited');
    expect(plant((i) => (i.entries.find((x) => x.id === e.id)!.excerpt_zh = '规划里没有这句话'))).toEqual([`inventory.json: ${e.id}: excerpt_zh "规划里没有这句话" does not occur in the plan text`]);
  });
  it('a mapped id that does not exist', () => {
    const e = first('mapped');
    expect(plant((i) => (i.entries.find((x) => x.id === e.id)!.feature = 'no-such-feature'))).toEqual([`inventory.json: ${e.id}: feature "no-such-feature" does not exist in geodata`]);
  });
  it('a within entry that names a point, not an area', () => {
    const e = first('within');
    expect(plant((i) => (i.entries.find((x) => x.id === e.id)!.feature = 'bazi-bridge'))).toEqual([`inventory.json: ${e.id}: within names "bazi-bridge", which is a Point, not an area`]);
  });
  it('an unknown disposition, a bad zone, a missing reason, a duplicate id', () => {
    const [a, b] = inv.entries.filter((e) => e.disposition === 'unsited');
    const n = first('not-a-place');
    const out = plant((i) => {
      const x = i.entries.find((y) => y.id === a.id)!;
      x.disposition = 'somewhere' as never;
      i.entries.find((y) => y.id === b.id)!.zone = 'middle' as never;
      delete i.entries.find((y) => y.id === n.id)!.reason;
      i.entries.push({ ...i.entries.find((y) => y.id === n.id)!, reason: 'x y z w' });
    });
    expect(out).toContain(`inventory.json: ${a.id}: disposition must be one of mapped, within, unsited, not-a-place`);
    expect(out).toContain(`inventory.json: ${b.id}: zone must be one of north, west, central, south, east or null`);
    expect(out).toContain(`inventory.json: ${n.id}: not-a-place entry needs a one-line reason`);
    expect(out).toContain(`inventory.json: ${n.id}: duplicate id`);
  });
  it('a missing or broken inventory file', () => {
    expect(plant((i) => ((i as unknown as Record<string, unknown>).entries = 'none'))).toEqual(['inventory.json: (no id): not an inventory: expected { "entries": [...] }']);
  });
});
