import { describe, expect, it } from 'vitest';
import { addNotice, MAX_NOTICES, NOTICE_TTL, type NoticeLike } from '../../../src/lib/state/notices.ts';

const n = (id: number, kind: NoticeLike['kind'], text = `t${id}`): NoticeLike => ({ id, kind, text });

describe('notice policy', () => {
  it('info expires, warnings later, errors never', () => {
    expect(NOTICE_TTL.info).toBeGreaterThanOrEqual(2000);
    expect(NOTICE_TTL.info).toBeLessThanOrEqual(8000);
    expect(NOTICE_TTL.warn!).toBeGreaterThan(NOTICE_TTL.info!);
    expect(NOTICE_TTL.error).toBeNull();
  });
  it('keeps at most three, dropping the oldest non-error first', () => {
    let l: NoticeLike[] = [];
    for (let i = 1; i <= 8; i++) l = addNotice(l, n(i, 'info'));
    expect(l.map((x) => x.id)).toEqual([6, 7, 8]);
    expect(MAX_NOTICES).toBe(3);
    l = addNotice([n(1, 'error'), n(2, 'info'), n(3, 'error')], n(4, 'info'));
    expect(l.map((x) => x.id)).toEqual([1, 3, 4]);
  });
  it('errors survive infos; with three errors the oldest error goes', () => {
    let l = [n(1, 'error'), n(2, 'error'), n(3, 'error')];
    l = addNotice(l, n(4, 'info'));
    expect(l.map((x) => x.id)).toEqual([2, 3, 4]);
    l = addNotice(l, n(5, 'info'));
    expect(l.map((x) => x.id)).toEqual([2, 3, 5]);
  });
  it('does not repeat the same text', () => {
    const l = addNotice([n(1, 'info', 'same')], n(2, 'info', 'same'));
    expect(l.map((x) => x.id)).toEqual([1]);
  });
});
