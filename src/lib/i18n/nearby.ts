/** Strings of the "Nearby" feature, in Chinese and English. */
import { translator } from './translate.ts';

export const NEARBY = {
  tab: { zh: '附近', en: 'Nearby' },
  intro: { zh: '看看规划在您家、学校或单位附近安排了什么。', en: 'See what the plan puts near your home, school or work.' },
  myPlace: { zh: '我的位置', en: 'My place' },
  locate: { zh: '使用我的位置', en: 'Use my location' },
  locating: { zh: '正在定位…', en: 'Finding your position…' },
  tapHint: { zh: '或在地图上点击空白处或区域（点击点、线要素会打开详情）', en: 'Or tap the map: an empty spot or an area (tapping a point or line opens its details)' },
  searchLabel: { zh: '搜索地点', en: 'Search a place' },
  searchPlaceholder: { zh: '地名、镇街、地铁站，如 lxgl', en: 'Place, town, metro station, e.g. Lu Xun' },
  noMatch: { zh: '没有匹配的地点', en: 'No matching place' },
  clear: { zh: '清除位置', en: 'Clear place' },
  placeAt: { zh: '位置：{lat}°N, {lon}°E', en: 'Place: {lat}°N, {lon}°E' },
  placeFrom: { zh: '来源：{src}', en: 'From: {src}' },
  'src.gps': { zh: '设备定位（精度约 {acc}）', en: 'your device (accuracy about {acc})' },
  'src.map': { zh: '地图点选', en: 'tapped on the map' },
  'src.link': { zh: '链接', en: 'a shared link' },
  'src.search': { zh: '搜索：{name}', en: 'search: {name}' },
  noPlace: { zh: '尚未设置位置。请定位、在地图上点击，或搜索一个地点。', en: 'No place yet. Use your location, tap the map, or search for a place.' },
  // geolocation messages
  'geo.insecure': {
    zh: '定位需要 HTTPS 或 localhost 页面，当前页面无法使用定位。请在地图上点击或搜索地点。',
    en: 'Location works only on an HTTPS or localhost page, and this page is neither. Tap the map or search for a place instead.',
  },
  'geo.unsupported': { zh: '此浏览器不支持定位。请在地图上点击或搜索地点。', en: 'This browser cannot share its location. Tap the map or search for a place instead.' },
  'geo.denied': {
    zh: '您拒绝了定位权限（或浏览器已阻止）。可在浏览器设置中允许，或直接在地图上点击、搜索地点。',
    en: 'Location permission was denied (or is blocked by the browser). Allow it in your browser settings, or tap the map or search for a place.',
  },
  'geo.unavailable': { zh: '暂时无法获得您的位置。请稍后再试，或在地图上点击、搜索地点。', en: 'Your position is unavailable right now. Try again later, or tap the map or search for a place.' },
  'geo.timeout': { zh: '定位超时。请重试，或在地图上点击、搜索地点。', en: 'Finding your position took too long. Try again, or tap the map or search for a place.' },
  'geo.outside': {
    zh: '您的位置在越城区以外（距区界约 {d}）。本规划只覆盖越城区：请在地图上点击或搜索区内地点。',
    en: 'Your position is outside Yuecheng District (about {d} from its edge). The plan covers the district only: tap the map or search for a place inside it.',
  },
  outsideNote: { zh: '此位置在越城区（概化区界）以外。', en: 'This place is outside Yuecheng District (generalized outline).' },
  // radius
  radius: { zh: '半径', en: 'Radius' },
  customRadius: { zh: '自定义半径', en: 'Custom radius' },
  customPlaceholder: { zh: '如 800 或 1.5 km', en: 'e.g. 800 or 1.5 km' },
  apply: { zh: '应用', en: 'Apply' },
  'radius.empty': { zh: '请输入半径，如 800（米）或 1.5 km。', en: 'Enter a radius, e.g. 800 (metres) or 1.5 km.' },
  'radius.nan': { zh: '无法识别“{v}”：请输入数字，单位可为米或 km。', en: 'Could not read “{v}”: enter a number, in metres or km.' },
  'radius.range': { zh: '半径须在 {min} 到 {max} 之间。', en: 'The radius must be between {min} and {max}.' },
  travel: {
    zh: '半径 {r}：步行约 {walk} 分钟 · 骑行约 {cycle} 分钟 · 驾车约 {drive} 分钟',
    en: 'Radius {r}: about {walk} min walking · {cycle} min cycling · {drive} min driving',
  },
  travelNote: { zh: '按直线距离估算（步行 5、骑行 15、市区驾车 30 公里/小时），非实际路线。', en: 'Straight-line estimates (walking 5, cycling 15, urban driving 30 km/h), not actual routes.' },
  walkMin: { zh: '步行约 {m} 分钟', en: '~{m} min walk' },
  // context line
  inZone: { zh: '位于{zone}（示意范围）。', en: 'In the {zone} (schematic extent).' },
  noZone: { zh: '不在五大功能区（示意范围）内。', en: 'Not inside any of the five functional zones (schematic extents).' },
  zonesMissing: { zh: '功能区数据尚未载入。', en: 'Functional-zone data is not loaded.' },
  nearestCore: { zh: '最近的滨海核心：{name}，{d}', en: 'Nearest Binhai core: {name}, {d}' },
  nearestPlatform: { zh: '最近的滨海平台：{name}，{d}', en: 'Nearest Binhai platform: {name}, {d}' },
  inside: { zh: '位于其中', en: 'inside it' },
  schematicNote: { zh: '功能区、核心与平台取自规划示意图，非边界；距离仅供参考。', en: "Zones, cores and platforms come from the plan's diagram, not boundaries; distances are indicative." },
  // results
  results: { zh: '半径 {r} 内的规划要素：{n} 个', en: '{n} plan features within {r}' },
  resultsNone: { zh: '半径 {r} 内没有规划要素。可以试试更大的半径。', en: 'No plan features within {r}. Try a larger radius.' },
  resultsNote: { zh: '按到要素最近点的直线距离排序（区域内为 0），含已关闭的图层。', en: "By straight-line distance to each feature's nearest point (0 inside an area), hidden layers included." },
  listLabel: { zh: '附近的规划要素', en: 'Nearby plan features' },
  insideArea: { zh: '在范围内', en: 'inside' },
  // share
  share: { zh: '分享链接', en: 'Share link' },
  copied: { zh: '链接已复制。', en: 'Link copied.' },
  copyFallback: { zh: '无法自动复制，请手动复制下面的链接：', en: 'Could not copy automatically; copy this link by hand:' },
  linkLabel: { zh: '本页链接', en: 'Link to this view' },
} as const;

export type NearbyKey = keyof typeof NEARBY;

export const nt = translator(NEARBY);
