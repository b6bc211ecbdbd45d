/** Whitespace-insensitive lookups in the plan text. Pure. */
const WS = /\s/u;

/** The text without whitespace, and for each kept character its index in the original. */
export function squashIndex(text: string): { squashed: string; map: number[] } {
  let squashed = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (!WS.test(ch)) {
      squashed += ch;
      map.push(i);
    }
  }
  return { squashed, map };
}

export const squashWs = (s: string) => s.replace(/\s+/gu, '');

/** Where the excerpt occurs in the original text (ignoring whitespace), or null. */
export function findExcerpt(text: string, excerpt: string, idx = squashIndex(text)): { start: number; end: number } | null {
  const needle = squashWs(excerpt);
  if (!needle) return null;
  const at = idx.squashed.indexOf(needle);
  if (at < 0) return null;
  return { start: idx.map[at], end: idx.map[at + needle.length - 1] + 1 };
}

/** The paragraph (blank-line separated block) around a range, widened to its neighbours when short. */
export function paragraphAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = text.lastIndexOf('\n\n', start);
  s = s < 0 ? 0 : s + 2;
  let e = text.indexOf('\n\n', end);
  e = e < 0 ? text.length : e;
  // a page break can split a paragraph: extend while the block is short or ends without punctuation
  while (e < text.length && !/[。；！？：]\s*$/u.test(text.slice(s, e)) && e - s < 3000) {
    const next = text.indexOf('\n\n', e + 2);
    e = next < 0 ? text.length : next;
  }
  return { start: s, end: e };
}

/** Chapter (一..十二) of a section such as 六(二)1, 专栏三, 五(一) 专栏一. */
export function chapterOf(section: string): string | null {
  const s = section.replace(/（/g, '(').replace(/）/g, ')').trim();
  const box: Record<string, string> = { 专栏一: '五', 专栏二: '五', 专栏三: '六' };
  const m = /^(十[一二]?|[一二三四五六七八九])/.exec(s);
  if (m) return m[1];
  for (const [k, v] of Object.entries(box)) if (s.startsWith(k)) return v;
  return null;
}

/** The plan text marks bold labels with literal ** (e.g. **北部：**); readers should not see them. */
export const stripMarkup = (s: string) => s.replace(/\*\*/g, '');
