/**
 * Search over names in Chinese, English and pinyin (full or initials). The pinyin is computed at
 * build time (plugins/search-index.ts), so this module only compares strings.
 */
export interface SearchEntry {
  id: string;
  name_zh: string;
  name_en: string;
  py: string;
  ini: string;
  kind: string;
}

export interface SearchHit {
  entry: SearchEntry;
  score: number;
}

const norm = (s: string) => s.toLowerCase().normalize('NFKC').replace(/[\s'’·\-_,.()（）“”"《》]/g, '');

export function searchEntries(entries: readonly SearchEntry[], query: string, limit = 50): SearchHit[] {
  const q = norm(query);
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (const e of entries) {
    const zh = norm(e.name_zh);
    const en = norm(e.name_en);
    let score = 0;
    if (zh === q || en === q || e.py === q || e.ini === q) score = 100;
    else if (zh.startsWith(q) || en.startsWith(q) || e.py.startsWith(q) || e.ini.startsWith(q)) score = 80;
    else if (zh.includes(q) || en.includes(q)) score = 60;
    else if (e.py.includes(q) || e.ini.includes(q)) score = 40;
    if (score) hits.push({ entry: e, score: score + (e.kind === 'plan' ? 5 : 0) - Math.min(zh.length, 30) / 100 });
  }
  hits.sort((a, b) => b.score - a.score || a.entry.name_zh.localeCompare(b.entry.name_zh, 'zh'));
  return hits.slice(0, limit);
}

/** Ids of plan features matching a query (for the text filter). */
export function matchingIds(entries: readonly SearchEntry[], query: string): Set<string> {
  return new Set(searchEntries(entries, query, Infinity).filter((h) => h.entry.kind === 'plan').map((h) => h.entry.id));
}
