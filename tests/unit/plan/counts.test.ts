import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { countsMarkdown, COUNTS_BEGIN, COUNTS_END } from '../../../src/lib/plan/counts.ts';
import { geodataPath, loadAllGroups } from '../helpers.ts';

describe('geodata/README.md', () => {
  it('states the current counts by layer and location quality (run `npm run geodata:readme` after editing data)', () => {
    const readme = readFileSync(geodataPath('README.md'), 'utf8');
    const table = readme.slice(readme.indexOf(COUNTS_BEGIN) + COUNTS_BEGIN.length, readme.indexOf(COUNTS_END)).trim();
    expect(table).toBe(countsMarkdown(loadAllGroups()));
  });
  it("has every mappable place the plan names: over 100 plan features (see geodata/README.md for what is not mapped and why)", () => {
    const data = loadAllGroups();
    const n = Object.entries(data).filter(([k]) => !['land', 'neighbours', 'outline', 'rivers', 'roads', 'metro', 'towns', 'cities'].includes(k)).reduce((a, [, fc]) => a + fc.features.length, 0);
    expect(n).toBeGreaterThanOrEqual(100);
    expect(n).toBeLessThanOrEqual(170);
  });
});

describe('geodata/README.md inventory counts', () => {
  it('states the current inventory counts by disposition (run `npm run geodata:readme` after editing inventory.json)', async () => {
    const { inventoryMarkdown, INVENTORY_BEGIN, INVENTORY_END } = await import('../../../src/lib/plan/inventory.ts');
    const readme = readFileSync(geodataPath('README.md'), 'utf8');
    const table = readme.slice(readme.indexOf(INVENTORY_BEGIN) + INVENTORY_BEGIN.length, readme.indexOf(INVENTORY_END)).trim();
    const inv = JSON.parse(readFileSync(geodataPath('inventory.json'), 'utf8'));
    expect(readme.indexOf(INVENTORY_BEGIN)).toBeGreaterThan(0);
    expect(table).toBe(inventoryMarkdown(inv.entries));
  });
});
