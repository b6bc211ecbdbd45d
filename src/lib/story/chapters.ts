/**
 * Story mode as data: one chapter per step of the plan's spatial logic, walked through by a
 * presenter. Pure: no DOM, no map. Each chapter names the camera (bounds, fitted to the screen
 * by the map), the layer groups to show (registry ids), the plan features to highlight
 * (geodata ids) and a caption quoted from the plan in Chinese with an English translation.
 *
 * Caption rule: `caption.zh` is the plan's own words; several quoted passages are joined by
 * QUOTE_JOIN ("……"), and every passage is found verbatim in geodata/plan.txt (unit-tested).
 */
import { GROUPS, type Bilingual } from '../layers/registry.ts';

export type LngLat = [number, number];
export type Bounds = [LngLat, LngLat];

export interface ChapterCamera {
  /** [[west, south], [east, north]] */
  bounds: Bounds;
  maxZoom?: number;
  bearing?: number;
  pitch?: number;
}

export interface Chapter {
  /** stable id; targets link to chapters as "chapter:<id>" */
  id: string;
  title: Bilingual;
  /** zh: quoted from the plan (passages joined by QUOTE_JOIN); en: our translation */
  caption: Bilingual;
  /** where in the plan the caption is from */
  section: string;
  camera: ChapterCamera;
  /** plan or base group ids to show; groups that cannot be toggled (land) are always added */
  layers: string[];
  /** plan feature ids to highlight */
  highlight: string[];
  /** 专栏一 cluster ids whose 2025 output targets the chapter shows (geodata/indicators/clusters.json) */
  clusters?: string[];
  /** 2025 target ids the chapter shows (geodata/indicators/targets-2025.json) */
  targets?: string[];
}

export const QUOTE_JOIN = '……';

/** Quiet base map under every chapter set in the district. */
const BASE = ['neighbours', 'outline', 'rivers', 'towns'];

export const CHAPTERS: Chapter[] = [
  {
    id: 'location',
    title: { zh: '杭甬之间，接轨上海', en: 'Between Hangzhou, Ningbo and Shanghai' },
    caption: {
      zh: '绍兴“融杭联甬接沪”桥头堡地位进一步确立……全力打造杭州都市区杭绍同城主中心……成为绍兴深度接轨上海、主动融入长三角的“桥头堡”',
      en: 'Shaoxing’s place as the bridgehead that merges with Hangzhou, links with Ningbo and connects to Shanghai is further established … Yuecheng is to be the main centre of Hangzhou–Shaoxing co-urbanisation in the Hangzhou metropolitan area … and Shaoxing’s bridgehead for deep integration with Shanghai and the Yangtze River Delta.',
    },
    section: '三(四) 发展目标；七(一)1–2',
    camera: { bounds: [[119.95, 29.6], [121.75, 31.35]] },
    layers: ['land', 'outline', 'cities'],
    highlight: [],
  },
  {
    id: 'zones',
    title: { zh: '五大功能区', en: 'Five functional zones' },
    caption: {
      zh: '着力构建新功能布局，赋能越城高质量发展……以滨海新区为引领……以古城、新城为主战场，全力唱好“双城计”……深挖稽山鉴水资源……串联秀美自然景观',
      en: 'Build a new functional layout to power Yuecheng’s high-quality growth: the north led by the Binhai New Area; the west merging with Keqiao; the centre, old city and new city, playing the “tale of two cities”; the south drawing on the hills and lakes of Kuaiji and Jianhu; the east linking up its natural landscapes.',
    },
    section: '七(二)1 着力优化城市功能布局',
    camera: { bounds: [[120.49, 29.87], [120.85, 30.24]] },
    layers: [...BASE, 'zones'],
    highlight: [],
  },
  {
    id: 'cores',
    title: { zh: '滨海新区“三核”', en: 'Binhai New Area: three cores' },
    caption: {
      zh: '打造“三核”：镜湖城市核心、滨海产业核心、区域创智核心，形成“三位一体”的湾区服务核心。镜湖中心区承担综合配套功能；滨海副中心承担产业配套功能；临江创智核心承担区域创新职能。',
      en: 'Build the “three cores” — the Jinghu urban core, the Binhai industry core and the regional innovation core — as one bay-area service core: the Jinghu centre provides city-wide services, the Binhai sub-centre serves industry, and the riverside innovation core drives regional innovation.',
    },
    section: '六(二)1 专栏三 “三核”',
    camera: { bounds: [[120.51, 30.0], [120.83, 30.19]] },
    layers: [...BASE, 'cores'],
    highlight: ['jinghu-urban-core', 'binhai-industrial-core', 'regional-innovation-core'],
  },
  {
    id: 'belts',
    title: { zh: '滨海新区“两带”', en: 'Binhai New Area: two belts' },
    caption: {
      zh: '城市向海生长轴将绍兴古城、镜湖新区、三江口区域、滨海城市副中心等城市核心功能组团串联起来，形成城市向海拓展、链接湾区的主动脉；新兴产业走廊以越兴路为线索，串联各大新兴产业平台，打造创新驱动的产业“智谷”。',
      en: 'The city-to-sea growth axis strings together the old city, Jinghu New Area, the Sanjiangkou area and the Binhai sub-centre — the main artery along which the city grows towards the sea and links to the bay. The emerging-industry corridor follows Yuexing Road, linking the new industrial platforms into an innovation-driven “smart valley”.',
    },
    section: '六(二)1 专栏三 “两带”',
    camera: { bounds: [[120.53, 29.98], [120.77, 30.17]] },
    layers: [...BASE, 'cores', 'belts'],
    highlight: ['city-seaward-growth-axis', 'emerging-industry-corridor'],
  },
  {
    id: 'platforms',
    title: { zh: '“四平台”与“多点”', en: 'Four platforms and many points' },
    caption: {
      zh: '以马山片区为核心打造传统产业升级平台，以集成电路、生物医药、智能制造为支撑强化新兴产业拓展平台，在智慧高速以北为战略产业预留平台，以滨海科技城、袍江综保区为依托塑造外向产业开放平台。……加快建设集成电路、高端生物医药两大“万亩千亿”新产业平台、国家级综合保税区、滨海科技城等多个重要功能点',
      en: 'Around Mashan, a platform to upgrade traditional industry; on ICs, biomedicine and smart manufacturing, a platform for emerging industry; north of the smart expressway, a reserve for strategic industry; on Binhai Science City and the Paojiang bonded zone, an open, outward-facing platform … and a set of key points: the two “10,000-mu, 100-billion” platforms, the national comprehensive bonded zone and Binhai Science City.',
    },
    section: '六(二)1 专栏三 “四平台”“多点”',
    camera: { bounds: [[120.61, 30.0], [120.8, 30.23]] },
    layers: [...BASE, 'cores', 'belts', 'platforms', 'points'],
    highlight: [
      'traditional-industry-upgrade-platform',
      'emerging-industry-expansion-platform',
      'strategic-industry-reserve-platform',
      'open-industry-platform',
      'shaoxing-comprehensive-bonded-zone',
      'binhai-science-city',
    ],
  },
  {
    id: 'wanmu-qianyi',
    title: { zh: '两大“万亩千亿”平台', en: 'The two “10,000-mu, 100-billion” platforms' },
    caption: {
      zh: '力争到 2025 年，集成电路、生物医药两大产业总产值分别突破 1000 亿元……到 2025 年集成电路总产值达到 1000 亿元，建成国家集成电路创新中心',
      en: 'By 2025, integrated circuits and biomedicine are each to exceed 100 billion yuan of gross output … IC output is to reach 100 billion yuan and a national IC innovation centre is to be built.',
    },
    section: '五(一)1 壮大先进智造产业集群；专栏一',
    camera: { bounds: [[120.62, 30.0], [120.73, 30.15]] },
    layers: [...BASE, 'platforms', 'points', 'industry'],
    highlight: ['ic-wanmu-qianyi-platform', 'biomedicine-wanmu-qianyi-platform'],
    clusters: ['cluster-integrated-circuits', 'cluster-biomedicine'],
  },
  {
    id: 'culture',
    title: { zh: '古城与文化', en: 'The old city and its culture' },
    caption: {
      zh: '加快打造“没有围墙的博物馆”……高标准建设越子城、八字桥、阳明故里、鲁迅故里、书圣故里等“一城一桥三故里”文化 IP 项目',
      en: 'Make the old city a “museum without walls” … and build to a high standard the “one city, one bridge, three native places” cultural projects: Yuezicheng, Bazi Bridge and the native places of Wang Yangming, Lu Xun and Wang Xizhi, the Sage of Calligraphy.',
    },
    section: '八(一)1 重新焕发古城文化魅力',
    camera: { bounds: [[120.556, 29.982], [120.602, 30.016]] },
    layers: ['neighbours', 'outline', 'rivers', 'roads', 'culture'],
    highlight: ['shaoxing-ancient-city', 'yuezicheng-historic-block', 'bazi-bridge', 'yangming-native-place', 'luxun-native-place', 'shusheng-native-place'],
    targets: ['fyp14-tourism-revenue', 'fyp14-cultural-industry-share-of-gdp'],
  },
  {
    id: 'ecology',
    title: { zh: '稽山鉴水', en: 'Kuaiji hills, Jian lake' },
    caption: {
      zh: '做深做优“稽山鉴水”文章，以浙东运河、曹娥江和会稽山为主线……建设以鉴湖国家湿地公园和会稽山国家森林公园为核心的“稽山鉴水”生态功能区',
      en: 'Make the most of the Kuaiji hills and Jian lake, along the East Zhejiang Canal, the Cao’e River and Mount Kuaiji … building an ecological zone around the Jianhu national wetland park and the Kuaijishan national forest park.',
    },
    section: '九(一)1 重塑城市山水格局',
    camera: { bounds: [[120.52, 29.88], [120.75, 30.06]] },
    layers: [...BASE, 'ecology', 'water'],
    highlight: ['kuaijishan-national-forest-park', 'east-jianhu-national-wetland-park', 'hejiachi-park'],
    targets: ['fyp14-park-green-space-per-capita', 'fyp14-good-air-quality-days-rate', 'fyp14-pm25-annual-mean'],
  },
  {
    id: 'projects',
    title: { zh: '重大项目', en: 'Key projects' },
    caption: {
      zh: '确保杭绍甬智慧高速、杭绍城际铁路、杭绍台铁路、轨道交通1号线、轨道交通2号线、绍兴市智慧快速路等重大工程越城区段顺利推进……建成投用国科大附属肿瘤医院绍兴院区、区人民医院等重大项目',
      en: 'Keep the Yuecheng sections of the major works on track — the Hangzhou–Shaoxing–Ningbo smart expressway, the Hangzhou–Shaoxing intercity railway, the Hangzhou–Shaoxing–Taizhou railway, metro lines 1 and 2 and Shaoxing’s smart urban expressways … and open the UCAS cancer hospital’s Shaoxing campus and the new district people’s hospital.',
    },
    section: '七(一)2 打造杭绍同城主中心；十一(二)2',
    camera: { bounds: [[120.5, 29.9], [120.82, 30.22]] },
    layers: [...BASE, 'industry', 'innovation', 'transport', 'public-service', 'commerce', 'community'],
    highlight: [
      'hangshaoyong-smart-expressway-yuecheng',
      'hangshaotai-railway-yuecheng',
      'metro-line-1-yuecheng',
      'metro-line-2',
      'shaoxing-smart-urban-expressways-yuecheng',
      'ucas-cancer-hospital-shaoxing-campus',
      'yuecheng-peoples-hospital-new-campus',
      'smic-shaoxing-fab',
    ],
  },
];

/**
 * The chapter's frame: its camera bounds, grown to hold the whole of every highlighted feature
 * (given as their bounding boxes [w, s, e, n]), so no subject is cut at the screen edge.
 */
export function chapterFrame(ch: Chapter, highlightBoxes: ([number, number, number, number] | null)[]): Bounds {
  let [[w, s], [e, n]] = ch.camera.bounds;
  for (const b of highlightBoxes) {
    if (!b) continue;
    w = Math.min(w, b[0]);
    s = Math.min(s, b[1]);
    e = Math.max(e, b[2]);
    n = Math.max(n, b[3]);
  }
  return [
    [w, s],
    [e, n],
  ];
}

/** Groups that are always on (not toggleable in the layer panel), from the registry. */
export const ALWAYS_ON: string[] = GROUPS.filter((g) => !g.toggleable).map((g) => g.id);

/** The groups visible in a chapter, in registry order. */
export function visibleGroups(ch: Chapter): string[] {
  const want = new Set([...ch.layers, ...ALWAYS_ON]);
  return GROUPS.map((g) => g.id).filter((id) => want.has(id));
}

/** 1-based chapter number → chapter index, clamped; null for out-of-range. */
export function chapterIndex(n: number | null | undefined, count = CHAPTERS.length): number | null {
  if (n == null || !Number.isInteger(n) || n < 1 || n > count) return null;
  return n - 1;
}

/** 1-based number of the chapter with this id ("ecology" → 8), or null. */
export function chapterNumber(id: string): number | null {
  const i = CHAPTERS.findIndex((c) => c.id === id.replace(/^chapter:/, ''));
  return i < 0 ? null : i + 1;
}

/** The quoted passages of a caption. */
export const quotes = (zh: string): string[] => zh.split(QUOTE_JOIN).map((s) => s.trim()).filter(Boolean);

/** Keys a presentation clicker or keyboard sends, as a step: +1, -1, 'first', 'last', 'exit'. */
export type StoryStep = 1 | -1 | 'first' | 'last' | 'exit';
export function stepForKey(e: { key: string; shiftKey?: boolean; altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean }): StoryStep | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 1;
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return -1;
    case ' ':
    case 'Spacebar':
      return e.shiftKey ? -1 : 1;
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
    case 'Esc':
      return 'exit';
    default:
      return null;
  }
}

/** Next chapter index for a step, staying inside [0, count). */
export function nextIndex(current: number, step: Exclude<StoryStep, 'exit'>, count = CHAPTERS.length): number {
  if (step === 'first') return 0;
  if (step === 'last') return count - 1;
  return Math.min(count - 1, Math.max(0, current + step));
}

/**
 * Camera padding (CSS px) so the chapter's bounds sit beside the caption card:
 * the card is on the left on wide screens and at the bottom on narrow ones.
 */
export function storyPadding(width: number, height: number): { top: number; bottom: number; left: number; right: number } {
  if (width <= 700) {
    const bottom = Math.round(Math.min(height * 0.42, 360));
    return { top: 56, bottom, left: 16, right: 16 };
  }
  const card = Math.min(420, Math.round(width * 0.34));
  return { top: 70, bottom: 60, left: card + 40, right: 40 };
}

export type Padding = { top: number; bottom: number; left: number; right: number };

const mercX = (lng: number) => (lng + 180) / 360;
const mercY = (lat: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};
const lngOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (360 / Math.PI) * Math.atan(Math.exp((0.5 - y) * 2 * Math.PI)) - 90;

/**
 * The camera that fits `bounds` into a w×h screen with `padding` (web mercator, 512-px tiles),
 * as the map's own cameraForBounds does for an unrotated map. Used to open a story link
 * straight at its chapter, before the map exists.
 */
export function fitBounds(bounds: Bounds, w: number, h: number, padding: Padding, maxZoom = 16, tileSize = 512): { center: LngLat; zoom: number } {
  const [[west, south], [east, north]] = bounds;
  const x0 = mercX(west);
  const x1 = mercX(east);
  const y0 = mercY(north);
  const y1 = mercY(south);
  const aw = Math.max(1, w - padding.left - padding.right);
  const ah = Math.max(1, h - padding.top - padding.bottom);
  const zoom = Math.min(maxZoom, Math.log2(Math.min(aw / ((x1 - x0) * tileSize), ah / ((y1 - y0) * tileSize))));
  const world = tileSize * 2 ** zoom;
  const cx = (x0 + x1) / 2 - (padding.left - padding.right) / 2 / world;
  const cy = (y0 + y1) / 2 - (padding.top - padding.bottom) / 2 / world;
  return { center: [lngOf(cx), latOf(cy)], zoom };
}
