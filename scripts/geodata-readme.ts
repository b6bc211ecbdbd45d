/** npm run geodata:readme — refresh the counts table in geodata/README.md from the data. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GROUPS } from '../src/lib/layers/registry.ts';
import { countsMarkdown, replaceCounts } from '../src/lib/plan/counts.ts';
import { inventoryMarkdown, replaceInventoryCounts } from '../src/lib/plan/inventory.ts';

const dir = fileURLToPath(new URL('../geodata/', import.meta.url));
const data = Object.fromEntries(GROUPS.map((g) => [g.id, JSON.parse(readFileSync(dir + g.file, 'utf8'))]));
const file = dir + 'README.md';
const inv = JSON.parse(readFileSync(dir + 'inventory.json', 'utf8')).entries;
writeFileSync(file, replaceInventoryCounts(replaceCounts(readFileSync(file, 'utf8'), countsMarkdown(data)), inventoryMarkdown(inv)));
console.log(inventoryMarkdown(inv));
console.log(countsMarkdown(data));
