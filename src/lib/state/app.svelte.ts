/**
 * Application state: one $state class. What a link must reproduce mirrors UrlState; everything
 * else is derived. Components read and write this; the map follows it through setFilter etc.
 */
import { GROUPS, PLAN_GROUP_LIST, type LayerGroup } from '../layers/registry.ts';
import { translate, type Lang, type StringKey } from '../i18n/strings.ts';
import { filterExpression, matches, NO_FILTERS, type Filters } from './filters.ts';
import { defaultState, parseUrl, serializeUrl, type Basemap, type ParamNotice, type Presentation, type UrlState, type View } from './params.ts';
import { extendIndex, matchingIds, type SearchEntry } from '../plan/search.ts';
import type { GroupData } from '../plan/load.ts';
import type { LocationQuality, PlanFeature, Status, Zone } from '../plan/types.ts';
import type { Feature } from 'geojson';
import type { InventoryEntry } from '../plan/inventory.ts';

/** sel value of an inventory entry (within, unsited, not-a-place): `inv:<entry id>` */
export const INV_PREFIX = 'inv:';

import { addNotice, NOTICE_TTL, type NoticeLike } from './notices.ts';

export interface NoticeAction {
  label: string;
  run: () => void;
  testid?: string;
}

/** A notice; one with an action (reload, back to the district, …) stays until closed or acted on. */
export interface Notice extends NoticeLike {
  action?: NoticeAction;
}

import { TAB_IDS } from './tabs.ts';
export { TAB_IDS };

let noticeSeq = 0;

export class AppState {
  groups: LayerGroup[] = $state.raw(GROUPS);
  lang: Lang = $state('zh');
  langExplicit = $state(false);
  view: View | null = $state(null);
  /** the view the link asked for, before the map clamped or moved it (checked by src/ui/LinkCheck.svelte) */
  linkView: View | null = null;
  visible: string[] = $state(GROUPS.filter((g) => g.defaultVisible).map((g) => g.id));
  opacity: Record<string, number> = $state({});
  cat: string[] = $state([]);
  zone: Zone[] = $state([]);
  ch: string[] = $state([]);
  st: Status[] = $state([]);
  lq: LocationQuality[] = $state([]);
  q = $state('');
  hide: string[] = $state([]);
  sel: string | null = $state(null);
  hover: string | null = $state(null);
  place: [number, number] | null = $state(null);
  r = $state(1000);
  story: number | null = $state(null);
  base: Basemap = $state('offline');
  tab = $state('layers');
  embed = $state(false);
  pres: Presentation[] = $state([]);

  data: GroupData = $state.raw({});
  index: SearchEntry[] = $state.raw([]);
  /** every element the plan names (geodata/inventory.json), loaded when first needed */
  inventory: InventoryEntry[] = $state.raw([]);
  invIndex: SearchEntry[] = $state.raw([]);
  #invLoading: Promise<void> | null = null;
  loaded = $state(false);
  notices: Notice[] = $state([]);
  /** set to ask the map to fly to a feature; consumed by the map */
  flyRequest: { feature: Feature; seq: number } | null = $state.raw(null);
  /** set by the map once its style is ready */
  mapReady = $state(false);

  invAlt: Record<string, string[]> = $state.raw({});
  /** the first-load index, with synonyms and the inventory once they are loaded */
  searchIndex: SearchEntry[] = $derived(this.invIndex.length ? extendIndex(this.index, this.invAlt, this.invIndex) : this.index);
  features: PlanFeature[] = $derived(PLAN_GROUP_LIST.flatMap((g) => (this.data[g.id]?.features ?? []) as PlanFeature[]));
  byId: Map<string, PlanFeature> = $derived(new Map(this.features.map((f) => [f.properties.id, f])));
  filters: Filters = $derived({
    ...NO_FILTERS,
    cat: this.cat,
    zone: this.zone,
    ch: this.ch,
    st: this.st,
    lq: this.lq,
    hide: this.hide,
    textIds: this.q.trim() ? matchingIds(this.searchIndex, this.q) : null,
  });
  styleFilter = $derived(filterExpression(this.filters));
  /** Features passing the filters whose group is visible: what the map shows and the list lists. */
  filtered: PlanFeature[] = $derived(
    this.features.filter((f) => this.visible.includes(f.properties.layer) && matches(f.properties as never, this.filters)),
  );
  invById: Map<string, InventoryEntry> = $derived(new Map(this.inventory.map((e) => [e.id, e])));
  /** the inventory entry chosen (sel=inv:<id>), if any */
  selectedInv: InventoryEntry | null = $derived(this.sel?.startsWith(INV_PREFIX) ? (this.invById.get(this.sel.slice(INV_PREFIX.length)) ?? null) : null);
  /** the selected feature; for a `within` entry, the area it lies in */
  selected: PlanFeature | null = $derived(
    this.selectedInv
      ? this.selectedInv.disposition === 'within' || this.selectedInv.disposition === 'mapped'
        ? (this.byId.get(this.selectedInv.feature ?? '') ?? null)
        : null
      : this.sel
        ? (this.byId.get(this.sel) ?? null)
        : null,
  );

  /** Load the inventory (a separate chunk, so the first load stays small). */
  loadInventory(): Promise<void> {
    this.#invLoading ??= import('virtual:inventory').then((m) => {
      this.inventory = m.entries;
      this.invIndex = [...extendIndex([], {}, m.extra), ...m.index];
      this.invAlt = m.alt;
    });
    return this.#invLoading;
  }

  t = (key: StringKey | string, vars?: Record<string, string | number>) => translate(this.lang, key, vars);

  name(p: { name_zh?: string; name_en?: string } | null | undefined): string {
    if (!p) return '';
    return this.lang === 'zh' ? (p.name_zh ?? p.name_en ?? '') : (p.name_en || p.name_zh || '');
  }

  notify(text: string, kind: Notice['kind'] = 'info', action?: NoticeAction) {
    if (this.notices.some((n) => n.text === text)) return;
    const n: Notice = { id: ++noticeSeq, text, kind, action };
    this.notices = addNotice(this.notices, n);
    const ttl = action ? null : NOTICE_TTL[kind];
    if (ttl !== null && typeof setTimeout === 'function') setTimeout(() => this.dismiss(n.id), ttl);
  }

  dismiss(id: number) {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  isVisible(id: string) {
    return this.visible.includes(id);
  }

  setVisible(id: string, on: boolean) {
    const has = this.visible.includes(id);
    if (on && !has) this.visible = [...this.visible, id];
    if (!on && has) this.visible = this.visible.filter((x) => x !== id);
  }

  select(id: string | null, fly = false) {
    this.sel = id;
    const f = id ? this.byId.get(id) : undefined;
    if (f && fly) this.flyTo(f);
  }

  /** Select an inventory entry: mapped → its feature; within → its area (with a note); else its own panel. */
  selectInventory(e: InventoryEntry) {
    if (e.disposition === 'mapped' && e.feature && this.byId.has(e.feature)) return this.select(e.feature, true);
    this.sel = INV_PREFIX + e.id;
    const area = e.disposition === 'within' && e.feature ? this.byId.get(e.feature) : undefined;
    if (area) {
      if (!this.isVisible(area.properties.layer)) this.setVisible(area.properties.layer, true);
      this.flyTo(area);
    }
  }

  flyTo(feature: Feature) {
    this.flyRequest = { feature, seq: (this.flyRequest?.seq ?? 0) + 1 };
  }

  clearFilters() {
    this.cat = [];
    this.zone = [];
    this.ch = [];
    this.st = [];
    this.lq = [];
    this.q = '';
    this.hide = [];
  }

  toUrlState(): UrlState {
    const defaults = GROUPS.filter((g) => g.defaultVisible).map((g) => g.id);
    const same = defaults.length === this.visible.length && defaults.every((d) => this.visible.includes(d));
    return {
      lang: this.langExplicit ? this.lang : null,
      view: this.view,
      layers: same ? null : GROUPS.map((g) => g.id).filter((id) => this.visible.includes(id)),
      opacity: this.opacity,
      cat: this.cat,
      zone: this.zone,
      ch: this.ch,
      st: this.st,
      lq: this.lq,
      q: this.q,
      hide: this.hide,
      sel: this.sel,
      place: this.place,
      r: this.r,
      story: this.story,
      base: this.base,
      tab: this.tab,
      embed: this.embed,
      pres: this.pres,
    };
  }

  applyUrlState(s: UrlState, browserLang: Lang) {
    this.langExplicit = s.lang !== null;
    this.lang = s.lang ?? browserLang;
    this.view = s.view;
    this.visible = s.layers ?? GROUPS.filter((g) => g.defaultVisible).map((g) => g.id);
    // base groups that are not toggleable are always visible
    for (const g of GROUPS) if (!g.toggleable && !this.visible.includes(g.id)) this.visible = [...this.visible, g.id];
    this.opacity = s.opacity;
    this.cat = s.cat;
    this.zone = s.zone;
    this.ch = s.ch;
    this.st = s.st;
    this.lq = s.lq;
    this.q = s.q;
    this.hide = s.hide;
    this.sel = s.sel;
    this.place = s.place;
    this.r = s.r;
    this.story = s.story;
    this.base = s.base;
    this.tab = s.tab;
    this.embed = s.embed;
    this.pres = s.pres;
  }

  /** Read the URL; report unknown and invalid parameters once. */
  readUrl(search: string, browserLang: Lang): ParamNotice[] {
    const { state, notices } = parseUrl(search, { groupIds: new Set(GROUPS.map((g) => g.id)), tabs: new Set(TAB_IDS) });
    this.linkView = state.view;
    this.applyUrlState(state, browserLang);
    return notices;
  }

  urlQuery(): string {
    return serializeUrl(this.toUrlState());
  }
}

export { defaultState };
export const app = new AppState();
