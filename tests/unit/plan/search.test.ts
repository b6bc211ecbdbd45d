import { describe, it, expect } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { buildIndex } from '../../../plugins/search-index.ts';
import { searchEntries, matchingIds } from '../../../src/lib/plan/search.ts';
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
