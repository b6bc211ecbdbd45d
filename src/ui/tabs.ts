/** Side-panel tabs: one entry per panel. A new panel = one entry here + its component. */
import type { Component } from 'svelte';
import type { Bilingual } from '../lib/layers/registry.ts';
import type { TabId } from '../lib/state/tabs.ts';

export interface TabDef {
  id: TabId;
  label: Bilingual;
  load: () => Promise<{ default: Component }>;
}

export const TABS: TabDef[] = [
  { id: 'layers', label: { zh: '图层', en: 'Layers' }, load: () => import('./LayerPanel.svelte') },
  { id: 'filter', label: { zh: '筛选', en: 'Filter' }, load: () => import('./FilterPanel.svelte') },
  { id: 'nearby', label: { zh: '附近', en: 'Nearby' }, load: () => import('./NearbyPanel.svelte') },
  { id: 'targets', label: { zh: '指标', en: 'Targets' }, load: () => import('./TargetsPanel.svelte') },
  { id: 'stats', label: { zh: '统计', en: 'Stats' }, load: () => import('./StatsPanel.svelte') },
  { id: 'import', label: { zh: '导入导出', en: 'Data' }, load: () => import('./ImportPanel.svelte') },
];
