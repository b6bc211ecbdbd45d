/**
 * Attribute table rows (pure): filter by text in any field, sort by a column, page. Works on row
 * indices (a Uint32Array), never copies features. Text for the filter is built once per collection
 * and kept.
 *
 * The work is written as a generator that pauses every few hundred rows or comparisons, so it can
 * run to the end at once (`tableRows`: small layers, tests) or in slices of a few tens of
 * milliseconds between which the page keeps responding (`tableRowsSliced`: a 300k-row layer takes
 * seconds to sort by a text column, and must never freeze the tab while it does).
 */
import type { FeatureCollection } from 'geojson';

const textCache = new WeakMap<FeatureCollection, { fields: string; texts: string[] }>();

const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** how many steps (rows or comparisons) run between two chances to pause */
const STEP = 512;

function* rowTexts(fc: FeatureCollection, fields: string[]): Generator<void, string[]> {
  const key = fields.join('\u0002');
  const kept = textCache.get(fc);
  if (kept && kept.fields === key) return kept.texts;
  const feats = fc.features;
  const texts: string[] = new Array(feats.length);
  for (let i = 0; i < feats.length; i++) {
    const p = (feats[i].properties ?? {}) as Record<string, unknown>;
    let s = '';
    for (const k of fields) s += cell(p[k]).toLowerCase() + '\u0001';
    texts[i] = s;
    if (i % STEP === 0) yield;
  }
  textCache.set(fc, { fields: key, texts });
  return texts;
}

/** Stable bottom-up merge sort of `a` by `cmp`, pausing as it goes. */
function* mergeSort(a: Uint32Array<ArrayBuffer>, cmp: (x: number, y: number) => number): Generator<void, Uint32Array<ArrayBuffer>> {
  const n = a.length;
  let src = a;
  let dst = new Uint32Array(n);
  let ops = 0;
  let pause = STEP;
  // runs of 16 by insertion sort
  const RUN = 16;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(n, lo + RUN);
    for (let i = lo + 1; i < hi; i++) {
      const v = src[i];
      let j = i - 1;
      while (j >= lo && cmp(src[j], v) > 0) {
        src[j + 1] = src[j];
        j--;
      }
      ops += i - j;
      src[j + 1] = v;
    }
    if (ops >= pause) {
      pause = ops + STEP;
      yield;
    }
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        dst[k++] = cmp(src[j], src[i]) < 0 ? src[j++] : src[i++];
        if (++ops % STEP === 0) yield;
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    [src, dst] = [dst, src];
  }
  return src;
}

export type SortDir = 'asc' | 'desc';

/** The table's rows as a pausable computation (see tableRows for what it returns). */
export function* tableRowsWork(fc: FeatureCollection, fields: string[], q: string, col: string | null, dir: SortDir = 'asc'): Generator<void, Uint32Array<ArrayBuffer>> {
  const n = fc.features.length;
  let idx: Uint32Array<ArrayBuffer>;
  const needle = q.trim().toLowerCase();
  if (needle) {
    const texts = yield* rowTexts(fc, fields);
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      if (texts[i].includes(needle)) out.push(i);
      if (i % (STEP * 8) === 0) yield;
    }
    idx = Uint32Array.from(out);
  } else {
    idx = new Uint32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
  }
  if (!col) return idx;
  const feats = fc.features;
  const m = idx.length;
  const nums = new Float64Array(n);
  const strs: string[] = new Array(n);
  let allNum = true;
  for (let k = 0; k < m; k++) {
    const i = idx[k];
    const v = (feats[i].properties as Record<string, unknown> | null)?.[col];
    const x = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : NaN;
    if (Number.isNaN(x) && v !== null && v !== undefined && v !== '') allNum = false;
    nums[i] = x;
    strs[i] = cell(v);
    if (k % STEP === 0) yield;
  }
  const sign = dir === 'asc' ? 1 : -1;
  // empty cells always last; ties keep the file's order
  if (allNum) return yield* mergeSort(idx, (a, b) => (Number.isNaN(nums[a]) ? (Number.isNaN(nums[b]) ? a - b : 1) : Number.isNaN(nums[b]) ? -1 : sign * (nums[a] - nums[b]) || a - b));
  // text: each distinct value is ranked once by the collator (columns such as a category repeat a
  // few values many times), then the rows are sorted by rank
  const slot = new Map<string, number>();
  const distinct: string[] = [];
  const of = new Uint32Array(n);
  for (let k = 0; k < m; k++) {
    const v = strs[idx[k]];
    let d = slot.get(v);
    if (d === undefined) slot.set(v, (d = distinct.push(v) - 1));
    of[idx[k]] = d;
    if (k % STEP === 0) yield;
  }
  const coll = new Intl.Collator(['zh-CN', 'en'], { numeric: true });
  const order = yield* mergeSort(Uint32Array.from(distinct.keys()), (a, b) => coll.compare(distinct[a], distinct[b]));
  const rankOfDistinct = new Uint32Array(distinct.length);
  for (let r = 0; r < order.length; r++) rankOfDistinct[order[r]] = r;
  const rank = new Uint32Array(n);
  for (let k = 0; k < m; k++) {
    rank[idx[k]] = rankOfDistinct[of[idx[k]]];
    if (k % (STEP * 8) === 0) yield;
  }
  return yield* mergeSort(idx, (a, b) => (strs[a] === '' ? (strs[b] === '' ? a - b : 1) : strs[b] === '' ? -1 : sign * (rank[a] - rank[b]) || a - b));
}

/** Indices of the rows whose text contains `q` (case-insensitive), sorted by `col`, computed at once. */
export function tableRows(fc: FeatureCollection, fields: string[], q: string, col: string | null, dir: SortDir = 'asc'): Uint32Array<ArrayBuffer> {
  const g = tableRowsWork(fc, fields, q, col, dir);
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
  }
}

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * The same rows computed in slices of at most about `budgetMs` of main-thread time, letting the
 * page paint and take input between slices. Resolves to null when `cancelled()` turns true (a newer
 * filter or sort replaced this one).
 */
export async function tableRowsSliced(
  fc: FeatureCollection,
  fields: string[],
  q: string,
  col: string | null,
  dir: SortDir = 'asc',
  opts: { budgetMs?: number; cancelled?: () => boolean } = {},
): Promise<Uint32Array<ArrayBuffer> | null> {
  const budget = opts.budgetMs ?? 25;
  const g = tableRowsWork(fc, fields, q, col, dir);
  let t = performance.now();
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
    if (performance.now() - t > budget) {
      await nextTask();
      if (opts.cancelled?.()) return null;
      t = performance.now();
    }
  }
}

export const PAGE_SIZE = 1000;
export const pageCount = (rows: number, size = PAGE_SIZE) => Math.max(1, Math.ceil(rows / size));
