/** Fit the camera to a GeoJSON object (layer, feature, selection) without moving beyond a zoom. */
import type { Map as MlMap } from 'maplibre-gl';
import type { GeoJSON, Position } from 'geojson';

/** [west, south, east, north] of any GeoJSON, or null when it has no finite position. One pass, no copies. */
export function bboxOf(g: GeoJSON | null | undefined): [number, number, number, number] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const pos = (p: Position) => {
    const x = p[0], y = p[1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  };
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') pos(c as Position);
    else for (const x of c) walk(x);
  };
  const visit = (o: GeoJSON | null | undefined): void => {
    if (!o) return;
    if (o.type === 'FeatureCollection') for (const f of o.features) visit(f.geometry);
    else if (o.type === 'Feature') visit(o.geometry);
    else if (o.type === 'GeometryCollection') for (const x of o.geometries) visit(x);
    else walk(o.coordinates);
  };
  visit(g);
  return w <= e && s <= n ? [w, s, e, n] : null;
}

export function fitTo(map: MlMap | null, g: GeoJSON | null | undefined, maxZoom = 16): boolean {
  const b = bboxOf(g);
  if (!map || !b) return false;
  const c = map.getContainer();
  const pad = Math.max(20, Math.min(60, Math.round(Math.min(c.clientWidth, c.clientHeight) * 0.1)));
  map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: pad, maxZoom, duration: 600 });
  return true;
}
