/** Types of a plan feature. Pure TS: no DOM, no map. */
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export const ZONES = ['north', 'west', 'central', 'south', 'east'] as const;
export type Zone = (typeof ZONES)[number];

export const LOCATION_QUALITIES = ['sourced', 'estimated', 'schematic'] as const;
export type LocationQuality = (typeof LOCATION_QUALITIES)[number];

/** Status as the plan states it (April 2021). */
export const STATUSES = ['completed', 'underway', 'planned'] as const;
export type Status = (typeof STATUSES)[number];

/** Plan layer groups; each has exactly one file geodata/<id>.geojson. */
export const PLAN_GROUPS = [
  'zones',
  'cores',
  'belts',
  'platforms',
  'points',
  'areas',
  'industry',
  'innovation',
  'culture',
  'transport',
  'water',
  'ecology',
  'public-service',
  'community',
  'commerce',
] as const;
export type PlanGroupId = (typeof PLAN_GROUPS)[number];

/** Base-map groups; each has exactly one file geodata/base/<id>.geojson. */
export const BASE_GROUPS = ['land', 'neighbours', 'outline', 'rivers', 'roads', 'metro', 'towns', 'cities'] as const;
export type BaseGroupId = (typeof BASE_GROUPS)[number];

export interface PlanProperties {
  id: string;
  name_zh: string;
  name_en: string;
  layer: PlanGroupId;
  category: PlanGroupId;
  subcategory?: string | null;
  zone: Zone | null;
  section: string;
  excerpt_zh: string;
  figures: string | null;
  status: Status;
  location_quality: LocationQuality;
  location_source: string;
  also?: PlanGroupId[];
  context?: boolean;
  description_zh?: string;
  description_en?: string;
  /** location_source in Chinese (location_source stays the English/original) */
  location_source_zh?: string;
  /** schematic footprint radius of a core, metres */
  radius_m?: number;
}

export type PlanFeature = Feature<Geometry, PlanProperties>;
export type PlanCollection = FeatureCollection<Geometry, PlanProperties>;

export interface BaseProperties {
  id: string;
  name_zh?: string;
  name_en?: string;
  kind?: string;
  source: string;
  location_quality: LocationQuality;
  context?: boolean;
  [k: string]: unknown;
}
