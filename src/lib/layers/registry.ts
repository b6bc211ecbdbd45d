/**
 * The layer registry: the single source of truth for every layer group.
 * A new group = one entry here + one GeoJSON file in geodata/. No component changes.
 */
import type { BaseGroupId, PlanGroupId, Zone } from '../plan/types.ts';

export type Bilingual = { zh: string; en: string };
export type GroupKind = 'zones' | 'areas' | 'cores' | 'belts' | 'platforms' | 'points' | 'projects' | 'base';
export type LegendSymbol = 'fill' | 'glow' | 'arrow' | 'hatch' | 'circle' | 'line' | 'label' | 'land';

export interface LegendEntry {
  key: string;
  label: Bilingual;
  color: string;
  symbol: LegendSymbol;
}

export interface LayerGroup {
  id: PlanGroupId | BaseGroupId;
  kind: GroupKind;
  title: Bilingual;
  description: Bilingual;
  color: string;
  symbol: LegendSymbol;
  defaultVisible: boolean;
  /** path relative to geodata/ */
  file: string;
  /** base-map groups carry no plan citation and are not filtered */
  base: boolean;
  /** shown in the layer panel (land/sea are always on) */
  toggleable: boolean;
  /** extra legend rows (zones, platforms); default: one row for the group */
  legend?: LegendEntry[];
  /** colour per value of a property, for zones and platforms */
  colorBy?: { property: string; colors: Record<string, string> };
}

export const ZONE_COLORS: Record<Zone, string> = {
  north: '#5477c4',
  west: '#8d6cc9',
  central: '#e0962b',
  south: '#4f9e5d',
  east: '#2f9fa8',
};

export const ZONE_LABELS: Record<Zone, Bilingual> = {
  north: { zh: '北部', en: 'North' },
  west: { zh: '西部', en: 'West' },
  central: { zh: '中部', en: 'Central' },
  south: { zh: '南部', en: 'South' },
  east: { zh: '东部', en: 'East' },
};

export const PLATFORM_COLORS: Record<string, string> = {
  'traditional-upgrade': '#7a4f9a',
  'emerging-industry': '#c2185b',
  'strategic-reserve': '#607d8b',
  'open-industry': '#00897b',
};

const PLATFORM_LABELS: Record<string, Bilingual> = {
  'traditional-upgrade': { zh: '传统产业升级平台', en: 'Traditional industry upgrade' },
  'emerging-industry': { zh: '新兴产业拓展平台', en: 'Emerging industry expansion' },
  'strategic-reserve': { zh: '战略产业预留平台', en: 'Strategic industry reserve' },
  'open-industry': { zh: '外向产业开放平台', en: 'Open, outward-facing industry' },
};

const project = (
  id: PlanGroupId,
  color: string,
  zh: string,
  en: string,
  dzh: string,
  den: string,
  defaultVisible = true,
): LayerGroup => ({
  id,
  kind: 'projects',
  title: { zh, en },
  description: { zh: dzh, en: den },
  color,
  symbol: 'circle',
  defaultVisible,
  file: `${id}.geojson`,
  base: false,
  toggleable: true,
});

const base = (
  id: BaseGroupId,
  color: string,
  symbol: LegendSymbol,
  zh: string,
  en: string,
  dzh: string,
  den: string,
  toggleable = true,
): LayerGroup => ({
  id,
  kind: 'base',
  title: { zh, en },
  description: { zh: dzh, en: den },
  color,
  symbol,
  defaultVisible: true,
  file: `base/${id}.geojson`,
  base: true,
  toggleable,
});

export const GROUPS: LayerGroup[] = [
  {
    id: 'zones',
    kind: 'zones',
    title: { zh: '五大功能区', en: 'Five functional zones' },
    description: {
      zh: '七(二)1 着力优化城市功能布局：北部、西部、中部、南部、东部（示意范围）',
      en: 'Section 七(二)1: north, west, central, south and east zones (schematic extents)',
    },
    color: ZONE_COLORS.central,
    symbol: 'fill',
    defaultVisible: true,
    file: 'zones.geojson',
    base: false,
    toggleable: true,
    colorBy: { property: 'zone', colors: ZONE_COLORS },
    legend: (Object.keys(ZONE_COLORS) as Zone[]).map((z) => ({
      key: z,
      label: ZONE_LABELS[z],
      color: ZONE_COLORS[z],
      symbol: 'fill' as const,
    })),
  },
  {
    id: 'cores',
    kind: 'cores',
    title: { zh: '滨海新区“三核”', en: 'Binhai: three cores' },
    description: { zh: '专栏三：镜湖城市核心、滨海产业核心、区域创智核心', en: 'Box 3: Jinghu urban, Binhai industry and regional innovation cores' },
    color: '#d62828',
    symbol: 'glow',
    defaultVisible: true,
    file: 'cores.geojson',
    base: false,
    toggleable: true,
  },
  {
    id: 'belts',
    kind: 'belts',
    title: { zh: '滨海新区“两带”', en: 'Binhai: two belts' },
    description: { zh: '专栏三：城市向海生长轴、新兴产业走廊', en: 'Box 3: city-to-sea growth axis and emerging-industry corridor' },
    color: '#f77f00',
    symbol: 'arrow',
    defaultVisible: true,
    file: 'belts.geojson',
    base: false,
    toggleable: true,
  },
  {
    id: 'platforms',
    kind: 'platforms',
    title: { zh: '滨海新区“四平台”', en: 'Binhai: four platforms' },
    description: { zh: '专栏三：传统产业升级、新兴产业拓展、战略产业预留、外向产业开放', en: 'Box 3: upgrade, emerging, reserve and open-industry platforms' },
    color: '#7a4f9a',
    symbol: 'hatch',
    defaultVisible: true,
    file: 'platforms.geojson',
    base: false,
    toggleable: true,
    colorBy: { property: 'subcategory', colors: PLATFORM_COLORS },
    legend: Object.entries(PLATFORM_LABELS).map(([k, label]) => ({ key: k, label, color: PLATFORM_COLORS[k], symbol: 'hatch' as const })),
  },
  {
    id: 'points',
    kind: 'points',
    title: { zh: '滨海新区“多点”', en: 'Binhai: key points' },
    description: { zh: '专栏三：两大“万亩千亿”平台、综合保税区、滨海科技城等重要功能点', en: 'Box 3: the two 10,000-mu platforms, the bonded zone, Binhai Science City and more' },
    color: '#9d0208',
    symbol: 'circle',
    defaultVisible: true,
    file: 'points.geojson',
    base: false,
    toggleable: true,
  },
  {
    id: 'areas',
    kind: 'areas',
    title: { zh: '规划区域与走廊', en: 'Plan areas and corridors' },
    description: {
      zh: '滨海新区、袍江、镜湖新区、高新区、东浦、灵芝、启动区、科创大走廊（示意）',
      en: 'Binhai New Area, Paojiang, Jinghu, high-tech zone, Dongpu, Lingzhi, start area, corridor (schematic)',
    },
    color: '#6a5d8f',
    symbol: 'fill',
    defaultVisible: false,
    file: 'areas.geojson',
    base: false,
    toggleable: true,
  },
  project('industry', '#1f6fb2', '产业平台与项目', 'Industry', '先进制造、开发区、产业园与重大产业项目', 'Manufacturing, development zones, industrial parks and projects'),
  project('innovation', '#7b4fc2', '科技创新', 'Innovation', '高校、研究院、科创园区与人才平台', 'Universities, institutes, science parks and talent platforms'),
  project('culture', '#9c4a2f', '文化与旅游', 'Culture and tourism', '古城、故里、遗产、文化设施与景区', 'Old city, heritage, cultural venues and scenic areas'),
  project('transport', '#3d4b5c', '交通', 'Transport', '轨道、铁路、高速、快速路、隧道与枢纽', 'Metro, rail, expressways, arterials, tunnels and hubs'),
  project('water', '#1a8fd6', '水利与水环境', 'Water', '水闸、海塘、防洪与治水工程', 'Sluices, sea walls, flood control and water works'),
  project('ecology', '#2f9a45', '生态与公园', 'Ecology and parks', '森林公园、湿地、绿道与生态廊道', 'Forest parks, wetlands, greenways and ecological corridors'),
  project('public-service', '#d64f9a', '公共服务', 'Public services', '学校、医院、体育与养老设施', 'Schools, hospitals, sports and elderly care'),
  project('community', '#e8871e', '未来社区与城市更新', 'Future communities and renewal', '未来社区、城市更新、美丽城镇与乡村', 'Future communities, urban renewal, towns and villages'),
  project('commerce', '#a39b12', '商贸与物流', 'Commerce and logistics', '商圈、市场、物流与金融集聚区', 'Business districts, markets, logistics and finance'),
  base('land', '#f4f2ec', 'land', '陆地与海域', 'Land and sea', 'Natural Earth 1:10m 陆地（公有领域）', 'Natural Earth 1:10m land (public domain)', false),
  base('neighbours', '#e9e6dd', 'fill', '相邻区县', 'Neighbouring districts', '柯桥区、上虞区等（概化）', 'Keqiao, Shangyu and others (generalized)'),
  base('outline', '#4a4a4a', 'line', '越城区界（概化）', 'District outline (generalized)', '概化轮廓，不作法定边界', 'Generalized outline, not a legal boundary'),
  base('rivers', '#8fc1e3', 'line', '水系', 'Water', '曹娥江、鉴湖、运河等（示意）', 'Cao’e River, Jian Lake, canals (schematic)'),
  base('roads', '#b9b2a2', 'line', '主要道路与铁路', 'Main roads and railways', '高速、主干路与铁路（示意）', 'Expressways, arterials and rail (schematic)'),
  base('metro', '#c8102e', 'line', '地铁', 'Metro', '绍兴地铁1、2号线（© OpenStreetMap 贡献者）', 'Shaoxing Metro lines 1 and 2 (© OpenStreetMap contributors)'),
  base('towns', '#555555', 'label', '镇街', 'Towns and subdistricts', '镇、街道名称', 'Town and subdistrict names'),
  base('cities', '#333333', 'label', '周边城市', 'Cities', '杭州、宁波、上海', 'Hangzhou, Ningbo, Shanghai', false),
];

export const GROUP_BY_ID = new Map(GROUPS.map((g) => [g.id, g]));
export const PLAN_GROUP_LIST = GROUPS.filter((g) => !g.base);
export const BASE_GROUP_LIST = GROUPS.filter((g) => g.base);

export function groupOf(id: string): LayerGroup | undefined {
  return GROUP_BY_ID.get(id as LayerGroup['id']);
}

/** The legend rows of a group: its own rows or one row for the group. */
export function legendEntries(g: LayerGroup): LegendEntry[] {
  return g.legend ?? [{ key: g.id, label: g.title, color: g.color, symbol: g.symbol }];
}

export const SUBCATEGORY_LABELS: Record<string, Bilingual> = {
  school: { zh: '学校', en: 'Schools' },
  hospital: { zh: '医院', en: 'Hospitals' },
  sports: { zh: '体育', en: 'Sports' },
  elderly: { zh: '养老', en: 'Elderly care' },
  civic: { zh: '公共服务中心', en: 'Civic centres' },
  metro: { zh: '地铁', en: 'Metro' },
  rail: { zh: '铁路', en: 'Rail' },
  railway: { zh: '铁路', en: 'Rail' },
  road: { zh: '道路', en: 'Roads' },
  expressway: { zh: '高速公路', en: 'Expressways' },
  tunnel: { zh: '隧道', en: 'Tunnels' },
  bridge: { zh: '桥梁', en: 'Bridges' },
  hub: { zh: '枢纽', en: 'Hubs' },
  station: { zh: '车站', en: 'Stations' },
  port: { zh: '港口', en: 'Ports' },
  heritage: { zh: '历史遗存', en: 'Heritage' },
  museum: { zh: '博物馆', en: 'Museums' },
  park: { zh: '公园', en: 'Parks' },
  wetland: { zh: '湿地', en: 'Wetlands' },
  forest: { zh: '森林', en: 'Forests' },
  greenway: { zh: '绿道', en: 'Greenways' },
  sluice: { zh: '水闸', en: 'Sluices' },
  seawall: { zh: '海塘', en: 'Sea walls' },
  reservoir: { zh: '水库', en: 'Reservoirs' },
  'future-community': { zh: '未来社区', en: 'Future communities' },
  renewal: { zh: '城市更新', en: 'Urban renewal' },
  village: { zh: '乡村', en: 'Villages' },
  town: { zh: '城镇', en: 'Towns' },
  university: { zh: '高校', en: 'Universities' },
  institute: { zh: '研究院', en: 'Institutes' },
  'science-park': { zh: '科创园区', en: 'Science parks' },
  'development-zone': { zh: '开发区', en: 'Development zones' },
  'industrial-park': { zh: '产业园区', en: 'Industrial parks' },
  enterprise: { zh: '企业项目', en: 'Enterprise projects' },
  market: { zh: '市场', en: 'Markets' },
  logistics: { zh: '物流', en: 'Logistics' },
  'business-district': { zh: '商圈', en: 'Business districts' },
  ...Object.fromEntries(Object.entries(PLATFORM_LABELS)),
};

export function subcategoryLabel(s: string): Bilingual {
  return SUBCATEGORY_LABELS[s] ?? { zh: s, en: s.replace(/-/g, ' ') };
}

/** Every data source, for the About panel and the attribution line. */
export const DATA_SOURCES: Bilingual[] = [
  { zh: '《越城区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》（越政发〔2021〕10号）', en: 'Yuecheng District 14th Five-Year Plan (越政发〔2021〕10号, 9 April 2021)' },
  { zh: 'Natural Earth 1:10m 陆地（公有领域）', en: 'Natural Earth 1:10m land (public domain)' },
  { zh: '地铁线路 © OpenStreetMap 贡献者（ODbL）', en: 'Metro lines © OpenStreetMap contributors (ODbL)' },
  { zh: '区界概化自阿里云 DataV 2021 行政区划（GCJ-02 已转 WGS84），非法定边界', en: 'Outline generalized from Alibaba DataV 2021 boundaries (GCJ-02 → WGS84); not a legal boundary' },
  { zh: 'GeoNames、维基百科等公开坐标（见各要素来源）', en: 'GeoNames, Wikipedia and other public coordinates (see each feature’s source)' },
];

export const ATTRIBUTION = '© OpenStreetMap contributors · Natural Earth · GeoNames · 越政发〔2021〕10号';
