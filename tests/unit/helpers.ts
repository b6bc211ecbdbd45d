/** Shared test helpers: read the repository's geodata from disk. */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { GROUPS } from '../../src/lib/layers/registry.ts';
import { normalize } from '../../src/lib/plan/load.ts';
import type { PlanFeature } from '../../src/lib/plan/types.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const geodataPath = (rel: string) => `${ROOT}geodata/${rel}`;
export const readJson = <T = unknown>(rel: string): T => JSON.parse(readFileSync(geodataPath(rel), 'utf8')) as T;
export const planText = () => readFileSync(geodataPath('plan.txt'), 'utf8');

/** Every group's data, normalized as the app does; missing files are empty. */
export function loadAllGroups(): Record<string, FeatureCollection> {
  const out: Record<string, FeatureCollection> = {};
  for (const g of GROUPS) {
    const p = geodataPath(g.file);
    out[g.id] = existsSync(p) ? normalize(JSON.parse(readFileSync(p, 'utf8')), g) : { type: 'FeatureCollection', features: [] };
  }
  return out;
}

export function allPlanFeatures(): PlanFeature[] {
  const data = loadAllGroups();
  return GROUPS.filter((g) => !g.base).flatMap((g) => data[g.id].features as PlanFeature[]);
}
