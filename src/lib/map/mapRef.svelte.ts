/**
 * The one MapLibre instance, for components that add their own map concept (one component per
 * concept: nearby radius, measurement, user layers, story camera, base maps). Read `mapRef.map`
 * inside an $effect; it is null until the style has loaded.
 */
import type { Map as MlMap } from 'maplibre-gl';

export const mapRef: { map: MlMap | null } = $state({ map: null });

/** Id of the first plan layer: insert base-map layers below it so the plan stays on top. */
export const FIRST_PLAN_LAYER = 'neighbours-fill';
