#!/usr/bin/env node
/**
 * Build the offline base-map layers (geodata/base/*.geojson) and the five
 * functional-zone polygons (geodata/zones.geojson).
 *
 * Run by hand by developers (NOT at app run time):
 *   node scripts/build-base.mjs
 *
 * Inputs
 *   - the reference folder (default ../shared/reference next to the repo,
 *     override with REFERENCE_DIR): DataV district outlines (test oracle and
 *     basis of the *generalized* outlines only), OSM metro tracks.
 *   - node_modules/world-atlas/land-10m.json (Natural Earth, public domain).
 *   - hand-authored data in scripts/base-src/*.json.
 * Output is deterministic: re-running gives byte-identical files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import { feature as topoFeature } from 'topojson-client';
import gcoord from 'gcoord';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REF = process.env.REFERENCE_DIR || path.resolve(ROOT, '..', 'shared', 'reference');
const SRC = path.join(ROOT, 'scripts', 'base-src');
const OUT_BASE = path.join(ROOT, 'geodata', 'base');
const OUT_ZONES = path.join(ROOT, 'geodata', 'zones.geojson');

/** Douglas–Peucker tolerance (degrees) of the outline and of all shared borders. */
const OUTLINE_TOLERANCE = 0.0014;
const OUTLINE_MAX_VERTICES = 200;
const NEIGHBOUR_MAX_VERTICES = 120;
/**
 * Neighbours are context: their borders with 越城区 are a subset of the outline's
 * vertices (Douglas–Peucker on the outline's own stretch, so gaps/overlaps with
 * the outline stay below this tolerance, ≈ 0.2 km), and their other borders are
 * simplified more coarsely so that each has at most 120 vertices.
 */
const NEIGHBOUR_SHARED_TOLERANCE = 0.002;
const NEIGHBOUR_OTHER_TOLERANCE = 0.008;
/** Land box: wider than anything the camera can show (the map's maxBounds, src/lib/map/camera.ts LAND_EXTENT, stays inside it). */
const LAND_BOX = [116.0, 26.5, 125.0, 34.0];
/** Metro tracks are kept within this distance of the generalized outline. */
const METRO_KEEP_KM = 1.5;
/** Simplification of the metro tracks (degrees, ~15 m). */
const METRO_TOLERANCE = 0.00015;

const OUTLINE_SOURCE =
  'Generalized (≤200 vertices) from the Alibaba DataV 2021 outline (GCJ-02→WGS84); not a legal boundary';
const NEIGHBOUR_SOURCE =
  'Generalized (≤120 vertices) from the Alibaba DataV 2021 district outlines (GCJ-02→WGS84); borders with 越城区 identical to the generalized outline; not legal boundaries';
const OSM = '© OpenStreetMap contributors (ODbL)';

// ---------------------------------------------------------------- helpers
const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const r6 = (x) => Math.round(x * 1e6) / 1e6 + 0; // +0 turns -0 into 0
const roundCoords = (c) => (typeof c[0] === 'number' ? [r6(c[0]), r6(c[1])] : c.map(roundCoords));
const same = (a, b) => a[0] === b[0] && a[1] === b[1];

/** Remove consecutive duplicates; keep/close the ring. */
function cleanRing(ring) {
  const out = [];
  for (const c of ring) if (!out.length || !same(out[out.length - 1], c)) out.push(c);
  if (!same(out[0], out[out.length - 1])) out.push(out[0]);
  return out;
}
function cleanLine(line) {
  const out = [];
  for (const c of line) if (!out.length || !same(out[out.length - 1], c)) out.push(c);
  return out;
}

/** Round to 6 decimals, drop degenerate parts, clean, rewind to RFC 7946 (outer CCW). */
function finishPolygonal(geom) {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  const outPolys = [];
  for (const poly of polys) {
    const rings = poly.map((r) => cleanRing(roundCoords(r))).filter((r) => r.length >= 4);
    if (!rings.length) continue;
    // drop zero-area slivers produced by rounding
    if (Math.abs(turf.area(turf.polygon([rings[0]]))) < 1) continue;
    outPolys.push(rings);
  }
  if (!outPolys.length) throw new Error('empty polygonal geometry');
  const g = outPolys.length === 1 ? { type: 'Polygon', coordinates: outPolys[0] } : { type: 'MultiPolygon', coordinates: outPolys };
  return turf.rewind(turf.feature(g)).geometry;
}

/**
 * Drop needle spikes left by Douglas–Peucker (a vertex where the ring turns back
 * on itself by more than 168°); they make zero-width slivers when the outline is cut.
 */
function removeSpikes(ring) {
  let pts = ring.slice(0, -1);
  for (let changed = true; changed && pts.length > 3; ) {
    changed = false;
    for (let i = 0; i < pts.length; i++) {
      const a = pts[(i - 1 + pts.length) % pts.length], b = pts[i], c = pts[(i + 1) % pts.length];
      const u = [(a[0] - b[0]) * KX, a[1] - b[1]], v = [(c[0] - b[0]) * KX, c[1] - b[1]];
      const cos = (u[0] * v[0] + u[1] * v[1]) / (Math.hypot(...u) * Math.hypot(...v));
      if (cos > Math.cos((12 * Math.PI) / 180)) { pts.splice(i, 1); changed = true; break; }
    }
  }
  return [...pts, pts[0]];
}

function vertexCount(geom) {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : null;
  if (polys) return polys.reduce((n, p) => n + p.reduce((m, r) => m + r.length - 1, 0), 0);
  if (geom.type === 'LineString') return geom.coordinates.length;
  if (geom.type === 'MultiLineString') return geom.coordinates.reduce((n, l) => n + l.length, 0);
  return 1;
}

/** Planar distance helpers in a local equirectangular frame (good to <0.1% here). */
const KX = Math.cos((30 * Math.PI) / 180);
const d2 = (a, b) => ((a[0] - b[0]) * KX) ** 2 + (a[1] - b[1]) ** 2;
function projectOnSegment(p, a, b) {
  const ax = a[0] * KX, ay = a[1], bx = b[0] * KX, by = b[1], px = p[0] * KX, py = p[1];
  const dx = bx - ax, dy = by - ay;
  const L = dx * dx + dy * dy;
  let t = L ? ((px - ax) * dx + (py - ay) * dy) / L : 0;
  t = Math.max(0, Math.min(1, t));
  return { t, pt: [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t] };
}
const lineLen = (cs) => cs.slice(1).reduce((s, c, i) => s + Math.sqrt(d2(cs[i], c)), 0);

function writeFC(file, features, extra = {}) {
  const head = JSON.stringify({ type: 'FeatureCollection', ...extra }).slice(0, -1);
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${head},"features":[\n${body}\n]}\n`);
}
const feat = (geometry, properties) => ({ type: 'Feature', properties, geometry });

// ---------------------------------------------------------------- inputs
const yuecheng = readJson(path.join(REF, 'yuecheng_330602_datav_v3_2021_wgs84.geojson')).features[0];
const districts = readJson(path.join(REF, 'shaoxing_330600_districts_datav_v3_2021_wgs84.geojson')).features;
const metroRef = readJson(path.join(REF, 'shaoxing_metro_osm_wgs84.geojson')).features;
const landTopo = readJson(path.join(ROOT, 'node_modules', 'world-atlas', 'land-10m.json'));
const zonesSrc = readJson(path.join(SRC, 'zones.json'));
const riversSrc = readJson(path.join(SRC, 'rivers.json'));
const roadsSrc = readJson(path.join(SRC, 'roads.json'));
const townsSrc = readJson(path.join(SRC, 'towns.json'));
const citiesSrc = readJson(path.join(SRC, 'cities.json'));
const stationsSrc = readJson(path.join(SRC, 'metro-stations.json'));

const report = {};

// ---------------------------------------------------------------- 1. outline
const outlineRing = (() => {
  const s = turf.cleanCoords(turf.simplify(yuecheng, { tolerance: OUTLINE_TOLERANCE, highQuality: false }));
  const polys = s.geometry.type === 'Polygon' ? [s.geometry.coordinates] : s.geometry.coordinates;
  if (polys.length !== 1 || polys[0].length !== 1) throw new Error('outline expected to be one ring');
  const ring = turf.rewind(turf.polygon([removeSpikes(cleanRing(roundCoords(polys[0][0])))])).geometry.coordinates[0];
  const kinks = turf.kinks(turf.polygon([ring])).features;
  if (kinks.length) throw new Error(`outline self-intersects at ${JSON.stringify(kinks[0].geometry.coordinates)}`);
  return ring;
})();
const outlineGeom = { type: 'Polygon', coordinates: [outlineRing] };
const outlinePoly = turf.feature(outlineGeom);
if (outlineRing.length > OUTLINE_MAX_VERTICES) throw new Error(`outline has ${outlineRing.length} vertices`);
const outlineFeature = feat(outlineGeom, {
  id: 'yuecheng-outline',
  name_zh: '越城区',
  name_en: 'Yuecheng District',
  kind: 'district',
  source: OUTLINE_SOURCE,
  location_quality: 'schematic',
  generalized: true,
});
report.outline = { ring_positions: outlineRing.length, vertices: outlineRing.length - 1, area_km2: turf.area(outlinePoly) / 1e6 };

// ---------------------------------------------------------------- 2. neighbours
/**
 * Topology-preserving generalization of the DataV districts: each ring is cut
 * into arcs where the set of districts sharing the edge changes; every arc is
 * simplified once (so both sides of a border get the same line). Arcs shared
 * with 越城区 are replaced by the matching stretch of the generalized outline,
 * thinned to a subset of its vertices (NEIGHBOUR_SHARED_TOLERANCE), so the
 * neighbours meet the outline at those vertices with slivers below ~0.2 km.
 */
const NEIGHBOURS = {
  330603: { id: 'neighbour-keqiao', name_zh: '柯桥区', name_en: 'Keqiao District' },
  330604: { id: 'neighbour-shangyu', name_zh: '上虞区', name_en: 'Shangyu District' },
  330681: { id: 'neighbour-zhuji', name_zh: '诸暨市', name_en: 'Zhuji' },
  330683: { id: 'neighbour-shengzhou', name_zh: '嵊州市', name_en: 'Shengzhou' },
  330624: { id: 'neighbour-xinchang', name_zh: '新昌县', name_en: 'Xinchang County' },
};
const neighbourFeatures = (() => {
  const key = (c) => `${c[0].toFixed(7)},${c[1].toFixed(7)}`;
  const rings = districts.map((f) => {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    if (polys.length !== 1 || polys[0].length !== 1) throw new Error(`${f.properties.name}: expected one ring`);
    return cleanRing(polys[0][0]);
  });
  const ycIndex = districts.findIndex((f) => f.properties.adcode === 330602);
  const edgeKey = (a, b) => { const ka = key(a), kb = key(b); return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`; };
  const owners = new Map();
  rings.forEach((ring, i) => {
    for (let k = 0; k + 1 < ring.length; k++) {
      const e = edgeKey(ring[k], ring[k + 1]);
      if (!owners.has(e)) owners.set(e, new Set());
      owners.get(e).add(i);
    }
  });
  const ycVertices = new Set(rings[ycIndex].map(key));

  // projection of a point on the outline ring: {s: position along the ring, pt}
  const O = outlineRing; // closed
  const nSeg = O.length - 1;
  const projectOnOutline = (p) => {
    let best = null;
    for (let i = 0; i < nSeg; i++) {
      const { t, pt } = projectOnSegment(p, O[i], O[i + 1]);
      const dd = d2(p, pt);
      if (!best || dd < best.dd) best = { dd, s: i + t, pt: roundCoords(pt) };
    }
    return best;
  };
  const nodeCache = new Map();
  const snap = (c) => {
    if (!ycVertices.has(key(c))) return c;
    if (!nodeCache.has(key(c))) nodeCache.set(key(c), projectOnOutline(c));
    return nodeCache.get(key(c)).pt;
  };
  const outlinePath = (a, b, origLen) => {
    const A = nodeCache.get(key(a)) ?? projectOnOutline(a);
    const B = nodeCache.get(key(b)) ?? projectOnOutline(b);
    const fwd = [A.pt];
    // vertices k (1..nSeg) strictly after A.s and up to B.s going forward (cyclic)
    let span = (B.s - A.s + nSeg) % nSeg;
    for (let k = Math.floor(A.s) + 1, n = 0; n < nSeg; k++, n++) {
      const kk = k % nSeg;
      const pos = (kk - A.s + nSeg) % nSeg;
      if (pos <= 0 || pos >= span) break;
      fwd.push(O[kk]);
    }
    fwd.push(B.pt);
    const bwd = [A.pt];
    span = (A.s - B.s + nSeg) % nSeg;
    for (let k = Math.ceil(A.s) - 1, n = 0; n < nSeg; k--, n++) {
      const kk = ((k % nSeg) + nSeg) % nSeg;
      const pos = (A.s - kk + nSeg) % nSeg;
      if (pos <= 0 || pos >= span) break;
      bwd.push(O[kk]);
    }
    bwd.push(B.pt);
    return Math.abs(lineLen(fwd) - origLen) <= Math.abs(lineLen(bwd) - origLen) ? fwd : bwd;
  };

  const arcCache = new Map();
  const out = [];
  rings.forEach((ring, i) => {
    const props = NEIGHBOURS[districts[i].properties.adcode];
    if (!props) return;
    const n = ring.length - 1;
    const sig = [];
    for (let k = 0; k < n; k++) sig.push([...owners.get(edgeKey(ring[k], ring[k + 1]))].sort().join(','));
    // rotate to start at a signature change
    let start = sig.findIndex((s, k) => s !== sig[(k - 1 + n) % n]);
    if (start < 0) start = 0;
    const arcs = [];
    for (let m = 0; m < n; m++) {
      const k = (start + m) % n;
      if (!arcs.length || sig[k] !== arcs[arcs.length - 1].sig) arcs.push({ sig: sig[k], coords: [ring[k]] });
      arcs[arcs.length - 1].coords.push(ring[k + 1]);
    }
    const pieces = arcs.map(({ sig: s, coords }) => {
      const fwdKey = coords.map(key).join(';');
      const revKey = [...coords].reverse().map(key).join(';');
      if (arcCache.has(fwdKey)) return arcCache.get(fwdKey);
      if (arcCache.has(revKey)) return [...arcCache.get(revKey)].reverse();
      let res;
      if (s.split(',').map(Number).includes(ycIndex)) {
        snap(coords[0]);
        snap(coords[coords.length - 1]);
        const p = outlinePath(coords[0], coords[coords.length - 1], lineLen(coords));
        res = p.length > 2 ? turf.simplify(turf.lineString(p), { tolerance: NEIGHBOUR_SHARED_TOLERANCE }).geometry.coordinates : p;
      } else {
        const cs = coords.map((c, j) => (j === 0 || j === coords.length - 1 ? snap(c) : c));
        res = cs.length > 2 ? turf.simplify(turf.lineString(cs), { tolerance: NEIGHBOUR_OTHER_TOLERANCE }).geometry.coordinates : cs;
        res = res.map((c, j) => (j === 0 || j === res.length - 1 ? c : roundCoords(c)));
      }
      arcCache.set(fwdKey, res);
      return res;
    });
    const ringOut = cleanRing(pieces.flat().map(roundCoords));
    const geom = finishPolygonal({ type: 'Polygon', coordinates: [ringOut] });
    const vc = vertexCount(geom);
    if (vc > NEIGHBOUR_MAX_VERTICES) throw new Error(`${props.name_zh} has ${vc} vertices`);
    out.push(feat(geom, {
      id: props.id,
      name_zh: props.name_zh,
      name_en: props.name_en,
      kind: 'district',
      source: NEIGHBOUR_SOURCE,
      location_quality: 'schematic',
      generalized: true,
      context: true,
    }));
  });
  return out;
})();
report.neighbours = neighbourFeatures.map((f) => ({ id: f.properties.id, vertices: vertexCount(f.geometry), area_km2: turf.area(f) / 1e6 }));

// ---------------------------------------------------------------- 3. land
const landFeature = (() => {
  const world = topoFeature(landTopo, landTopo.objects.land);
  const geoms = world.type === 'FeatureCollection' ? world.features.map((f) => f.geometry) : [world.geometry];
  const polys = geoms.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates));
  const box = turf.bboxPolygon(LAND_BOX);
  const parts = [];
  for (const p of polys) {
    const pf = turf.polygon(p);
    const [x0, y0, x1, y1] = turf.bbox(pf);
    if (x1 < LAND_BOX[0] || x0 > LAND_BOX[2] || y1 < LAND_BOX[1] || y0 > LAND_BOX[3]) continue;
    const clipped = turf.intersect(turf.featureCollection([pf, box]));
    if (clipped) parts.push(clipped);
  }
  const all = turf.union(turf.featureCollection([...parts, outlinePoly, ...neighbourFeatures.map((f) => turf.feature(f.geometry))]));
  return feat(finishPolygonal(all.geometry), {
    id: 'land',
    kind: 'land',
    source: 'Natural Earth 1:10m land (public domain) via world-atlas, unioned with the generalized district/neighbour outlines',
    location_quality: 'schematic',
  });
})();
report.land = { vertices: vertexCount(landFeature.geometry), parts: landFeature.geometry.type === 'MultiPolygon' ? landFeature.geometry.coordinates.length : 1 };

// ---------------------------------------------------------------- 4. metro
const keepArea = turf.buffer(outlinePoly, METRO_KEEP_KM, { units: 'kilometers' });
/** Chain LineString segments (sharing end points) into one line, starting at `startNear`. */
function chain(segments, startNear) {
  const segs = segments.map((s) => s.slice());
  let cur = null;
  let bestD = Infinity;
  segs.forEach((s, i) => {
    for (const rev of [false, true]) {
      const p = rev ? s[s.length - 1] : s[0];
      const dd = d2(p, startNear);
      if (dd < bestD) { bestD = dd; cur = { i, rev }; }
    }
  });
  const used = new Set([cur.i]);
  let line = cur.rev ? [...segs[cur.i]].reverse() : [...segs[cur.i]];
  for (;;) {
    const end = line[line.length - 1];
    let next = null;
    segs.forEach((s, i) => {
      if (used.has(i) || next) return;
      if (d2(s[0], end) < 1e-14) next = { i, c: s };
      else if (d2(s[s.length - 1], end) < 1e-14) next = { i, c: [...s].reverse() };
    });
    if (!next) break;
    used.add(next.i);
    line = line.concat(next.c.slice(1));
  }
  if (used.size !== segs.length) throw new Error(`chain: ${segs.length - used.size} segments not connected`);
  return line;
}
const tracks = metroRef.filter((f) => f.properties.kind === 'track');
const platforms = metroRef.filter((f) => f.properties.kind === 'platform_outline');
const segOf = (pred) => tracks.filter(pred).map((f) => f.geometry.coordinates);
const JUNCTION = [120.5365, 30.0569];
const line1All = segOf((f) => f.properties.osm_route_relation === 12920989);
const line1Full = chain(line1All, [120.3259, 30.1781]); // from 姑娘桥 to 芳泉
const jIdx = line1Full.reduce((b, c, i) => (d2(c, JUNCTION) < d2(line1Full[b], JUNCTION) ? i : b), 0);
const TRACKS = {
  'line1-keqiao': line1Full.slice(0, jIdx + 1),
  'line1-main': line1Full.slice(jIdx), // junction (黄酒小镇) → 芳泉
  'line1-branch': (() => {
    const br = segOf((f) => f.properties.osm_route_relation === 17438392)
      .filter((s) => !line1All.some((m) => m.length === s.length && same(m[0], s[0]) && same(m[m.length - 1], s[s.length - 1])));
    return chain(br, JUNCTION); // junction → 绍兴北站 → 会展中心
  })(),
  'line2': chain(segOf((f) => f.properties.osm_route_relation === 16136201), [120.5539, 30.0467]),
};
/** Keep the runs of a line inside the keep area (cut at the first/last inside vertex). */
function keepNear(line) {
  const inside = line.map((c) => turf.booleanPointInPolygon(c, keepArea));
  const runs = [];
  let cur = null;
  inside.forEach((ok, i) => {
    if (ok) { if (!cur) cur = []; cur.push(line[i]); } else if (cur) { runs.push(cur); cur = null; }
  });
  if (cur) runs.push(cur);
  return runs.filter((r) => r.length >= 2);
}
const simplifyLine = (cs) => cleanLine(roundCoords(turf.simplify(turf.lineString(cs), { tolerance: METRO_TOLERANCE }).geometry.coordinates));
const METRO_LINES = [
  { id: 'base-metro-line-1', line: '1', name_zh: '绍兴地铁1号线', name_en: 'Shaoxing Metro Line 1', colour: '#1f5fbf', parts: [...keepNear(TRACKS['line1-keqiao'].concat(TRACKS['line1-main'].slice(1)))] },
  { id: 'base-metro-line-1-branch', line: '1', branch: true, name_zh: '绍兴地铁1号线支线', name_en: 'Shaoxing Metro Line 1 (branch)', colour: '#1f5fbf', parts: keepNear(TRACKS['line1-branch']) },
  { id: 'base-metro-line-2', line: '2', name_zh: '绍兴地铁2号线（一期）', name_en: 'Shaoxing Metro Line 2 (phase 1)', colour: '#d6336c', parts: keepNear(TRACKS.line2) },
];
const metroFeatures = METRO_LINES.map((m) => {
  const parts = m.parts.map(simplifyLine);
  const geometry = parts.length === 1 ? { type: 'LineString', coordinates: parts[0] } : { type: 'MultiLineString', coordinates: parts };
  const props = {
    id: m.id,
    name_zh: m.name_zh,
    name_en: m.name_en,
    kind: 'metro-line',
    line: m.line,
    colour: m.colour,
    source: `OSM track of the line (route relation ${m.line === '2' ? 16136201 : m.branch ? 17438392 : 12920989}), ${OSM}, simplified; kept within ${METRO_KEEP_KM} km of the district; colour is a display colour`,
    location_quality: 'sourced',
  };
  if (m.branch) props.branch = true;
  return feat(geometry, props);
});
/** Point on a track: nearest to a coordinate, at a latitude, or at its end. */
function nearestOnLine(line, p) {
  let best = null;
  for (let i = 0; i + 1 < line.length; i++) {
    const { pt } = projectOnSegment(p, line[i], line[i + 1]);
    const dd = d2(p, pt);
    if (!best || dd < best.dd) best = { dd, pt };
  }
  return best.pt;
}
function atLatitude(line, lat) {
  for (let i = 0; i + 1 < line.length; i++) {
    const [a, b] = [line[i], line[i + 1]];
    if ((a[1] - lat) * (b[1] - lat) <= 0 && a[1] !== b[1]) {
      const t = (lat - a[1]) / (b[1] - a[1]);
      return [a[0] + (b[0] - a[0]) * t, lat];
    }
  }
  throw new Error(`track does not reach latitude ${lat}`);
}
const toWgs = (c, datum) => (datum === 'WGS84' ? c : gcoord.transform(c, datum === 'GCJ-02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84));
const fmtPub = (c, datum) => `published ${c[0]},${c[1]} ${datum}`;
const platformCentroids = platforms
  .map((f) => { const cs = f.geometry.coordinates.slice(0, -1); return [cs.reduce((s, c) => s + c[0], 0) / cs.length, cs.reduce((s, c) => s + c[1], 0) / cs.length]; })
  .sort((a, b) => a[0] - b[0]);
const stationFeatures = stationsSrc.stations.map((s) => {
  let coord, quality, source;
  switch (s.placement) {
    case 'published':
      coord = toWgs(s.published, s.datum);
      quality = 'sourced';
      source = `${s.url}; ${fmtPub(s.published, s.datum)} (Wikipedia infobox)`;
      break;
    case 'platform':
      coord = platformCentroids[s.platform];
      quality = 'sourced';
      source = 'OSM platform outline centroid, © OpenStreetMap contributors';
      break;
    case 'track-near':
      coord = nearestOnLine(TRACKS[s.track], s.near);
      quality = 'estimated';
      source = `${s.reason} Track: ${OSM}.`;
      break;
    case 'track-lat':
      coord = atLatitude(TRACKS[s.track], s.lat);
      quality = 'estimated';
      source = `${s.reason} Track: ${OSM}.`;
      break;
    case 'track-end': {
      const t = TRACKS[s.track];
      coord = t[t.length - 1];
      quality = 'estimated';
      source = `${s.reason} Track: ${OSM}.`;
      break;
    }
    default:
      throw new Error(`unknown placement ${s.placement}`);
  }
  coord = roundCoords(coord);
  // stations are named as stations (鲁迅故里站), so a station never reads like the site it is named after
  const props = { id: s.id, name_zh: s.name_zh.endsWith('站') ? s.name_zh : `${s.name_zh}站`, name_en: / Station$/.test(s.name_en) ? s.name_en : `${s.name_en} Station`, kind: 'metro-station', lines: s.lines, source, location_quality: quality };
  if (!turf.booleanPointInPolygon(coord, outlinePoly)) props.context = true;
  return feat({ type: 'Point', coordinates: coord }, props);
});
report.metro = { lines: metroFeatures.map((f) => ({ id: f.properties.id, vertices: vertexCount(f.geometry) })), stations: stationFeatures.length };

// ---------------------------------------------------------------- 5. roads
const roadFeatures = roadsSrc.features.map((r) => {
  let coords;
  if (r.derive) {
    const t = TRACKS[r.derive.track];
    const { lat = [-90, 90], lon = [-180, 180] } = r.derive;
    const inRange = (c) => c[1] >= lat[0] && c[1] <= lat[1] && c[0] >= lon[0] && c[0] <= lon[1];
    const runs = keepNear(t.filter(inRange));
    coords = runs.length === 1 ? simplifyLine(runs[0]) : null;
    if (!coords) throw new Error(`${r.id}: derived road is not one run`);
  } else {
    coords = r.geometry.coordinates.map(roundCoords);
  }
  return feat({ type: 'LineString', coordinates: coords }, {
    id: r.id, name_zh: r.name_zh, name_en: r.name_en, kind: r.kind, source: r.source, location_quality: r.location_quality,
  });
});

// ---------------------------------------------------------------- 6. rivers
const landGeomForLabels = landFeature; // water labels must sit in open water
const riverFeatures = riversSrc.features.map((r) => feat(
  r.geometry.type === 'Polygon' ? finishPolygonal(r.geometry) : { type: r.geometry.type, coordinates: roundCoords(r.geometry.coordinates) },
  { id: r.id, name_zh: r.name_zh, name_en: r.name_en, kind: r.kind, source: r.source, location_quality: r.location_quality },
));
for (const l of riversSrc.labels) {
  const c = l.coord;
  if (turf.booleanPointInPolygon(c, landGeomForLabels)) throw new Error(`${l.id} label is on land`);
  riverFeatures.push(feat({ type: 'Point', coordinates: c }, {
    id: l.id, name_zh: l.name_zh, name_en: l.name_en, kind: l.kind, source: `${l.reason} Label position only.`, location_quality: 'schematic', context: true,
  }));
}

// ---------------------------------------------------------------- 7. towns, cities
const townFeatures = townsSrc.towns.map((t) => {
  if (!turf.booleanPointInPolygon(t.coord, outlinePoly)) throw new Error(`${t.name_zh} label outside the outline`);
  // a coordinate published for the division (zh Wikipedia infobox) is used as is and marked sourced
  if (t.published) {
    return feat({ type: 'Point', coordinates: roundCoords(t.coord) }, {
      id: t.id, name_zh: t.name_zh, name_en: t.name_en, kind: 'town',
      source: `${t.published.url}; ${t.published.what} (${t.published.datum}).`, location_quality: 'sourced',
    });
  }
  return feat({ type: 'Point', coordinates: roundCoords(t.coord) }, {
    id: t.id, name_zh: t.name_zh, name_en: t.name_en, kind: 'town',
    source: `Estimated label position: ${t.reason} No published coordinate found within the search budget (zh Wikipedia, GeoNames).`, location_quality: 'estimated',
  });
});
const cityFeatures = citiesSrc.cities.map((c) => feat({ type: 'Point', coordinates: roundCoords(toWgs(c.published, c.datum)) }, {
  id: c.id, name_zh: c.name_zh, name_en: c.name_en, kind: 'city',
  source: `${c.url}; ${fmtPub(c.published, c.datum)} (${c.what})`, location_quality: 'sourced', context: true,
}));

// ---------------------------------------------------------------- 8. zones
const zoneFeatures = (() => {
  let remainder = outlinePoly;
  const cut = {};
  for (const z of zonesSrc.order) {
    const cutter = turf.polygon([zonesSrc.cutters[z]]);
    const part = turf.intersect(turf.featureCollection([remainder, cutter]));
    if (!part) throw new Error(`zone ${z} is empty`);
    cut[z] = part;
    remainder = turf.difference(turf.featureCollection([remainder, cutter]));
  }
  cut.south = remainder;
  const ORDER = ['north', 'west', 'central', 'south', 'east'];
  return ORDER.map((z) => {
    const meta = zonesSrc.zones[z];
    return feat(finishPolygonal(cut[z].geometry), {
      id: meta.id,
      name_zh: meta.name_zh,
      name_en: meta.name_en,
      layer: 'zones',
      category: 'zones',
      subcategory: 'functional-zone',
      zone: z,
      section: '七(二)1',
      excerpt_zh: meta.excerpt_zh,
      figures: null,
      status: 'planned',
      location_quality: 'schematic',
      location_source: `Schematic: the generalized 越城区 outline cut by hand-drawn dividing lines (scripts/base-src/zones.json) that follow the plan's wording and the district's layout. ${zonesSrc.dividing_lines[z]}`,
      location_source_zh: `示意：在概化的越城区区界上，用依据规划表述和本区布局手绘的分区线（scripts/base-src/zones.json）切分而成。${zonesSrc.dividing_lines_zh[z]}`,
      description_zh: meta.description_zh,
      description_en: meta.description_en,
    });
  });
})();
report.zones = zoneFeatures.map((f) => ({ id: f.properties.id, vertices: vertexCount(f.geometry), area_km2: turf.area(f) / 1e6 }));

// ---------------------------------------------------------------- write
writeFC(path.join(OUT_BASE, 'outline.geojson'), [outlineFeature]);
writeFC(path.join(OUT_BASE, 'neighbours.geojson'), neighbourFeatures);
writeFC(path.join(OUT_BASE, 'land.geojson'), [landFeature]);
writeFC(path.join(OUT_BASE, 'rivers.geojson'), riverFeatures);
writeFC(path.join(OUT_BASE, 'metro.geojson'), [...metroFeatures, ...stationFeatures]);
writeFC(path.join(OUT_BASE, 'roads.geojson'), roadFeatures);
writeFC(path.join(OUT_BASE, 'towns.geojson'), townFeatures);
writeFC(path.join(OUT_BASE, 'cities.geojson'), cityFeatures);
writeFC(OUT_ZONES, zoneFeatures);

const fmt = (x) => Math.round(x * 100) / 100;
console.log(JSON.stringify(report, (k, v) => (typeof v === 'number' && !Number.isInteger(v) ? fmt(v) : v), 2));
