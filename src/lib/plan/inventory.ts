/**
 * The inventory (geodata/inventory.json): every element the plan names, with its disposition.
 * Pure TS: types, validation (used by check:geodata), counts and grouping (used by the app).
 */
import { squashWs } from './text.ts';
import { ZONES, type Zone } from './types.ts';

export const DISPOSITIONS = ['mapped', 'within', 'unsited', 'not-a-place'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const NOT_A_PLACE_KINDS = ['title', 'programme', 'event', 'digital', 'organisation', 'unnamed', 'concept', 'outside', 'aim'] as const;
export type NotAPlaceKind = (typeof NOT_A_PLACE_KINDS)[number];

export interface InventoryEntry {
  id: string;
  name_zh: string;
  name_en: string;
  section: string;
  excerpt_zh: string;
  disposition: Disposition;
  /** mapped: the feature; within: the area feature it lies in */
  feature?: string;
  /** unsited: the zone when the plan says which, else null */
  zone?: Zone | null;
  /** not-a-place: what it is instead, and why */
  kind?: NotAPlaceKind;
  reason?: string;
}

export interface Inventory {
  about?: string;
  entries: InventoryEntry[];
}

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface InventoryContext {
  /** the plan text (whitespace is ignored when matching excerpts) */
  planText?: string;
  /** every feature id in geodata (plan and base) → its geometry type; null: a file is unreadable, skip */
  features: Map<string, string> | null;
}

/** Problems of an inventory, one message per mistake, each naming the entry. */
export function validateInventory(obj: unknown, ctx: InventoryContext): { id: string | null; message: string }[] {
  const out: { id: string | null; message: string }[] = [];
  const inv = obj as Inventory;
  if (!inv || typeof inv !== 'object' || !Array.isArray(inv.entries)) return [{ id: null, message: 'not an inventory: expected { "entries": [...] }' }];
  const plan = ctx.planText ? squashWs(ctx.planText) : null;
  const seen = new Set<string>();
  inv.entries.forEach((e, i) => {
    const id = typeof e?.id === 'string' ? e.id : `#${i}`;
    const add = (message: string) => out.push({ id, message });
    if (!e || typeof e !== 'object') return add('entry is not an object');
    if (!KEBAB.test(id)) add(`id "${id}" is not kebab-case`);
    else if (seen.has(id)) add('duplicate id');
    seen.add(id);
    for (const k of ['name_zh', 'name_en', 'section', 'excerpt_zh'] as const) if (typeof e[k] !== 'string' || !e[k].trim()) add(`missing ${k}`);
    if (plan && typeof e.excerpt_zh === 'string' && e.excerpt_zh.trim() && !plan.includes(squashWs(e.excerpt_zh)))
      add(`excerpt_zh "${e.excerpt_zh}" does not occur in the plan text`);
    if (!DISPOSITIONS.includes(e.disposition)) return add(`disposition must be one of ${DISPOSITIONS.join(', ')}`);
    if ((e.disposition === 'mapped' || e.disposition === 'within') && ctx.features) {
      const t = e.feature ? ctx.features.get(e.feature) : undefined;
      if (!e.feature) add(`${e.disposition} entry needs a feature id`);
      else if (!t) add(`feature "${e.feature}" does not exist in geodata`);
      else if (e.disposition === 'within' && !/Polygon/.test(t)) add(`within names "${e.feature}", which is a ${t}, not an area`);
    } else if (e.disposition !== 'mapped' && e.disposition !== 'within' && e.feature !== undefined) add(`${e.disposition} entry must not name a feature`);
    if (e.disposition === 'unsited' && e.zone != null && !ZONES.includes(e.zone)) add(`zone must be one of ${ZONES.join(', ')} or null`);
    if (e.disposition === 'not-a-place') {
      if (typeof e.reason !== 'string' || !e.reason.trim()) add('not-a-place entry needs a one-line reason');
      if (!NOT_A_PLACE_KINDS.includes(e.kind as NotAPlaceKind)) add(`kind must be one of ${NOT_A_PLACE_KINDS.join(', ')}`);
    }
  });
  return out;
}

export function inventoryCounts(entries: readonly InventoryEntry[]): Record<Disposition, number> {
  const c = Object.fromEntries(DISPOSITIONS.map((d) => [d, 0])) as Record<Disposition, number>;
  for (const e of entries) if (DISPOSITIONS.includes(e.disposition)) c[e.disposition]++;
  return c;
}

/** The chapter (一 … 十二) of a section such as `六(二)1` or `五(一) 专栏一`; 专栏三 belongs to 六. */
export function chapterOfSection(section: string): string {
  if (section.startsWith('专栏三')) return '六';
  const m = /^([一二三四五六七八九十]+)/.exec(section);
  return m ? m[1] : section;
}

/** Entries of one disposition grouped by chapter, in plan order. */
export function byChapter(entries: readonly InventoryEntry[], d: Disposition): [string, InventoryEntry[]][] {
  const m = new Map<string, InventoryEntry[]>();
  for (const e of entries) if (e.disposition === d) m.set(chapterOfSection(e.section), [...(m.get(chapterOfSection(e.section)) ?? []), e]);
  return [...m];
}

export const INVENTORY_BEGIN = '<!-- inventory:begin (npm run geodata:readme) -->';
export const INVENTORY_END = '<!-- inventory:end -->';

export function inventoryMarkdown(entries: readonly InventoryEntry[]): string {
  const c = inventoryCounts(entries);
  return [
    '| disposition | entries | meaning |',
    '|---|---:|---|',
    `| mapped | ${c.mapped} | drawn as a feature (several entries can name one feature) |`,
    `| within | ${c.within} | lies in a drawn area; the plan gives no more exact site |`,
    `| unsited | ${c.unsited} | a place or facility the plan gives no site for |`,
    `| not-a-place | ${c['not-a-place']} | a policy, title, programme, event, system or aim |`,
    `| **all** | **${entries.length}** | |`,
  ].join('\n');
}

export function replaceInventoryCounts(readme: string, table: string): string {
  const a = readme.indexOf(INVENTORY_BEGIN);
  const b = readme.indexOf(INVENTORY_END);
  if (a < 0 || b < a) return readme;
  return readme.slice(0, a + INVENTORY_BEGIN.length) + '\n' + table + '\n' + readme.slice(b);
}
