import { describe, it, expect } from 'vitest';
import { zoneOfGeometry, type ZoneFeature } from '../../../src/lib/plan/zones.ts';
import { allPlanFeatures, readJson } from '../helpers.ts';
import { area, union, featureCollection, intersect } from '@turf/turf';
import type { FeatureCollection, Polygon, MultiPolygon } from 'geojson';

const zones = readJson<FeatureCollection<Polygon | MultiPolygon, { zone: string }>>('zones.geojson').features as ZoneFeature[];
const outline = readJson<FeatureCollection<Polygon | MultiPolygon>>('base/outline.geojson').features[0];

describe('functional zones', () => {
  it('are the five zones of 七(二)1', () => {
    expect(zones.map((z) => z.properties.zone).sort()).toEqual(['central', 'east', 'north', 'south', 'west']);
  });
  it('cover the district outline without gaps or overlaps', () => {
    const sum = zones.reduce((a, z) => a + area(z), 0);
    expect(Math.abs(sum - area(outline)) / area(outline)).toBeLessThan(0.001);
    const u = union(featureCollection(zones))!;
    expect(Math.abs(area(u) - area(outline)) / area(outline)).toBeLessThan(0.001);
    for (let i = 0; i < zones.length; i++)
      for (let j = i + 1; j < zones.length; j++) {
        const x = intersect(featureCollection([zones[i], zones[j]]));
        expect(x ? area(x) : 0, `${zones[i].properties.zone}/${zones[j].properties.zone}`).toBeLessThan(10_000);
      }
  });
  it('put the places the plan names in the zone it names them for', () => {
    const at = (id: string) => zoneOfGeometry(allPlanFeatures().find((f) => f.properties.id === id)!.geometry, zones);
    expect(at('hejiachi-park')).toBe('east');
    expect(at('east-jianhu-national-wetland-park')).toBe('east');
    expect(at('dabanyang-future-village')).toBe('east');
    expect(at('luxun-native-place')).toBe('central');
    expect(at('asian-games-baseball-softball-centre')).toBe('west');
  });
  it('every feature’s zone property matches the zone polygons', () => {
    const wrong = allPlanFeatures()
      .filter((f) => !f.properties.context && f.properties.layer !== 'zones')
      // features just outside the generalized outline (allowed within 1 km) keep their stated zone
      .filter((f) => zoneOfGeometry(f.geometry, zones) !== null && zoneOfGeometry(f.geometry, zones) !== f.properties.zone)
      .map((f) => `${f.properties.id}: ${f.properties.zone} ≠ ${zoneOfGeometry(f.geometry, zones)}`);
    expect(wrong).toEqual([]);
  });
});
