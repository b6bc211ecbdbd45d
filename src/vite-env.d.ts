/// <reference types="svelte" />
/// <reference types="vite/client" />
declare module 'virtual:search-index' {
  import type { SearchEntry } from './lib/plan/search.ts';
  const entries: SearchEntry[];
  export default entries;
}
