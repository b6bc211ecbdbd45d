/**
 * Which legend rows to show: the visible, switchable groups in registry order; while filters are
 * active, only the rows that still have a matching feature (the legend follows the filters). Pure;
 * used by the on-screen legend and by the PNG and print exports.
 */
import { legendEntries, type LayerGroup, type LegendEntry } from './registry.ts';

/** Groups without a legend row of their own: pure labels and the neutral neighbour fill. */
export const NO_LEGEND = new Set(['towns', 'neighbours', 'land']);

type Props = object & { layer?: string };

export function legendGroups(
  groups: readonly LayerGroup[],
  visible: readonly string[],
  /** the features passing the filters, or null when nothing is filtered */
  filtered: readonly { properties: Props }[] | null,
): { group: LayerGroup; entries: LegendEntry[] }[] {
  const out: { group: LayerGroup; entries: LegendEntry[] }[] = [];
  for (const g of groups) {
    if (!visible.includes(g.id) || !g.toggleable || NO_LEGEND.has(g.id)) continue;
    let entries = legendEntries(g);
    if (filtered && !g.base) {
      const mine = filtered.filter((f) => f.properties.layer === g.id);
      const by = g.colorBy?.property;
      entries = g.legend && by ? entries.filter((e) => mine.some((f) => (f.properties as Record<string, unknown>)[by] === e.key)) : mine.length ? entries : [];
    }
    if (entries.length) out.push({ group: g, entries });
  }
  return out;
}
