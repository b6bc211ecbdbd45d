/** Strings of the inventory panels (unsited detail, "not on the map" list), zh and en; loaded with them. */
import { translator } from './translate.ts';

export const INVENTORY_PANEL = {
  noSite: { zh: '规划未给出位置', en: 'The plan gives no site' },
  noSiteHint: {
    zh: '规划提到了它，但没有给出地点，因此地图上不画点位，以免虚构位置。',
    en: 'The plan names it but gives no place, so the map draws no point for it rather than invent one.',
  },
  zoneKnown: { zh: '规划所述功能区：{zone}', en: 'Zone the plan gives: {zone}' },
  zoneUnknown: { zh: '规划未说明所在功能区', en: 'The plan does not say which zone' },
  notAPlace: { zh: '这不是一个地点', en: 'This is not a place' },
  reasonIn: { zh: '说明（英文原文）：', en: 'Why: ' },
  'kind.title': { zh: '称号、试点或政策区', en: 'A title, pilot or policy zone' },
  'kind.programme': { zh: '全区性计划或网络', en: 'A district-wide programme or network' },
  'kind.event': { zh: '活动', en: 'An event' },
  'kind.digital': { zh: '数字平台或信息系统', en: 'A digital platform or information system' },
  'kind.organisation': { zh: '机构、基金或模式', en: 'An organisation, fund or model' },
  'kind.unnamed': { zh: '数量或类别，未具体列名', en: 'A count or category, none named' },
  'kind.concept': { zh: '概念或目标，非具体路线', en: 'A concept or goal, not a route' },
  'kind.outside': { zh: '位于区外', en: 'Outside the district' },
  'kind.aim': { zh: '发展目标或定位', en: 'An aim or role' },
  section: { zh: '规划章节', en: 'Plan section' },
  excerpt: { zh: '规划原文', en: 'Plan text' },
  back: { zh: '返回', en: 'Back' },
  showArea: { zh: '显示所在区域', en: 'Show the area' },
  notOnMap: { zh: '未上图', en: 'Not on the map' },
  notOnMapIntro: {
    zh: '规划提到、但没有给出位置的设施与项目，共 {n} 项（按章节）。',
    en: '{n} facilities and projects the plan names without a site, by chapter.',
  },
  inventoryCounts: {
    zh: '规划提及要素 {all} 项：已上图 {mapped}，位于区域内 {within}，未定址 {unsited}，非地点 {notPlace}',
    en: '{all} elements named in the plan: {mapped} mapped, {within} within an area, {unsited} unsited, {notPlace} not places',
  },
  chapter: { zh: '第{c}章', en: 'Chapter {n}' },
  loading: { zh: '正在载入…', en: 'Loading…' },
} as const;

export type InventoryPanelKey = keyof typeof INVENTORY_PANEL;

export const ip = translator(INVENTORY_PANEL);
