import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { pageCount, tableRows } from '../../../src/lib/state/table.ts';

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
