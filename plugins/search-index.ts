/**
 * Build-time search index: pinyin (full and initials) for every searchable name, computed here
 * so that pinyin-pro's dictionary never reaches the page. Exposed as `virtual:search-index`
 * (features and base places, loaded at start) and `virtual:inventory` (every element the plan
 * names, with its disposition; loaded when first needed, so the first load stays small).
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
  /** 'plan' for plan features, 'inv' for inventory entries, else the base group (towns, metro, …) */
  kind: string;
  group: 'area' | 'project' | 'place';
  alt?: string[];
  ref?: string;
}

/** Letters and digits only, lower case. */
export const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]/g, '');
const norm = (s: string) => s.toLowerCase().normalize('NFKC').replace(/[\s'’·\-_,.()（）“”"《》]/g, '');

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

/** Synonyms as searched: each term normalized, and Chinese terms also as pinyin and initials. */
export function altOf(terms: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of terms) {
    out.add(norm(t));
    if (/[\u4e00-\u9fff]/.test(t)) {
      const { py, ini } = pinyinOf(t);
      out.add(py);
      if (ini.length > 1) out.add(ini);
    }
  }
  out.delete('');
  return [...out];
}

/** Plan groups that are areas or the plan's structure (区域/结构) rather than projects. */
export const AREA_GROUPS = new Set(['zones', 'cores', 'belts', 'platforms', 'points', 'areas']);

/** The plan's structure terms and everyday words, with their English: which features they find. */
const GROUP_TERMS: Record<string, string[]> = {
  cores: ['三核', 'three cores', '核心'],
  belts: ['两带', 'two belts'],
  platforms: ['四平台', 'four platforms', '平台'],
  points: ['多点', 'key points'],
  zones: ['功能区', 'functional zones', '五大功能区'],
  areas: ['区域', 'areas'],
};
const SUBCATEGORY_TERMS: Record<string, string[]> = {
  hospital: ['医院', 'hospital'],
  school: ['学校', 'school'],
  university: ['学校', '高校', '大学', 'school', 'university', 'college'],
  park: ['公园', 'park'],
  forest: ['公园', '森林公园', 'park', 'forest park'],
  wetland: ['公园', '湿地公园', 'park', 'wetland'],
  metro: ['地铁', '轨道交通', 'metro', 'subway'],
};
const FEATURE_TERMS: Record<string, string[]> = {
  'binhai-new-area': ['滨海新区', '滨海', '绍兴滨海新区', 'Binhai New Area', 'Binhai'],
  'paojiang-area': ['袍江区块', '袍江片区', 'Paojiang area'],
  'jinghu-new-area': ['镜湖新区', '镜湖新城', '镜湖', 'Jinghu', 'Jinghu New Town'],
  'high-tech-zone-area': ['高新区', '高新', 'high-tech zone', 'high tech zone'],
  'binhai-start-area': ['启动区', '起步区', 'start area'],
  'shaoxing-ancient-city': ['古城', 'old city', 'ancient city'],
  'dongpu-area': ['东浦街道'],
  'lingzhi-area': ['灵芝街道'],
  'yuecheng-sci-tech-corridor': ['科创大走廊', '科创走廊', 'innovation corridor'],
  'hejiachi-park': ['公园', 'park'],
};

function planAlt(p: Record<string, unknown>): string[] | undefined {
  const terms = [
    ...(GROUP_TERMS[String(p.layer)] ?? []),
    ...(SUBCATEGORY_TERMS[String(p.subcategory)] ?? []),
    ...(FEATURE_TERMS[String(p.id)] ?? []),
    ...(/公园/.test(String(p.name_zh)) ? ['公园', 'park'] : []),
    ...(/医院/.test(String(p.name_zh)) ? ['医院', 'hospital'] : []),
  ];
  return terms.length ? altOf(terms) : undefined;
}

function baseAlt(group: string, p: Record<string, unknown>): string[] | undefined {
  const zh = String(p.name_zh ?? '');
  if (group === 'metro' && p.kind === 'metro-station') return altOf([`${zh}站`, `${p.name_en} station`, '地铁', '地铁站', 'metro', 'metro station', 'subway']);
  if (group === 'metro') return altOf(['地铁', '轨道交通', 'metro', 'subway']);
  if (group === 'towns') return altOf([zh.replace(/(街道|镇)$/, '')]);
  if (group === 'neighbours') return altOf([zh.replace(/(区|市|县)$/, '')]);
  return undefined;
}

const BASE_SEARCHABLE = ['towns', 'metro', 'rivers', 'roads', 'cities', 'neighbours'];

export function buildIndex(geodataDir: string): IndexEntry[] {
  const out: IndexEntry[] = [];
  const add = (file: string, make: (p: Record<string, unknown>) => Partial<IndexEntry> | null) => {
    const fc = JSON.parse(readFileSync(file, 'utf8'));
    for (const f of fc.features ?? []) {
      const p = f.properties ?? {};
      const m = make(p);
      if (!m || typeof p.name_zh !== 'string' || !p.id) continue;
      const e: IndexEntry = { id: String(p.id), name_zh: p.name_zh, name_en: String(p.name_en ?? ''), kind: 'plan', group: 'project', ...pinyinOf(p.name_zh), ...m };
      if (!e.alt?.length) delete e.alt;
      out.push(e);
    }
  };
  for (const f of readdirSync(geodataDir).filter((f) => f.endsWith('.geojson')).sort())
    add(join(geodataDir, f), (p) => ({ kind: 'plan', group: AREA_GROUPS.has(String(p.layer)) ? 'area' : 'project', alt: planAlt(p) }));
  for (const g of BASE_SEARCHABLE) {
    const file = join(geodataDir, 'base', `${g}.geojson`);
    if (existsSync(file)) add(file, (p) => (p.kind === 'water-label' ? null : { kind: g, group: 'place', alt: baseAlt(g, p) }));
  }
  return out;
}

/** What the first load needs: the names of plan features and of the base places searched before (no synonyms). */
const CORE_KINDS = new Set(['plan', 'towns', 'metro', 'cities']);
export function splitIndex(full: IndexEntry[]): { core: IndexEntry[]; extra: IndexEntry[]; alt: Record<string, string[]> } {
  const core: IndexEntry[] = [];
  const extra: IndexEntry[] = [];
  const alt: Record<string, string[]> = {};
  for (const e of full) {
    const { alt: a, ...rest } = e;
    const isCore = CORE_KINDS.has(e.kind) && !(e.kind === 'metro' && !e.id.startsWith('metro-station-'));
    if (!isCore) extra.push(e);
    else {
      core.push(rest);
      if (a) alt[e.id] = a;
    }
  }
  return { core, extra, alt };
}

interface InvEntry { id: string; name_zh: string; name_en: string; disposition: string; feature?: string }

/** Search entries for the inventory: each entry's own name; a mapped entry refers to its feature. */
export function buildInventoryIndex(geodataDir: string): { entries: unknown[]; index: IndexEntry[] } {
  const inv = JSON.parse(readFileSync(join(geodataDir, 'inventory.json'), 'utf8')) as { entries: InvEntry[] };
  const features = new Map(buildIndex(geodataDir).map((e) => [e.id, e]));
  const index: IndexEntry[] = inv.entries.map((e) => {
    const target = e.disposition === 'mapped' && e.feature ? features.get(e.feature) : undefined;
    return {
      id: `inv:${e.id}`,
      name_zh: e.name_zh,
      name_en: e.name_en,
      kind: 'inv',
      group: target?.group ?? 'project',
      ...pinyinOf(e.name_zh),
      ...(target ? { ref: target.id } : {}),
    };
  });
  return { entries: inv.entries, index };
}

export function searchIndexPlugin(geodataDir: string): Plugin {
  const VIRTUAL = 'virtual:search-index';
  const INVENTORY = 'virtual:inventory';
  return {
    name: 'yuecheng-search-index',
    resolveId: (id) => (id === VIRTUAL || id === INVENTORY ? '\0' + id : null),
    load(id) {
      if (id === '\0' + VIRTUAL) {
        this.addWatchFile(geodataDir);
        return `export default ${JSON.stringify(splitIndex(buildIndex(geodataDir)).core)};`;
      }
      if (id === '\0' + INVENTORY) {
        this.addWatchFile(join(geodataDir, 'inventory.json'));
        const { entries, index } = buildInventoryIndex(geodataDir);
        const { extra, alt } = splitIndex(buildIndex(geodataDir));
        return [
          `export const entries = ${JSON.stringify(entries)};`,
          `export const index = ${JSON.stringify(index)};`,
          `export const extra = ${JSON.stringify(extra)};`,
          `export const alt = ${JSON.stringify(alt)};`,
        ].join('\n');
      }
      return null;
    },
  };
}
