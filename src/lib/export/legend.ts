/** What the exported image and the print sheet list in their legend and source line. Pure. */
import { ATTRIBUTION, DATA_SOURCES, type LayerGroup, type LegendSymbol } from '../layers/registry.ts';
import { legendGroups, NO_LEGEND } from '../layers/legend.ts';
import type { Lang } from '../i18n/strings.ts';
import type { LegendItem } from './layout.ts';

export { NO_LEGEND };

/** What the legend needs of an imported layer (lib/state/userLayers.svelte.ts), read generically. */
export interface UserLegendLayer {
  id: string;
  name: string;
  color: string;
  visible: boolean;
  kinds: readonly string[];
  /** a style the layer may carry (colour, size); its colour wins */
  style?: { color?: string } | null;
}

export const userSymbol = (kinds: readonly string[]): LegendSymbol => (kinds.includes('polygon') ? 'fill' : kinds.includes('line') ? 'line' : 'circle');

/**
 * Legend rows of the visible groups only, in registry order, in the registry's colours, following
 * the filters (`filtered`: the matching features, or null when nothing is filtered); then one row
 * per visible imported layer, with its name and colour. As the on-screen legend, groups that
 * cannot be switched (land, context cities) have no row.
 */
export function exportLegend(
  groups: LayerGroup[],
  visible: readonly string[],
  lang: Lang,
  filtered: readonly { properties: object & { layer?: string } }[] | null = null,
  users: readonly UserLegendLayer[] = [],
): LegendItem[] {
  return [
    ...legendGroups(groups, visible, filtered).flatMap(({ group, entries }) => entries.map((e) => ({ label: e.label[lang], color: e.color, symbol: e.symbol, group: group.id }))),
    ...users.filter((u) => u.visible).map((u) => ({ label: u.name, color: u.style?.color ?? u.color, symbol: userSymbol(u.kinds), group: `user:${u.id}` })),
  ];
}

/** Base maps that carry a 审图号 of their own when one is configured (VITE_MAP_REVIEW_NO). */
const REVIEWED_BASES = new Set(['tdt-vec', 'tdt-img']);

/** The 审图号 of the base in use, or '' (the embedded sketch and the OSM bases have none). */
export function reviewNumberFor(base: string, mapReviewNo: string): string {
  return REVIEWED_BASES.has(base) ? mapReviewNo.trim() : '';
}

/**
 * The source credit of an exported image, with its provenance: the 审图号 of the base in use (or
 * that the base has none) and the data date.
 */
export function sourcesLine(lang: Lang, prov: { base?: string; mapReviewNo?: string; dataDate?: string } = {}): string {
  const parts = [`${lang === 'zh' ? '数据来源：' : 'Sources: '}${ATTRIBUTION}`];
  if (prov.base !== undefined) {
    const no = reviewNumberFor(prov.base, prov.mapReviewNo ?? '');
    parts.push(no ? (lang === 'zh' ? `审图号：${no}` : `Map review no. (审图号): ${no}`) : lang === 'zh' ? '底图无审图号（示意底图）' : 'base map without a 审图号 (a sketch)');
  }
  if (prov.dataDate) parts.push(lang === 'zh' ? `数据截至 ${prov.dataDate}` : `data as of ${prov.dataDate}`);
  return parts.join(lang === 'zh' ? '；' : '; ');
}

/** Every source, one line each, for the print sheet. */
export const sourceLines = (lang: Lang): string[] => DATA_SOURCES.map((s) => s[lang]);

/** File name of an exported image: yuecheng-map-2026-11-28.png */
export const exportFileName = (date: string) => `yuecheng-map-${date}.png`;
