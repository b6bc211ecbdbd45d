import { describe, expect, it } from 'vitest';
import { GROUPS } from '../../../src/lib/layers/registry.ts';
import { legendGroups } from '../../../src/lib/layers/legend.ts';

const visible = GROUPS.filter((g) => g.defaultVisible).map((g) => g.id);

describe('legendGroups', () => {
  it('lists every visible switchable group when nothing is filtered', () => {
    const rows = legendGroups(GROUPS, visible, null);
    const ids = rows.map((r) => r.group.id);
    expect(ids).toEqual(GROUPS.filter((g) => visible.includes(g.id) && g.toggleable && !['towns', 'neighbours', 'land'].includes(g.id)).map((g) => g.id));
    expect(rows.find((r) => r.group.id === 'zones')!.entries.map((e) => e.key)).toEqual(['north', 'west', 'central', 'south', 'east']);
  });

  it('follows the filters: only rows with a matching feature remain, base groups stay', () => {
    const filtered = [
      { properties: { layer: 'zones', zone: 'west' } },
      { properties: { layer: 'platforms', subcategory: 'open-industry' } },
    ];
    const rows = legendGroups(GROUPS, visible, filtered);
    const zones = rows.find((r) => r.group.id === 'zones');
    expect(zones?.entries.map((e) => e.key)).toEqual(['west']);
    const plat = rows.find((r) => r.group.id === 'platforms');
    if (visible.includes('platforms')) expect(plat?.entries.map((e) => e.key)).toEqual(['open-industry']);
    // a plan group with no match has no row
    expect(rows.some((r) => r.group.id === 'culture')).toBe(false);
    // base groups (roads, rivers) are not filtered
    for (const g of GROUPS.filter((g) => g.base && g.toggleable && visible.includes(g.id) && !['towns', 'neighbours', 'land'].includes(g.id)))
      expect(rows.some((r) => r.group.id === g.id)).toBe(true);
  });

  it('hides groups that are not visible', () => {
    expect(legendGroups(GROUPS, ['zones'], null).map((r) => r.group.id)).toEqual(['zones']);
  });
});
