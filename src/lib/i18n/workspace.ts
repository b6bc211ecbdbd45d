/** Strings of the workspace, inspection, attribute table, selection by area and export options. */
import { translator } from './translate.ts';

const W = {
  // measurements / sketches
  note: { zh: '备注', en: 'Note' },
  notePlaceholder: { zh: '写一句说明（可选）', en: 'A short note (optional)' },
  measureKept: { zh: '已保存到工作区，刷新后仍在。', en: 'Kept in your workspace across reloads.' },
  delete: { zh: '删除', en: 'Delete' },
  undo: { zh: '撤销', en: 'Undo' },
  sketchDeleted: { zh: '已删除测量，可在“导入导出”页撤销', en: 'Measurement deleted; undo it in the Data tab' },
  sketchRestored: { zh: '已恢复测量', en: 'Measurement restored' },
  sketches: { zh: '测量与草图', en: 'Measurements and sketches' },
  noSketches: { zh: '尚无测量。用地图右上角的测量工具画线或面，结果会保存在这里。', en: 'No measurements yet. Use the measuring tool (map, top right); results are kept here.' },
  sketchLine: { zh: '距离', en: 'Distance' },
  sketchArea: { zh: '面积', en: 'Area' },
  zoomTo: { zh: '定位', en: 'Zoom to' },
  undoDelete: { zh: '撤销删除“{name}”', en: 'Undo delete of “{name}”' },

  // workspace
  workspace: { zh: '工作区', en: 'Workspace' },
  workspaceHelp: {
    zh: '导入的图层（含样式）、测量及备注和地图视图自动保存在本浏览器（IndexedDB），刷新后恢复。可导出为一个文件发给同事。',
    en: 'Imported layers (with styles), measurements with notes and the map view are saved in this browser (IndexedDB) as they change and come back after a reload. Export them as one file for a colleague.',
  },
  wsSaved: { zh: '已保存 {t}', en: 'Saved {t}' },
  wsExport: { zh: '导出工作区', en: 'Export workspace' },
  wsImport: { zh: '导入工作区…', en: 'Import workspace…' },
  wsClear: { zh: '清空工作区', en: 'Clear workspace' },
  wsClearTitle: { zh: '清空工作区？', en: 'Clear the workspace?' },
  wsClearBody: { zh: '将移除 {l} 个导入图层和 {m} 个测量，并删除本浏览器中保存的副本。此操作无法撤销；如需保留，请先导出工作区。', en: 'This removes {l} imported layers and {m} measurements, and deletes the copy saved in this browser. It cannot be undone; export the workspace first to keep it.' },
  wsClearConfirm: { zh: '清空', en: 'Clear' },
  cancel: { zh: '取消', en: 'Cancel' },
  wsCleared: { zh: '工作区已清空', en: 'Workspace cleared' },
  wsRestored: { zh: '已恢复工作区：{l} 个图层，{m} 个测量', en: 'Workspace restored: {l} layers, {m} measurements' },
  wsImported: { zh: '已导入工作区“{name}”：{l} 个图层，{m} 个测量', en: 'Imported workspace {name}: {l} layers, {m} measurements' },
  wsImportFailed: { zh: '无法导入工作区“{name}”：{msg}', en: 'Could not import workspace {name}: {msg}' },
  wsBlocked: {
    zh: '本浏览器不允许保存数据（可能是无痕/隐私模式）：本次的图层和测量可以继续使用，但刷新后不会保留。请用“导出工作区”保存。',
    en: 'This browser does not allow saving (private mode?): you can keep working, but layers and measurements will not survive a reload. Use “Export workspace” to keep them.',
  },
  wsFull: {
    zh: '浏览器存储空间已满，工作区未能保存：本次可继续使用。请移除大图层或用“导出工作区”保存。',
    en: 'Browser storage is full; the workspace could not be saved. You can keep working; remove a large layer or use “Export workspace”.',
  },
  wsStatusBlocked: { zh: '未保存：浏览器禁止存储', en: 'Not saved: storage blocked' },
  wsStatusFull: { zh: '未保存：存储空间已满', en: 'Not saved: storage full' },

  // layer styling / inspection / table
  style: { zh: '样式', en: 'Style' },
  color: { zh: '颜色', en: 'Colour' },
  size: { zh: '大小', en: 'Size' },
  labelField: { zh: '标注字段', en: 'Label field' },
  noLabel: { zh: '（不标注）', en: '(no label)' },
  zoomLayer: { zh: '缩放到图层', en: 'Zoom to layer' },
  openTable: { zh: '属性表', en: 'Attribute table' },
  inspectTitle: { zh: '要素属性', en: 'Feature attributes' },
  noAttributes: { zh: '（无属性）', en: '(no attributes)' },
  close: { zh: '关闭', en: 'Close' },
  tableFilter: { zh: '筛选（任意字段包含）', en: 'Filter (any field contains)' },
  tableRows: { zh: '{n} / {total} 行', en: '{n} of {total} rows' },
  tableWorking: { zh: '正在筛选、排序…', en: 'Filtering and sorting…' },
  tablePage: { zh: '第 {p} / {pages} 页', en: 'Page {p} of {pages}' },
  prev: { zh: '上一页', en: 'Previous' },
  next: { zh: '下一页', en: 'Next' },
  exportRows: { zh: '导出筛选结果', en: 'Export these rows' },
  sortBy: { zh: '按“{c}”排序', en: 'Sort by {c}' },
  tableHint: { zh: '点击行定位到要素；点击表头排序。', en: 'Click a row to zoom to it; click a header to sort.' },

  // selection by area
  selectTitle: { zh: '按范围选择', en: 'Select by area' },
  selectHelp: { zh: '画多边形或圆，或选择一个功能区/平台，列出范围内的规划要素和导入要素。', en: 'Draw a polygon or a circle, or pick a zone or platform, to list the plan and imported features inside.' },
  drawPolygon: { zh: '画多边形', en: 'Draw polygon' },
  drawCircle: { zh: '画圆', en: 'Draw circle' },
  pickArea: { zh: '选择功能区/平台…', en: 'Pick a zone or platform…' },
  drawPolygonHint: { zh: '在地图上依次点击顶点，点击起点或按回车完成；Esc 取消。', en: 'Click the corners on the map; click the first point or press Enter to finish; Esc cancels.' },
  drawCircleHint: { zh: '在地图上点击圆心，再点击确定半径；Esc 取消。', en: 'Click the centre on the map, then click again to set the radius; Esc cancels.' },
  selectResult: { zh: '范围内 {n} 个要素（规划 {p}，导入 {u}）', en: '{n} features inside ({p} plan, {u} imported)' },
  selectArea: { zh: '范围面积', en: 'Area' },
  selectClear: { zh: '清除选择', en: 'Clear selection' },
  selectRule: { zh: '点位于范围内或边界上即计入；线、面与范围相交即计入。', en: 'A point counts when inside or on the edge; a line or area counts when it intersects the area.' },
  selectExport: { zh: '导出所选', en: 'Export the selection' },
  circleRadius: { zh: '半径 {r}', en: 'radius {r}' },
  category: { zh: '类别', en: 'Category' },
  count: { zh: '数量', en: 'Count' },

  // export options
  exportDatum: { zh: '导出坐标系', en: 'Coordinates of the export' },
  exportFormat: { zh: '格式', en: 'Format' },
  exportKml: { zh: '导出 KML', en: 'Export KML' },
  exportShp: { zh: '导出 Shapefile（zip）', en: 'Export Shapefile (zip)' },
  exportKmlNote: { zh: 'KML 按规范始终为 WGS84 经纬度。', en: 'KML is always WGS84 lon/lat (as the standard requires).' },
  exportDatumNote: {
    zh: 'CGCS2000 与 WGS84 相差不超过数厘米，本数据精度下视为一致；GCJ-02 供高德、腾讯地图使用。Shapefile 含 .prj 与 .cpg（UTF-8）。',
    en: 'CGCS2000 and WGS84 differ by a few centimetres at most, below this data’s precision; GCJ-02 is for Amap/Tencent. Shapefiles include a .prj and a .cpg (UTF-8).',
  },
  exported: { zh: '已导出 {name}', en: 'Exported {name}' },
  exportFailedMsg: { zh: '导出失败：{e}', en: 'Export failed: {e}' },
} as const;

export type WorkspaceKey = keyof typeof W;
export const WORKSPACE_STRINGS = W;

export const wt = translator(W);
