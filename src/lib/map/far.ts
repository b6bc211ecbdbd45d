/**
 * Views and places far from the district (issue 14 §10): a link may carry a valid view or place on
 * the other side of the world. Pure: the map component passes its bounds and centre.
 */
import { DISTRICT_BOUNDS } from './camera.ts';
import { polygonDistance, type LonLat } from '../geo/distance.ts';

/** A place farther than this from the district's bounding box is not "near" anything the plan has. */
export const FAR_PLACE_M = 30_000;

const [[W, S], [E, N]] = DISTRICT_BOUNDS;
const DISTRICT_RING: LonLat[] = [[W, S], [E, S], [E, N], [W, N], [W, S]];

/** Metres from a point to the district's bounding box (0 inside). */
export const metresFromDistrict = (p: LonLat): number => polygonDistance(p, [DISTRICT_RING]);

/** Does a view (its west, south, east, north bounds) show any part of the district's box? */
export function viewShowsDistrict([w, s, e, n]: [number, number, number, number]): boolean {
  if (![w, s, e, n].every(Number.isFinite)) return false;
  // a view across the antimeridian has east < west (or spans more than the world)
  const lonHit = e - w >= 360 || (w <= e ? w <= E && e >= W : w <= E || e >= W) || (w <= E + 360 && e >= W + 360) || (w <= E - 360 && e >= W - 360);
  return lonHit && s <= N && n >= S;
}

export const isFarPlace = (p: LonLat | null): boolean => !!p && metresFromDistrict(p) > FAR_PLACE_M;

/** Kilometres, rounded for a message (12 300 km, 48 km). */
export const roundKm = (m: number): number => (m >= 100_000 ? Math.round(m / 100_000) * 100 : Math.round(m / 1000));
