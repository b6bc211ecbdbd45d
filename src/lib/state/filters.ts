/**
 * Filters as one pure description, turned into (a) a MapLibre style filter and (b) the same
 * predicate in JS for lists and statistics. A unit test proves the two agree.
 */
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { LocationQuality, Status, Zone } from '../plan/types.ts';

export interface Filters {
  cat: string[];
  zone: Zone[];
  ch: string[];
  st: Status[];
  lq: LocationQuality[];
  /** ids matching the free-text query, or null when there is no query */
  textIds: ReadonlySet<string> | null;
  /** hidden sub-categories, as group:subcategory */
  hide: string[];
}

export const NO_FILTERS: Filters = { cat: [], zone: [], ch: [], st: [], lq: [], textIds: null, hide: [] };

/** Properties the predicate reads (set on every plan feature at load). */
export interface FilterableProps {
  id: string;
  layer: string;
  category: string;
  also_str?: string;
  zone: string | null;
  chapter?: string | null;
  status: string;
  location_quality: string;
  subcategory?: string | null;
}

export function isActive(f: Filters): boolean {
  return !!(f.cat.length || f.zone.length || f.ch.length || f.st.length || f.lq.length || f.textIds || f.hide.length);
}

export function matches(p: FilterableProps, f: Filters): boolean {
  if (f.cat.length && !f.cat.some((c) => p.category === c || (p.also_str ?? '').includes(`,${c},`))) return false;
  if (f.zone.length && !f.zone.includes(p.zone as Zone)) return false;
  if (f.ch.length && !f.ch.includes(p.chapter ?? '')) return false;
  if (f.st.length && !f.st.includes(p.status as Status)) return false;
  if (f.lq.length && !f.lq.includes(p.location_quality as LocationQuality)) return false;
  if (f.textIds && !f.textIds.has(p.id)) return false;
  if (f.hide.length && f.hide.includes(`${p.layer}:${p.subcategory ?? ''}`)) return false;
  return true;
}

const inList = (prop: ExpressionSpecification, values: string[]): ExpressionSpecification => ['in', prop, ['literal', values]];
const get = (k: string): ExpressionSpecification => ['get', k];

/** The style filter for the same predicate. `true` when nothing is filtered. */
export function filterExpression(f: Filters): FilterSpecification {
  const parts: ExpressionSpecification[] = [];
  if (f.cat.length)
    parts.push(['any', inList(get('category'), f.cat), ...f.cat.map((c): ExpressionSpecification => ['in', `,${c},`, ['coalesce', get('also_str'), '']])]);
  if (f.zone.length) parts.push(inList(['coalesce', get('zone'), ''], f.zone));
  if (f.ch.length) parts.push(inList(['coalesce', get('chapter'), ''], f.ch));
  if (f.st.length) parts.push(inList(get('status'), f.st));
  if (f.lq.length) parts.push(inList(get('location_quality'), f.lq));
  if (f.textIds) parts.push(inList(get('id'), [...f.textIds]));
  if (f.hide.length) parts.push(['!', inList(['concat', get('layer'), ':', ['coalesce', get('subcategory'), '']], f.hide)]);
  if (!parts.length) return true as unknown as FilterSpecification;
  return (parts.length === 1 ? parts[0] : ['all', ...parts]) as FilterSpecification;
}

/** Combine a layer's own geometry filter with the state filter. */
export function combine(geom: FilterSpecification | undefined, state: FilterSpecification): FilterSpecification | null {
  const stateTrivial = (state as unknown) === true;
  if (!geom && stateTrivial) return null;
  if (!geom) return state;
  if (stateTrivial) return geom;
  return ['all', geom as ExpressionSpecification, state as ExpressionSpecification] as FilterSpecification;
}
