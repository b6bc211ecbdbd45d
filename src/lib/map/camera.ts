/** Camera helpers: every camera move frames the part of the map that nothing covers. */
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

export type Padding = { top: number; bottom: number; left: number; right: number };
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Camera padding (CSS px) for a w×h map with boxes covering parts of it (story card, legend,
 * drawer), in map coordinates. Each box is pushed out through the side that costs the least
 * width or height; the sides take the largest push plus `margin`. Never leaves less than a
 * quarter of each dimension free. Pure.
 */
export function coverPadding(w: number, h: number, covers: Box[], margin = 24): Padding {
  const pad = { top: 0, bottom: 0, left: 0, right: 0 };
  for (const c of covers) {
    const b = { left: Math.max(0, c.left), top: Math.max(0, c.top), right: Math.min(w, c.right), bottom: Math.min(h, c.bottom) };
    if (b.right <= b.left || b.bottom <= b.top) continue;
    const options: [keyof Padding, number, number][] = [
      ['left', b.right, b.right / w],
      ['right', w - b.left, (w - b.left) / w],
      ['top', b.bottom, b.bottom / h],
      ['bottom', h - b.top, (h - b.top) / h],
    ];
    options.sort((a, z) => a[2] - z[2]);
    const [side, px] = options[0];
    pad[side] = Math.max(pad[side], px);
  }
  const out: Padding = { top: pad.top + margin, bottom: pad.bottom + margin, left: pad.left + margin, right: pad.right + margin };
  // keep at least a quarter of the map to frame into
  const fit = (a: keyof Padding, z: keyof Padding, size: number) => {
    const over = out[a] + out[z] - size * 0.75;
    if (over > 0) {
      const k = (size * 0.75) / (out[a] + out[z]);
      out[a] = Math.floor(out[a] * k);
      out[z] = Math.floor(out[z] * k);
    }
  };
  fit('left', 'right', w);
  fit('top', 'bottom', h);
  return out;
}

/** Boxes of the visible elements marked `data-covers-map`, relative to the map's container. */
export function coveringBoxes(container: HTMLElement): Box[] {
  const r = container.getBoundingClientRect();
  const out: Box[] = [];
  for (const el of container.ownerDocument.querySelectorAll<HTMLElement>('[data-covers-map]')) {
    const b = el.getBoundingClientRect();
    if (!b.width || !b.height || getComputedStyle(el).visibility === 'hidden') continue;
    out.push({ left: b.left - r.left, top: b.top - r.top, right: b.right - r.left, bottom: b.bottom - r.top });
  }
  return out;
}

/** The padding of every camera move: what covers the map now, plus a margin. */
export function mapPadding(map: MlMap, margin = 24): Padding {
  const el = map.getContainer();
  return coverPadding(el.clientWidth, el.clientHeight, coveringBoxes(el), margin);
}

/** Fit a bounding box [w, s, e, n] into the uncovered map; a point zooms to `pointZoom` at least. */
export function fitBox(map: MlMap, b: [number, number, number, number], opts: { maxZoom?: number; pointZoom?: number } = {}) {
  const animate = !reducedMotion();
  const padding = mapPadding(map);
  if (b[0] === b[2] && b[1] === b[3]) {
    map.flyTo({ center: [b[0], b[1]], zoom: Math.max(map.getZoom(), opts.pointZoom ?? 14), padding, animate, essential: true });
  } else {
    map.fitBounds(
      [
        [b[0], b[1]],
        [b[2], b[3]],
      ],
      { padding, maxZoom: opts.maxZoom ?? 15, animate, essential: true },
    );
  }
}

/** The bounding box of several features, or null. */
export function bboxOfAll(features: Feature[]): [number, number, number, number] | null {
  let out: [number, number, number, number] | null = null;
  for (const f of features) {
    const b = f.geometry ? bboxOf(f.geometry) : null;
    if (!b) continue;
    out = out ? [Math.min(out[0], b[0]), Math.min(out[1], b[1]), Math.max(out[2], b[2]), Math.max(out[3], b[3])] : [b[0], b[1], b[2], b[3]];
  }
  return out;
}

export function fitFeature(map: MlMap, f: Feature, opts: { maxZoom?: number } = {}) {
  const b = bboxOfAll([f]);
  if (b) fitBox(map, b, { maxZoom: opts.maxZoom, pointZoom: opts.maxZoom ?? 14 });
}
