/** Start-up: read the URL, load geodata and the search index, then keep the URL in sync. */
import { app } from './app.svelte.ts';
import { GROUPS } from '../layers/registry.ts';
import { loadGroups } from '../plan/load.ts';
import { geodataUrl } from '../plan/urls.ts';
import type { Lang } from '../i18n/strings.ts';

export const browserLang = (): Lang => (typeof navigator !== 'undefined' && /^zh/i.test(navigator.language || 'zh') ? 'zh' : 'en');

export async function boot(): Promise<void> {
  const notices = app.readUrl(location.search, browserLang());
  // one notice per kind, naming every parameter: a link with many bad values does not push other notices out
  const named = (kind: 'unknown' | 'bad') => [...new Set(notices.filter((n) => (n.kind === 'unknown') === (kind === 'unknown')).map((n) => n.param))].join(' · ');
  const bad = named('bad');
  const unknown = named('unknown');
  if (bad) app.notify(app.t('badParam', { p: bad }), 'warn');
  if (unknown) app.notify(app.t('unknownParam', { p: unknown }), 'warn');
  const [{ data, errors }, index] = await Promise.all([
    loadGroups(GROUPS, geodataUrl),
    import('virtual:search-index').then((m) => m.default),
  ]);
  if (errors.length) app.notify(app.t('loadError', { e: errors.map((e) => `${e.group} (${e.message})`).join('; ') }), 'error');
  app.index = index;
  app.data = data;
  if (app.sel?.startsWith('inv:')) {
    await app.loadInventory().catch(() => undefined);
    if (!app.selectedInv) {
      app.notify(app.t('badParam', { p: 'sel' }), 'warn');
      app.sel = null;
    }
  } else if (app.sel && !app.byId.has(app.sel)) {
    app.notify(app.t('badParam', { p: 'sel' }), 'warn');
    app.sel = null;
  }
  app.loaded = true;
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** Write state to the URL (debounced; replaceState so the back button is not flooded). */
export function syncUrl(query: string) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const next = query ? `?${query}` : location.pathname;
    if (location.search !== (query ? `?${query}` : '')) history.replaceState(null, '', next + location.hash);
  }, 150);
}
