/** The cheap sheet list of a workbook: names in workbook order, data rows counted on the raw XML. */
import { describe, it, expect } from 'vitest';
import { strToU8 } from 'fflate';
import { countRowTags, listSheets } from '../../../src/lib/import/sheets.ts';
import { importAny } from '../../../src/lib/import/formats.ts';
import { xlsx, zip } from './samples.ts';

describe('sheet list', () => {
  const book = xlsx({
    说明: [['这是说明页']],
    点位: [
      ['名称', '经度', '纬度'],
      ['鲁迅故里', 120.5857, 29.9977],
      ['城市广场', 120.58, 30.0],
      ['八字桥', 120.59, 30.0],
    ],
    'Sheet & 3': [['a'], ['b']],
  });

  it('names every sheet in workbook order with its data rows (header excluded)', () => {
    expect(listSheets(book)).toEqual([
      { name: '说明', rows: 0 },
      { name: '点位', rows: 3 },
      { name: 'Sheet & 3', rows: 1 },
    ]);
  });

  it('agrees with the importer on the names', async () => {
    expect((await importAny(book, { name: 'a.xlsx' })).sheets).toEqual(listSheets(book)!.map((s) => s.name));
  });

  it('a single sheet is listed without counting; a zip that is not a workbook gives null', () => {
    expect(listSheets(xlsx({ 唯一: [['x', 'y'], [1, 2]] }))).toEqual([{ name: '唯一', rows: -1 }]);
    expect(listSheets(zip({ 'a.shp': new Uint8Array(8) }))).toBeNull();
    expect(listSheets(strToU8('not a zip'))).toBeNull();
  });

  it('counts rows with cells, not empty <row/> tags nor <rowBreaks>', () => {
    const xml = strToU8('<worksheet><sheetData><row r="1"><c/></row><row r="2" spans="1:3"/><row>\n</row><row\tr="4"><c/></row></sheetData><rowBreaks count="1"/></worksheet>');
    expect(countRowTags(xml)).toBe(3);
  });
});
