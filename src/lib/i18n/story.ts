/** Strings of story mode, export/print and the targets panel (every string in both languages). */
import type { Lang } from './strings.ts';
import { fill, type Vars } from './translate.ts';

type B = { zh: string; en: string };

export const STORY = {
  start: { zh: '演示', en: 'Story' },
  startLong: { zh: '开始演示：规划空间逻辑导览', en: 'Start the story: a guided tour of the plan' },
  exit: { zh: '退出演示', en: 'Exit story' },
  prev: { zh: '上一章', en: 'Previous' },
  next: { zh: '下一章', en: 'Next' },
  chapters: { zh: '章节', en: 'Chapters' },
  progress: { zh: '第 {n} / {total} 章', en: 'Chapter {n} of {total}' },
  keys: { zh: '← → 空格 翻页 · Esc 退出', en: '← → Space to step · Esc to exit' },
  section: { zh: '规划条目', en: 'Plan section' },
  quoteNote: { zh: '引自规划原文', en: 'Quoted from the plan (Chinese original below)' },
  output2025: { zh: '2025年产值目标', en: '2025 output target' },
  target2025: { zh: '2025年目标', en: '2025 target' },
  region: { zh: '演示模式', en: 'Story mode' },
  copyLink: { zh: '复制本章链接', en: 'Copy link to this chapter' },
  linkCopied: { zh: '已复制链接', en: 'Link copied' },
  lang: { zh: 'EN', en: '中' },
  langLabel: { zh: '切换到英文', en: 'Switch to Chinese' },
} satisfies Record<string, B>;

export const EXPORT = {
  menu: { zh: '导出', en: 'Export' },
  png: { zh: '导出图片（PNG，2倍清晰度）', en: 'Save image (PNG, 2×)' },
  print: { zh: '打印 / 存为 PDF', en: 'Print / save as PDF' },
  working: { zh: '正在生成图片…', en: 'Making the image…' },
  done: { zh: '图片已生成：{f}', en: 'Image saved: {f}' },
  saved: { zh: '已保存', en: 'Saved' },
  failed: { zh: '导出失败：{e}', en: 'Export failed: {e}' },
  noMap: { zh: '地图尚未加载完成', en: 'The map is not ready yet' },
  legend: { zh: '图例', en: 'Legend' },
  scale: { zh: '比例尺', en: 'Scale' },
  north: { zh: '北', en: 'N' },
  sources: { zh: '数据来源', en: 'Sources' },
  date: { zh: '制图日期', en: 'Date' },
  schematic: {
    zh: '功能区、核心、轴带、平台为规划示意范围，区界为概化轮廓，均非法定边界。',
    en: 'Zones, cores, belts and platforms are schematic; the outline is generalized; none is a legal boundary.',
  },
} satisfies Record<string, B>;

export const TARGETS = {
  tab: { zh: '指标', en: 'Targets' },
  heading: { zh: '“十四五”主要指标（2025年目标）', en: '14th Five-Year Plan: main targets for 2025' },
  intro: {
    zh: '规划纲要三(四)所列34项主要指标。图中灰点为2020年预计值，彩点为2025年目标，箭头所指为改善方向。',
    en: 'The 34 main indicators of section 三(四). In each chart the grey dot is the 2020 estimate and the coloured dot the 2025 target; the arrow points the way things improve.',
  },
  v2020: { zh: '2020年', en: '2020' },
  v2025: { zh: '2025年', en: '2025' },
  expected: { zh: '预期性', en: 'expected' },
  binding: { zh: '约束性', en: 'binding' },
  lowerBetter: { zh: '数值越小越好', en: 'lower is better' },
  rankNote: { zh: '排名：数值越小越好，图中越靠右越好', en: 'A rank: a smaller number is better; the chart runs right towards better' },
  textOnly: { zh: '文字指标，不作图', en: 'a text target, not charted' },
  conflict: { zh: '规划内表述不一致', en: 'The plan is inconsistent here' },
  conflictIntro: { zh: '规划不同章节对此指标给出不同数字：', en: 'Different parts of the plan give different figures for this target:' },
  citations: { zh: '规划中的相关表述', en: 'Where the plan restates it' },
  showOnMap: { zh: '在地图上查看', en: 'Show on map' },
  openChapter: { zh: '演示：{c}', en: 'Story: {c}' },
  clusters: { zh: '专栏一 重点产业集群2025年产值目标', en: 'Box 1: 2025 output targets of the key industry clusters' },
  clustersIntro: { zh: '单位：亿元。点击平台可在地图上定位。', en: 'Unit: 100 million yuan. Click a platform to find it on the map.' },
  platforms: { zh: '承载平台', en: 'Platforms' },
  noPlatform: { zh: '规划未指明承载平台', en: 'The plan names no platform' },
  fyp13: { zh: '“十三五”规划主要指标完成情况', en: '13th Five-Year Plan: completion of the main indicators' },
  target2020: { zh: '2020年目标', en: '2020 target' },
  estimate2020: { zh: '2020年预计', en: '2020 estimate' },
  completion: { zh: '完成情况', en: 'Result' },
  indicator: { zh: '指标', en: 'Indicator' },
  loading: { zh: '正在加载指标…', en: 'Loading the targets…' },
  loadFailed: { zh: '指标数据加载失败：{e}', en: 'Could not load the targets: {e}' },
  yearOf: { zh: '（{y}年）', en: ' ({y})' },
  source: { zh: '来源：越政发〔2021〕10号', en: 'Source: 越政发〔2021〕10号' },
} satisfies Record<string, B>;

/** Pick a string in a language and fill {vars}. */
export const tr = (entry: B, lang: Lang, vars?: Vars): string => fill(entry[lang], vars);
