/** Cross-references between the indicator tables and the map features must resolve. */
import { describe, it, expect } from 'vitest';
import { allPlanFeatures, readJson } from '../helpers.ts';

const ids = new Set(allPlanFeatures().map((f) => f.properties.id));
type Rows = { rows: { id: string; name_zh?: string; links?: string[]; platform_ids?: string[] }[] };

describe('indicator links point at real features', () => {
  for (const file of ['indicators/targets-2025.json', 'indicators/fyp13-completion.json', 'indicators/clusters.json']) {
    it(file, () => {
      const refs = readJson<Rows>(file).rows.flatMap((r) => [...(r.links ?? []), ...(r.platform_ids ?? [])].map((l) => [r.id, l] as const));
      const broken = refs.filter(([, l]) => !l.startsWith('chapter:') && !ids.has(l));
      expect(broken).toEqual([]);
    });
  }
  it('the IC output target is tied to the IC platform', () => {
    const ic = readJson<Rows>('indicators/clusters.json').rows.find((r) => r.name_zh === '集成电路')!;
    expect(ic.platform_ids).toContain('ic-wanmu-qianyi-platform');
    expect(ids.has('ic-wanmu-qianyi-platform')).toBe(true);
  });
});
