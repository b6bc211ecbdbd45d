/**
 * Output datums for exports (pure). The app's data is WGS84; an export can be written in
 * - WGS84 (EPSG:4326),
 * - GCJ-02 (for 高德/腾讯 users; gcoord's published transform),
 * - CGCS2000 3° Gauss–Krüger zone 40 (EPSG:4528: central meridian 120° E, false easting 40 500 000 m,
 *   coordinates in metres, for CAD). CGCS2000 and WGS84 differ by a few centimetres at most, below
 *   this data's precision; they are treated as the same frame (stated in the UI).
 * proj4 is imported here: load this module lazily (only when an export is made).
 */
import proj4 from 'proj4';
import gcoord from 'gcoord';
import type { Feature, Geometry, Position } from 'geojson';

export const EXPORT_DATUMS = ['wgs84', 'gcj02', 'cgcs2000-gk40'] as const;
export type ExportDatum = (typeof EXPORT_DATUMS)[number];

export const EPSG_4528 = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs';

/** ESRI WKT for the .prj of a shapefile. */
export const PRJ: Record<Exclude<ExportDatum, 'gcj02'> | 'gcj02', string> = {
  wgs84: 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  // GCJ-02 is an obfuscated WGS84: there is no EPSG code; the .prj says WGS84 geographic and the
  // file name and the notice say GCJ-02
  gcj02: 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
  'cgcs2000-gk40':
    'PROJCS["CGCS2000_3_Degree_GK_Zone_40",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",40500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
};

export const DATUM_NAMES: Record<ExportDatum, { zh: string; en: string }> = {
  wgs84: { zh: 'WGS84 经纬度（GPS、奥维、谷歌地球）', en: 'WGS84 lon/lat (GPS, Google Earth)' },
  gcj02: { zh: 'GCJ-02 经纬度（高德、腾讯）', en: 'GCJ-02 lon/lat (Amap/Gaode, Tencent)' },
  'cgcs2000-gk40': { zh: 'CGCS2000 3° 高斯-克吕格 40 带（EPSG:4528，米，用于 CAD）', en: 'CGCS2000 3° Gauss–Krüger zone 40 (EPSG:4528, metres, for CAD)' },
};

/** true when the datum's coordinates are projected metres */
export const isProjected = (d: ExportDatum) => d === 'cgcs2000-gk40';

let gk: proj4.Converter | null = null;
const gk40 = () => (gk ??= proj4('EPSG:4326', EPSG_4528));

/** A function converting one WGS84 [lon, lat] to the datum (extra elements, e.g. height, kept). */
export function forward(datum: ExportDatum): (p: Position) => Position {
  if (datum === 'wgs84') return (p) => p;
  if (datum === 'gcj02') return (p) => [...(gcoord.transform([p[0], p[1]] as [number, number], gcoord.WGS84, gcoord.GCJ02) as [number, number]), ...p.slice(2)];
  const c = gk40();
  return (p) => [...c.forward([p[0], p[1]]), ...p.slice(2)];
}

/** The inverse: datum → WGS84 (for tests and for reading our own exports back). */
export function inverse(datum: ExportDatum): (p: Position) => Position {
  if (datum === 'wgs84') return (p) => p;
  if (datum === 'gcj02') return (p) => [...(gcoord.transform([p[0], p[1]] as [number, number], gcoord.GCJ02, gcoord.WGS84) as [number, number]), ...p.slice(2)];
  const c = gk40();
  return (p) => [...c.inverse([p[0], p[1]]), ...p.slice(2)];
}

/** A geometry with every position mapped (a new object; the input is not changed). */
export function mapGeometry(g: Geometry | null, f: (p: Position) => Position): Geometry | null {
  if (!g) return g;
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: f(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(f) } as Geometry;
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((r) => r.map(f)) } as Geometry;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map((x) => mapGeometry(x, f)!) };
  }
}

export function toDatum<F extends Feature>(features: F[], datum: ExportDatum): F[] {
  if (datum === 'wgs84') return features;
  const f = forward(datum);
  return features.map((x) => ({ ...x, geometry: mapGeometry(x.geometry, f) }));
}
