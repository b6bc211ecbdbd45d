/** What the exported image and the print sheet list in their legend and source line. Pure. */
import { ATTRIBUTION, DATA_SOURCES, legendEntries, type LayerGroup } from '../layers/registry.ts';
import type { Lang } from '../i18n/strings.ts';
import type { LegendItem } from './layout.ts';

/** Groups without a legend row of their own: pure labels and the neutral neighbour fill. */
export const NO_LEGEND = new Set(['towns', 'neighbours', 'land']);

/**
 * Legend rows of the visible groups only, in registry order, in the registry's colours; as the
 * on-screen legend, groups that cannot be switched (land, context cities) have no row.
 */
export function exportLegend(groups: LayerGroup[], visible: readonly string[], lang: Lang): LegendItem[] {
  return groups
    .filter((g) => visible.includes(g.id) && g.toggleable && !NO_LEGEND.has(g.id))
    .flatMap((g) => legendEntries(g).map((e) => ({ label: e.label[lang], color: e.color, symbol: e.symbol, group: g.id })));
}

/** The one-line source credit of an exported image. */
export function sourcesLine(lang: Lang): string {
  return `${lang === 'zh' ? '数据来源：' : 'Sources: '}${ATTRIBUTION}`;
}

/** Every source, one line each, for the print sheet. */
export const sourceLines = (lang: Lang): string[] => DATA_SOURCES.map((s) => s[lang]);

/** File name of an exported image: yuecheng-map-2026-11-28.png */
export const exportFileName = (date: string) => `yuecheng-map-${date}.png`;
