/**
 * npm run geodata:areas — writes geodata/areas.geojson: the areas and corridors the plan uses as
 * places but never draws (滨海新区, 袍江, 镜湖新区, 高新区, 东浦, 灵芝, the 47 km² start area,
 * 越城科创大走廊). All are schematic: ellipses or circles around stated anchors, clipped to the
 * generalized district outline, and a line through the places the plan names for a corridor.
 * Re-run after changing an anchor; the reasoning is in each feature's location_source.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, Polygon, MultiPolygon, Position, LineString } from 'geojson';

const dir = fileURLToPath(new URL('../geodata/', import.meta.url));
const read = (f: string) => JSON.parse(readFileSync(dir + f, 'utf8'));
const outline = read('base/outline.geojson').features[0] as Feature<Polygon>;
const zones = read('zones.geojson').features as Feature<Polygon>[];
const byId = (file: string, id: string) => (read(file).features as Feature[]).find((f) => f.properties!.id === id)!;
const pt = (file: string, id: string) => (byId(file, id).geometry as { coordinates: Position }).coordinates;
const town = (id: string) => pt('base/towns.geojson', id);

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
function round<G extends Polygon | MultiPolygon | LineString>(g: G): G {
  const walk = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? (c as number[]).map(r6) : (c as unknown[]).map(walk));
  return { ...g, coordinates: walk(g.coordinates) } as G;
}
function clip(f: Feature<Polygon | MultiPolygon>): Polygon | MultiPolygon {
  const out = turf.intersect(turf.featureCollection([f, outline]))!;
  const simple = turf.rewind(turf.truncate(turf.simplify(out, { tolerance: 0.0004, highQuality: true }), { precision: 6 }), { mutate: true }) as Feature<Polygon | MultiPolygon>;
  return round(simple.geometry);
}
const ellipse = (c: Position, xKm: number, yKm: number, angle = 0) => turf.ellipse(c, xKm, yKm, { units: 'kilometers', steps: 48, angle });
const circle = (c: Position, rKm: number) => turf.circle(c, rKm, { units: 'kilometers', steps: 48 });

function zoneOf(g: Polygon | MultiPolygon | LineString): string {
  const p = g.type === 'LineString' ? turf.point(g.coordinates[Math.floor(g.coordinates.length / 2)]) : turf.pointOnFeature(g);
  return (zones.find((z) => turf.booleanPointInPolygon(p, z))?.properties!.zone as string) ?? 'north';
}

interface Spec {
  id: string; name_zh: string; name_en: string; subcategory: 'area' | 'corridor'; section: string; excerpt_zh: string;
  figures?: string | null; status: 'completed' | 'underway' | 'planned';
  geometry: Polygon | MultiPolygon | LineString; source: string; source_zh: string; description_zh?: string; description_en?: string;
}

const jinghuCore = byId('cores.geojson', 'jinghu-urban-core');
const binhaiCoreCentre = turf.centroid(byId('cores.geojson', 'binhai-industrial-core')).geometry.coordinates;

const paojiang = clip(ellipse([120.635, 30.066], 6.5, 3.2));
const hightech = clip(ellipse([120.628, 30.03], 3.6, 2.4));
const jinghu = clip(ellipse(turf.centroid(jinghuCore).geometry.coordinates.map(r6), 4.2, 5.2));
const dongpu = clip(circle(town('town-dongpu'), 2.6));
const lingzhi = clip(circle(town('town-lingzhi'), 2.0));
const startR = Math.sqrt(47 / Math.PI);
const start = clip(circle(binhaiCoreCentre.map(r6), startR));
const north = zones.find((z) => z.properties!.zone === 'north')!;
const jiangbin = byId('industry.geojson', 'jiangbin-block') ?? null;
const parts = [north, turf.feature(jinghu), turf.feature(hightech), turf.feature(paojiang), ...(jiangbin ? [jiangbin as Feature<Polygon>] : [])];
const binhai = clip(turf.union(turf.featureCollection(parts as Feature<Polygon | MultiPolygon>[]))! as Feature<Polygon | MultiPolygon>);

const corridorPts: Position[] = [
  pt('innovation.geojson', 'jianhu-science-city'),
  pt('innovation.geojson', 'jinghu-science-city'),
  pt('innovation.geojson', 'yuecheng-zhihui-xincheng'),
  pt('points.geojson', 'binhai-science-city'),
];
const corridor = round(turf.bezierSpline(turf.lineString(corridorPts), { resolution: 2000, sharpness: 0.6 }).geometry);
corridor.coordinates = turf.truncate(turf.simplify(turf.lineString(corridor.coordinates), { tolerance: 0.0005 }), { precision: 6 }).geometry.coordinates;

const km2 = (g: Polygon | MultiPolygon) => (turf.area(g) / 1e6).toFixed(1);
const specs: Spec[] = [
  {
    id: 'binhai-new-area', name_zh: '绍兴滨海新区（越城区内）', name_en: 'Shaoxing Binhai New Area (within Yuecheng)', subcategory: 'area', section: '二(二)',
    excerpt_zh: '绍兴滨海新区包含了越城区两个国家级开发区和一个市级开发区，托管了越城区 17 个镇街中的 10 个', status: 'underway', geometry: binhai,
    figures: '托管了越城区 17 个镇街中的 10 个；47平方公里启动区（六(二)1）',
    source: `Schematic, not a boundary: the union of the plan's 北部 zone (七(二)1 "以滨海新区为引领") and the four blocks that 十(一)1 merges into the new area (江滨, 袍江, 高新, 镜湖), each as drawn in this layer; ${km2(binhai)} km² inside the generalized outline. The plan gives no boundary and names neither the 10 towns nor the other districts' parts.`,
    source_zh: `示意范围，不是边界：规划“北部”功能区（七(二)1“以滨海新区为引领”）与十(一)1所述新区融合的江滨、袍江、高新、镜湖四个区块（均按本图层所绘）的合并，区界内约 ${km2(binhai)} 平方公里。规划未给出边界，也未列出托管的10个镇街。`,
  },
  {
    id: 'binhai-start-area', name_zh: '滨海新区47平方公里启动区', name_en: 'Binhai New Area 47 km² start-up area', subcategory: 'area', section: '六(二)1',
    excerpt_zh: '加快47平方公里启动区建设', status: 'underway', geometry: start, figures: '47平方公里',
    source: `Schematic: only the size is published. A circle of 47 km² (radius ${startR.toFixed(2)} km) centred on the 滨海产业核心 (滨海副中心) core, the plan's industry core of the new area; ${km2(start)} km² remain inside the generalized outline. Position and shape are not the plan's.`,
    source_zh: `示意：规划只给出面积。以滨海产业核心（滨海副中心）为圆心、面积47平方公里（半径 ${startR.toFixed(2)} 公里）的圆，区界内约 ${km2(start)} 平方公里。位置和形状均非规划所定。`,
  },
  {
    id: 'paojiang-area', name_zh: '袍江', name_en: 'Paojiang', subcategory: 'area', section: '七(二)1',
    excerpt_zh: '拓展袍江、高新等重点区块发展空间', status: 'underway', geometry: paojiang,
    source: `Schematic: an ellipse (13 × 6.4 km) over the 袍江 area north of the city, between the 后墅路 and 檀渎 metro stations and up to 斗门 and 马山 (the plan puts 袍江 in the north zone, with its dyeing and chemical works, the bonded zone and the 千亩黄酒产业园); ${km2(paojiang)} km². The plan names 袍江 as a block, not a boundary.`,
    source_zh: `示意：城区以北袍江片区上的椭圆（约13×6.4公里），在地铁后墅路站与檀渎站之间，北至斗门、马山（规划把袍江列入北部，区内有印染化工、综保区、千亩黄酒产业园），约 ${km2(paojiang)} 平方公里。规划只称袍江为区块，未给边界。`,
  },
  {
    id: 'high-tech-zone-area', name_zh: '高新区（绍兴高新区区块）', name_en: 'Shaoxing High-tech Zone (block)', subcategory: 'area', section: '十(一)1',
    excerpt_zh: '全面融合江滨、袍江、高新、镜湖四个区块', status: 'underway', geometry: hightech,
    source: `Schematic: an ellipse (7.2 × 4.8 km) over the 高新 block east of 迪荡 (around the 越城智汇芯城, 中芯/长电 and 水木湾区 sites drawn in this map); ${km2(hightech)} km². The plan names the block; its boundary is not published here.`,
    source_zh: `示意：迪荡以东高新区块上的椭圆（约7.2×4.8公里），包括本图中的越城智汇芯城、中芯/长电、水木湾区等点位，约 ${km2(hightech)} 平方公里。规划只提区块名称，未给边界。`,
  },
  {
    id: 'jinghu-new-area', name_zh: '镜湖新区（镜湖新城）', name_en: 'Jinghu New Area (Jinghu New Town)', subcategory: 'area', section: '七(三)1',
    excerpt_zh: '强化镜湖新城与绍兴古城联动发展', status: 'underway', geometry: jinghu,
    source: `Schematic: an ellipse (8.4 × 10.4 km) centred on the schematic 镜湖城市核心 core, covering 镜湖 lake, the 镜湖科技城 and the 镜湖高教园区 north-west of the old city; ${km2(jinghu)} km². The plan uses 镜湖新区/镜湖新城 as a place without a boundary.`,
    source_zh: `示意：以镜湖城市核心（示意）为中心的椭圆（约8.4×10.4公里），包括镜湖、镜湖科技城和镜湖高教园区，位于古城西北，约 ${km2(jinghu)} 平方公里。规划使用“镜湖新区/镜湖新城”地名，未给边界。`,
  },
  {
    id: 'dongpu-area', name_zh: '东浦', name_en: 'Dongpu', subcategory: 'area', section: '七(二)1',
    excerpt_zh: '以东浦、灵芝等毗邻区域为重点', status: 'planned', geometry: dongpu,
    source: `Schematic: a 2.6 km circle around the 东浦街道 label point, clipped to the district (${km2(dongpu)} km²). The plan names 东浦 as an area bordering 柯桥; the subdistrict's boundary is not drawn here.`,
    source_zh: `示意：以东浦街道标注点为圆心、半径2.6公里的圆，截取区界内部分（约 ${km2(dongpu)} 平方公里）。规划把东浦作为与柯桥毗邻的区域，街道边界此处未绘。`,
  },
  {
    id: 'lingzhi-area', name_zh: '灵芝', name_en: 'Lingzhi', subcategory: 'area', section: '七(二)1',
    excerpt_zh: '以东浦、灵芝等毗邻区域为重点', status: 'planned', geometry: lingzhi,
    source: `Schematic: a 2 km circle around the 灵芝街道 label point (${km2(lingzhi)} km²). The plan names 灵芝 as an area bordering 柯桥; the subdistrict's boundary is not drawn here.`,
    source_zh: `示意：以灵芝街道标注点为圆心、半径2公里的圆（约 ${km2(lingzhi)} 平方公里）。规划把灵芝作为与柯桥毗邻的区域，街道边界此处未绘。`,
  },
  {
    id: 'yuecheng-sci-tech-corridor', name_zh: '越城科创大走廊', name_en: 'Yuecheng Science and Technology Innovation Corridor', subcategory: 'corridor', section: '四(二)1',
    excerpt_zh: '全面实施越城科创大走廊建设规划', status: 'planned', geometry: corridor,
    source: 'Schematic line through the four places the same sentence of 四(二)1 names for the corridor, in the order south-west to north-east: 鉴湖科技城, 镜湖科技城, 越城智汇芯城, 滨海科技城 (their stand-in points in this map). The corridor plan itself is not published here.',
    source_zh: '示意线：按四(二)1同一句所列的鉴湖科技城、镜湖科技城、越城智汇芯城、滨海科技城（本图中的估计点位）由西南向东北连成。走廊规划本身未公开。',
  },
];

const features = specs.map((s) => ({
  type: 'Feature',
  properties: {
    id: s.id, name_zh: s.name_zh, name_en: s.name_en, layer: 'areas', category: 'areas', subcategory: s.subcategory,
    zone: zoneOf(s.geometry), section: s.section, excerpt_zh: s.excerpt_zh, figures: s.figures ?? null, status: s.status,
    location_quality: 'schematic', location_source: s.source, location_source_zh: s.source_zh,
  },
  geometry: s.geometry,
}));
writeFileSync(dir + 'areas.geojson', JSON.stringify({ type: 'FeatureCollection', features }, null, 1) + '\n');
for (const f of features) console.log(f.properties.id, f.geometry.type, f.properties.zone);
