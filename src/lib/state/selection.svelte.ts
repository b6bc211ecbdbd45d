/**
 * Select by area: the area (drawn polygon, circle, or a zone/platform), and the features inside
 * (plan features passing the current filters, and visible imported layers). Pure computation in
 * src/lib/geo/select.ts; the map part in src/ui/SelectAreaLayer.svelte.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { app } from './app.svelte.ts';
import { userLayers } from './userLayers.svelte.ts';
import { buildSelectIndex, selectInArea, type SelectIndex, type Selection } from '../geo/select.ts';
import type { CountedFeature } from '../geo/stats.ts';

export type DrawMode = 'polygon' | 'circle';

class SelectionState {
  /** drawing in progress */
  mode: DrawMode | null = $state(null);
  area: Polygon | MultiPolygon | null = $state.raw(null);
  /** what the area is: a zone/platform name, or 'polygon' / 'circle (r)' */
  label: { zh: string; en: string } | null = $state.raw(null);
  /** id of a picked zone/platform (excluded from its own result) */
  areaId: string | null = $state(null);

  private planIdx: { key: unknown; idx: SelectIndex } | null = null;
  private userIdx = new WeakMap<object, SelectIndex>();

  /** The selection's features, recomputed when the area, the filters or the layers change. */
  result: Selection | null = $derived.by(() => (this.area ? this.compute(this.area) : null));

  compute(area: Polygon | MultiPolygon): Selection {
    const plan = app.filtered;
    if (!this.planIdx || this.planIdx.key !== plan) {
      const items: CountedFeature[] = plan
        .filter((f) => f.properties.id !== this.areaId && f.properties.layer !== 'zones')
        .map((f) => ({ id: f.properties.id, name_zh: f.properties.name_zh, name_en: f.properties.name_en, category: f.properties.category, layer: f.properties.layer, geometry: f.geometry }));
      this.planIdx = { key: plan, idx: buildSelectIndex(items) };
    }
    const parts: Selection[] = [selectInArea(this.planIdx.idx, area)];
    for (const l of userLayers.layers) {
      if (!l.visible) continue;
      let idx = this.userIdx.get(l.fc);
      if (!idx) {
        const items: CountedFeature[] = l.fc.features.map((f, i) => ({ id: `${l.id}:${i}`, name_zh: l.labels[i] ?? `#${i + 1}`, category: l.id, layer: l.id, geometry: f.geometry }));
        idx = buildSelectIndex(items);
        this.userIdx.set(l.fc, idx);
      }
      parts.push(selectInArea(idx, area));
    }
    const byCategory: Record<string, number> = {};
    for (const p of parts) for (const [k, v] of Object.entries(p.byCategory)) byCategory[k] = (byCategory[k] ?? 0) + v;
    return { features: parts.flatMap((p) => p.features), byCategory, area_m2: parts[0].area_m2 };
  }

  set(area: Polygon | MultiPolygon, label: { zh: string; en: string }, areaId: string | null = null) {
    this.areaId = areaId;
    this.planIdx = null;
    this.label = label;
    this.area = area;
    this.mode = null;
  }

  clear() {
    this.area = null;
    this.label = null;
    this.areaId = null;
    this.mode = null;
  }
}

export const selection = new SelectionState();
