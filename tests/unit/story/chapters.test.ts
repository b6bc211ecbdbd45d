import { describe, it, expect } from 'vitest';
import { bbox } from '@turf/turf';
import { CHAPTERS, ALWAYS_ON, QUOTE_JOIN, fitBounds, chapterIndex, chapterNumber, nextIndex, quotes, stepForKey, storyPadding, visibleGroups } from '../../../src/lib/story/chapters.ts';
import { GROUP_BY_ID, GROUPS } from '../../../src/lib/layers/registry.ts';
import { layerIdsOf } from '../../../src/lib/layers/style.ts';
import { squashWs, type ClustersFile, type TargetsFile } from '../../../src/lib/plan/indicators.ts';
import { allPlanFeatures, planText, readJson } from '../helpers.ts';
import { PARAMS } from '../../../src/lib/state/params.ts';

const features = new Map(allPlanFeatures().map((f) => [f.properties.id, f]));
const plan = squashWs(planText());
const clusters = readJson<ClustersFile>('indicators/clusters.json');
const targets = readJson<TargetsFile>('indicators/targets-2025.json');

describe('story chapters', () => {
  it('cover the plan’s structure, in order, with unique ids', () => {
    expect(CHAPTERS.length).toBeGreaterThanOrEqual(9);
    const ids = CHAPTERS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 9)).toEqual(['location', 'zones', 'cores', 'belts', 'platforms', 'wanmu-qianyi', 'culture', 'ecology', 'projects']);
  });

  it('fit the story URL parameter range', () => {
    const parse = PARAMS.story.parse;
    const ctx = { groupIds: new Set<string>(), tabs: new Set<string>() };
    for (let n = 1; n <= CHAPTERS.length; n++) expect(parse(String(n), ctx)).toBe(n);
  });

  it.each(CHAPTERS.map((c, i) => [i + 1, c] as const))('chapter %i: layer ids exist in the registry and have map layers', (_n, ch) => {
    expect(ch.layers.length).toBeGreaterThan(0);
    for (const id of ch.layers) {
      expect(GROUP_BY_ID.has(id as never), `${ch.id}: layer group ${id}`).toBe(true);
      expect(layerIdsOf(id).length, `${ch.id}: ${id} has map layers`).toBeGreaterThan(0);
    }
    // a chapter names each group once
    expect(new Set(ch.layers).size).toBe(ch.layers.length);
  });

  it.each(CHAPTERS.map((c, i) => [i + 1, c] as const))('chapter %i: highlighted ids exist in geodata and sit in a visible group inside the camera', (_n, ch) => {
    const [[w, s], [e, n]] = ch.camera.bounds;
    for (const id of ch.highlight) {
      const f = features.get(id);
      expect(f, `${ch.id}: highlight ${id} not in geodata`).toBeDefined();
      const groups = [f!.properties.layer, ...(f!.properties.also ?? [])];
      expect(groups.some((g) => ch.layers.includes(g)), `${ch.id}: ${id} (${f!.properties.layer}) is in no visible group`).toBe(true);
      const [fw, fs, fe, fn] = bbox(f!);
      // the feature's box overlaps the chapter's camera box
      expect(fe >= w && fw <= e && fn >= s && fs <= n, `${ch.id}: ${id} outside the camera`).toBe(true);
    }
  });

  it.each(CHAPTERS.map((c, i) => [i + 1, c] as const))('chapter %i: a sane camera', (_n, ch) => {
    const [[w, s], [e, n]] = ch.camera.bounds;
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
    expect(Math.abs(w) <= 180 && Math.abs(e) <= 180 && Math.abs(s) <= 85 && Math.abs(n) <= 85).toBe(true);
  });

  it.each(CHAPTERS.map((c, i) => [i + 1, c] as const))('chapter %i: title and caption in both languages; zh quotes the plan', (_n, ch) => {
    for (const lang of ['zh', 'en'] as const) {
      expect(ch.title[lang].trim().length, `${ch.id} title.${lang}`).toBeGreaterThan(1);
      expect(ch.caption[lang].trim().length, `${ch.id} caption.${lang}`).toBeGreaterThan(20);
    }
    expect(ch.caption.en).not.toMatch(/[\u4e00-\u9fff]{3,}/); // English is a translation, not a copy
    expect(ch.section.length).toBeGreaterThan(2);
    const qs = quotes(ch.caption.zh);
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) expect(plan.includes(squashWs(q)), `${ch.id}: “${q}” is not in the plan`).toBe(true);
  });

  it('cluster and target references exist in the indicator tables', () => {
    const clusterIds = new Set(clusters.rows.map((r) => r.id));
    const targetIds = new Set(targets.rows.map((r) => r.id));
    for (const ch of CHAPTERS) {
      for (const c of ch.clusters ?? []) expect(clusterIds.has(c), `${ch.id}: cluster ${c}`).toBe(true);
      for (const t of ch.targets ?? []) expect(targetIds.has(t), `${ch.id}: target ${t}`).toBe(true);
    }
    // the 万亩千亿 chapter carries the IC and biomedicine output targets
    const wq = CHAPTERS.find((c) => c.id === 'wanmu-qianyi')!;
    expect(wq.clusters).toEqual(['cluster-integrated-circuits', 'cluster-biomedicine']);
  });

  it('targets that link to a chapter link to one that exists', () => {
    for (const r of targets.rows)
      for (const l of r.links ?? []) if (l.startsWith('chapter:')) expect(chapterNumber(l), `${r.id} → ${l}`).not.toBeNull();
  });

  it('every chapter shows something different from the one before (camera or layers)', () => {
    for (let i = 1; i < CHAPTERS.length; i++) {
      const a = CHAPTERS[i - 1];
      const b = CHAPTERS[i];
      expect(JSON.stringify(a.camera) !== JSON.stringify(b.camera), `${a.id} → ${b.id} camera`).toBe(true);
    }
  });
});

describe('story helpers', () => {
  it('visibleGroups adds the always-on groups and keeps registry order', () => {
    const v = visibleGroups(CHAPTERS[0]);
    for (const id of ALWAYS_ON) expect(v).toContain(id);
    for (const id of CHAPTERS[0].layers) expect(v).toContain(id);
    const order = GROUPS.map((g) => g.id);
    expect([...v].sort((x, y) => order.indexOf(x as never) - order.indexOf(y as never))).toEqual(v);
    expect(v).not.toContain('zones');
  });

  it('chapterIndex accepts 1..n only', () => {
    expect(chapterIndex(1)).toBe(0);
    expect(chapterIndex(CHAPTERS.length)).toBe(CHAPTERS.length - 1);
    expect(chapterIndex(0)).toBeNull();
    expect(chapterIndex(CHAPTERS.length + 1)).toBeNull();
    expect(chapterIndex(null)).toBeNull();
    expect(chapterIndex(1.5)).toBeNull();
  });

  it('chapterNumber finds chapters by id, with or without the chapter: prefix', () => {
    expect(chapterNumber('ecology')).toBe(CHAPTERS.findIndex((c) => c.id === 'ecology') + 1);
    expect(chapterNumber('chapter:ecology')).toBe(chapterNumber('ecology'));
    expect(chapterNumber('nope')).toBeNull();
  });

  it('quotes splits on the join mark', () => {
    expect(quotes(`a${QUOTE_JOIN}b`)).toEqual(['a', 'b']);
    expect(quotes('only')).toEqual(['only']);
  });

  it('maps clicker and keyboard keys to steps', () => {
    expect(stepForKey({ key: 'ArrowRight' })).toBe(1);
    expect(stepForKey({ key: 'PageDown' })).toBe(1);
    expect(stepForKey({ key: ' ' })).toBe(1);
    expect(stepForKey({ key: ' ', shiftKey: true })).toBe(-1);
    expect(stepForKey({ key: 'ArrowLeft' })).toBe(-1);
    expect(stepForKey({ key: 'PageUp' })).toBe(-1);
    expect(stepForKey({ key: 'Home' })).toBe('first');
    expect(stepForKey({ key: 'End' })).toBe('last');
    expect(stepForKey({ key: 'Escape' })).toBe('exit');
    expect(stepForKey({ key: 'a' })).toBeNull();
    expect(stepForKey({ key: 'ArrowRight', ctrlKey: true })).toBeNull();
  });

  it('nextIndex stays in range', () => {
    expect(nextIndex(0, -1, 9)).toBe(0);
    expect(nextIndex(8, 1, 9)).toBe(8);
    expect(nextIndex(3, 1, 9)).toBe(4);
    expect(nextIndex(3, 'first', 9)).toBe(0);
    expect(nextIndex(3, 'last', 9)).toBe(8);
  });

  it('storyPadding leaves room for the caption card', () => {
    const wide = storyPadding(1280, 800);
    expect(wide.left).toBeGreaterThan(wide.right);
    expect(wide.left + wide.right).toBeLessThan(1280 * 0.6);
    const phone = storyPadding(390, 844);
    expect(phone.bottom).toBeGreaterThan(phone.top);
    expect(phone.top + phone.bottom).toBeLessThan(844 * 0.7);
  });
});

describe('fitBounds', () => {
  const none = { top: 0, bottom: 0, left: 0, right: 0 };
  it('fits the whole world at zoom 0 into 512 px', () => {
    const r = fitBounds([[-180, -85.0511287798], [180, 85.0511287798]], 512, 512, none);
    expect(r.zoom).toBeCloseTo(0, 6);
    expect(r.center[0]).toBeCloseTo(0, 6);
    expect(r.center[1]).toBeCloseTo(0, 6);
  });
  it('a degree-wide box at the equator into 1024 px', () => {
    // 1° = 512·2^z/360 px → z = log2(1024·360/512)
    const r = fitBounds([[0, -0.5], [1, 0.5]], 1024, 1024, none);
    expect(r.zoom).toBeCloseTo(Math.log2((1024 * 360) / 512), 3);
    expect(r.center[0]).toBeCloseTo(0.5, 6);
  });
  it('padding on the left moves the centre west by half the padding', () => {
    const a = fitBounds([[120, 29.9], [120.8, 30.2]], 1400, 800, none);
    const b = fitBounds([[120, 29.9], [120.8, 30.2]], 1800, 800, { top: 0, bottom: 0, left: 400, right: 0 });
    expect(b.zoom).toBeCloseTo(a.zoom, 6);
    const degPerPx = 360 / (512 * 2 ** b.zoom);
    expect(a.center[0] - b.center[0]).toBeCloseTo(200 * degPerPx, 6);
    expect(b.center[1]).toBeCloseTo(a.center[1], 6);
  });
  it('respects maxZoom', () => {
    expect(fitBounds([[120, 30], [120.0001, 30.0001]], 800, 800, none, 16).zoom).toBe(16);
  });
});
