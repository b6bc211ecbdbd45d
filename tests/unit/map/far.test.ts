import { describe, it, expect } from 'vitest';
import { FAR_PLACE_M, isFarPlace, metresFromDistrict, roundKm, viewShowsDistrict } from '../../../src/lib/map/far.ts';

describe('views and places far from the district', () => {
  it('a place inside or near the district is not far; the other side of the world is', () => {
    expect(metresFromDistrict([120.58, 30.0])).toBe(0);
    expect(isFarPlace([120.58, 30.0])).toBe(false);
    expect(isFarPlace([120.2, 30.25])).toBe(false); // Hangzhou's edge, ~25 km: residents nearby are welcome
    expect(isFarPlace([-180, -90])).toBe(true);
    expect(isFarPlace([0, 0])).toBe(true);
    expect(isFarPlace(null)).toBe(false);
    expect(metresFromDistrict([-180, -90])).toBeGreaterThan(FAR_PLACE_M);
  });

  it('a view shows the district when its bounds meet the district box, across the antimeridian too', () => {
    expect(viewShowsDistrict([120.3, 29.8, 121.0, 30.3])).toBe(true);
    expect(viewShowsDistrict([100, 10, 140, 50])).toBe(true); // zoomed out over East Asia
    expect(viewShowsDistrict([160, 70, 200, 85])).toBe(false); // v=0/85/180 at the minimum zoom
    expect(viewShowsDistrict([-250, 20, -230, 40])).toBe(true); // the same place one world to the west
    expect(viewShowsDistrict([-10, -10, 10, 10])).toBe(false);
    expect(viewShowsDistrict([-540, -85, 540, 85])).toBe(true);
    expect(viewShowsDistrict([NaN, 0, 1, 1])).toBe(false);
  });

  it('rounds distances for the message', () => {
    expect(roundKm(48_400)).toBe(48);
    expect(roundKm(12_345_678)).toBe(12_300);
  });
});
