declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  /** Read a zipped shapefile (or a URL / object of parts) to GeoJSON; several layers give an array. */
  export default function shp(input: ArrayBuffer | string | Record<string, ArrayBuffer>): Promise<FeatureCollection | FeatureCollection[]>;
}
