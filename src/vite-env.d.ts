/// <reference types="svelte" />
/// <reference types="vite/client" />
declare module 'virtual:search-index' {
  import type { SearchEntry } from './lib/plan/search.ts';
  const entries: SearchEntry[];
  export default entries;
}

interface ImportMetaEnv {
  readonly VITE_TDT_KEY?: string;
  readonly VITE_DEFAULT_BASEMAP?: string;
  readonly VITE_MAP_REVIEW_NO?: string;
  readonly VITE_ICP?: string;
  readonly VITE_FRAME_ANCESTORS?: string;
}
declare module 'virtual:inventory' {
  import type { SearchEntry } from './lib/plan/search.ts';
  import type { InventoryEntry } from './lib/plan/inventory.ts';
  export const entries: InventoryEntry[];
  export const index: SearchEntry[];
  /** base places and lines not in the first-load index (rivers, roads, neighbours, metro lines) */
  export const extra: SearchEntry[];
  /** synonyms of first-load entries, by id */
  export const alt: Record<string, string[]>;
}
