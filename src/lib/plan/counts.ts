/** Counts of the dataset by layer and by location quality, as a Markdown table (for geodata/README.md). */
import type { FeatureCollection } from 'geojson';
import { GROUPS } from '../layers/registry.ts';
import { LOCATION_QUALITIES } from './types.ts';

export function countsMarkdown(data: Record<string, FeatureCollection>): string {
  const rows: string[] = ['| group | file | features | sourced | estimated | schematic |', '|---|---|---:|---:|---:|---:|'];
  const total: Record<string, number> = { features: 0, sourced: 0, estimated: 0, schematic: 0 };
  const base: Record<string, number> = { features: 0, sourced: 0, estimated: 0, schematic: 0 };
  for (const g of GROUPS) {
    const fs = data[g.id]?.features ?? [];
    const by = Object.fromEntries(LOCATION_QUALITIES.map((q) => [q, fs.filter((f) => f.properties?.location_quality === q).length]));
    rows.push(`| ${g.base ? 'base: ' : ''}${g.id} (${g.title.zh}) | \`${g.file}\` | ${fs.length} | ${by.sourced} | ${by.estimated} | ${by.schematic} |`);
    const acc = g.base ? base : total;
    acc.features += fs.length;
    for (const q of LOCATION_QUALITIES) acc[q] += by[q];
  }
  rows.push(`| **plan features** | | **${total.features}** | **${total.sourced}** | **${total.estimated}** | **${total.schematic}** |`);
  rows.push(`| base-map features | | ${base.features} | ${base.sourced} | ${base.estimated} | ${base.schematic} |`);
  return rows.join('\n');
}

export const COUNTS_BEGIN = '<!-- counts:begin (npm run geodata:readme) -->';
export const COUNTS_END = '<!-- counts:end -->';

export function replaceCounts(readme: string, table: string): string {
  const a = readme.indexOf(COUNTS_BEGIN);
  const b = readme.indexOf(COUNTS_END);
  if (a < 0 || b < a) return readme;
  return readme.slice(0, a + COUNTS_BEGIN.length) + '\n' + table + '\n' + readme.slice(b);
}
