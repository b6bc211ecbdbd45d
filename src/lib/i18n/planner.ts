/** Strings of the planner tools: statistics, measurement, import/export, base maps. */
import { translator } from './translate.ts';

const P = {
  // statistics
  statsTitle: { zh: '功能区与平台统计', en: 'Zone and platform statistics' },
  statsPending: { zh: '正在统计恢复的图层：{names}（完成后计入下表）', en: 'Counting the restored layer {names} (added to the tables when done)' },
  statsFollow: { zh: '按当前筛选统计：{n} 个规划要素，{u} 个导入要素', en: 'Following the current filters: {n} plan features, {u} imported features' },
  statsArea: { zh: '面积', en: 'Area' },
  statsFeatures: { zh: '要素', en: 'Features' },
  statsName: { zh: '范围', en: 'Area' },
  statsZones: { zh: '五大功能区', en: 'Functional zones' },
  statsPlatforms: { zh: '滨海新区“四平台”', en: 'Binhai platforms' },
  statsDistrict: { zh: '全区', en: 'Whole district' },
  basisSchematicZones: { zh: '据示意功能区范围计算', en: 'computed from schematic zones' },
  basisSchematicPlatforms: { zh: '据示意平台范围计算', en: 'computed from schematic platform outlines' },
  basisGeneralized: { zh: '据概化轮廓计算', en: 'computed from a generalized outline' },
  statsRule: {
    zh: '面积按 WGS84 椭球计算（turf.area 加椭球校正），平方公里保留两位小数，公顷保留一位小数，亩取整（1 公顷 = 10 000 m²，1 亩 = 666.67 m²）。计数规则：点位于范围内或边界上即计入；线、面与范围相交（含接触）即计入，因此一条道路可同时计入多个区；各范围不计入同类范围（功能区不计功能区，平台不计平台）。',
    en: 'Areas are ellipsoidal (WGS84; turf.area with an ellipsoid correction), km² to 0.01, hectares (公顷) to 0.1, mu (亩) to a whole mu (1 ha = 10,000 m², 1 mu = 666.67 m²). Counting rule: a point counts when it lies inside or on the edge; a line or area counts when it intersects (or touches) the area, so a road can count in several zones; an area does not count others of its own kind (zones in zones, platforms in platforms).',
  },
  statsNone: { zh: '暂无功能区或平台数据', en: 'No zone or platform data loaded' },
  statsNoFeatures: { zh: '（无）', en: '(none)' },
  statsShowList: { zh: '要素列表', en: 'Feature list' },
  downloadCsv: { zh: '下载 CSV', en: 'Download CSV' },
  lessThan: { zh: '不足 {v}', en: 'under {v}' },

  // measurement
  measure: { zh: '测量', en: 'Measure' },
  measureDistance: { zh: '距离', en: 'Distance' },
  measureArea: { zh: '面积', en: 'Area' },
  measureClear: { zh: '清除', en: 'Clear' },
  measureClose: { zh: '结束测量', en: 'Stop measuring' },
  measureLoading: { zh: '正在加载测量工具…', en: 'Loading the measuring tool…' },
  measureLoadError: { zh: '测量工具加载失败：{e}', en: 'Could not load the measuring tool: {e}' },
  measureHintLine: { zh: '在地图上依次点击；再次点击最后一点或按回车结束；按 Esc 取消。', en: 'Click points on the map; click the last point again or press Enter to finish; Esc cancels.' },
  measureHintArea: { zh: '在地图上依次点击；点击起点或按回车闭合；按 Esc 取消。', en: 'Click points on the map; click the first point or press Enter to close; Esc cancels.' },
  measureHintEdit: { zh: '拖动顶点可修改，拖动中点可加点。', en: 'Drag a vertex to move it, drag a midpoint to add one.' },
  measureLength: { zh: '长度', en: 'Length' },
  measurePerimeter: { zh: '周长', en: 'Perimeter' },
  measureVertices: { zh: '{n} 个点', en: '{n} points' },
  measureMethod: { zh: '按 WGS84 椭球计算', en: 'on the WGS84 ellipsoid' },

  // import / export
  importTitle: { zh: '导入自己的数据', en: 'Import your own data' },
  importHelp: {
    zh: '支持 GeoJSON，以及含经纬度列（lon/lat、lng、longitude、经度/纬度 或 x/y）的 CSV；UTF-8 或 GBK 编码；不超过 50 MB。也可以把文件拖到地图上。',
    en: 'GeoJSON, or CSV with longitude/latitude columns (lon/lat, lng, longitude, 经度/纬度 or x/y); UTF-8 or GBK; up to 50 MB. You can also drop a file onto the map.',
  },
  datum: { zh: '文件坐标系', en: 'Datum of the file' },
  chooseFile: { zh: '选择文件…', en: 'Choose a file…' },
  importing: { zh: '正在读取 {name}…', en: 'Reading {name}…' },
  imported: { zh: '已导入“{name}”：{n} 个要素', en: 'Imported {name}: {n} features' },
  importFailed: { zh: '无法导入“{name}”：{msg}', en: 'Could not import {name}: {msg}' },
  readFailed: { zh: '读取文件失败', en: 'The file could not be read' },
  dropHere: { zh: '松开鼠标以导入（GeoJSON 或 CSV）', en: 'Drop to import (GeoJSON or CSV)' },
  dropOne: { zh: '一次只能导入一个文件，已导入第一个', en: 'One file at a time: only the first was imported' },
  userLayers: { zh: '导入的图层', en: 'Imported layers' },
  noUserLayers: { zh: '尚未导入图层', en: 'No imported layers yet' },
  remove: { zh: '移除', en: 'Remove' },
  show: { zh: '显示', en: 'Show' },
  features: { zh: '{n} 个要素', en: '{n} features' },
  exportTitle: { zh: '导出当前筛选结果', en: 'Export the filtered features' },
  exportHelp: { zh: '导出当前显示并通过筛选的 {n} 个规划要素（不含导入图层）。', en: 'Exports the {n} plan features currently shown and passing the filters (imported layers excluded).' },
  exportGeojson: { zh: '导出 GeoJSON', en: 'Export GeoJSON' },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
  exportCsvNote: { zh: 'CSV 为 UTF-8（带 BOM），经纬度为要素上的代表点（WGS84）。', en: 'CSV is UTF-8 with a BOM; lon/lat is a representative point on each feature (WGS84).' },
  datumNote: { zh: '导入后统一转换为 WGS84 显示。', en: 'Converted to WGS84 for display.' },
  warnings: { zh: '提示', en: 'Notes' },
  lastError: { zh: '上次导入失败', en: 'Last import failed' },

  // base maps
  basemap: { zh: '底图', en: 'Base map' },
  'base.offline': { zh: '内置离线底图', en: 'Built-in offline base' },
  'base.openfreemap': { zh: 'OpenFreeMap 矢量', en: 'OpenFreeMap (vector)' },
  'base.osm': { zh: 'OpenStreetMap 栅格', en: 'OpenStreetMap (raster)' },
  'base.tdt-vec': { zh: '天地图 矢量', en: 'Tianditu map' },
  'base.tdt-img': { zh: '天地图 影像', en: 'Tianditu imagery' },
  onlineNote: { zh: '在线底图需联网；加载失败会自动切回内置底图。', en: 'Online bases need a connection; if one fails, the built-in base returns.' },
  tdtKey: { zh: '天地图密钥（tk）', en: 'Tianditu key (tk)' },
  tdtKeyHelp: { zh: '密钥只保存在本浏览器（localStorage），不会写入链接。', en: 'The key stays in this browser (localStorage) and never goes into the link.' },
  tdtKeySave: { zh: '保存并使用', en: 'Save and use' },
  tdtKeyClear: { zh: '清除密钥', en: 'Forget key' },
  needsKeyShort: { zh: '（需密钥）', en: ' (key needed)' },
  tdtNeedKey: { zh: '使用天地图需要先填写密钥', en: 'Tianditu needs a key first' },
  baseFailed: { zh: '在线底图“{name}”加载失败，已切回内置离线底图（图层、筛选和选中要素均保留）。', en: 'The online base {name} failed to load; back to the built-in offline base (layers, filters and selection kept).' },
  baseNoKey: { zh: '链接要求天地图底图，但本浏览器没有保存密钥；已使用内置底图。', en: 'The link asks for a Tianditu base but this browser has no key; using the built-in base.' },
} as const;

export type PlannerKey = keyof typeof P;
export const PLANNER_STRINGS = P;

export const pt = translator(P);
