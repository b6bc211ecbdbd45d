/**
 * Build-time search index: pinyin (full and initials) for every searchable name, computed here
 * so that pinyin-pro's dictionary never reaches the page. Exposed as `virtual:search-index`.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { pinyin } from 'pinyin-pro';

export interface IndexEntry {
  id: string;
  name_zh: string;
  name_en: string;
  /** full pinyin, lower case, letters and digits only */
  py: string;
  /** initials, one letter per Chinese character */
  ini: string;
  /** 'plan' for plan features, else the base group (towns, metro, cities) */
  kind: string;
}

/** Letters and digits only, lower case. */
export const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]/g, '');

export function pinyinOf(name: string): { py: string; ini: string } {
  const py = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  const ini = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return { py, ini };
}

const BASE_SEARCHABLE = ['towns', 'metro', 'cities'];

export function buildIndex(geodataDir: string): IndexEntry[] {
  const out: IndexEntry[] = [];
  const add = (file: string, kind: (p: Record<string, unknown>) => string | null) => {
    const fc = JSON.parse(readFileSync(file, 'utf8'));
    for (const f of fc.features ?? []) {
      const p = f.properties ?? {};
      const k = kind(p);
      if (!k || typeof p.name_zh !== 'string' || !p.id) continue;
      out.push({ id: String(p.id), name_zh: p.name_zh, name_en: String(p.name_en ?? ''), kind: k, ...pinyinOf(p.name_zh) });
    }
  };
  for (const f of readdirSync(geodataDir).filter((f) => f.endsWith('.geojson')).sort()) add(join(geodataDir, f), () => 'plan');
  for (const g of BASE_SEARCHABLE) {
    const file = join(geodataDir, 'base', `${g}.geojson`);
    if (existsSync(file)) add(file, (p) => (g === 'metro' && p.kind !== 'metro-station' ? null : g));
  }
  return out;
}

export function searchIndexPlugin(geodataDir: string): Plugin {
  const VIRTUAL = 'virtual:search-index';
  const RESOLVED = '\0' + VIRTUAL;
  return {
    name: 'yuecheng-search-index',
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      this.addWatchFile(geodataDir);
      return `export default ${JSON.stringify(buildIndex(geodataDir))};`;
    },
  };
}
