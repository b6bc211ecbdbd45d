/**
 * Attribute table rows (pure): filter by text in any field, sort by a column, page. Works on row
 * indices (a Uint32Array), never copies features, so 100k rows stay cheap. Text for the filter is
 * built once per collection and kept.
 */
import type { FeatureCollection } from 'geojson';

const textCache = new WeakMap<FeatureCollection, string[]>();

const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function rowTexts(fc: FeatureCollection, fields: string[]): string[] {
  let t = textCache.get(fc);
  if (!t) {
    t = fc.features.map((f) => {
      const p = (f.properties ?? {}) as Record<string, unknown>;
      let s = '';
      for (const k of fields) s += cell(p[k]).toLowerCase() + '\u0001';
      return s;
    });
    textCache.set(fc, t);
  }
  return t;
}

export type SortDir = 'asc' | 'desc';

/** Indices of the rows whose text contains `q` (case-insensitive), sorted by `col`. */
export function tableRows(fc: FeatureCollection, fields: string[], q: string, col: string | null, dir: SortDir = 'asc'): Uint32Array {
  const n = fc.features.length;
  let idx: Uint32Array;
  const needle = q.trim().toLowerCase();
  if (needle) {
    const texts = rowTexts(fc, fields);
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (texts[i].includes(needle)) out.push(i);
    idx = Uint32Array.from(out);
  } else {
    idx = new Uint32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
  }
  if (col) {
    const feats = fc.features;
    const m = idx.length;
    const nums = new Float64Array(m);
    const strs: string[] = new Array(m);
    let allNum = true;
    for (let k = 0; k < m; k++) {
      const v = (feats[idx[k]].properties as Record<string, unknown> | null)?.[col];
      const x = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : NaN;
      if (Number.isNaN(x) && v !== null && v !== undefined && v !== '') allNum = false;
      nums[k] = x;
      strs[k] = cell(v);
    }
    const order = Array.from({ length: m }, (_, k) => k);
    const sign = dir === 'asc' ? 1 : -1;
    const coll = new Intl.Collator(['zh-CN', 'en'], { numeric: true });
    // empty cells always last
    if (allNum) order.sort((a, b) => (Number.isNaN(nums[a]) ? 1 : Number.isNaN(nums[b]) ? -1 : sign * (nums[a] - nums[b])) || a - b);
    else order.sort((a, b) => (strs[a] === '' ? (strs[b] === '' ? a - b : 1) : strs[b] === '' ? -1 : sign * coll.compare(strs[a], strs[b]) || a - b));
    const sorted = new Uint32Array(m);
    for (let k = 0; k < m; k++) sorted[k] = idx[order[k]];
    idx = sorted;
  }
  return idx;
}

export const PAGE_SIZE = 1000;
export const pageCount = (rows: number, size = PAGE_SIZE) => Math.max(1, Math.ceil(rows / size));
