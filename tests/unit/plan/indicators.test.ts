import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  parseCell,
  validateIndicators,
  squashWs,
  type Cell,
  type TargetsFile,
  type CompletionFile,
  type ClustersFile,
  type IndicatorData,
} from '../../../src/lib/plan/indicators.ts';

const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), 'utf8');
const plan = read('../../../geodata/plan.txt');
const planLines = plan.split('\n');
const targets = JSON.parse(read('../../../geodata/indicators/targets-2025.json')) as TargetsFile;
const completion = JSON.parse(read('../../../geodata/indicators/fyp13-completion.json')) as CompletionFile;
const clusters = JSON.parse(read('../../../geodata/indicators/clusters.json')) as ClustersFile;
const data: IndicatorData = { targets, completion, clusters };

const cellOf = (c: Cell) => ({ value: c.value, op: c.op, year: c.year });
const squashedPlan = squashWs(plan);
const inPlan = (s: string) => squashedPlan.includes(squashWs(s));

describe('parseCell', () => {
  it.each([
    ['1500 以上', 2025, { value: 1500, op: '>=', year: null }],
    ['>65', 2025, { value: 65, op: '>', year: null }],
    ['5 左右', 2025, { value: 5, op: '≈', year: null }],
    ['3.7 (2019)', 2020, { value: 3.7, op: '=', year: 2019 }],
    ['6.76 (2019)', 2020, { value: 6.76, op: '=', year: 2019 }],
    ['—', 2020, { value: null, op: null, year: null }],
    ['——', 2020, { value: null, op: null, year: null }],
    ['完成省市下达指标', 2025, { value: null, op: null, year: null }],
    ['完成省市 下达指标', 2025, { value: null, op: null, year: null }],
    ['市下达指标', 2020, { value: null, op: null, year: null }],
    ['≥92', 2025, { value: 92, op: '>=', year: null }],
    ['<28', 2025, { value: 28, op: '<', year: null }],
    ['<0.01', 2025, { value: 0.01, op: '<', year: null }],
    ['127500', 2020, { value: 127500, op: '=', year: null }],
    ['1.60', 2020, { value: 1.6, op: '=', year: null }],
  ] as const)('%s', (text, year, expected) => {
    const c = parseCell(text, year);
    expect(cellOf(c)).toEqual(expected);
    expect(c.text_zh).toBe(text); // the printed text is kept as is
  });

  it('gives year only when it differs from the column year', () => {
    expect(parseCell('3.7 (2019)', 2019).year).toBeNull();
    expect(parseCell('3.7 (2019)').year).toBe(2019);
    expect(parseCell('3.7（2019）', 2020).year).toBe(2019);
  });

  it('does not guess at text it does not know', () => {
    expect(cellOf(parseCell('不考核'))).toEqual({ value: null, op: null, year: null });
    expect(cellOf(parseCell('达到 1000 亿元'))).toEqual({ value: null, op: null, year: null });
    expect(cellOf(parseCell(''))).toEqual({ value: null, op: null, year: null });
  });
});

describe('validateIndicators', () => {
  it('finds nothing wrong with the data', () => {
    expect(validateIndicators(data, plan)).toEqual([]);
  });

  it('catches a cell that disagrees with its text, a text not in the plan, a wrong count', () => {
    const bad: IndicatorData = structuredClone(data);
    bad.targets.rows[0].v2025.value = 1600;
    bad.targets.rows[1].v2025.text_zh = '171717';
    bad.completion.rows.pop();
    const errors = validateIndicators(bad, plan);
    expect(errors.some((e) => e.includes('[fyp14-gdp].v2025') && e.includes('parseCell'))).toBe(true);
    expect(errors.some((e) => e.includes('171717') && e.includes('not found'))).toBe(true);
    expect(errors.some((e) => e.includes('31 value rows'))).toBe(true);
  });
});

describe('row counts', () => {
  it('十四五 targets: 34 rows numbered 1..34', () => {
    expect(targets.rows).toHaveLength(34);
    expect(targets.rows.map((r) => r.no)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
  });

  it('十三五 completion: 32 value rows over 29 numbers; row 21 is four pollutants', () => {
    expect(completion.rows).toHaveLength(32);
    expect(new Set(completion.rows.map((r) => r.no)).size).toBe(29);
    const r21 = completion.rows.filter((r) => r.no === 21);
    expect(r21.map((r) => r.sub_name_zh)).toEqual(['化学需氧量排放', '氨氮排放', '二氧化硫排放', '氮氧化物排放']);
    expect(r21.map((r) => r.sub_no)).toEqual([1, 2, 3, 4]);
  });

  it('专栏一 clusters: non-empty, 2025 output targets', () => {
    expect(clusters.rows.map((r) => r.name_zh)).toEqual(['集成电路', '生物医药', '高端装备', '智能家居', '黄酒']);
    for (const r of clusters.rows) {
      expect(r.output_2025.value).toBeGreaterThan(0);
      expect(Array.isArray(r.platform_ids)).toBe(true);
    }
  });
});

describe('text cells are verbatim from the plan', () => {
  it('十四五 table: each row matches its printed line field by field', () => {
    for (const r of targets.rows) {
      const line = planLines.find((l) => l.split('\t')[1] === `${r.no}. ${r.name_zh}`);
      expect(line, `line of row ${r.no}`).toBeDefined();
      const f = line!.split('\t');
      expect(squashWs(f[2])).toBe(squashWs(r.unit_zh));
      expect(r.v2020.text_zh).toBe(f[3]);
      expect(r.v2025.text_zh).toBe(f[4]);
      expect(f[5]).toBe(r.nature === 'binding' ? '约束性' : '预期性');
      expect(inPlan(r.category_zh)).toBe(true);
    }
  });

  it('十三五 table: each value row matches its printed line field by field', () => {
    const start = planLines.findIndex((l) => l.startsWith('序号\t指标名称'));
    const body = planLines.slice(start + 1, start + 1 + 32).map((l) => l.split('\t'));
    completion.rows.forEach((r, i) => {
      const f = body[i];
      if (r.sub_no === null || r.sub_no === 1) {
        expect(f[0]).toBe(String(r.no));
        expect(f[1]).toBe(r.label_zh);
      } else {
        expect(f[0]).toBe('');
      }
      expect(f[2]).toBe(r.sub_label_zh ?? '');
      if (r.target_2020.merged) {
        expect(f[3]).toBe('');
        expect(r.target_2020.text_zh).toBe(body[i - r.sub_no! + 1][3]);
      } else {
        expect(r.target_2020.text_zh).toBe(f[3]);
      }
      expect(r.estimate_2020.text_zh).toBe(f[4]);
      expect(r.completion_zh).toBe(f[5]);
    });
  });

  it('clusters: the three cells of each row are one printed line', () => {
    for (const r of clusters.rows) {
      expect(planLines).toContain([r.name_zh, r.direction_zh, r.target_zh].join('\t'));
      expect(r.target_zh).toContain(r.output_2025.text_zh);
    }
  });

  it('every cell, citation and conflict quote occurs in the plan (ignoring whitespace)', () => {
    const cells: Cell[] = [
      ...targets.rows.flatMap((r) => [r.v2020, r.v2025]),
      ...completion.rows.flatMap((r) => [r.target_2020, r.estimate_2020]),
      ...clusters.rows.map((r) => r.output_2025),
    ];
    for (const c of cells) if (!/^[—\s]*$/.test(c.text_zh)) expect(inPlan(c.text_zh), c.text_zh).toBe(true);
    const quotes = [...targets.rows, ...clusters.rows].flatMap((r) => [
      ...(('conflict' in r && r.conflict) || []),
      ...(r.citations ?? []),
    ]);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(inPlan(q.text_zh), q.text_zh).toBe(true);
  });
});

describe('the 高新区 rank conflict', () => {
  const row = targets.rows.find((r) => r.id === 'fyp14-shaoxing-hi-tech-zone-national-rank')!;

  it('keeps the table figure 50 and the 六(二)3 figure 60, each cited', () => {
    expect(row.no).toBe(6);
    expect(row.name_zh).toBe('绍兴高新区全国排名');
    expect(row.v2025.value).toBe(50);
    const c = row.conflict!;
    const table = c.find((x) => x.value === 50 && x.section.includes('主要指标目标情况'));
    const ch6 = c.find((x) => x.value === 60);
    expect(table).toBeDefined();
    expect(ch6).toBeDefined();
    expect(ch6!.section).toMatch(/^六\(二\)3/);
    expect(ch6!.text_zh).toBe('国家级袍江经开区和国家级绍兴高新区分别进入全国前50强和60强');
    expect(plan).toContain(ch6!.text_zh);
    for (const x of c) expect(inPlan(x.text_zh)).toBe(true);
  });

  it('is the only row with a conflict; 袍江 (50 everywhere) has none', () => {
    expect(targets.rows.filter((r) => r.conflict).map((r) => r.no)).toEqual([6]);
    const pj = targets.rows.find((r) => r.no === 5)!;
    expect(pj.conflict).toBeUndefined();
    expect(pj.citations!.every((x) => x.value === 50)).toBe(true);
  });
});

describe('direction and links', () => {
  it('rank rows are lower_is_better and link to the two national zones', () => {
    const ranks = targets.rows.filter((r) => r.name_zh.includes('全国排名'));
    expect(ranks.map((r) => r.no)).toEqual([5, 6]);
    for (const r of ranks) expect(r.lower_is_better).toBe(true);
    expect(ranks[0].links).toContain('paojiang-economic-development-zone');
    expect(ranks[1].links).toContain('shaoxing-high-tech-zone');
  });

  it('lower_is_better is set on exactly the rows where lower is better', () => {
    expect(targets.rows.filter((r) => r.lower_is_better).map((r) => r.no)).toEqual([5, 6, 21, 24, 30, 32]);
    // reduction *rates* (降低率): a larger reduction is better
    for (const no of [27, 28]) expect(targets.rows[no - 1].lower_is_better).toBe(false);
    expect(completion.rows.filter((r) => r.lower_is_better).map((r) => r.id)).toEqual([
      'fyp13-registered-urban-unemployment-rate',
      'fyp13-major-pollutant-emissions-cod',
      'fyp13-major-pollutant-emissions-ammonia-nitrogen',
      'fyp13-major-pollutant-emissions-so2',
      'fyp13-major-pollutant-emissions-nox',
      'fyp13-co2-per-gdp',
      'fyp13-urban-rural-income-ratio',
      'fyp13-work-safety-deaths-per-100m-yuan-gdp',
    ]);
  });

  it('PM2.5 and the good-air-days rate link to chapter:ecology; IC links to ic-platform', () => {
    expect(targets.rows.find((r) => r.name_zh.startsWith('PM2.5'))!.links).toContain('chapter:ecology');
    expect(targets.rows.find((r) => r.name_zh === '全年优良天气达标率')!.links).toContain('chapter:ecology');
    expect(clusters.rows.find((r) => r.name_zh === '集成电路')!.platform_ids).toContain('ic-wanmu-qianyi-platform');
    expect(clusters.rows.find((r) => r.name_zh === '生物医药')!.platform_ids).toContain('biomedicine-wanmu-qianyi-platform');
  });

  it('platform ids are only the agreed map ids', () => {
    const allowed = new Set([
      'ic-wanmu-qianyi-platform',
      'biomedicine-wanmu-qianyi-platform',
      'emerging-industry-expansion-platform',
      'traditional-industry-upgrade-platform',
      'strategic-industry-reserve-platform',
      'open-industry-platform',
    ]);
    for (const r of clusters.rows) for (const id of r.platform_ids) expect(allowed.has(id), id).toBe(true);
  });

  it('nature follows 预期性/约束性', () => {
    expect(targets.rows.filter((r) => r.nature === 'binding').map((r) => r.no)).toEqual([27, 28, 29, 30, 32, 34]);
  });
});
