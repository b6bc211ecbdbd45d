import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { pageCount, tableRows, tableRowsSliced } from '../../../src/lib/state/table.ts';

const fc = (rows: Record<string, unknown>[]): FeatureCollection => ({ type: 'FeatureCollection', features: rows.map((p) => ({ type: 'Feature', properties: p, geometry: { type: 'Point', coordinates: [120.5, 30] } })) });

describe('attribute table rows', () => {
  const data = fc([
    { 名称: '越城小学', n: 10, kind: 'school' },
    { 名称: '鉴湖公园', n: 2, kind: 'park' },
    { 名称: '城南医院', n: '', kind: 'Hospital' },
    { 名称: '越城中学', n: 7, kind: 'school' },
  ]);
  const fields = ['名称', 'n', 'kind'];
  it('filters by text in any field, case-insensitive', () => {
    expect([...tableRows(data, fields, '越城', null)]).toEqual([0, 3]);
    expect([...tableRows(data, fields, 'HOSPITAL', null)]).toEqual([2]);
    expect([...tableRows(data, fields, '', null)]).toEqual([0, 1, 2, 3]);
  });
  it('sorts numbers numerically, empties last, both directions', () => {
    expect([...tableRows(data, fields, '', 'n', 'asc')]).toEqual([1, 3, 0, 2]);
    expect([...tableRows(data, fields, '', 'n', 'desc')]).toEqual([0, 3, 1, 2]);
  });
  it('sorts text and combines with the filter', () => {
    expect([...tableRows(data, fields, 'school', '名称', 'desc')].length).toBe(2);
    expect([...tableRows(data, fields, '', 'kind', 'asc')].map((i) => data.features[i].properties!.kind)).toEqual(['Hospital', 'park', 'school', 'school']);
  });
  it('handles 100k rows', () => {
    const big = fc(Array.from({ length: 100_000 }, (_, i) => ({ id: i, name: `p${i}` })));
    expect(tableRows(big, ['id', 'name'], 'p9999', null).length).toBe(11);
    const s = tableRows(big, ['id', 'name'], '', 'id', 'desc');
    expect(s[0]).toBe(99_999);
    expect(pageCount(100_000)).toBe(100);
  });
});

describe('attribute table rows in slices', () => {
  // an independent oracle: filter with includes over every field, sort with Array.prototype.sort
  const coll = new Intl.Collator(['zh-CN', 'en'], { numeric: true });
  const words = ['越城', '鉴湖', '城南', 'Park', 'school', '', '10', '9', '袍江', 'b2', 'B10'];
  let s = 7;
  const r = () => ((s = (s * 48271) % 2147483647) / 2147483647);
  const rows = Array.from({ length: 3000 }, (_, i) => ({ name: `${words[Math.floor(r() * words.length)]}${i % 3 ? '' : ' 站'}`, kind: words[Math.floor(r() * 5)], n: r() < 0.1 ? null : Math.round(r() * 500) }));
  const data = fc(rows);
  const fields = ['name', 'kind', 'n'];
  const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  function oracle(q: string, col: 'name' | 'kind' | 'n' | null, dir: 'asc' | 'desc') {
    let idx = rows.map((_, i) => i).filter((i) => !q || fields.some((f) => str(rows[i][f as 'name']).toLowerCase().includes(q.toLowerCase())));
    if (col) {
      const sign = dir === 'asc' ? 1 : -1;
      idx = [...idx].sort((a, b) => {
        const x = str(rows[a][col]);
        const y = str(rows[b][col]);
        if (x === '' || y === '') return x === '' && y === '' ? a - b : x === '' ? 1 : -1;
        return (col === 'n' ? sign * (Number(x) - Number(y)) : sign * coll.compare(x, y)) || a - b;
      });
    }
    return idx;
  }
  const cases: [string, 'name' | 'kind' | 'n' | null, 'asc' | 'desc'][] = [
    ['', 'name', 'asc'],
    ['', 'name', 'desc'],
    ['城', 'kind', 'asc'],
    ['', 'n', 'desc'],
    ['站', 'n', 'asc'],
    ['b', null, 'asc'],
  ];
  for (const [q, col, dir] of cases)
    it(`"${q}" by ${col} ${dir}: the same rows as the oracle, at once and in slices`, async () => {
      const want = oracle(q, col, dir);
      expect(want.length).toBeGreaterThan(0);
      expect([...tableRows(data, fields, q, col, dir)]).toEqual(want);
      expect([...((await tableRowsSliced(data, fields, q, col, dir, { budgetMs: 0 })) ?? [])]).toEqual(want);
    });
  it('gives the page back between slices, and stops when cancelled', async () => {
    const big = fc(Array.from({ length: 60_000 }, (_, i) => ({ name: `点位 ${(i * 7919) % 60_000}` })));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const rows2 = await tableRowsSliced(big, ['name'], '', 'name', 'asc', { budgetMs: 5 });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
    expect(rows2!.length).toBe(60_000);
    expect(big.features[rows2![0]].properties!.name).toBe('点位 0');
    expect(big.features[rows2![1]].properties!.name).toBe('点位 1');
    let n = 0;
    expect(await tableRowsSliced(big, ['name'], '', 'name', 'desc', { budgetMs: 1, cancelled: () => ++n > 2 })).toBeNull();
  });
});
