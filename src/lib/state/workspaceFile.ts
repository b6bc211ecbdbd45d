/**
 * The workspace as data (pure): imported layers with their styles, measurements and sketches with a
 * note each, and the view. One JSON document for "Export workspace"/"Import workspace"; the same
 * parts are what IndexedDB keeps (src/lib/state/persist.ts). Reading checks everything: a file
 * from elsewhere gets a clear message, never a half-applied state.
 */
import type { FeatureCollection, LineString, Polygon } from 'geojson';
import type { View } from './params.ts';

export const WORKSPACE_TYPE = 'yuecheng-workspace';
export const WORKSPACE_VERSION = 1;

export interface Sketch {
  id: string;
  kind: 'line' | 'area';
  geometry: LineString | Polygon;
  note: string;
  created: number;
}

export interface SavedLayer {
  id: string;
  name: string;
  color: string;
  size: number;
  labelField: string | null;
  visible: boolean;
  opacity: number;
  datum: string;
  format: string;
  fc: FeatureCollection;
}

/** What IndexedDB keeps under 'meta' (layers without their features, which live under 'fc:<id>'). */
export interface WorkspaceMeta {
  type: typeof WORKSPACE_TYPE;
  version: number;
  saved: string;
  view: View | null;
  layers: Omit<SavedLayer, 'fc'>[];
  sketches: Sketch[];
}

export interface WorkspaceDoc extends Omit<WorkspaceMeta, 'layers'> {
  layers: SavedLayer[];
}

export const NOTE_MAX = 500;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPos = (p: unknown) => Array.isArray(p) && p.length >= 2 && isNum(p[0]) && isNum(p[1]);

export function metaOf(doc: WorkspaceDoc): WorkspaceMeta {
  return { ...doc, layers: doc.layers.map(({ fc: _fc, ...rest }) => rest) };
}

export function makeDoc(view: View | null, layers: SavedLayer[], sketches: Sketch[], now = new Date()): WorkspaceDoc {
  return { type: WORKSPACE_TYPE, version: WORKSPACE_VERSION, saved: now.toISOString(), view, layers, sketches };
}

type Result<T> = { ok: true; value: T } | { ok: false; zh: string; en: string };
const bad = (zh: string, en: string) => ({ ok: false as const, zh, en });

function checkView(v: unknown): View | null {
  if (!isObj(v)) return null;
  const { lon, lat, zoom, bearing, pitch } = v;
  if (![lon, lat, zoom].every(isNum) || Math.abs(lat as number) > 85 || Math.abs(lon as number) > 180) return null;
  return { lon: lon as number, lat: lat as number, zoom: zoom as number, bearing: isNum(bearing) ? bearing : 0, pitch: isNum(pitch) ? pitch : 0 };
}

function checkSketch(s: unknown): Sketch | null {
  if (!isObj(s) || typeof s.id !== 'string' || (s.kind !== 'line' && s.kind !== 'area') || !isObj(s.geometry)) return null;
  const g = s.geometry as { type?: unknown; coordinates?: unknown };
  if (s.kind === 'line' && !(g.type === 'LineString' && Array.isArray(g.coordinates) && g.coordinates.length >= 2 && g.coordinates.every(isPos))) return null;
  if (s.kind === 'area' && !(g.type === 'Polygon' && Array.isArray(g.coordinates) && Array.isArray(g.coordinates[0]) && (g.coordinates[0] as unknown[]).length >= 4 && (g.coordinates[0] as unknown[]).every(isPos))) return null;
  return { id: s.id, kind: s.kind, geometry: s.geometry as unknown as Sketch['geometry'], note: typeof s.note === 'string' ? s.note.slice(0, NOTE_MAX) : '', created: isNum(s.created) ? s.created : 0 };
}

function checkLayerMeta(l: unknown): Omit<SavedLayer, 'fc'> | null {
  if (!isObj(l) || typeof l.id !== 'string' || typeof l.name !== 'string') return null;
  return {
    id: l.id,
    name: l.name,
    color: typeof l.color === 'string' && /^#[0-9a-f]{6}$/i.test(l.color) ? l.color : '#e4572e',
    size: isNum(l.size) ? Math.min(3, Math.max(0.5, l.size)) : 1,
    labelField: typeof l.labelField === 'string' ? l.labelField : null,
    visible: l.visible !== false,
    opacity: isNum(l.opacity) ? Math.min(1, Math.max(0, l.opacity)) : 1,
    datum: typeof l.datum === 'string' ? l.datum : 'wgs84',
    format: typeof l.format === 'string' ? l.format : 'geojson',
  };
}

const isFc = (fc: unknown): fc is FeatureCollection => isObj(fc) && fc.type === 'FeatureCollection' && Array.isArray(fc.features);

/** Check the stored meta record. */
export function parseMeta(m: unknown): Result<WorkspaceMeta> {
  if (!isObj(m) || m.type !== WORKSPACE_TYPE) return bad('不是本站的工作区文件', 'Not a workspace file of this map');
  if (!isNum(m.version) || m.version > WORKSPACE_VERSION) return bad(`工作区文件版本 ${String(m.version)} 比本站新，请刷新页面后再试`, `Workspace version ${String(m.version)} is newer than this map; reload the page and try again`);
  const layers = (Array.isArray(m.layers) ? m.layers : []).map(checkLayerMeta).filter((x): x is NonNullable<typeof x> => !!x);
  const sketches = (Array.isArray(m.sketches) ? m.sketches : []).map(checkSketch).filter((x): x is Sketch => !!x);
  return { ok: true, value: { type: WORKSPACE_TYPE, version: m.version, saved: typeof m.saved === 'string' ? m.saved : '', view: checkView(m.view), layers, sketches } };
}

/** Check a whole workspace document (an exported file, already JSON-parsed). */
export function parseDoc(d: unknown): Result<WorkspaceDoc> {
  const m = parseMeta(d);
  if (!m.ok) return m;
  const raw = (d as { layers?: unknown[] }).layers ?? [];
  const layers: SavedLayer[] = [];
  for (const l of raw) {
    const meta = checkLayerMeta(l);
    const fc = isObj(l) ? l.fc : null;
    if (!meta) continue;
    if (!isFc(fc)) return bad(`工作区中的图层“${meta.name}”缺少要素数据`, `The workspace layer "${meta.name}" has no feature data`);
    layers.push({ ...meta, fc });
  }
  return { ok: true, value: { ...m.value, layers } };
}

/** Read an exported workspace file's text. */
export function readWorkspaceText(text: string): Result<WorkspaceDoc> {
  let obj: unknown;
  try {
    obj = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return bad('工作区文件不是有效的 JSON', 'The workspace file is not valid JSON');
  }
  return parseDoc(obj);
}

export const workspaceFileName = (date = new Date()) => `yuecheng-workspace-${date.toISOString().slice(0, 10)}.json`;
