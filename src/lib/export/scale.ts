/** Map scale and north arrow helpers for export and print. Pure. */

/** Earth's equatorial circumference (m), as used by web-mercator maps. */
export const EARTH_CIRCUMFERENCE = 40075016.686;

/**
 * Ground metres per CSS pixel at a latitude and zoom (MapLibre zoom: 512-px tiles).
 * `tileSize` 512 is MapLibre's; raster-tile zooms use 256.
 */
export function metersPerPixel(lat: number, zoom: number, tileSize = 512): number {
  return (EARTH_CIRCUMFERENCE * Math.cos((lat * Math.PI) / 180)) / (tileSize * 2 ** zoom);
}

/** The largest 1, 2 or 5 × 10^k not above `x` (x > 0). */
export function niceFloor(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 0;
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  const nice = m >= 5 ? 5 : m >= 2 ? 2 : 1;
  return nice * p;
}

export function formatDistance(m: number): string {
  if (m >= 1000) {
    const km = m / 1000;
    return `${Number.isInteger(km) ? km : km.toFixed(1)} km`;
  }
  return `${Math.round(m)} m`;
}

export interface ScaleBar {
  /** bar length in the same pixels as maxPx */
  px: number;
  meters: number;
  label: string;
}

/** A scale bar of a round distance no longer than `maxPx` pixels. */
export function scaleBar(metersPerPx: number, maxPx: number): ScaleBar {
  if (!(metersPerPx > 0) || !(maxPx > 0)) return { px: 0, meters: 0, label: '' };
  const meters = niceFloor(metersPerPx * maxPx);
  return { px: meters / metersPerPx, meters, label: formatDistance(meters) };
}

/** Rotation (degrees, clockwise) of a north arrow on a map turned by `bearing`. */
export const northRotation = (bearing: number) => {
  const r = -bearing % 360;
  return r === 0 ? 0 : r; // no -0
};

/** YYYY-MM-DD in local time. */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Printable width of A3 landscape (420 mm less 8 mm margins each side) at 300 dpi, in device px. */
export const PRINT_WIDTH_PX = Math.ceil(((420 - 16) / 25.4) * 300);
/** MapLibre's canvas limit as configured on the map (maxCanvasSize) */
export const MAX_CANVAS_PX = 8192;

/**
 * The pixel ratio to draw the map at for print: wide enough for 300 dpi across A3 landscape (so
 * A4 gets more), never above the canvas limit, never below the screen's own ratio.
 */
export function printPixelRatio(cssWidth: number, cssHeight: number, current = 1): number {
  if (!(cssWidth > 0 && cssHeight > 0)) return current;
  const want = PRINT_WIDTH_PX / cssWidth;
  const cap = Math.min(MAX_CANVAS_PX / cssWidth, MAX_CANVAS_PX / cssHeight);
  return Math.max(current, Math.min(want, cap));
}
