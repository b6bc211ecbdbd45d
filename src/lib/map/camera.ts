/** Camera helpers. */
import type { Map as MlMap } from 'maplibre-gl';
import type { Feature } from 'geojson';
import { bboxOf } from '../geo/distance.ts';

/** The whole district. */
export const HOME = { center: [120.66, 30.05] as [number, number], zoom: 10.2 };
export const DISTRICT_BOUNDS: [[number, number], [number, number]] = [
  [120.45, 29.88],
  [120.86, 30.22],
];

/**
 * The camera never leaves this box: the embedded land layer (scripts/build-base.mjs LAND_BOX) covers
 * it with margin, so no reachable view shows land as sea.
 */
export const LAND_EXTENT: [[number, number], [number, number]] = [
  [116.5, 27.0],
  [124.5, 33.5],
];

export const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export function fitFeature(map: MlMap, f: Feature, opts: { maxZoom?: number } = {}) {
  const b = bboxOf(f.geometry);
  if (!b) return;
  const animate = !reducedMotion();
  if (b[0] === b[2] && b[1] === b[3]) {
    map.flyTo({ center: [b[0], b[1]], zoom: Math.max(map.getZoom(), opts.maxZoom ?? 14), animate, essential: true });
  } else {
    map.fitBounds(
      [
        [b[0], b[1]],
        [b[2], b[3]],
      ],
      { padding: 60, maxZoom: opts.maxZoom ?? 15, animate, essential: true },
    );
  }
}
