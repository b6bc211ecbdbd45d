/** Loading geodata: fetch each group's file once and add derived properties. Pure apart from fetch. */
import type { FeatureCollection } from 'geojson';
import type { LayerGroup } from '../layers/registry.ts';
import { chapterOf } from './text.ts';
import type { PlanFeature } from './types.ts';

export type GroupData = Record<string, FeatureCollection>;

/** Derived properties used by style filters: chapter, and `also` as a ",a,b," string. */
export function normalize(fc: FeatureCollection, group: LayerGroup): FeatureCollection {
  if (group.base) return fc;
  for (const f of fc.features) {
    const p = (f.properties ??= {}) as Record<string, unknown>;
    p.chapter = typeof p.section === 'string' ? chapterOf(p.section) : null;
    p.also_str = Array.isArray(p.also) ? `,${(p.also as string[]).join(',')},` : '';
  }
  return fc;
}

export async function loadGroups(
  groups: LayerGroup[],
  urlOf: (file: string) => string | undefined,
  fetchFn: typeof fetch = fetch,
): Promise<{ data: GroupData; errors: { group: string; message: string }[] }> {
  const data: GroupData = {};
  const errors: { group: string; message: string }[] = [];
  await Promise.all(
    groups.map(async (g) => {
      const url = urlOf(g.file);
      if (!url) return void errors.push({ group: g.id, message: `no file ${g.file}` });
      try {
        const res = await fetchFn(url);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const fc = (await res.json()) as FeatureCollection;
        if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error('not a FeatureCollection');
        data[g.id] = normalize(fc, g);
      } catch (e) {
        errors.push({ group: g.id, message: (e as Error).message });
        data[g.id] = { type: 'FeatureCollection', features: [] };
      }
    }),
  );
  return { data, errors };
}

/** All plan features (not base), each once. */
export function planFeatures(data: GroupData, groups: LayerGroup[]): PlanFeature[] {
  return groups.filter((g) => !g.base).flatMap((g) => (data[g.id]?.features ?? []) as PlanFeature[]);
}
