import { describe, it, expect } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { readFileSync } from 'node:fs';
import { buildIndex, buildInventoryIndex } from '../../../plugins/search-index.ts';
import { searchEntries, matchingIds, groupHits } from '../../../src/lib/plan/search.ts';
import { ROOT } from '../helpers.ts';

const entries = buildIndex(`${ROOT}geodata`);
const plan = entries.filter((e) => e.kind === 'plan');

// independent of the index builder's own code path: pinyin-pro called here with its string API
const fullPinyin = (s: string) => pinyin(s, { toneType: 'none', separator: '' }).toLowerCase().replace(/[^a-z0-9]/g, '');
const initials = (s: string) =>
  pinyin(s.replace(/[^\u4e00-\u9fff]/g, ''), { pattern: 'first', toneType: 'none', separator: '' }).toLowerCase().replace(/[^a-z]/g, '');

describe('search index', () => {
  it('covers every plan feature', () => {
    expect(plan.length).toBeGreaterThan(20);
  });
  it('finds 鲁迅故里 by "lxgl", "鲁迅" and "Lu Xun"', () => {
    for (const q of ['lxgl', '鲁迅', 'Lu Xun', 'luxunguli']) {
      const ids = searchEntries(entries, q).map((h) => h.entry.id);
      expect(ids, q).toContain('luxun-native-place');
    }
    expect(searchEntries(entries, 'lxgl')[0].entry.id).toBe('luxun-native-place');
  });
  it('returns nothing for an empty query and does not throw on odd input', () => {
    expect(searchEntries(entries, '   ')).toEqual([]);
    for (const q of ['(', '.*', '\\', '<script>', '"', '%']) expect(() => searchEntries(entries, q)).not.toThrow();
  });
});

describe.each(plan.map((e) => [e.name_zh, e] as const))('every feature is found: %s', (_n, e) => {
  it('by its full pinyin', () => {
    const q = fullPinyin(e.name_zh);
    expect(matchingIds(entries, q).has(e.id), q).toBe(true);
  });
  it('by its initials', () => {
    const q = initials(e.name_zh);
    expect(matchingIds(entries, q).has(e.id), q).toBe(true);
  });
  it('by its English name', () => {
    expect(matchingIds(entries, e.name_en).has(e.id)).toBe(true);
  });
});

describe('ranking: areas and the plan’s structure before projects that merely contain the term', () => {
  const inv = buildInventoryIndex(`${ROOT}geodata`);
  const all = [...entries, ...inv.index];
  const top = (q: string, n = 1) => searchEntries(all, q).slice(0, n).map((h) => h.entry.ref ?? h.entry.id);
  const metroFeatures = new Set(JSON.parse(readFileSync(`${ROOT}geodata/transport.geojson`, 'utf8')).features.filter((f: { properties: { subcategory?: string } }) => f.properties.subcategory === 'metro').map((f: { properties: { id: string } }) => f.properties.id));
  it('袍江 and Paojiang → the 袍江 area first, not 袍江东排', () => {
    expect(top('袍江')).toEqual(['paojiang-area']);
    expect(top('Paojiang')).toEqual(['paojiang-area']);
    expect(top('paojiang')).toEqual(['paojiang-area']);
    const ids = searchEntries(all, '袍江').map((h) => h.entry.id);
    expect(ids.indexOf('paojiang-east-drainage')).toBeGreaterThan(0);
  });
  it('三核 → the three cores', () => {
    expect(top('三核', 3).sort()).toEqual(['binhai-industrial-core', 'jinghu-urban-core', 'regional-innovation-core']);
  });
  it('两带, 四平台, 多点 → the belts, platforms and key points', () => {
    expect(top('两带', 2).sort()).toEqual(['city-seaward-growth-axis', 'emerging-industry-corridor']);
    const platforms = JSON.parse(readFileSync(`${ROOT}geodata/platforms.geojson`, 'utf8')).features.map((f: { properties: { id: string } }) => f.properties.id);
    expect(top('四平台', 4).sort()).toEqual([...platforms].sort());
    expect(top('多点', 4).every((id) => entries.find((e) => e.id === id)?.name_zh && JSON.parse(readFileSync(`${ROOT}geodata/points.geojson`, 'utf8')).features.some((f: { properties: { id: string } }) => f.properties.id === id))).toBe(true);
  });
  it('地铁 → metro lines and stations only, stations also as 鲁迅故里站', () => {
    const hits = searchEntries(all, '地铁', 12);
    expect(hits.length).toBe(12);
    for (const h of hits) expect(h.entry.kind === 'metro' || metroFeatures.has(h.entry.ref ?? h.entry.id), h.entry.id).toBe(true);
    expect(hits.some((h) => h.entry.id.startsWith('metro-station-'))).toBe(true);
    expect(hits.some((h) => metroFeatures.has(h.entry.ref ?? h.entry.id))).toBe(true);
    expect(top('鲁迅故里站')).toEqual(['metro-station-luxun-guli']);
  });
  it('滨海新区 and bhxq → the new area; 镜湖新区, 高新区, 古城 → their areas', () => {
    expect(top('滨海新区')).toEqual(['binhai-new-area']);
    expect(top('bhxq')).toEqual(['binhai-new-area']);
    expect(top('镜湖新区')).toEqual(['jinghu-new-area']);
    expect(top('高新区')).toEqual(['high-tech-zone-area']);
    expect(top('古城')).toEqual(['shaoxing-ancient-city']);
    expect(top('old city')).toEqual(['shaoxing-ancient-city']);
  });
  it('lxgl → 鲁迅故里 still; 医院, 学校, 公园 find hospitals, schools, parks', () => {
    expect(top('lxgl')).toEqual(['luxun-native-place']);
    expect(top('医院', 2).every((id) => /hospital/.test(id))).toBe(true);
    expect(top('hospital', 2).every((id) => /hospital/.test(id))).toBe(true);
    expect(top('学校', 2).every((id) => /college|education|university/.test(id))).toBe(true);
    expect(top('公园', 3).every((id) => /park/.test(id))).toBe(true);
  });
  it('base places: towns, stations, rivers, roads, cities', () => {
    for (const [q, id] of [['东湖街道', 'town-donghu'], ['曹娥江', 'river-caoe-jiang'], ['越兴路', 'road-yuexing-lu'], ['Hangzhou', 'city-hangzhou'], ['柯桥', 'neighbour-keqiao']])
      expect(searchEntries(all, q).map((h) => h.entry.ref ?? h.entry.id), q).toContain(id);
  });
  it('groups hits: 区域/结构 · 规划项目 · 地名, each group in rank order', () => {
    const g = groupHits(searchEntries(all, '袍江'));
    expect(g[0].group).toBe('area');
    expect(g.map((x) => x.group)).toContain('project');
  });
  it('an inventory entry and the feature it names count once; every entry is found by its name', () => {
    expect(searchEntries(all, '中芯国际').filter((h) => (h.entry.ref ?? h.entry.id) === 'smic-shaoxing-fab')).toHaveLength(1);
    for (const e of inv.index) {
      const hits = searchEntries(all, e.name_zh, 12).map((h) => h.entry.ref ?? h.entry.id);
      expect(hits, e.name_zh).toContain(e.ref ?? e.id);
    }
  });
});

describe('first-load index and the part that loads later', () => {
  it('together give the full index: synonyms by id, extra places', async () => {
    const { splitIndex } = await import('../../../plugins/search-index.ts');
    const { extendIndex } = await import('../../../src/lib/plan/search.ts');
    const { core, extra, alt } = splitIndex(entries);
    expect(core.every((e) => !('alt' in e))).toBe(true);
    expect(extra.some((e) => e.kind === 'rivers')).toBe(true);
    const merged = extendIndex(core, alt, extra);
    const key = (e: { id: string }) => e.id;
    expect(merged.map(key).sort()).toEqual(entries.map(key).sort());
    expect(new Map(merged.map((e) => [e.id, e]))).toEqual(new Map(entries.map((e) => [e.id, e])));
  });
});
