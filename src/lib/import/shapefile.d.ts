declare module 'shapefile' {
  export function read(shp: ArrayBuffer | Uint8Array, dbf?: ArrayBuffer | Uint8Array, options?: { encoding?: string }): Promise<GeoJSON.FeatureCollection>;
}
