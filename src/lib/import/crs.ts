/**
 * Coordinate systems of planners' files and their conversion to WGS84 longitude/latitude.
 *
 * - wgs84, gcj02, bd09: longitude/latitude (GCJ-02/BD-09 via gcoord, in importer.ts).
 * - cgcs2000 (EPSG:4490): longitude/latitude on GRS80. CGCS2000 and WGS84 agree to a few
 *   centimetres (the frames differ, the ellipsoids by 0.1 mm), so no shift is applied; proj4 does
 *   the same with no towgs84.
 * - CGCS2000 Gauss–Krüger (proj4 transverse Mercator on GRS80, scale 1):
 *   3° zones without the zone prefix: EPSG:4534–4554, central meridian 75°…135° E (4549 = 120° E, Shaoxing);
 *   3° zones with the prefix:         EPSG:4513–4533, zones 25…45 (4528 = zone 40, easting 40 500 000 at 120° E);
 *   6° zones with the prefix:         EPSG:4491–4501, zones 13…23;
 *   6° zones without the prefix:      EPSG:4502–4512, central meridian 75°…135° E.
 * Detection: from a .prj WKT (name or parameters), else from the coordinate magnitudes.
 */
import proj4 from 'proj4';

export type GeoDatum = 'wgs84' | 'gcj02' | 'bd09' | 'cgcs2000';
export type Projected = `epsg:${number}`;
export type Crs = GeoDatum | Projected;

export interface GkZone {
  epsg: number;
  /** central meridian, degrees east */
  cm: number;
  /** 3° or 6° zones */
  width: 3 | 6;
  /** zone number, when the easting carries it as a prefix (zone × 1 000 000 + 500 000) */
  zone: number | null;
}

/** Every CGCS2000 Gauss–Krüger zone (EPSG:4491–4554). */
export const GK_ZONES: GkZone[] = (() => {
  const z: GkZone[] = [];
  for (let i = 0; i <= 10; i++) z.push({ epsg: 4491 + i, cm: 75 + 6 * i, width: 6, zone: 13 + i });
  for (let i = 0; i <= 10; i++) z.push({ epsg: 4502 + i, cm: 75 + 6 * i, width: 6, zone: null });
  for (let i = 0; i <= 20; i++) z.push({ epsg: 4513 + i, cm: 75 + 3 * i, width: 3, zone: 25 + i });
  for (let i = 0; i <= 20; i++) z.push({ epsg: 4534 + i, cm: 75 + 3 * i, width: 3, zone: null });
  return z;
})();

export const gkZone = (epsg: number): GkZone | undefined => GK_ZONES.find((z) => z.epsg === epsg);

export const isProjected = (c: string): c is Projected => /^epsg:\d+$/.test(c) && !!gkZone(Number(c.slice(5)));
export const epsgOf = (c: Projected) => Number(c.slice(5));

/** The proj4 definition of a CGCS2000 Gauss–Krüger zone. */
export function proj4Def(epsg: number): string {
  const z = gkZone(epsg);
  if (!z) throw new Error(`EPSG:${epsg} is not a CGCS2000 Gauss–Krüger zone`);
  const x0 = z.zone === null ? 500000 : z.zone * 1_000_000 + 500000;
  return `+proj=tmerc +lat_0=0 +lon_0=${z.cm} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

export function crsLabel(c: Crs, lang: 'zh' | 'en'): string {
  if (c === 'wgs84') return 'WGS84';
  if (c === 'gcj02') return 'GCJ-02';
  if (c === 'bd09') return 'BD-09';
  if (c === 'cgcs2000') return lang === 'zh' ? 'CGCS2000 经纬度（EPSG:4490）' : 'CGCS2000 geographic (EPSG:4490)';
  const z = gkZone(epsgOf(c))!;
  const w = z.width === 3 ? (lang === 'zh' ? '3 度带' : '3° zone') : lang === 'zh' ? '6 度带' : '6° zone';
  const zone = z.zone === null ? (lang === 'zh' ? '不带带号' : 'no zone prefix') : lang === 'zh' ? `带号 ${z.zone}` : `zone ${z.zone} prefix`;
  return lang === 'zh'
    ? `CGCS2000 高斯–克吕格 ${w}，中央经线 ${z.cm}°E，${zone}（EPSG:${z.epsg}）`
    : `CGCS2000 Gauss–Krüger ${w}, central meridian ${z.cm}° E, ${zone} (EPSG:${z.epsg})`;
}

const converters = new Map<number, proj4.Converter>();
/** A converter from a Gauss–Krüger zone to lon/lat (WGS84 ≈ CGCS2000). */
export function gkToLonLat(epsg: number): (x: number, y: number) => [number, number] {
  let c = converters.get(epsg);
  if (!c) {
    c = proj4(proj4Def(epsg), 'WGS84');
    converters.set(epsg, c);
  }
  const conv = c;
  return (x, y) => conv.forward([x, y]) as [number, number];
}
export function lonLatToGk(epsg: number): (lon: number, lat: number) => [number, number] {
  const c = proj4(proj4Def(epsg), 'WGS84');
  return (lon, lat) => c.inverse([lon, lat]) as [number, number];
}

export interface Detected {
  crs: Crs;
  /** where it came from */
  source: 'prj' | 'magnitude';
  /** a short reason, both languages */
  zh: string;
  en: string;
}

/**
 * The CRS a .prj WKT names (ESRI or OGC style), or an error for systems we cannot convert
 * (Xi'an 1980, Beijing 1954: their datum shift to CGCS2000 needs local parameters).
 */
export function crsFromPrj(wkt: string): Detected | { unsupported: string } | null {
  const w = wkt.replace(/\s+/g, ' ');
  const name = /^\s*(PROJCS|PROJCRS|GEOGCS|GEOGCRS|GEODCRS)\s*\[\s*"([^"]*)"/i.exec(w);
  if (!name) return null;
  const kind = name[1].toUpperCase();
  const all = w.toUpperCase();
  if (/XIAN|XI_AN|1980|BEIJING|1954/.test(all)) return { unsupported: name[2] };
  const isChina2000 = /CGCS|CHINA_2000|CHINA 2000|CHINA GEODETIC COORDINATE SYSTEM 2000/.test(all);
  if (kind.startsWith('GEOG') || kind === 'GEODCRS') {
    if (isChina2000) return { crs: 'cgcs2000', source: 'prj', zh: `.prj 为 ${name[2]}`, en: `the .prj says ${name[2]}` };
    if (/WGS|1984/.test(all)) return { crs: 'wgs84', source: 'prj', zh: `.prj 为 ${name[2]}`, en: `the .prj says ${name[2]}` };
    return { unsupported: name[2] };
  }
  if (!isChina2000 || !/TRANSVERSE|GAUSS|GK/.test(all)) return { unsupported: name[2] };
  const param = (p: string) => {
    const m = new RegExp(`PARAMETER\\s*\\[\\s*"${p}"\\s*,\\s*(-?[\\d.]+)`, 'i').exec(w);
    return m ? Number(m[1]) : null;
  };
  const cm = param('central_meridian') ?? param('Longitude of natural origin');
  const fe = param('false_easting') ?? param('False easting');
  if (cm === null || fe === null) return { unsupported: name[2] };
  const zoneNum = fe >= 1_000_000 ? Math.floor(fe / 1_000_000) : null;
  const width: 3 | 6 = /6_DEGREE|6 DEGREE/.test(all) || (zoneNum !== null && zoneNum < 25) ? 6 : 3;
  const z = GK_ZONES.find((g) => g.cm === cm && g.zone === zoneNum && (zoneNum !== null || g.width === width));
  if (!z) return { unsupported: name[2] };
  return { crs: `epsg:${z.epsg}`, source: 'prj', zh: `.prj 为 ${name[2]}`, en: `the .prj says ${name[2]}` };
}

/**
 * Guess from the magnitudes of (a sample of) positions: lon/lat when they fit, else a
 * Gauss–Krüger zone: an easting of 40 xxx xxx means 3° zone 40 (EPSG:4528); a 6-digit easting
 * with a 7-digit northing means no prefix, and Shaoxing's 120° E meridian is assumed (EPSG:4549).
 */
export function crsFromMagnitudes(xy: [number, number][]): Detected | null {
  if (!xy.length) return null;
  let geo = 0;
  const prefixZones = new Map<number, number>();
  let plain = 0;
  for (const [x, y] of xy) {
    if (Math.abs(x) <= 180 && Math.abs(y) <= 90) geo++;
    else if (x >= 13_000_000 && x < 46_000_000 && y > 100_000 && y < 6_500_000) {
      const zone = Math.floor(x / 1_000_000);
      prefixZones.set(zone, (prefixZones.get(zone) ?? 0) + 1);
    } else if (x > 0 && x < 1_000_000 && y > 100_000 && y < 6_500_000) plain++;
  }
  const n = xy.length;
  if (geo === n) return null;
  if (prefixZones.size === 1) {
    const [[zone, k]] = [...prefixZones];
    if (k === n) {
      const z = GK_ZONES.find((g) => g.zone === zone);
      if (z)
        return {
          crs: `epsg:${z.epsg}`,
          source: 'magnitude',
          zh: `东坐标以 ${zone} 开头（${zone} 带，${z.width} 度带）`,
          en: `the eastings start with ${zone} (zone ${zone}, ${z.width}° zones)`,
        };
    }
  }
  if (plain === n) return { crs: 'epsg:4549', source: 'magnitude', zh: '东坐标为 6 位数（不带带号），按绍兴所在的中央经线 120°E 推定', en: 'six-digit eastings without a zone prefix; Shaoxing’s central meridian 120° E is assumed' };
  return null;
}
