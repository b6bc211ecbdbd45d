/**
 * Components drawn over or into the map (overlays, tools, modes). One entry per concept; each is
 * loaded lazily and mounted once inside the map area. A new map concept = one entry here.
 */
import type { Component } from 'svelte';

export interface OverlayDef {
  id: string;
  load: () => Promise<{ default: Component }>;
}

export const OVERLAYS: OverlayDef[] = [
  { id: 'story', load: () => import('./Story.svelte') },
  { id: 'print', load: () => import('./PrintSheet.svelte') },
  { id: 'nearby', load: () => import('./NearbyLayer.svelte') },
  { id: 'user-layers', load: () => import('./ImportLayers.svelte') },
  { id: 'measure', load: () => import('./MeasureTool.svelte') },
  { id: 'workspace', load: () => import('./WorkspaceOverlay.svelte') },
  { id: 'basemap', load: () => import('./BasemapSwitcher.svelte') },
  { id: 'update', load: () => import('./UpdateWatch.svelte') },
  { id: 'link-check', load: () => import('./LinkCheck.svelte') },
];

/** Buttons or small components in the header's action area (story mode, export, …). */
export const HEADER_ACTIONS: OverlayDef[] = [
  { id: 'story', load: () => import('./StoryButton.svelte') },
  { id: 'export', load: () => import('./ExportMenu.svelte') },
  { id: 'share', load: () => import('./ShareButton.svelte') },
];
