import { describe, expect, it } from 'vitest';
import { makeDoc, metaOf, parseDoc, parseMeta, readWorkspaceText, WORKSPACE_VERSION, type SavedLayer, type Sketch } from '../../../src/lib/state/workspaceFile.ts';
import { classify } from '../../../src/lib/state/persist.ts';

const layer: SavedLayer = {
  id: 'user-3',
  name: '学校.geojson',
  color: '#00aa44',
  size: 2,
  labelField: '名称',
  visible: false,
  opacity: 0.5,
  datum: 'gcj02',
  format: 'geojson',
  fc: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 名称: '甲', _uid: 'user-3:0', __proto_like: 1 }, geometry: { type: 'Point', coordinates: [120.58, 30] } }] },
};
const sketch: Sketch = { id: 'm-1', kind: 'area', geometry: { type: 'Polygon', coordinates: [[[120.5, 30], [120.6, 30], [120.6, 30.1], [120.5, 30]]] }, note: '用地范围', created: 1 };
const view = { lon: 120.58, lat: 30, zoom: 14.5, bearing: 10, pitch: 0 };

describe('workspace document', () => {
  it('round-trips layers with styles, sketches with notes and the view through JSON', () => {
    const doc = makeDoc(view, [layer], [sketch], new Date('2026-12-04T00:00:00Z'));
    const back = readWorkspaceText(JSON.stringify(doc));
    if (!back.ok) throw new Error(back.en);
    expect(back.value).toEqual(doc);
    expect(back.value.version).toBe(WORKSPACE_VERSION);
  });
  it('the IndexedDB part (meta) has no features and survives structured clone', () => {
    const meta = metaOf(makeDoc(view, [layer], [sketch]));
    expect('fc' in meta.layers[0]).toBe(false);
    const cloned = structuredClone(meta);
    const m = parseMeta(cloned);
    const { fc: _fc, ...style } = layer;
    expect(m.ok && m.value.layers[0]).toEqual(style);
    expect(m.ok && m.value.sketches[0].note).toBe('用地范围');
  });
  it('rejects other files with a clear message and never half-applies', () => {
    const r1 = readWorkspaceText('{"type":"FeatureCollection","features":[]}');
    expect(r1.ok).toBe(false);
    expect(!r1.ok && r1.zh).toContain('工作区');
    const r2 = readWorkspaceText('not json');
    expect(!r2.ok && r2.en).toMatch(/JSON/);
    const r3 = parseDoc({ ...makeDoc(view, [layer], []), version: WORKSPACE_VERSION + 1 });
    expect(!r3.ok && r3.en).toMatch(/newer/);
    const r4 = parseDoc({ ...makeDoc(view, [{ ...layer, fc: null as never }], []) });
    expect(r4.ok).toBe(false);
  });
  it('cleans values: bad colours, sizes, views and sketches are dropped or clamped', () => {
    const doc = { ...makeDoc({ lon: 500, lat: 0, zoom: 3, bearing: 0, pitch: 0 }, [{ ...layer, color: 'red;background:url(x)', size: 99 }], [sketch, { ...sketch, id: 'bad', geometry: { type: 'Polygon', coordinates: [[[1, 2]]] } } as Sketch]) };
    const r = parseDoc(JSON.parse(JSON.stringify(doc)));
    if (!r.ok) throw new Error(r.en);
    expect(r.value.view).toBeNull();
    expect(r.value.layers[0].color).toBe('#e4572e');
    expect(r.value.layers[0].size).toBe(3);
    expect(r.value.sketches.map((s) => s.id)).toEqual(['m-1']);
  });
  it('classifies storage failures: quota is "full", anything else "blocked"', () => {
    expect(classify(new DOMException('x', 'QuotaExceededError'))).toBe('full');
    expect(classify(new Error('Encountered full disk quota'))).toBe('full');
    expect(classify(new DOMException('denied', 'SecurityError'))).toBe('blocked');
    expect(classify(new DOMException('x', 'InvalidStateError'))).toBe('blocked');
  });
});
