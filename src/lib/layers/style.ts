/**
 * MapLibre style built by pure functions from the registry (protomaps/basemaps style).
 * No network: no glyphs, no sprites, no tiles. Labels use local fonts via localIdeographFontFamily.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { LABEL_AREA, LABEL_POINT, withLabelPoints } from './labelPoints.ts';
import { sharePrograms } from './programs.ts';
import type { FeatureCollection } from 'geojson';
import { GROUPS, ZONE_COLORS, PLATFORM_COLORS, type LayerGroup } from './registry.ts';
import type { Lang } from '../i18n/strings.ts';

export const PALETTE = {
  sea: '#d6e6ef',
  land: '#f4f2ec',
  neighbour: '#ebe8df',
  neighbourLine: '#b8b2a4',
  outline: '#505050',
  water: '#9cc9e6',
  waterLine: '#6aa9d6',
  road: '#ffffff',
  roadCasing: '#c8c1b1',
  expressway: '#f3d27a',
  railway: '#8a8a8a',
  label: '#333333',
  halo: '#ffffff',
  hover: '#ffd60a',
  selected: '#00b4d8',
};

export const sourceId = (group: string) => `g-${group}`;

/** Opacity paint properties and their base values, per layer, stored in layer metadata. */
type Meta = { 'yc:group': string; 'yc:opacity'?: Record<string, number>; 'yc:label'?: boolean; 'yc:bilingual'?: boolean; 'yc:short'?: number; 'yc:filterable'?: boolean; 'yc:geom'?: FilterSpecification; 'yc:z': number };

/**
 * Below this zoom the labels of the 滨海 structure and of the plan areas leave out a bracketed alias
 * (滨海产业核心（滨海副中心） → 滨海产业核心, "Binhai industrial core (Binhai sub-centre)" → "Binhai
 * industrial core"): at the overview the full names run to four lines and crowd each other out.
 */
export const SHORT_BELOW = 12;

/** The text before a bracketed alias ("A（B）", "A (B)" → "A"); the whole text when there is none. */
function beforeAlias(v: ExpressionSpecification): ExpressionSpecification {
  const cut = (e: ExpressionSpecification, sep: string): ExpressionSpecification =>
    ['let', 'n', e, ['let', 'i', ['index-of', sep, ['var', 'n']], ['case', ['>', ['var', 'i'], 0], ['slice', ['var', 'n'], 0, ['var', 'i']], ['var', 'n']]]];
  return cut(cut(v, '（'), ' (');
}

function nameField(lang: Lang, bilingual: boolean, short: boolean): ExpressionSpecification {
  const s = (e: ExpressionSpecification) => (short ? beforeAlias(e) : e);
  const zh: ExpressionSpecification = ['coalesce', ['get', 'name_zh'], ['get', 'name_en'], ''];
  const en: ExpressionSpecification = ['coalesce', ['get', 'name_en'], ['get', 'name_zh'], ''];
  if (lang === 'zh') return s(zh);
  if (!bilingual) return s(en);
  return ['format', s(en), {}, '\n', {}, s(['coalesce', ['get', 'name_zh'], '']), { 'font-scale': 0.85 }];
}

/**
 * The label text. In English, the large labels (zones, cores, belts, platforms: 12 px and up) carry
 * the Chinese name on a second line at 0.85 (≥ 10 px); small labels (`bilingual` false) and the
 * English-only presentation option show the English name alone, so nothing is drawn at 8 px.
 * `shortBelow`: below that zoom the name without its bracketed alias (SHORT_BELOW).
 */
export const labelField = (lang: Lang, bilingual = true, shortBelow?: number): ExpressionSpecification =>
  shortBelow ? ['step', ['zoom'], nameField(lang, bilingual, true), shortBelow, nameField(lang, bilingual, false)] : nameField(lang, bilingual, false);

/**
 * Candidate label positions (text-variable-anchor-offset): centred on the anchor first when
 * `centre`, then all round it at each distance in ems, nearest first. MapLibre takes the first that
 * collides with nothing placed before it, so a label steps aside instead of being dropped.
 */
export function around(centre: boolean, ...ems: number[]): unknown[] {
  const ring = (d: number) => {
    const k = Math.round(d * 70) / 100;
    return ['top', [0, d], 'bottom', [0, -d], 'right', [-d, 0], 'left', [d, 0], 'top-right', [-k, k], 'top-left', [k, k], 'bottom-right', [-k, -k], 'bottom-left', [k, -k]];
  };
  return [...(centre ? ['center', [0, 0]] : []), ...ems.flatMap(ring)];
}

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const approx: ExpressionSpecification = ['!=', ['get', 'location_quality'], 'sourced'];
/** Dashed where the location is approximate, solid ([1, 0]: no gap) where it is sourced. */
const dash = (on: number, off: number): ExpressionSpecification => ['case', approx, ['literal', [on, off]], ['literal', [1, 0]]];

// geometry-type may report Multi* types; match both
const geomIs = (...t: string[]): ExpressionSpecification => ['in', ['geometry-type'], ['literal', t]];
const isPoint = geomIs('Point', 'MultiPoint');
const isLine = geomIs('LineString', 'MultiLineString');
const isPolygon = geomIs('Polygon', 'MultiPolygon');
const notPolygon: ExpressionSpecification = ['!', isPolygon];
const isLabelPoint: ExpressionSpecification = ['has', LABEL_POINT];
const notLabelPoint: ExpressionSpecification = ['!', isLabelPoint];

function colorByExpr(g: LayerGroup): ExpressionSpecification | string {
  if (!g.colorBy) return g.color;
  const pairs = Object.entries(g.colorBy.colors).flat();
  return ['match', ['get', g.colorBy.property], ...pairs, g.color] as unknown as ExpressionSpecification;
}

function stateColor(base: ExpressionSpecification | string): ExpressionSpecification {
  return ['case', selected, PALETTE.selected, hovered, PALETTE.hover, base] as ExpressionSpecification;
}

const textLayout = (lang: Lang, size: number | ExpressionSpecification, extra: Record<string, unknown> = {}, bilingual = true, shortBelow?: number) => ({
  'text-field': labelField(lang, bilingual, shortBelow),
  'text-size': size,
  'text-max-width': 9,
  'text-allow-overlap': false,
  ...extra,
});

function layer(spec: Record<string, unknown>, meta: Meta): LayerSpecification {
  return { ...spec, metadata: meta } as unknown as LayerSpecification;
}

/**
 * All MapLibre layers of one group, with metadata for opacity, labels and filters. Polygons are
 * labelled at their one label point (labelPoints.ts), never per tile: label layers skip polygons,
 * and circle layers skip label points.
 */
export function groupLayers(g: LayerGroup, lang: Lang): LayerSpecification[] {
  return rawGroupLayers(g, lang).map(labelAndCircleFilters).map(sharePrograms);
}

/** Label layers skip polygons (their label point stands in); circle layers skip label points. */
function labelAndCircleFilters(l: LayerSpecification): LayerSpecification {
  const spec = l as unknown as { type: string; filter?: FilterSpecification; metadata: Meta };
  const meta = spec.metadata;
  const extra = spec.type === 'symbol' && meta['yc:label'] ? notPolygon : spec.type === 'circle' ? notLabelPoint : null;
  if (!extra) return l;
  const filter = (spec.filter ? ['all', extra, spec.filter] : extra) as FilterSpecification;
  return { ...l, filter, metadata: meta['yc:filterable'] ? { ...meta, 'yc:geom': filter } : meta } as LayerSpecification;
}

function rawGroupLayers(g: LayerGroup, lang: Lang): LayerSpecification[] {
  const source = sourceId(g.id);
  const id = (part: string) => `${g.id}-${part}`;
  const color = colorByExpr(g);
  const P = (part: string, z: number, spec: Record<string, unknown>, meta: Partial<Meta> = {}) =>
    layer({ id: id(part), source, ...spec }, { 'yc:group': g.id, 'yc:z': z, 'yc:filterable': !g.base, ...meta });

  switch (g.kind) {
    case 'zones':
    case 'areas': {
      // a quiet base: light fills and a thin solid outline; the 滨海 structure and projects carry the emphasis.
      // The plan areas (off by default) lie over the zones: their labels are a step smaller, short at
      // the overview, and placed after every zone, structure and point label (MapLibre places the
      // labels of higher layers first, so a lower label layer gives way)
      const areas = g.kind === 'areas';
      const size: ExpressionSpecification = areas ? ['interpolate', ['linear'], ['zoom'], 9, 12, 12.5, 17] : ['interpolate', ['linear'], ['zoom'], 9, 14, 12.5, 20];
      const short = areas ? SHORT_BELOW : undefined;
      return [
        P('fill', 20, { type: 'fill', paint: { 'fill-color': color, 'fill-opacity': ['case', hovered, 0.26, 0.11] } }, { 'yc:opacity': { 'fill-opacity': 1 } }),
        P('line', 21, { type: 'line', paint: { 'line-color': stateColor(color), 'line-width': 1, 'line-opacity': 0.7 } }, { 'yc:opacity': { 'line-opacity': 0.7 } }),
        P('label', areas ? 84.5 : 90, { type: 'symbol', layout: textLayout(lang, size, { 'symbol-placement': 'point', 'text-padding': 4 }, true, short), paint: { 'text-color': color, 'text-halo-color': PALETTE.halo, 'text-halo-width': 2, 'text-opacity': 0.95 } }, { 'yc:label': true, ...(short ? { 'yc:short': short } : {}), 'yc:opacity': { 'text-opacity': 0.95 } }),
      ];
    }
    case 'cores':
      return [
        P('glow', 40, { type: 'line', paint: { 'line-color': g.color, 'line-width': 16, 'line-blur': 12, 'line-opacity': 0.55 } }, { 'yc:opacity': { 'line-opacity': 0.55 } }),
        P('fill', 41, { type: 'fill', paint: { 'fill-color': stateColor(g.color), 'fill-opacity': 0.38 } }, { 'yc:opacity': { 'fill-opacity': 0.38 } }),
        P('line', 42, { type: 'line', paint: { 'line-color': stateColor('#9d0208'), 'line-width': 1.5, 'line-opacity': 0.9 } }, { 'yc:opacity': { 'line-opacity': 0.9 } }),
        // centred on the core, else stepping aside within its glow
        P('label', 95, { type: 'symbol', layout: textLayout(lang, 14, { 'text-variable-anchor-offset': around(true, 0.8), 'text-padding': 4 }, true, SHORT_BELOW), paint: { 'text-color': '#7a0010', 'text-halo-color': PALETTE.halo, 'text-halo-width': 2 } }, { 'yc:label': true, 'yc:short': SHORT_BELOW, 'yc:opacity': { 'text-opacity': 1 } }),
      ];
    case 'belts':
      return [
        P('band', 45, { type: 'line', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': stateColor(g.color), 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 10, 13, 28], 'line-opacity': 0.45 } }, { 'yc:opacity': { 'line-opacity': 0.45 } }),
        P('arrow', 46, { type: 'symbol', layout: { 'symbol-placement': 'line', 'symbol-spacing': 70, 'text-field': '▶', 'text-size': 16, 'text-keep-upright': false, 'text-allow-overlap': true }, paint: { 'text-color': '#b85c00', 'text-opacity': 0.9 } }, { 'yc:opacity': { 'text-opacity': 0.9 } }),
        P('label', 96, { type: 'symbol', layout: textLayout(lang, 13, { 'symbol-placement': 'line', 'symbol-spacing': 400, 'text-padding': 4 }, true, SHORT_BELOW), paint: { 'text-color': '#8a4500', 'text-halo-color': PALETTE.halo, 'text-halo-width': 2 } }, { 'yc:label': true, 'yc:short': SHORT_BELOW, 'yc:opacity': { 'text-opacity': 1 } }),
      ];
    case 'platforms':
      return [
        P('hatch', 30, { type: 'fill', paint: { 'fill-pattern': 'hatch', 'fill-opacity': 0.5 } }, { 'yc:opacity': { 'fill-opacity': 0.5 } }),
        P('tint', 31, { type: 'fill', paint: { 'fill-color': color, 'fill-opacity': ['case', hovered, 0.3, 0.12] } }, { 'yc:opacity': { 'fill-opacity': 1 } }),
        P('line', 32, { type: 'line', paint: { 'line-color': stateColor(color), 'line-width': 2.5, 'line-opacity': 0.95 } }, { 'yc:opacity': { 'line-opacity': 0.95 } }),
        // centred on the platform's label point, else up to two ems aside (the platforms lie among the
        // cores); the smallest platform first, as a large one has more room to step aside
        P('label', 92, { type: 'symbol', layout: textLayout(lang, 12, { 'text-variable-anchor-offset': around(true, 1, 2), 'text-padding': 4, 'symbol-sort-key': ['coalesce', ['get', LABEL_AREA], 0] }), paint: { 'text-color': color, 'text-halo-color': PALETTE.halo, 'text-halo-width': 2 } }, { 'yc:label': true, 'yc:opacity': { 'text-opacity': 1 } }),
      ];
    case 'points':
    case 'projects': {
      const z = g.kind === 'points' ? 70 : 60;
      const r = g.kind === 'points' ? 8 : 6;
      return [
        P('fill', z - 10, { type: 'fill', filter: isPolygon, paint: { 'fill-color': stateColor(g.color), 'fill-opacity': ['case', hovered, 0.4, 0.2] } }, { 'yc:geom': isPolygon, 'yc:opacity': { 'fill-opacity': 1 } }),
        // sourced outlines and lines solid, estimated and schematic ones dashed: one layer each, the
        // dash data-driven (MapLibre ≥ 5.8), rather than a solid and a dashed layer per group (20
        // fewer layers, so 20 fewer setFilter calls per filter change)
        P('outline', z - 9, { type: 'line', filter: isPolygon, paint: { 'line-color': stateColor(g.color), 'line-width': ['case', approx, 0.8, 1.5], 'line-dasharray': dash(3, 3), 'line-opacity': ['case', approx, 0.5, 0.9] } }, { 'yc:geom': isPolygon, 'yc:opacity': { 'line-opacity': 0.9 } }),
        P('line', z - 5, { type: 'line', filter: isLine, layout: { 'line-cap': ['case', approx, 'butt', 'round'], 'line-join': 'round' }, paint: { 'line-color': stateColor(g.color), 'line-width': ['case', hovered, 5, approx, 2.5, 3], 'line-dasharray': dash(3, 2), 'line-opacity': ['case', approx, 0.7, 0.8] } }, { 'yc:geom': isLine, 'yc:opacity': { 'line-opacity': 0.8 } }),
        P('circle', z, { type: 'circle', filter: isPoint, paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, r - 2, 14, r + 2],
          'circle-color': ['case', selected, PALETTE.selected, hovered, PALETTE.hover, approx, '#ffffff', g.color],
          'circle-stroke-color': g.color,
          'circle-stroke-width': ['case', approx, 2.5, 1.5],
          'circle-opacity': 1,
          'circle-stroke-opacity': 1,
        } }, { 'yc:geom': isPoint, 'yc:opacity': { 'circle-opacity': 1, 'circle-stroke-opacity': 1 } }),
        // the 滨海 key points keep the platform, point, area and zone labels off their circles: an
        // invisible dot per point, placed after the belt and core labels but before those (layer
        // order) and allowed to overlap, so it is always placed and takes its room in the collision
        // index (circles take none)
        ...(g.kind === 'points'
          ? [P('keepout', 94, { type: 'symbol', filter: ['all', isPoint, notLabelPoint], layout: { 'text-field': '●', 'text-size': ['interpolate', ['linear'], ['zoom'], 9, 14, 14, 22], 'text-allow-overlap': true, 'text-padding': 0 }, paint: { 'text-opacity': 0 } }, { 'yc:geom': ['all', isPoint, notLabelPoint] as FilterSpecification })]
          : []),
        // under a point's circle; centred on a polygon's label point. The 滨海 key points (shown from
        // the overview, among the cores and platforms) step aside rather than vanish, keep clear of
        // their neighbours, and leave out a bracketed alias at the overview
        g.kind === 'points'
          ? P('label', 85, { type: 'symbol', layout: textLayout(lang, 11, { 'text-variable-anchor-offset': ['case', isLabelPoint, ['literal', around(true, 1)], ['literal', around(false, 1.1)]], 'text-padding': 4, 'text-optional': true }, false, SHORT_BELOW), minzoom: 9, paint: { 'text-color': PALETTE.label, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.5 } }, { 'yc:label': true, 'yc:bilingual': false, 'yc:short': SHORT_BELOW, 'yc:opacity': { 'text-opacity': 1 } })
          : P('label', 85, { type: 'symbol', layout: textLayout(lang, 11, { 'text-offset': ['case', isLabelPoint, ['literal', [0, 0]], ['literal', [0, 1.1]]], 'text-anchor': ['case', isLabelPoint, 'center', 'top'], 'text-optional': true }, false), minzoom: 11.5, paint: { 'text-color': PALETTE.label, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.5 } }, { 'yc:label': true, 'yc:bilingual': false, 'yc:opacity': { 'text-opacity': 1 } }),
      ];
    }
    case 'base':
      return baseLayers(g, lang, P);
  }
}

function baseLayers(g: LayerGroup, lang: Lang, P: (part: string, z: number, spec: Record<string, unknown>, meta?: Partial<Meta>) => LayerSpecification): LayerSpecification[] {
  const kind = (k: string): ExpressionSpecification => ['==', ['get', 'kind'], k];
  switch (g.id) {
    case 'land':
      return [P('fill', 1, { type: 'fill', paint: { 'fill-color': PALETTE.land } })];
    case 'neighbours':
      return [
        P('fill', 2, { type: 'fill', paint: { 'fill-color': PALETTE.neighbour, 'fill-opacity': 1 } }, { 'yc:opacity': { 'fill-opacity': 1 } }),
        P('line', 3, { type: 'line', paint: { 'line-color': PALETTE.neighbourLine, 'line-width': 1, 'line-opacity': 1 } }, { 'yc:opacity': { 'line-opacity': 1 } }),
        P('label', 80, { type: 'symbol', layout: textLayout(lang, 13), paint: { 'text-color': '#8a8477', 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.5 } }, { 'yc:label': true, 'yc:opacity': { 'text-opacity': 1 } }),
      ];
    case 'rivers':
      return [
        P('fill', 5, { type: 'fill', filter: isPolygon, paint: { 'fill-color': PALETTE.water, 'fill-opacity': 1 } }, { 'yc:geom': isPolygon, 'yc:opacity': { 'fill-opacity': 1 } }),
        P('line', 6, { type: 'line', filter: isLine, layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': PALETTE.waterLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 14, 5], 'line-opacity': 1 } }, { 'yc:geom': isLine, 'yc:opacity': { 'line-opacity': 1 } }),
        P('label', 81, { type: 'symbol', layout: textLayout(lang, 11, { 'symbol-placement': 'point' }), minzoom: 10, paint: { 'text-color': '#2a6f9e', 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.5 } }, { 'yc:label': true, 'yc:opacity': { 'text-opacity': 1 } }),
      ];
    case 'roads':
      return [
        P('rail', 9, { type: 'line', filter: kind('railway'), paint: { 'line-color': PALETTE.railway, 'line-width': 1.5, 'line-dasharray': [4, 3], 'line-opacity': 0.9 } }, { 'yc:opacity': { 'line-opacity': 0.9 } }),
        P('casing', 10, { type: 'line', filter: ['!=', ['get', 'kind'], 'railway'], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': PALETTE.roadCasing, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 2.5, 14, 7], 'line-opacity': 1 } }, { 'yc:opacity': { 'line-opacity': 1 } }),
        P('line', 11, { type: 'line', filter: ['!=', ['get', 'kind'], 'railway'], layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': ['match', ['get', 'kind'], 'expressway', PALETTE.expressway, PALETTE.road], 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.2, 14, 5], 'line-opacity': 1 } }, { 'yc:opacity': { 'line-opacity': 1 } }),
        P('label', 82, { type: 'symbol', minzoom: 10.5, layout: textLayout(lang, 10, { 'symbol-placement': 'line', 'symbol-spacing': 350 }), paint: { 'text-color': '#6b6455', 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.5 } }, { 'yc:label': true, 'yc:opacity': { 'text-opacity': 1 } }),
      ];
    case 'outline':
      return [P('line', 50, { type: 'line', layout: { 'line-join': 'round' }, paint: { 'line-color': PALETTE.outline, 'line-width': 2.2, 'line-opacity': 0.85 } }, { 'yc:opacity': { 'line-opacity': 0.85 } })];
    case 'metro':
      return [
        P('line', 55, { type: 'line', filter: kind('metro-line'), layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': ['coalesce', ['get', 'colour'], g.color], 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 14, 4], 'line-opacity': 0.85 } }, { 'yc:opacity': { 'line-opacity': 0.85 } }),
        P('station', 56, { type: 'circle', filter: kind('metro-station'), minzoom: 11, paint: { 'circle-radius': 3.5, 'circle-color': '#ffffff', 'circle-stroke-color': g.color, 'circle-stroke-width': 1.5, 'circle-opacity': 1, 'circle-stroke-opacity': 1 } }, { 'yc:opacity': { 'circle-opacity': 1, 'circle-stroke-opacity': 1 } }),
        P('label', 83, { type: 'symbol', filter: kind('metro-station'), minzoom: 12.5, layout: textLayout(lang, 10, { 'text-offset': [0, 0.9], 'text-anchor': 'top' }), paint: { 'text-color': '#7a0a1c', 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.5 } }, { 'yc:label': true, 'yc:opacity': { 'text-opacity': 1 } }),
      ];
    case 'towns':
      return [P('label', 84, { type: 'symbol', maxzoom: 15, minzoom: 10, layout: textLayout(lang, 11, { 'text-letter-spacing': 0.1 }), paint: { 'text-color': '#5c5c5c', 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.5, 'text-opacity': 1 } }, { 'yc:label': true, 'yc:opacity': { 'text-opacity': 1 } })];
    case 'cities':
      return [
        P('dot', 57, { type: 'circle', maxzoom: 10, paint: { 'circle-radius': 4, 'circle-color': '#333333', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5, 'circle-opacity': 1 } }, { 'yc:opacity': { 'circle-opacity': 1 } }),
        P('label', 86, { type: 'symbol', maxzoom: 10, layout: textLayout(lang, 14, { 'text-offset': [0, 1], 'text-anchor': 'top' }), paint: { 'text-color': '#222222', 'text-halo-color': PALETTE.halo, 'text-halo-width': 2 } }, { 'yc:label': true, 'yc:opacity': { 'text-opacity': 1 } }),
      ];
    default:
      return [];
  }
}

export const layerMeta = (l: LayerSpecification): Meta => (l as unknown as { metadata: Meta }).metadata;

/** All layers of all groups, in drawing order. */
export function allLayers(lang: Lang, groups: LayerGroup[] = GROUPS): LayerSpecification[] {
  return groups.flatMap((g) => groupLayers(g, lang)).sort((a, b) => layerMeta(a)['yc:z'] - layerMeta(b)['yc:z']);
}

/** Layer ids of one group. */
export function layerIdsOf(groupId: string, lang: Lang = 'zh', groups: LayerGroup[] = GROUPS): string[] {
  const g = groups.find((x) => x.id === groupId);
  return g ? groupLayers(g, lang).map((l) => l.id) : [];
}

export type GroupData = Record<string, FeatureCollection>;

/** The whole offline style. Sources hold data objects: nothing is fetched by the map. */
export function buildStyle(data: GroupData, lang: Lang, groups: LayerGroup[] = GROUPS): StyleSpecification {
  const sources: StyleSpecification['sources'] = {};
  for (const g of groups) {
    sources[sourceId(g.id)] = { type: 'geojson', data: withLabelPoints(data[g.id] ?? { type: 'FeatureCollection', features: [] }), promoteId: 'id' };
  }
  return {
    version: 8,
    name: 'yuecheng-offline',
    sources,
    layers: [{ id: 'sea', type: 'background', paint: { 'background-color': PALETTE.sea } }, ...allLayers(lang, groups)],
  };
}

/** A diagonal hatch tile for platforms, as raw RGBA pixels (no canvas needed). */
export function hatchImage(size = 12, rgb: [number, number, number] = [122, 79, 154]): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size < 2;
      const i = (y * size + x) * 4;
      data[i] = rgb[0];
      data[i + 1] = rgb[1];
      data[i + 2] = rgb[2];
      data[i + 3] = on ? 200 : 0;
    }
  return { width: size, height: size, data };
}

export { ZONE_COLORS, PLATFORM_COLORS };
