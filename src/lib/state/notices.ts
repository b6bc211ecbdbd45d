/**
 * Notice policy (pure): at most three notices show at once; info notices dismiss themselves after
 * a few seconds, warnings a little later, errors stay until the user closes them. When a fourth
 * arrives, the oldest non-error goes first; only if all three are errors does the oldest error go.
 */
export type NoticeKind = 'info' | 'warn' | 'error';
export interface NoticeLike {
  id: number;
  text: string;
  kind: NoticeKind;
}

export const MAX_NOTICES = 3;
/** auto-dismiss delay per kind, ms (null: stays until closed) */
export const NOTICE_TTL: Record<NoticeKind, number | null> = { info: 5000, warn: 9000, error: null };

/** The list after adding `n`: duplicates (same text) are not repeated; at most MAX_NOTICES kept. */
export function addNotice<N extends NoticeLike>(list: readonly N[], n: N, max = MAX_NOTICES): N[] {
  if (list.some((x) => x.text === n.text)) return [...list];
  const out = [...list, n];
  while (out.length > max) {
    const i = out.findIndex((x) => x.kind !== 'error' && x !== n);
    out.splice(i >= 0 ? i : 0, 1);
  }
  return out;
}
