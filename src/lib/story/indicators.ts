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
  /** round ticks along the axis, with their x */
  ticks: { v: number; x: number }[];
}

/**
 * Round axis ticks covering [lo, hi]: steps of 1, 2 or 5 × 10^k, at most `maxTicks` + 1 ticks, the
 * first at or below lo and the last at or above hi. From a zero (or negative) start every tick is a
 * small multiple of the step, so its label has at most two significant digits. Pure.
 */
export function niceTicks(lo: number, hi: number, maxTicks = 4): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) hi = lo + (Math.abs(lo) || 1);
  const raw = (hi - lo) / maxTicks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  let step = mag;
  for (const m of [1, 2, 5, 10]) {
    step = m * mag;
    if (Math.ceil(hi / step - 1e-9) - Math.floor(lo / step + 1e-9) <= maxTicks) break;
  }
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(+(i * step).toPrecision(12));
  return out;
}

/**
 * Positions of a 2020 → 2025 dumbbell on an axis of round ticks from 0 (or below the smaller
 * value) to at least the larger, drawn so that "better" is always to the right.
 */
export function dumbbell(v2020: number, v2025: number, lowerIsBetter: boolean, width: number, pad = 8): Dumbbell {
  const lo = Math.min(v2020, v2025);
  const hi = Math.max(v2020, v2025);
  const ticks = niceTicks(Math.min(0, lo), hi);
  const min = ticks[0];
  const max = ticks[ticks.length - 1];
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
    ticks: ticks.map((v) => ({ v, x: pos(v) })),
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
