/**
 * Indicator tables of the plan (越政发〔2021〕10号), as structured data.
 *
 * - geodata/indicators/targets-2025.json   三(四) 十四五 main targets (34 rows)
 * - geodata/indicators/fyp13-completion.json 一 十三五 completion (29 numbers, 32 value rows)
 * - geodata/indicators/clusters.json        五(一) 专栏一 industry clusters
 *
 * Pure TS: no DOM, no fs. The plan text is passed in by the caller.
 */

/** Comparison printed with a figure: "1500 以上" is ">=", ">65" is ">", "5 左右" is "≈". */
export const CELL_OPS = ['=', '>=', '>', '<', '≈'] as const;
export type CellOp = (typeof CELL_OPS)[number];

/** One table cell. `text_zh` is the cell exactly as printed; the rest is derived by parseCell. */
export interface Cell {
  value: number | null;
  op: CellOp | null;
  /** Only when the printed figure is for another year than the column's ("3.7 (2019)"). */
  year: number | null;
  text_zh: string;
  /**
   * true when the printed cell is empty because it is merged with the cell above
   * (十三五 row 21: one 2020 target "市下达指标" spans the four pollutants).
   */
  merged?: boolean;
}

export type Nature = 'expected' | 'binding';
export const NATURE_ZH: Record<Nature, string> = { expected: '预期性', binding: '约束性' };

/** A quoted passage of the plan that states a figure. */
export interface Citation {
  /** shortest passage quoted from the plan (whitespace as printed where possible) */
  text_zh: string;
  /** where in the plan, e.g. "六(二)3 推动国家级开发区争先进位" */
  section: string;
  value: number | null;
  note_en?: string;
}

/** Row of the 十四五 main-targets table. */
export interface TargetRow {
  id: string;
  no: number;
  category_zh: string;
  category_en: string;
  name_zh: string;
  name_en: string;
  unit_zh: string;
  unit_en: string;
  /** column "2020年 预计值" */
  v2020: Cell;
  /** column "2025年" */
  v2025: Cell;
  nature: Nature;
  lower_is_better: boolean;
  /** why lower_is_better is what it is, where it is not obvious */
  direction_note_en?: string;
  /** map feature ids or "chapter:<id>" */
  links?: string[];
  /** the plan gives different figures for this target in different places */
  conflict?: Citation[];
  /** other passages of the plan restating this target */
  citations?: Citation[];
  note_en?: string;
}

/** Value row of the 十三五 completion table (row 21 has four: one per pollutant). */
export interface CompletionRow {
  id: string;
  no: number;
  /** 1..4 for the pollutants of row 21, else null */
  sub_no: number | null;
  /** the table has no category column */
  category_zh: null;
  category_en: null;
  /** the 指标名称 cell as printed, unit included, e.g. "全区生产总值（亿元）" */
  label_zh: string;
  /** label_zh without the unit */
  name_zh: string;
  name_en: string;
  /** second name cell as printed (row 21 only), e.g. "氨氮排放（万吨）" */
  sub_label_zh: string | null;
  sub_name_zh: string | null;
  sub_name_en: string | null;
  unit_zh: string | null;
  unit_en: string | null;
  /** column "2020年 目标值" */
  target_2020: Cell;
  /** column "2020年 预计值" */
  estimate_2020: Cell;
  /** column "完成 情况": "完成" or "不考核" */
  completion_zh: string;
  completion_en: string;
  /** the 十三五 table has no 属性 column */
  nature: null;
  lower_is_better: boolean;
  direction_note_en?: string;
  links?: string[];
  note_en?: string;
}

/** Row of 专栏一 重点产业集群发展方向和目标. */
export interface ClusterRow {
  id: string;
  name_zh: string;
  name_en: string;
  /** 发展方向 cell as printed */
  direction_zh: string;
  direction_en: string;
  /** 目标 cell as printed */
  target_zh: string;
  target_en: string;
  /** 2025 output target; text_zh is the figure as printed inside target_zh */
  output_2025: Cell;
  output_unit_zh: string;
  output_unit_en: string;
  /** map features of the platforms carrying this cluster; [] when the plan names none */
  platform_ids: string[];
  citations?: Citation[];
  note_en?: string;
}

export interface IndicatorFile<R> {
  source: string;
  section: string;
  title_zh: string;
  title_en: string;
  columns_zh: string[];
  note_zh?: string;
  notes_en?: string[];
  rows: R[];
}

export type TargetsFile = IndicatorFile<TargetRow>;
export type CompletionFile = IndicatorFile<CompletionRow>;
export type ClustersFile = IndicatorFile<ClusterRow>;

export interface IndicatorData {
  targets: TargetsFile;
  completion: CompletionFile;
  clusters: ClustersFile;
}

const PREFIX_OPS: Record<string, CellOp> = {
  '≥': '>=',
  '>=': '>=',
  '＞': '>',
  '>': '>',
  '＜': '<',
  '<': '<',
  '≈': '≈',
  '约': '≈',
};
const SUFFIX_OPS: Record<string, CellOp> = { 以上: '>=', 左右: '≈' };

const CELL_RE =
  /^(≥|>=|＞|>|＜|<|≈|约)?\s*(-?\d+(?:\.\d+)?)\s*(以上|左右)?\s*(?:[(（]\s*(\d{4})\s*[)）])?$/;
const DASHES_RE = /^[—–\-－―]+$/;

/**
 * The cell for a printed table text.
 * - "1500 以上" → 1500 ">="; ">65" → 65 ">"; "≥92" → 92 ">="; "<3" → 3 "<"; "5 左右" → 5 "≈"
 * - "3.7 (2019)" → 3.7 "=" year 2019 (year only when it differs from `columnYear`)
 * - "—", "——", "" → null/null; text such as "完成省市下达指标" → null/null, text kept.
 */
export function parseCell(text_zh: string, columnYear?: number | null): Cell {
  const t = text_zh.replace(/\s+/g, ' ').trim();
  const empty: Cell = { value: null, op: null, year: null, text_zh };
  if (t === '' || DASHES_RE.test(t.replace(/\s/g, ''))) return empty;
  const m = CELL_RE.exec(t);
  if (!m) return empty;
  const [, pre, num, suf, yr] = m;
  if (pre && suf) return empty; // ">5 以上": not a form the plan uses; do not guess
  const op: CellOp = pre ? PREFIX_OPS[pre] : suf ? SUFFIX_OPS[suf] : '=';
  let year: number | null = yr ? Number(yr) : null;
  if (year !== null && columnYear != null && year === columnYear) year = null;
  return { value: Number(num), op, year, text_zh };
}

/** Whitespace removed: the plan text is PDF-extracted and wraps anywhere. */
export const squashWs = (s: string) => s.replace(/\s+/gu, '');

const DASH_ONLY = (s: string) => DASHES_RE.test(squashWs(s));
/** Worth checking against the plan: not empty, not just a dash. */
export const isNonTrivialText = (s: string) => squashWs(s).length >= 1 && !DASH_ONLY(s);

const KEBAB_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LINK_RE = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*|chapter:[a-z0-9-]+)$/;

function checkCell(errors: string[], where: string, cell: Cell | undefined, columnYear: number | null, plan: string) {
  if (!cell || typeof cell !== 'object') {
    errors.push(`${where}: missing cell`);
    return;
  }
  if (typeof cell.text_zh !== 'string') {
    errors.push(`${where}: text_zh is not a string`);
    return;
  }
  const p = parseCell(cell.text_zh, columnYear);
  if (p.value !== cell.value || p.op !== cell.op || p.year !== cell.year) {
    errors.push(
      `${where}: cell ${JSON.stringify({ value: cell.value, op: cell.op, year: cell.year })} ` +
        `does not match parseCell(${JSON.stringify(cell.text_zh)}) = ${JSON.stringify({ value: p.value, op: p.op, year: p.year })}`,
    );
  }
  if (isNonTrivialText(cell.text_zh) && !plan.includes(squashWs(cell.text_zh))) {
    errors.push(`${where}: text_zh ${JSON.stringify(cell.text_zh)} not found in the plan`);
  }
  if (cell.merged && DASH_ONLY(cell.text_zh)) errors.push(`${where}: merged cell without text`);
}

function checkText(errors: string[], where: string, text: string | null | undefined, plan: string) {
  if (text == null) return;
  if (typeof text !== 'string') {
    errors.push(`${where}: not a string`);
    return;
  }
  if (isNonTrivialText(text) && !plan.includes(squashWs(text))) {
    errors.push(`${where}: ${JSON.stringify(text)} not found in the plan`);
  }
}

function checkCitations(errors: string[], where: string, list: Citation[] | undefined, plan: string) {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    errors.push(`${where}: not an array`);
    return;
  }
  list.forEach((c, i) => {
    checkText(errors, `${where}[${i}].text_zh`, c.text_zh, plan);
    if (!c.section) errors.push(`${where}[${i}]: no section`);
    if (c.value !== null && typeof c.value !== 'number') errors.push(`${where}[${i}]: value not a number`);
  });
}

function checkLinks(errors: string[], where: string, links: string[] | undefined) {
  if (links === undefined) return;
  if (!Array.isArray(links)) {
    errors.push(`${where}: links is not an array`);
    return;
  }
  for (const l of links) if (!LINK_RE.test(l)) errors.push(`${where}: bad link ${JSON.stringify(l)}`);
}

function checkIds(errors: string[], file: string, rows: { id: string }[], seen: Set<string>) {
  for (const r of rows) {
    if (!KEBAB_RE.test(r.id)) errors.push(`${file}: id ${JSON.stringify(r.id)} is not kebab-case`);
    if (seen.has(r.id)) errors.push(`${file}: duplicate id ${r.id}`);
    seen.add(r.id);
  }
}

/**
 * Everything wrong with the indicator data, as messages; [] when all is well.
 * `planText` is geodata/plan.txt.
 */
export function validateIndicators(data: IndicatorData, planText: string): string[] {
  const errors: string[] = [];
  const plan = squashWs(planText);
  const seen = new Set<string>();

  // --- A. 十四五 targets
  const t = data.targets;
  if (!t || !Array.isArray(t.rows)) errors.push('targets: no rows');
  else {
    if (t.rows.length !== 34) errors.push(`targets: ${t.rows.length} rows, expected 34`);
    checkIds(errors, 'targets', t.rows, seen);
    t.rows.forEach((r, i) => {
      const w = `targets[${r.id}]`;
      if (r.no !== i + 1) errors.push(`${w}: no ${r.no}, expected ${i + 1}`);
      if (r.nature !== 'expected' && r.nature !== 'binding') errors.push(`${w}: bad nature ${r.nature}`);
      if (typeof r.lower_is_better !== 'boolean') errors.push(`${w}: lower_is_better not boolean`);
      for (const k of ['name_en', 'category_en', 'unit_en'] as const) if (!r[k]) errors.push(`${w}: no ${k}`);
      checkText(errors, `${w}.name_zh`, r.name_zh, plan);
      checkText(errors, `${w}.category_zh`, r.category_zh, plan);
      checkText(errors, `${w}.unit_zh`, r.unit_zh, plan);
      checkCell(errors, `${w}.v2020`, r.v2020, 2020, plan);
      checkCell(errors, `${w}.v2025`, r.v2025, 2025, plan);
      checkLinks(errors, w, r.links);
      checkCitations(errors, `${w}.conflict`, r.conflict, plan);
      checkCitations(errors, `${w}.citations`, r.citations, plan);
      if (r.conflict) {
        const values = new Set(r.conflict.map((c) => c.value));
        if (r.conflict.length < 2 || values.size < 2) errors.push(`${w}: a conflict needs two differing figures`);
      }
      if (/全国排名/.test(r.name_zh) && !r.lower_is_better) errors.push(`${w}: a rank row must be lower_is_better`);
    });
  }

  // --- B. 十三五 completion
  const c = data.completion;
  if (!c || !Array.isArray(c.rows)) errors.push('completion: no rows');
  else {
    if (c.rows.length !== 32) errors.push(`completion: ${c.rows.length} value rows, expected 32`);
    const nos = [...new Set(c.rows.map((r) => r.no))];
    if (nos.length !== 29 || nos.some((n, i) => n !== i + 1)) {
      errors.push(`completion: numbers ${nos.join(',')}, expected 1..29`);
    }
    const split = c.rows.filter((r) => r.sub_no !== null);
    if (split.length !== 4 || split.some((r) => r.no !== 21)) errors.push('completion: row 21 must split into 4');
    checkIds(errors, 'completion', c.rows, seen);
    c.rows.forEach((r) => {
      const w = `completion[${r.id}]`;
      if (r.nature !== null) errors.push(`${w}: the 十三五 table has no 属性 column`);
      if (typeof r.lower_is_better !== 'boolean') errors.push(`${w}: lower_is_better not boolean`);
      if (!r.name_en) errors.push(`${w}: no name_en`);
      checkText(errors, `${w}.label_zh`, r.label_zh, plan);
      checkText(errors, `${w}.name_zh`, r.name_zh, plan);
      checkText(errors, `${w}.sub_label_zh`, r.sub_label_zh, plan);
      checkText(errors, `${w}.unit_zh`, r.unit_zh, plan);
      checkText(errors, `${w}.completion_zh`, r.completion_zh, plan);
      if (!squashWs(r.label_zh).startsWith(squashWs(r.name_zh))) errors.push(`${w}: name_zh is not label_zh minus unit`);
      checkCell(errors, `${w}.target_2020`, r.target_2020, 2020, plan);
      checkCell(errors, `${w}.estimate_2020`, r.estimate_2020, 2020, plan);
      checkLinks(errors, w, r.links);
    });
  }

  // --- C. 专栏一 clusters
  const k = data.clusters;
  if (!k || !Array.isArray(k.rows) || k.rows.length === 0) errors.push('clusters: no rows');
  else {
    checkIds(errors, 'clusters', k.rows, seen);
    k.rows.forEach((r) => {
      const w = `clusters[${r.id}]`;
      checkText(errors, `${w}.name_zh`, r.name_zh, plan);
      checkText(errors, `${w}.direction_zh`, r.direction_zh, plan);
      checkText(errors, `${w}.target_zh`, r.target_zh, plan);
      if (!r.name_en || !r.direction_en || !r.target_en) errors.push(`${w}: missing translation`);
      checkCell(errors, `${w}.output_2025`, r.output_2025, 2025, plan);
      if (r.output_2025 && !squashWs(r.target_zh).includes(squashWs(r.output_2025.text_zh) + squashWs(r.output_unit_zh))) {
        errors.push(`${w}: output figure "${r.output_2025.text_zh}${r.output_unit_zh}" is not in target_zh`);
      }
      if (!Array.isArray(r.platform_ids)) errors.push(`${w}: platform_ids is not an array`);
      else checkLinks(errors, `${w}.platform_ids`, r.platform_ids);
      checkCitations(errors, `${w}.citations`, r.citations, plan);
    });
  }

  return errors;
}
