/** The one lookup behind the bilingual string tables (strings.ts, nearby.ts, planner.ts …). */
import type { Lang } from './strings.ts';

export type Vars = Record<string, string | number>;

/** A template with its {placeholders} filled: every occurrence, literally (a `$` in a value stays a `$`). */
export function fill(template: string, vars?: Vars): string {
  let s = template;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

/** The lookup of one table: (lang, key, vars) → the string in that language, filled. */
export const translator =
  <K extends string>(table: Record<K, { zh: string; en: string }>) =>
  (lang: Lang, key: K, vars?: Vars): string =>
    fill(table[key][lang], vars);
