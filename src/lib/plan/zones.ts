/**
 * Which functional zone a feature lies in: points by themselves, polygons by a point on their surface,
 * lines by the zone holding most of their length (sampled every 200 m). Used to keep `zone` honest.
 */
import type { Feature, Geometry, LineString, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon, length, along, pointOnFeature, flatten } from '@turf/turf';
import type { Zone } from './types.ts';

export type ZoneFeature = Feature<Polygon | MultiPolygon, { zone: Zone }>;

export function zoneAtPoint(p: [number, number], zones: ZoneFeature[]): Zone | null {
  return zones.find((z) => booleanPointInPolygon(p, z))?.properties.zone ?? null;
}

export function zoneOfGeometry(g: Geometry, zones: ZoneFeature[]): Zone | null {
  if (g.type === 'LineString' || g.type === 'MultiLineString') {
    const tally = new Map<Zone, number>();
    for (const part of flatten({ type: 'Feature', properties: {}, geometry: g }).features as Feature<LineString>[]) {
      const km = length(part, { units: 'kilometers' });
      for (let d = 0; d <= km; d += 0.2) {
        const z = zoneAtPoint(along(part, d, { units: 'kilometers' }).geometry.coordinates as [number, number], zones);
        if (z) tally.set(z, (tally.get(z) ?? 0) + 1);
      }
    }
    return [...tally].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  }
  const p = pointOnFeature({ type: 'Feature', properties: {}, geometry: g }).geometry.coordinates as [number, number];
  return zoneAtPoint(p, zones);
}
