/** Strings of the street-scale work: base in use, 审图号/ICP, online (天地图) search, nearby status/period. */
import { translator } from './translate.ts';

export const STREET = {
  baseInUse: { zh: '底图：{name}', en: 'Base: {name}' },
  reviewNo: { zh: '审图号：{no}', en: 'Map review no. {no}' },
  sketch: { zh: '内置底图为示意图，非正式地图', en: 'The built-in base is a sketch, not a published map' },
  autoFellBack: { zh: '在线底图“{name}”无法访问，已使用内置底图（示意图）。', en: 'The online base {name} is unreachable; using the built-in base (a sketch).' },
  icp: { zh: 'ICP 备案号', en: 'ICP filing' },
  // online search
  online: { zh: '天地图', en: 'Tianditu' },
  onlineHead: { zh: '天地图地址与地点', en: 'Addresses and places (Tianditu)' },
  onlineSearching: { zh: '正在查询天地图…', en: 'Searching Tianditu…' },
  onlineNone: { zh: '天地图在越城区内没有找到匹配的地址。', en: 'Tianditu found no matching address in Yuecheng.' },
  'err.key': { zh: '天地图拒绝了查询（密钥无效或未授权此网站），仅显示本地结果。', en: 'Tianditu refused the query (key invalid or not allowed for this site); local results only.' },
  'err.timeout': { zh: '天地图查询超时，仅显示本地结果。', en: 'Tianditu did not answer in time; local results only.' },
  'err.server': { zh: '天地图服务暂时不可用，仅显示本地结果。', en: 'Tianditu is unavailable right now; local results only.' },
  'err.format': { zh: '天地图返回了无法识别的内容，仅显示本地结果。', en: 'Tianditu sent an answer that could not be read; local results only.' },
  'err.network': { zh: '无法连接天地图，仅显示本地结果。', en: 'Could not reach Tianditu; local results only.' },
  'err.service': { zh: '天地图查询出错（{msg}），仅显示本地结果。', en: 'Tianditu reported an error ({msg}); local results only.' },
  asMyPlace: { zh: '设为我的位置', en: 'Use as my place' },
  showOnMap: { zh: '在地图上显示', en: 'Show on map' },
  geocoded: { zh: '地址解析', en: 'address match' },
  // nearby
  asStated: { zh: '据规划（2021年4月）', en: 'as stated in the plan, April 2021' },
  period2025: { zh: '规划期 2021–2025', en: 'plan period 2021–2025' },
  period2035: { zh: '远景至 2035', en: 'outlook to 2035' },
  markerLabel: { zh: '地图标记 {n}', en: 'map marker {n}' },
} as const;

export type StreetKey = keyof typeof STREET;

export const st = translator(STREET);
