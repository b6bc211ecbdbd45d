/** Runs every geodata check over a geodata directory (node only: reads files). */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { GROUPS } from '../layers/registry.ts';
import { validateGeodataFile, type Problem } from './validate.ts';
import { validateInventory } from './inventory.ts';

export function checkGeodataDir(dir: string): { problems: Problem[]; counts: Record<string, number> } {
  const problems: Problem[] = [];
  const counts: Record<string, number> = {};
  const registryIds = new Set<string>(GROUPS.map((g) => g.id));
  const planFile = join(dir, 'plan.txt');
  const planText = existsSync(planFile) ? readFileSync(planFile, 'utf8') : undefined;
  if (!planText) problems.push({ file: 'plan.txt', id: null, message: 'the plan text is missing' });
  const outlineFile = join(dir, 'base', 'outline.geojson');
  let outline: Feature<Polygon | MultiPolygon> | null = null;
  if (existsSync(outlineFile)) outline = JSON.parse(readFileSync(outlineFile, 'utf8')).features?.[0] ?? null;
  else problems.push({ file: 'base/outline.geojson', id: null, message: 'the district outline is missing' });
  const seenIds = new Map<string, string>();
  const known = new Set(GROUPS.map((g) => g.file));
  for (const g of GROUPS) {
    const file = join(dir, g.file);
    if (!existsSync(file)) {
      problems.push({ file: g.file, id: null, message: `registry group "${g.id}" has no file` });
      continue;
    }
    let obj: unknown;
    try {
      obj = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      problems.push({ file: g.file, id: null, message: `not valid JSON: ${(e as Error).message}` });
      continue;
    }
    counts[g.id] = (obj as { features?: unknown[] }).features?.length ?? 0;
    problems.push(...validateGeodataFile(obj, { file: g.file, kind: g.base ? 'base' : 'plan', group: g.id, registryIds, planText, outline, seenIds }));
  }
  for (const sub of ['', 'base']) {
    for (const f of readdirSync(join(dir, sub)).filter((f) => f.endsWith('.geojson'))) {
      const rel = sub ? `${sub}/${f}` : f;
      if (!known.has(rel)) problems.push({ file: rel, id: null, message: 'file belongs to no registry group' });
    }
  }
  const invFile = join(dir, 'inventory.json');
  if (!existsSync(invFile)) problems.push({ file: 'inventory.json', id: null, message: 'the inventory is missing' });
  else {
    const features = new Map<string, string>();
    let complete = true;
    for (const g of GROUPS) {
      try {
        for (const f of JSON.parse(readFileSync(join(dir, g.file), 'utf8')).features ?? []) if (f?.properties?.id) features.set(String(f.properties.id), String(f.geometry?.type));
      } catch {
        complete = false; // reported above; ids are not resolved against a partial set
      }
    }
    let inv: unknown;
    try {
      inv = JSON.parse(readFileSync(invFile, 'utf8'));
    } catch (e) {
      problems.push({ file: 'inventory.json', id: null, message: `not valid JSON: ${(e as Error).message}` });
    }
    if (inv !== undefined) for (const p of validateInventory(inv, { planText, features: complete ? features : null })) problems.push({ file: 'inventory.json', ...p });
  }
  return { problems, counts };
}
