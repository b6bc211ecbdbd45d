/**
 * Validation of the project's geodata. Pure: callers pass the parsed files, the plan text and the
 * outline. Every problem names the file, the feature id and what is wrong.
 */
import gjv from 'geojson-validation';
import gcoord from 'gcoord';
// per-module turf packages (not the @turf/turf barrel): only what validation needs
import { booleanClockwise } from '@turf/boolean-clockwise';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { buffer } from '@turf/buffer';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { LOCATION_QUALITIES, STATUSES, ZONES } from './types.ts';
import { distanceToGeometry, positionsOf, type LonLat } from '../geo/distance.ts';
import { squashWs } from './text.ts';

export interface Problem {
  file: string;
  id: string | null;
  message: string;
}

export const formatProblem = (p: Problem) => `${p.file}: ${p.id ?? '(no id)'}: ${p.message}`;

export interface ValidateContext {
  file: string;
  kind: 'plan' | 'base';
  /** the group id this file belongs to */
  group: string;
  registryIds: ReadonlySet<string>;
  planText?: string;
  outline?: Feature<Polygon | MultiPolygon> | null;
  /** ids seen in earlier files (id → file), for cross-file uniqueness */
  seenIds?: Map<string, string>;
  /** tolerance for features outside the outline, metres */
  outlineToleranceM?: number;
  /** maximum distance between a sourced coordinate and the geometry, metres */
  sourcedToleranceM?: number;
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SOURCED = /^(?<src>https?:\/\/\S+|OSM (?:node|way|relation) \d+|GeoNames \d+)(?:[^;]*)?;\s*published\s+(?<lon>-?\d+(?:\.\d+)?),\s*(?<lat>-?\d+(?:\.\d+)?)\s+(?<datum>WGS84|GCJ-02|BD-09)\b/;

/** Parse a sourced location_source; null when it is not verifiable. */
export function parseSourced(s: string): { source: string; lon: number; lat: number; datum: 'WGS84' | 'GCJ-02' | 'BD-09'; wgs84: LonLat } | null {
  const m = SOURCED.exec(s.trim());
  if (!m?.groups) return null;
  const lon = Number(m.groups.lon);
  const lat = Number(m.groups.lat);
  const datum = m.groups.datum as 'WGS84' | 'GCJ-02' | 'BD-09';
  const wgs84 = toWgs84([lon, lat], datum);
  return { source: m.groups.src, lon, lat, datum, wgs84 };
}

export function toWgs84(p: LonLat, datum: 'WGS84' | 'GCJ-02' | 'BD-09'): LonLat {
  if (datum === 'WGS84') return p;
  const out = gcoord.transform(p, datum === 'GCJ-02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84) as number[];
  return [out[0], out[1]];
}

function decimals(n: number): number {
  const s = String(n);
  if (s.includes('e')) return 99;
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

function ringsOf(g: Geometry): { rings: Position[][]; poly: number }[] {
  if (g.type === 'Polygon') return [{ rings: g.coordinates, poly: 0 }];
  if (g.type === 'MultiPolygon') return g.coordinates.map((rings, poly) => ({ rings, poly }));
  return [];
}

/** Geometry checks geojson-validation does not make: ranges, finiteness, precision, rings, winding. */
export function geometryProblems(g: Geometry | null, opts: { maxDecimals?: number } = {}): string[] {
  const out: string[] = [];
  if (!g) return ['has no geometry'];
  const ps = positionsOf(g);
  if (ps.length === 0) out.push('geometry has no coordinates');
  let badRange = 0, badNum = 0, tooPrecise = 0;
  for (const p of ps) {
    if (!Array.isArray(p) || p.length < 2 || !p.every((x) => typeof x === 'number' && Number.isFinite(x))) badNum++;
    else if (p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90) badRange++;
    else if (opts.maxDecimals !== undefined && (decimals(p[0]) > opts.maxDecimals || decimals(p[1]) > opts.maxDecimals)) tooPrecise++;
  }
  if (badNum) out.push(`${badNum} coordinate(s) are not finite numbers`);
  if (badRange) out.push(`${badRange} coordinate(s) out of range (lon −180…180, lat −90…90)`);
  if (tooPrecise) out.push(`${tooPrecise} coordinate(s) have more than ${opts.maxDecimals} decimals`);
  if (badNum || badRange) return out;
  for (const { rings, poly } of ringsOf(g)) {
    rings.forEach((ring, r) => {
      const where = g.type === 'MultiPolygon' ? `polygon ${poly} ring ${r}` : `ring ${r}`;
      if (ring.length < 4) return void out.push(`${where} has fewer than 4 positions`);
      const [a, z] = [ring[0], ring[ring.length - 1]];
      if (a[0] !== z[0] || a[1] !== z[1]) return void out.push(`${where} is not closed`);
      const cw = booleanClockwise(ring.map((p) => [p[0], p[1]]));
      if (r === 0 && cw) out.push(`${where} (outer) is clockwise; RFC 7946 wants counter-clockwise`);
      if (r > 0 && !cw) out.push(`${where} (hole) is counter-clockwise; RFC 7946 wants clockwise`);
    });
  }
  return out;
}

const str = (v: unknown) => typeof v === 'string' && v.trim().length > 0;

// Work that depends only on the context, done once and reused across features, files and calls
// (check:geodata validates every file against the same plan text and outline).
let squashedPlan: { text: string; squashed: string } | null = null;
function squashedPlanText(text: string): string {
  if (squashedPlan?.text !== text) squashedPlan = { text, squashed: squashWs(text) };
  return squashedPlan.squashed;
}

type Zone = { feature: Feature<Polygon | MultiPolygon>; bbox: [number, number, number, number] };
const outlineZones = new WeakMap<object, Map<number, Zone | null>>();
/** The outline widened by the tolerance, with its bounding box; cached per outline object and tolerance. */
function outlineZoneOf(outline: Feature<Polygon | MultiPolygon>, toleranceM: number): Zone | null {
  let byTol = outlineZones.get(outline);
  if (!byTol) outlineZones.set(outline, (byTol = new Map()));
  if (!byTol.has(toleranceM)) {
    const feature = buffer(outline, toleranceM / 1000, { units: 'kilometers' }) as Feature<Polygon | MultiPolygon> | undefined;
    let zone: Zone | null = null;
    if (feature?.geometry) {
      const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const q of positionsOf(feature.geometry)) {
        if (q[0] < bbox[0]) bbox[0] = q[0];
        if (q[1] < bbox[1]) bbox[1] = q[1];
        if (q[0] > bbox[2]) bbox[2] = q[0];
        if (q[1] > bbox[3]) bbox[3] = q[1];
      }
      zone = { feature, bbox };
    }
    byTol.set(toleranceM, zone);
  }
  return byTol.get(toleranceM) ?? null;
}
/** Inside the widened outline (boundary counts as inside, like a distance of 0). */
const inZone = (z: Zone, q: Position) =>
  q[0] >= z.bbox[0] && q[0] <= z.bbox[2] && q[1] >= z.bbox[1] && q[1] <= z.bbox[3] && booleanPointInPolygon([q[0], q[1]], z.feature);

/** Validate one geodata file. */
export function validateGeodataFile(obj: unknown, ctx: ValidateContext): Problem[] {
  const problems: Problem[] = [];
  const add = (id: string | null, message: string) => problems.push({ file: ctx.file, id, message });
  let schemaErrors: string[];
  try {
    schemaErrors = gjv.isFeatureCollection(obj, true);
  } catch (e) {
    schemaErrors = [`geojson-validation failed: ${(e as Error).message}`];
  }
  const fc = obj as { type?: string; features?: unknown[] };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    add(null, `not a GeoJSON FeatureCollection${schemaErrors.length ? ': ' + schemaErrors.slice(0, 3).join('; ') : ''}`);
    return problems;
  }
  for (const e of schemaErrors) {
    const m = /^at (\d+):/.exec(e);
    const f = m ? (fc.features[Number(m[1])] as Feature | undefined) : undefined;
    add((f?.properties?.id as string) ?? (m ? `#${m[1]}` : null), `GeoJSON: ${e}`);
  }
  const outlineZone = ctx.outline ? outlineZoneOf(ctx.outline, ctx.outlineToleranceM ?? 1000) : null;
  const plan = ctx.planText ? squashedPlanText(ctx.planText) : null;
  const tol = ctx.sourcedToleranceM ?? 50;

  fc.features.forEach((raw, i) => {
    const f = raw as Feature;
    const p = (f?.properties ?? {}) as Record<string, unknown>;
    const id = typeof p.id === 'string' ? p.id : null;
    const fid = id ?? `#${i}`;
    if (!id) add(`#${i}`, 'missing id');
    else if (!KEBAB.test(id)) add(id, `id "${id}" is not kebab-case`);
    else if (ctx.seenIds?.has(id)) add(id, `duplicate id (also in ${ctx.seenIds.get(id)})`);
    else ctx.seenIds?.set(id, ctx.file);

    for (const m of geometryProblems(f?.geometry ?? null, { maxDecimals: 6 })) add(fid, m);

    if (!LOCATION_QUALITIES.includes(p.location_quality as never)) add(fid, `location_quality must be one of ${LOCATION_QUALITIES.join(', ')}`);

    if (ctx.kind === 'base') {
      if (!str(p.source)) add(fid, 'base feature needs a source');
      return;
    }
    for (const k of ['name_zh', 'name_en', 'layer', 'category', 'section', 'excerpt_zh', 'status', 'location_source']) if (!str(p[k])) add(fid, `missing ${k}`);
    if (p.location_source_zh !== undefined && !str(p.location_source_zh)) add(fid, 'location_source_zh, when present, must be non-empty text');
    if (!('figures' in p) || (p.figures !== null && typeof p.figures !== 'string')) add(fid, 'figures must be text or null');
    if (!('zone' in p) || (p.zone !== null && !ZONES.includes(p.zone as never))) add(fid, `zone must be one of ${ZONES.join(', ')} or null`);
    if (p.zone === null && p.context !== true) add(fid, 'zone is null but the feature is not context');
    if (!STATUSES.includes(p.status as never)) add(fid, `status must be one of ${STATUSES.join(', ')}`);
    if (str(p.layer) && !ctx.registryIds.has(p.layer as string)) add(fid, `layer "${p.layer}" is not in the registry`);
    if (str(p.layer) && p.layer !== ctx.group) add(fid, `layer "${p.layer}" does not match its file's group "${ctx.group}"`);
    if (str(p.category) && !ctx.registryIds.has(p.category as string)) add(fid, `category "${p.category}" is not in the registry`);
    if (p.also !== undefined) {
      if (!Array.isArray(p.also)) add(fid, 'also must be a list of group ids');
      else for (const a of p.also) if (!ctx.registryIds.has(a)) add(fid, `also names "${a}", which is not in the registry`);
    }
    if (plan && str(p.excerpt_zh) && !plan.includes(squashWs(p.excerpt_zh as string)))
      add(fid, `excerpt_zh "${p.excerpt_zh}" does not occur in the plan text`);

    if (p.location_quality === 'sourced' && str(p.location_source)) {
      const s = parseSourced(p.location_source as string);
      if (!s) add(fid, 'sourced location_source is not verifiable: expected "<URL | OSM node/way/relation N | GeoNames N>; published <lon>,<lat> <WGS84|GCJ-02|BD-09>"');
      else if (f?.geometry) {
        const d = distanceToGeometry(s.wgs84, f.geometry);
        if (!(d <= tol)) add(fid, `sourced coordinate ${s.lon},${s.lat} ${s.datum} lies ${Math.round(d)} m from the geometry (limit ${tol} m)`);
      }
    }
    if (outlineZone && p.context !== true && f?.geometry) {
      const outside = positionsOf(f.geometry).filter((q) => !inZone(outlineZone, q));
      if (outside.length) add(fid, `${outside.length} vertex/vertices lie more than ${(ctx.outlineToleranceM ?? 1000) / 1000} km outside the district outline (first at ${outside[0][0]},${outside[0][1]})`);
    }
  });
  return problems;
}
