/**
 * The bench baseline: nothing but maplibre-gl and the same GeoJSON files as the app, drawn with a
 * plain hand-written style (fill, line, circle and a name label per file). Served by the bench's
 * own server next to the built app. Query: files=<comma list of geodata paths>, c=<lon,lat>, z=<zoom>,
 * w/h = map size in CSS px (the app's map size, so both draw the same number of pixels).
 * Diagnostic only: style=<url> draws a given style instead (the bench passes the app's own style,
 * to tell the cost of the app's cartography from the cost of the app around the map).
 */
import * as maplibregl from '/vendor/maplibre-gl.mjs';

maplibregl.setWorkerUrl('/vendor/maplibre-gl-worker.mjs');

const q = new URLSearchParams(location.search);
const files = (q.get('files') ?? '').split(',').filter(Boolean);
const center = (q.get('c') ?? '120.66,30.05').split(',').map(Number);
const zoom = Number(q.get('z') ?? 10.2);
const el = document.getElementById('map');
el.style.width = q.get('w') ? `${q.get('w')}px` : '100%';
el.style.height = q.get('h') ? `${q.get('h')}px` : '100%';

const isPolygon = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
const isLine = ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]];
const isPoint = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]];
const sources = {};
const fills = [], lines = [], circles = [], labels = [];
files.forEach((file, i) => {
  const s = `s${i}`;
  sources[s] = { type: 'geojson', data: `/geodata/${file}` };
  const hue = (i * 47) % 360;
  fills.push({ id: `${s}-fill`, type: 'fill', source: s, filter: isPolygon, paint: { 'fill-color': `hsl(${hue},55%,60%)`, 'fill-opacity': 0.25 } });
  lines.push({ id: `${s}-line`, type: 'line', source: s, filter: ['any', isLine, isPolygon], paint: { 'line-color': `hsl(${hue},55%,40%)`, 'line-width': 2 } });
  circles.push({ id: `${s}-circle`, type: 'circle', source: s, filter: isPoint, paint: { 'circle-radius': 6, 'circle-color': `hsl(${hue},55%,45%)`, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 } });
  labels.push({ id: `${s}-label`, type: 'symbol', source: s, layout: { 'text-field': ['coalesce', ['get', 'name_zh'], ''], 'text-size': 12 }, paint: { 'text-color': '#333', 'text-halo-color': '#fff', 'text-halo-width': 1.5 } });
});

const styleUrl = q.get('style');
const map = new maplibregl.Map({
  container: el,
  style: styleUrl ?? { version: 8, sources, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#d6e6ef' } }, ...fills, ...lines, ...circles, ...labels] },
  center,
  zoom,
  localIdeographFontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  attributionControl: false,
});
window.__map = map;
