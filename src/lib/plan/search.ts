/**
 * Search over names in Chinese, English and pinyin (full or initials), plus synonyms (`alt`: the
 * plan's structure terms such as 三核 or 地铁, and their pinyin and English). The pinyin is computed
 * at build time (plugins/search-index.ts), so this module only compares strings.
 */
export type SearchGroup = 'area' | 'project' | 'place';
export const SEARCH_GROUPS: readonly SearchGroup[] = ['area', 'project', 'place'];

export interface SearchEntry {
  id: string;
  name_zh: string;
  name_en: string;
  py: string;
  ini: string;
  /** 'plan' for plan features, 'inv' for inventory entries, else the base group (towns, metro, …) */
  kind: string;
  /** areas and the plan's structure (区域/结构) · plan projects and items (规划项目) · places (地名) */
  group?: SearchGroup;
  /** synonyms, already normalized (lower case, no spaces or punctuation): zh, pinyin, initials, English */
  alt?: string[];
  /** the feature an entry stands for (inventory entries): hits for the same feature are merged */
  ref?: string;
}

export interface SearchHit {
  entry: SearchEntry;
  score: number;
}

export const norm = (s: string) => s.toLowerCase().normalize('NFKC').replace(/[\s'’·\-_,.()（）“”"《》]/g, '');

const GROUP_BONUS: Record<SearchGroup, number> = { area: 8, project: 5, place: 0 };

function scoreOf(e: SearchEntry, q: string): number {
  const zh = norm(e.name_zh);
  const en = norm(e.name_en);
  if (zh === q || en === q || e.py === q || e.ini === q) return 100;
  if (e.alt?.includes(q)) return 95;
  if (zh.startsWith(q) || en.startsWith(q) || e.py.startsWith(q) || e.ini.startsWith(q)) return 80;
  if (e.alt?.some((a) => a.startsWith(q))) return 75;
  if (zh.includes(q) || en.includes(q)) return 60;
  if (e.py.includes(q) || e.ini.includes(q)) return 40;
  return 0;
}

/**
 * Ranked hits. An area or structure whose name (or synonym) matches comes before a project whose
 * name merely contains the term; an inventory entry and the feature it names count once.
 */
export function searchEntries(entries: readonly SearchEntry[], query: string, limit = 50): SearchHit[] {
  const q = norm(query);
  if (!q) return [];
  const best = new Map<string, SearchHit>();
  for (const e of entries) {
    const s = scoreOf(e, q);
    if (!s) continue;
    const group = e.group ?? (e.kind === 'plan' ? 'project' : 'place');
    const score = s + GROUP_BONUS[group] - (e.kind === 'inv' ? 1 : 0) - Math.min(norm(e.name_zh).length, 30) / 100;
    const key = e.ref ?? e.id;
    const had = best.get(key);
    if (!had || score > had.score || (score === had.score && had.entry.kind === 'inv' && e.kind !== 'inv')) best.set(key, { entry: e, score });
  }
  const hits = [...best.values()];
  hits.sort((a, b) => b.score - a.score || a.entry.name_zh.localeCompare(b.entry.name_zh, 'zh'));
  return hits.slice(0, limit);
}

export const groupOfHit = (h: SearchHit): SearchGroup => h.entry.group ?? (h.entry.kind === 'plan' ? 'project' : 'place');

/** Hits in groups (区域/结构 · 规划项目 · 地名), the groups ordered by their best hit, hits in rank order. */
export function groupHits(hits: readonly SearchHit[]): { group: SearchGroup; hits: SearchHit[] }[] {
  const out: { group: SearchGroup; hits: SearchHit[] }[] = [];
  for (const h of hits) {
    const g = groupOfHit(h);
    const slot = out.find((x) => x.group === g);
    if (slot) slot.hits.push(h);
    else out.push({ group: g, hits: [h] });
  }
  return out;
}

/** Ids of plan features matching a query (for the text filter). */
export function matchingIds(entries: readonly SearchEntry[], query: string): Set<string> {
  const ids = new Set<string>();
  for (const h of searchEntries(entries, query, Infinity)) {
    if (h.entry.kind === 'plan') ids.add(h.entry.id);
    else if (h.entry.kind === 'inv' && h.entry.ref) ids.add(h.entry.ref); // an inventory name of a feature
  }
  return ids;
}

/** The full index from the first-load one plus what loads later (synonyms by id, extra places). */
export function extendIndex(core: readonly SearchEntry[], alt: Record<string, string[]>, extra: readonly SearchEntry[]): SearchEntry[] {
  return [...core.map((e) => (alt[e.id] ? { ...e, alt: alt[e.id] } : e)), ...extra];
}
