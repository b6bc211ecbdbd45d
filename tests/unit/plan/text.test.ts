import { describe, it, expect } from 'vitest';
import { chapterOf, findExcerpt, paragraphAround, squashWs } from '../../../src/lib/plan/text.ts';
import { planText } from '../helpers.ts';

describe('plan text helpers', () => {
  const text = planText();
  it('finds an excerpt that a page break splits', () => {
    const at = findExcerpt(text, '打造内外贸有效贯通的区域性市场枢纽');
    expect(at).not.toBeNull();
    expect(squashWs(text.slice(at!.start, at!.end))).toBe('打造内外贸有效贯通的区域性市场枢纽');
  });
  it('returns null for text not in the plan', () => {
    expect(findExcerpt(text, '不存在的句子xyz')).toBeNull();
    expect(findExcerpt(text, '   ')).toBeNull();
  });
  it('returns the paragraph around an excerpt', () => {
    const at = findExcerpt(text, '城市向海生长轴将绍兴古城')!;
    const p = paragraphAround(text, at.start, at.end);
    const para = text.slice(p.start, p.end);
    expect(para).toContain('发展“两带”');
    expect(para).toContain('主动脉');
  });
  it.each([
    ['六(二)1', '六'],
    ['六（二）1', '六'],
    ['十一(二)3', '十一'],
    ['十(一)1', '十'],
    ['十二(三)', '十二'],
    ['专栏三', '六'],
    ['五(一) 专栏一', '五'],
    ['junk', null],
  ])('chapterOf(%s) = %s', (s, ch) => expect(chapterOf(s)).toBe(ch));
});
