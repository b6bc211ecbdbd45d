/**
 * The plan's indicator tables, loaded lazily (separate chunks, not in the initial bundle), and
 * pure helpers for the small target charts.
 */
import type { Cell, ClusterRow, ClustersFile, CompletionFile, TargetRow, TargetsFile } from '../plan/indicators.ts';

export interface Indicators {
  targets: TargetsFile;
  clusters: ClustersFile;
  completion: CompletionFile;
}

let cache: Promise<Indicators> | null = null;

/** Load the three tables once. A failed load is not cached, so it can be retried. */
export function loadIndicators(): Promise<Indicators> {
  cache ??= Promise.all([
    import('../../../geodata/indicators/targets-2025.json').then((m) => m.default as unknown as TargetsFile),
    import('../../../geodata/indicators/clusters.json').then((m) => m.default as unknown as ClustersFile),
    import('../../../geodata/indicators/fyp13-completion.json').then((m) => m.default as unknown as CompletionFile),
  ])
    .then(([targets, clusters, completion]) => ({ targets, clusters, completion }))
    .catch((e) => {
      cache = null;
      throw e;
    });
  return cache;
}

/** Rows grouped by category, in table order. */
export function byCategory(rows: TargetRow[]): { zh: string; en: string; rows: TargetRow[] }[] {
  const out: { zh: string; en: string; rows: TargetRow[] }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.zh === r.category_zh) last.rows.push(r);
    else out.push({ zh: r.category_zh, en: r.category_en, rows: [r] });
  }
  return out;
}

/** A numeric pair can be charted; text cells ("完成省市下达指标") and dashes cannot. */
export const chartable = (r: Pick<TargetRow, 'v2020' | 'v2025'>) => r.v2020.value !== null && r.v2025.value !== null;

const OP_TEXT: Record<string, string> = { '=': '', '>=': '≥', '>': '>', '<': '<', '≈': '≈' };

/** A cell as a short figure: "≥92", "<3", "≈5", "3.7 (2019)"; text cells as printed. */
export function cellText(c: Cell, lang: 'zh' | 'en' = 'zh'): string {
  if (c.value === null) return c.text_zh.replace(/\s+/g, '').replace(/^[—–\-－―]+$/, '—') || '—';
  const v = c.value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 3 });
  return `${OP_TEXT[c.op ?? '='] ?? ''}${v}${c.year ? ` (${c.year})` : ''}`;
}

export interface Dumbbell {
  /** x of the 2020 and 2025 dots in [pad, width - pad] */
  x2020: number;
  x2025: number;
  /** the axis runs towards "better" on the right; for lower-is-better it is reversed */
  reversed: boolean;
  /** 2025 is better than 2020 in the indicator's direction */
  improves: boolean;
  min: number;
  max: number;
}

/**
 * Positions of a 2020 → 2025 dumbbell on an axis from 0 (or below the smaller value) to a
 * little above the larger, drawn so that "better" is always to the right.
 */
export function dumbbell(v2020: number, v2025: number, lowerIsBetter: boolean, width: number, pad = 8): Dumbbell {
  const lo = Math.min(v2020, v2025);
  const hi = Math.max(v2020, v2025);
  const min = lo >= 0 ? 0 : lo * 1.1;
  const max = hi === min ? min + 1 : hi + (hi - min) * 0.08;
  const span = width - 2 * pad;
  const pos = (v: number) => {
    const t = (v - min) / (max - min);
    return pad + (lowerIsBetter ? 1 - t : t) * span;
  };
  return {
    x2020: pos(v2020),
    x2025: pos(v2025),
    reversed: lowerIsBetter,
    improves: lowerIsBetter ? v2025 < v2020 : v2025 > v2020,
    min,
    max,
  };
}

/** Bar widths of the 专栏一 output targets, relative to the largest. */
export function clusterBars(rows: ClusterRow[], width: number): { id: string; w: number }[] {
  const max = Math.max(0, ...rows.map((r) => r.output_2025.value ?? 0));
  return rows.map((r) => ({ id: r.id, w: max > 0 ? ((r.output_2025.value ?? 0) / max) * width : 0 }));
}

/**
 * A figure as a presenter says it: in English, 亿元 (100 million yuan) becomes billions
 * ("1000 亿元" → "100 billion yuan"); otherwise the cell and its unit as printed.
 */
export function presentFigure(c: Cell, unitZh: string | null, unitEn: string | null, lang: 'zh' | 'en'): { big: string; unit: string } {
  if (lang === 'en' && c.value !== null && unitEn === '100 million yuan') {
    return { big: cellText({ ...c, value: c.value / 10 }, 'en'), unit: 'billion yuan' };
  }
  return { big: cellText(c, lang), unit: (lang === 'zh' ? unitZh : unitEn) ?? '' };
}
