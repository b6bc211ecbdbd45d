/** Strings of the import flow: formats, coordinate systems, progress, cancel, confirmation. */
import type { Lang } from './strings.ts';

const I = {
  importHelp2: {
    zh: '支持 GeoJSON、CSV/TSV、Excel（.xlsx）、打包的 Shapefile（.zip，含 .shp/.shx/.dbf/.prj）、KML、KMZ、GPX；表格可用经度/纬度两列、一列 WKT，或一列“经度,纬度”（高德“坐标”）。UTF-8 或 GBK 编码。也可以把文件拖到地图上。',
    en: 'GeoJSON, CSV/TSV, Excel (.xlsx), zipped Shapefile (.zip with .shp/.shx/.dbf/.prj), KML, KMZ and GPX; tables may have lon/lat columns, a WKT column, or one "lon,lat" column (Amap 坐标). UTF-8 or GBK. You can also drop a file onto the map.',
  },
  crsTitle: { zh: '坐标系', en: 'Coordinate system' },
  projected: { zh: 'CGCS2000 高斯–克吕格投影（米）', en: 'CGCS2000 Gauss–Krüger (metres)' },
  zone: { zh: '投影带', en: 'Zone' },
  stage_read: { zh: '读取文件', en: 'Reading the file' },
  stage_parse: { zh: '解析', en: 'Parsing' },
  stage_check: { zh: '校验与坐标转换', en: 'Checking and converting' },
  stage_areas: { zh: '统计范围归属', en: 'Assigning to zones' },
  stage_send: { zh: '传送要素', en: 'Handing over features' },
  cancel: { zh: '取消导入', en: 'Cancel import' },
  confirmTitle: { zh: '请确认坐标系', en: 'Confirm the coordinate system' },
  confirmBody: {
    zh: '“{name}”的坐标不是所选的 {chosen}。文件提示为：{detected}（{why}）。',
    en: '"{name}" is not in the chosen {chosen}. The file suggests: {detected} ({why}).',
  },
  confirmUse: { zh: '按此坐标系导入', en: 'Import in this system' },
  confirmOther: { zh: '或选择：', en: 'Or choose:' },
  sheet: { zh: '工作表', en: 'Sheet' },
  importedRows: { zh: '已导入“{name}”：{n} / {m} 行', en: 'Imported {name}: {n} of {m} rows' },
  importedSheet: { zh: '已导入“{name}”的工作表“{sheet}”：{n} 个要素', en: 'Imported sheet "{sheet}" of {name}: {n} features' },
  importedSheetRows: { zh: '已导入“{name}”的工作表“{sheet}”：{n} / {m} 行', en: 'Imported sheet "{sheet}" of {name}: {n} of {m} rows' },
  sheetTitle: { zh: '选择要导入的工作表', en: 'Choose the sheet to import' },
  sheetBody: { zh: '“{name}”有 {n} 个工作表，每次导入一个，成为一个图层。', en: '"{name}" has {n} sheets. One sheet is imported at a time, as one layer.' },
  sheetRows: { zh: '{n} 行数据', en: '{n} data rows' },
  sheetRow1: { zh: '1 行数据', en: '1 data row' },
  sheetEmpty: { zh: '空', en: 'empty' },
  sheetImport: { zh: '导入所选工作表', en: 'Import this sheet' },
  sheetCancel: { zh: '取消', en: 'Cancel' },
} satisfies Record<string, { zh: string; en: string }>;

export type ImportKey = keyof typeof I;

export function it(lang: Lang, key: ImportKey, vars: Record<string, string | number> = {}): string {
  let s: string = I[key][lang];
  for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(typeof v === 'number' ? v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US') : v);
  return s;
}
