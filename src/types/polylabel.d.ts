declare module 'polylabel' {
  /** Pole of inaccessibility of a polygon (outer ring first, then holes), to `precision` in its units. */
  export default function polylabel(polygon: number[][][], precision?: number, debug?: boolean): number[] & { distance: number };
}
