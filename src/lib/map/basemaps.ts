/**
 * Online base maps, as pure MapLibre source/layer specs (no DOM). The embedded offline base is the
 * default; an online base is added as extra sources/layers inserted below the first plan layer
 * (FIRST_PLAN_LAYER), while the offline land/neighbour fills are hidden and the outline stays.
 *
 * Datums: 天地图 uses CGCS2000 (≈ WGS84 to a few cm), OSM and OpenFreeMap use WGS84, so the plan's
 * WGS84 data needs no shift on any of them.
 */
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Basemap } from '../state/params.ts';

export type OnlineBasemap = Exclude<Basemap, 'offline'>;

/** Prefix of every source and layer id an online base adds. */
export const BASE_PREFIX = 'bm-';
/** Offline layers hidden while an online base shows (the outline and everything else stay). */
export const OFFLINE_FILLS = ['land-fill', 'neighbours-fill'];
/** localStorage key of the 天地图 key (never in the URL); defined with the key logic in config/basemap.ts. */
export { TDT_KEY_STORAGE } from '../config/basemap.ts';
/** No tile within this time (ms) means the base failed. */
export const BASE_TIMEOUT_MS = 5000;

export const TDT_ATTRIBUTION = '© 天地图 Tianditu（国家地理信息公共服务平台）';
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';
export const OFM_ATTRIBUTION = '© OpenFreeMap © OpenMapTiles · data © OpenStreetMap contributors';

/** A plausible 天地图 key: letters and digits (they are 32 hex characters). */
export const isTdtKey = (k: string) => /^[A-Za-z0-9]{16,64}$/.test(k.trim());

/** WMTS tile URLs over the eight 天地图 hosts t0…t7. */
export function tdtTiles(layer: 'vec' | 'cva' | 'img' | 'cia', key: string): string[] {
  const tk = encodeURIComponent(key.trim());
  return Array.from(
    { length: 8 },
    (_, i) =>
      `https://t${i}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${tk}`,
  );
}

export interface BaseSpec {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
}

const raster = (id: string, tiles: string[], attribution: string, maxzoom = 18): [string, SourceSpecification] => [
  id,
  { type: 'raster', tiles, tileSize: 256, maxzoom, attribution },
];
const rasterLayer = (id: string, source: string): LayerSpecification => ({ id, type: 'raster', source, paint: { 'raster-fade-duration': 150 } });

/** OpenFreeMap's vector tiles (OpenMapTiles schema) with a minimal style built here: no glyphs, no sprites. */
function openFreeMap(): BaseSpec {
  const src = `${BASE_PREFIX}ofm`;
  const road = (id: string, classes: string[], color: string, w: [number, number], minzoom = 5): LayerSpecification => ({
    id: `${BASE_PREFIX}ofm-${id}`,
    type: 'line',
    source: src,
    'source-layer': 'transportation',
    minzoom,
    filter: ['in', ['get', 'class'], ['literal', classes]],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': color, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, w[0], 16, w[1]] },
  });
  return {
    sources: { [src]: { type: 'vector', url: 'https://tiles.openfreemap.org/planet', attribution: OFM_ATTRIBUTION } },
    layers: [
      { id: `${BASE_PREFIX}ofm-land`, type: 'background', paint: { 'background-color': '#f2efe9' } },
      { id: `${BASE_PREFIX}ofm-landcover`, type: 'fill', source: src, 'source-layer': 'landcover', filter: ['in', ['get', 'class'], ['literal', ['wood', 'grass', 'farmland', 'wetland']]], paint: { 'fill-color': '#dfe9d0', 'fill-opacity': 0.7 } },
      { id: `${BASE_PREFIX}ofm-park`, type: 'fill', source: src, 'source-layer': 'park', paint: { 'fill-color': '#d4e6c3', 'fill-opacity': 0.7 } },
      { id: `${BASE_PREFIX}ofm-landuse`, type: 'fill', source: src, 'source-layer': 'landuse', filter: ['in', ['get', 'class'], ['literal', ['residential', 'industrial', 'commercial', 'retail']]], paint: { 'fill-color': '#ebe6dc', 'fill-opacity': 0.8 } },
      { id: `${BASE_PREFIX}ofm-water`, type: 'fill', source: src, 'source-layer': 'water', paint: { 'fill-color': '#b5d3e7' } },
      { id: `${BASE_PREFIX}ofm-waterway`, type: 'line', source: src, 'source-layer': 'waterway', paint: { 'line-color': '#9cc3df', 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.6, 15, 3] } },
      { id: `${BASE_PREFIX}ofm-building`, type: 'fill', source: src, 'source-layer': 'building', minzoom: 13, paint: { 'fill-color': '#ddd6cb', 'fill-outline-color': '#cbc2b4' } },
      road('minor', ['minor', 'service', 'tertiary'], '#ffffff', [0.3, 5], 12),
      road('major', ['primary', 'secondary', 'trunk'], '#fdfcf8', [0.8, 8], 8),
      road('motorway', ['motorway'], '#f6d58b', [1, 9], 6),
      { id: `${BASE_PREFIX}ofm-rail`, type: 'line', source: src, 'source-layer': 'transportation', minzoom: 9, filter: ['==', ['get', 'class'], 'rail'], paint: { 'line-color': '#a3a3a3', 'line-width': 1, 'line-dasharray': [3, 2] } },
    ] as LayerSpecification[],
  };
}

/** Sources and layers of an online base (ids all start with BASE_PREFIX). */
export function onlineBase(id: OnlineBasemap, key = ''): BaseSpec {
  switch (id) {
    case 'osm': {
      const [s, spec] = raster(`${BASE_PREFIX}osm`, ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], OSM_ATTRIBUTION, 19);
      return { sources: { [s]: spec }, layers: [rasterLayer(`${BASE_PREFIX}osm`, s)] };
    }
    case 'openfreemap':
      return openFreeMap();
    case 'tdt-vec':
    case 'tdt-img': {
      const [base, label] = id === 'tdt-vec' ? (['vec', 'cva'] as const) : (['img', 'cia'] as const);
      const [s1, spec1] = raster(`${BASE_PREFIX}tdt-${base}`, tdtTiles(base, key), TDT_ATTRIBUTION);
      const [s2, spec2] = raster(`${BASE_PREFIX}tdt-${label}`, tdtTiles(label, key), TDT_ATTRIBUTION);
      return { sources: { [s1]: spec1, [s2]: spec2 }, layers: [rasterLayer(s1, s1), rasterLayer(s2, s2)] };
    }
  }
}

export const needsKey = (id: Basemap) => id === 'tdt-vec' || id === 'tdt-img';

/**
 * Decides when an online base has failed: an error from one of its sources before any of its
 * tiles loaded, or no tile within the timeout. Pure state machine; the caller feeds events and a
 * clock.
 */
export class BaseWatchdog {
  private loaded = false;
  private done = false;
  constructor(
    private readonly sources: ReadonlySet<string>,
    private readonly startedAt: number,
    private readonly timeoutMs = BASE_TIMEOUT_MS,
  ) {}
  /** a tile of `sourceId` loaded */
  tile(sourceId: string | undefined): void {
    if (sourceId && this.sources.has(sourceId)) this.loaded = true;
  }
  /** an error event; returns true when it means the base failed */
  error(sourceId: string | undefined): boolean {
    if (this.done || this.loaded || !sourceId || !this.sources.has(sourceId)) return false;
    this.done = true;
    return true;
  }
  /** a clock tick; returns true when the base failed by timeout */
  tick(now: number): boolean {
    if (this.done || this.loaded || now - this.startedAt < this.timeoutMs) return false;
    this.done = true;
    return true;
  }
  get ok() {
    return this.loaded;
  }
}
