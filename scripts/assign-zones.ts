/** Set each plan feature's `zone` from the zone polygons (run after editing zones or geometry). */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PLAN_GROUP_LIST } from '../src/lib/layers/registry.ts';
import { zoneOfGeometry, type ZoneFeature } from '../src/lib/plan/zones.ts';

const dir = fileURLToPath(new URL('../geodata/', import.meta.url));
const zones = JSON.parse(readFileSync(dir + 'zones.geojson', 'utf8')).features as ZoneFeature[];
for (const g of PLAN_GROUP_LIST) {
  if (g.id === 'zones') continue;
  const fc = JSON.parse(readFileSync(dir + g.file, 'utf8'));
  let changed = 0;
  for (const f of fc.features) {
    if (f.properties.context) continue;
    const z = zoneOfGeometry(f.geometry, zones);
    if (z && z !== f.properties.zone) {
      console.log(`${g.file}: ${f.properties.id}: ${f.properties.zone} → ${z}`);
      f.properties.zone = z;
      changed++;
    }
  }
  if (changed) writeFileSync(dir + g.file, '{"type":"FeatureCollection","features":[\n' + fc.features.map((x: unknown) => JSON.stringify(x)).join(',\n') + '\n]}\n');
}
