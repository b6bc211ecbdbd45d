/**
 * Real sample files built byte by byte by the tests: a point Shapefile (.shp/.shx/.dbf/.prj/.cpg,
 * per the ESRI Shapefile Technical Description and dBASE III), an .xlsx workbook (OOXML parts in a
 * zip written with fflate), KML, KMZ and GPX.
 */
import { zipSync, strToU8 } from 'fflate';

/** GBK bytes via a small table of the characters the tests use (TextEncoder only writes UTF-8). */
const GBK: Record<string, number[]> = { 名: [0xc3, 0xfb], 称: [0xb3, 0xc6], 鲁: [0xc2, 0xb3], 迅: [0xd1, 0xb8], 故: [0xb9, 0xca], 里: [0xc0, 0xef], 类: [0xc0, 0xe0], 型: [0xd0, 0xcd], 景: [0xbe, 0xb0], 点: [0xb5, 0xe3], 经: [0xbe, 0xad], 纬: [0xce, 0xb3], 度: [0xb6, 0xc8] };
export function gbk(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    if (GBK[ch]) out.push(...GBK[ch]);
    else if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else throw new Error(`no GBK bytes for ${ch}`);
  }
  return new Uint8Array(out);
}

/** A point shapefile: shp, shx and a dBASE table whose character fields are encoded by `encode`. */
export function pointShapefile(points: [number, number][], fields: string[], rows: string[][], encode: (s: string) => Uint8Array) {
  const n = points.length;
  const recLen = 4 + 16; // shape type + x, y (bytes, without the 8-byte record header)
  const shpLen = 100 + n * (8 + recLen);
  const header = (len: number) => {
    const b = new DataView(new ArrayBuffer(100));
    b.setInt32(0, 9994, false);
    b.setInt32(24, len / 2, false);
    b.setInt32(28, 1000, true);
    b.setInt32(32, 1, true); // Point
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    b.setFloat64(36, Math.min(...xs), true);
    b.setFloat64(44, Math.min(...ys), true);
    b.setFloat64(52, Math.max(...xs), true);
    b.setFloat64(60, Math.max(...ys), true);
    return new Uint8Array(b.buffer);
  };
  const shp = new Uint8Array(shpLen);
  shp.set(header(shpLen));
  const shx = new Uint8Array(100 + n * 8);
  shx.set(header(100 + n * 8));
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  points.forEach(([x, y], i) => {
    const off = 100 + i * (8 + recLen);
    sv.setInt32(off, i + 1, false);
    sv.setInt32(off + 4, recLen / 2, false);
    sv.setInt32(off + 8, 1, true);
    sv.setFloat64(off + 12, x, true);
    sv.setFloat64(off + 20, y, true);
    xv.setInt32(100 + i * 8, off / 2, false);
    xv.setInt32(104 + i * 8, recLen / 2, false);
  });
  // dBASE III: header 32 + 32 per field + 1 terminator; records start with a deletion flag
  const width = 40;
  const headerLen = 32 + 32 * fields.length + 1;
  const recordLen = 1 + width * fields.length;
  const dbf = new Uint8Array(headerLen + recordLen * n + 1);
  const dv = new DataView(dbf.buffer);
  dbf[0] = 0x03;
  dbf[1] = 126;
  dbf[2] = 1;
  dbf[3] = 1;
  dv.setUint32(4, n, true);
  dv.setUint16(8, headerLen, true);
  dv.setUint16(10, recordLen, true);
  fields.forEach((f, i) => {
    const name = new TextEncoder().encode(f); // ASCII field names
    dbf.set(name.subarray(0, 10), 32 + i * 32);
    dbf[32 + i * 32 + 11] = 'C'.charCodeAt(0);
    dbf[32 + i * 32 + 16] = width;
  });
  dbf[headerLen - 1] = 0x0d;
  rows.forEach((r, k) => {
    const off = headerLen + k * recordLen;
    dbf[off] = 0x20;
    r.forEach((v, i) => {
      const cell = new Uint8Array(width).fill(0x20);
      cell.set(encode(v).subarray(0, width));
      dbf.set(cell, off + 1 + i * width);
    });
  });
  dbf[dbf.length - 1] = 0x1a;
  return { shp, shx, dbf };
}

/** ESRI WKT of CGCS2000 3° Gauss–Krüger CM 120° E (EPSG:4549), as ArcGIS writes it. */
export const PRJ_4549 =
  'PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
/** EPSG:4528: 3° zone 40 with the zone prefix in the easting. */
export const PRJ_4528 =
  'PROJCS["CGCS2000_3_Degree_GK_Zone_40",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",40500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

export function zip(files: Record<string, Uint8Array | string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** A minimal OOXML workbook: shared strings for text, numbers as numbers; one or more sheets. */
export function xlsx(sheets: Record<string, (string | number)[][]>): Uint8Array {
  const shared: string[] = [];
  const si = (s: string) => {
    let i = shared.indexOf(s);
    if (i < 0) i = shared.push(s) - 1;
    return i;
  };
  const col = (i: number) => String.fromCharCode(65 + i);
  const names = Object.keys(sheets);
  const parts: Record<string, string> = {};
  names.forEach((name, k) => {
    const rows = sheets[name]
      .map((r, ri) => `<row r="${ri + 1}">${r.map((v, ci) => (typeof v === 'number' ? `<c r="${col(ci)}${ri + 1}"><v>${v}</v></c>` : `<c r="${col(ci)}${ri + 1}" t="s"><v>${si(v)}</v></c>`)).join('')}</row>`)
      .join('');
    parts[`xl/worksheets/sheet${k + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
  });
  parts['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`;
  parts['xl/workbook.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((n, k) => `<sheet name="${esc(n)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join('')}</sheets></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_n, k) => `<Relationship Id="rId${k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  parts['_rels/.rels'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts['[Content_Types].xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
  return zip(parts);
}

export const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>鲁迅故里</name><ExtendedData><Data name="类型"><value>景点</value></Data></ExtendedData><Point><coordinates>120.5857,29.9977,0</coordinates></Point></Placemark>
<Placemark><name>环城河</name><LineString><coordinates>120.57,30.0 120.59,30.01 120.60,30.0</coordinates></LineString></Placemark>
<Placemark><name>地块</name><Polygon><outerBoundaryIs><LinearRing><coordinates>120.5,30 120.6,30 120.6,30.1 120.5,30.1 120.5,30</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
</Document></kml>`;

export const GPX = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="29.9977" lon="120.5857"><name>起点</name></wpt>
<trk><name>骑行</name><trkseg><trkpt lat="30.0" lon="120.57"/><trkpt lat="30.01" lon="120.58"/><trkpt lat="30.02" lon="120.59"/></trkseg></trk>
</gpx>`;
