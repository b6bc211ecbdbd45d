/** UI strings in Chinese and English. Feature names come from geodata. */
import { fill, type Vars } from './translate.ts';
export type Lang = 'zh' | 'en';
export const LANGS: Lang[] = ['zh', 'en'];

const S = {
  appTitle: { zh: '越城区“十四五”规划地图', en: 'Yuecheng 14th Five-Year Plan Map' },
  appSubtitle: { zh: '绍兴市越城区 · 2021—2025', en: 'Yuecheng District, Shaoxing · 2021–2025' },
  layers: { zh: '图层', en: 'Layers' },
  legend: { zh: '图例', en: 'Legend' },
  filters: { zh: '筛选', en: 'Filter' },
  results: { zh: '项目列表', en: 'Features' },
  search: { zh: '搜索', en: 'Search' },
  searchPlaceholder: { zh: '搜索名称、拼音或英文，如 lxgl', en: 'Search name, pinyin or English, e.g. Lu Xun' },
  noResults: { zh: '没有匹配的结果', en: 'No matches' },
  about: { zh: '关于', en: 'About' },
  close: { zh: '关闭', en: 'Close' },
  opacity: { zh: '透明度', en: 'Opacity' },
  category: { zh: '类别', en: 'Category' },
  zone: { zh: '功能区', en: 'Zone' },
  chapter: { zh: '规划章节', en: 'Plan chapter' },
  status: { zh: '状态', en: 'Status' },
  quality: { zh: '位置精度', en: 'Location quality' },
  text: { zh: '关键词', en: 'Text' },
  any: { zh: '全部', en: 'Any' },
  clearFilters: { zh: '清除筛选', en: 'Clear filters' },
  matching: { zh: '匹配 {n} / {total} 个要素', en: '{n} of {total} features match' },
  section: { zh: '规划条目', en: 'Plan section' },
  excerpt: { zh: '规划原文', en: 'The plan says' },
  figures: { zh: '规划指标', en: 'The plan’s figures' },
  readInPlan: { zh: '在规划原文中阅读', en: 'Read in the plan' },
  statusAsOf: { zh: '截至规划发布（2021年4月）', en: 'as of the plan (April 2021)' },
  'status.completed': { zh: '“十三五”已完成', en: 'Completed (13th FYP)' },
  'status.underway': { zh: '推进中', en: 'Under way' },
  'status.planned': { zh: '规划中', en: 'Planned' },
  'quality.sourced': { zh: '有出处的坐标', en: 'Sourced location' },
  'quality.estimated': { zh: '大致位置（推估）', en: 'Approximate location (estimated)' },
  'quality.schematic': { zh: '示意范围（规划示意图）', en: 'Schematic (a diagram, not a boundary)' },
  'qualityHint.sourced': { zh: '坐标来自公开来源：', en: 'Coordinate from a public source: ' },
  'qualityHint.estimated': { zh: '此位置为推估，仅供参考：', en: 'This location is approximate. How it was placed: ' },
  'qualityHint.schematic': { zh: '规划本身是示意图，此范围非边界：', en: 'The plan itself is a diagram; this is not a boundary: ' },
  ourTranslation: { zh: '英文名为本站翻译', en: 'English name: our translation' },
  also: { zh: '同时属于', en: 'Also part of' },
  locationSource: { zh: '位置来源', en: 'Location source' },
  description: { zh: '说明', en: 'Description' },
  notice: { zh: '提示', en: 'Notice' },
  dismiss: { zh: '知道了', en: 'Dismiss' },
  showPanel: { zh: '显示面板', en: 'Show panel' },
  hidePanel: { zh: '收起面板', en: 'Hide panel' },
  language: { zh: 'English', en: '中文' },
  languageLabel: { zh: '切换到英文', en: 'Switch to Chinese' },
  planTitle: { zh: '越城区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要', en: 'Outline of the 14th Five-Year Plan for Economic and Social Development and Long-Range Objectives Through 2035 of Yuecheng District' },
  planIssued: { zh: '越政发〔2021〕10号，2021年4月9日印发', en: 'Issued as 越政发〔2021〕10号 on 9 April 2021' },
  datasetVersion: { zh: '数据集版本', en: 'Dataset version' },
  dataSources: { zh: '数据来源', en: 'Data sources' },
  dataStatus: {
    zh: '功能区、核心、轴带和平台为示意范围；区界为概化轮廓；均非法定边界。标注“推估”的位置仅为大致位置。',
    en: 'Zones, cores, belts and platforms are schematic; the outline is generalized; nothing here is a legal boundary. Locations marked “approximate” are estimates.',
  },
  counts: { zh: '要素统计', en: 'Feature counts' },
  unknownParam: { zh: '已忽略无法识别的链接参数：{p}', en: 'Ignored an unrecognised link parameter: {p}' },
  badParam: { zh: '链接参数 {p} 的值无效，已使用默认值', en: 'The link parameter {p} had an invalid value; using the default' },
  loadError: { zh: '数据加载失败：{e}', en: 'Could not load data: {e}' },
  subcategories: { zh: '子类', en: 'Sub-categories' },
  featuresInView: { zh: '个要素', en: 'features' },
  computedNote: { zh: '（本站计算）', en: '(computed by us)' },
  zoomToFeature: { zh: '定位', en: 'Zoom to' },
  approx: { zh: '大致位置', en: 'approximate' },
  schematic: { zh: '示意', en: 'schematic' },
  contextFeature: { zh: '区外参照', en: 'outside the district' },
  chapterN: { zh: '第{n}章', en: 'Chapter {n}' },
  noneSelected: { zh: '点击地图上的要素或在列表中选择以查看详情', en: 'Click a feature on the map or pick one from the list to see its details' },
  'zone.null': { zh: '区外', en: 'Outside' },
  backToList: { zh: '返回列表', en: 'Back to list' },
  layerPanel: { zh: '图层面板', en: 'Layer panel' },
  mapLabel: { zh: '越城区规划地图', en: 'Map of the Yuecheng plan' },
  planText: { zh: '规划原文', en: 'Plan text' },
  loading: { zh: '加载中…', en: 'Loading…' },
  keyboardHint: { zh: '用 Tab 键浏览列表，回车打开详情', en: 'Use Tab to move through the list and Enter to open details' },
} as const;

export type StringKey = keyof typeof S;

export function translate(lang: Lang, key: StringKey | string, vars?: Vars): string {
  const entry = (S as Record<string, { zh: string; en: string }>)[key];
  return fill(entry ? entry[lang] : key, vars);
}

export const STRINGS = S;

/** Chinese numerals for chapters 一..十二 */
export const CHAPTERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'] as const;
export type Chapter = (typeof CHAPTERS)[number];

export function chapterLabel(lang: Lang, ch: string): string {
  const n = CHAPTERS.indexOf(ch as Chapter) + 1;
  return lang === 'zh' ? `${ch}、${CHAPTER_TITLES[ch]?.zh ?? ''}` : `${n}. ${CHAPTER_TITLES[ch]?.en ?? ''}`;
}

export const CHAPTER_TITLES: Record<string, { zh: string; en: string }> = {
  一: { zh: '“十三五”发展成就', en: '13th FYP achievements' },
  二: { zh: '发展新形势', en: 'New situation' },
  三: { zh: '发展新要求', en: 'New requirements' },
  四: { zh: '创新首位度', en: 'Innovation' },
  五: { zh: '产业首位度', en: 'Industry' },
  六: { zh: '开放首位度', en: 'Opening up' },
  七: { zh: '城市首位度', en: 'The city' },
  八: { zh: '文化首位度', en: 'Culture' },
  九: { zh: '生态宜居首位度', en: 'Ecology' },
  十: { zh: '营商环境首位度', en: 'Business environment' },
  十一: { zh: '基层治理首位度', en: 'Public services and governance' },
  十二: { zh: '保障措施', en: 'Implementation' },
};
