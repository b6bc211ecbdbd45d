import { describe, it, expect } from 'vitest';
import { fill, translator } from '../../../src/lib/i18n/translate.ts';
import { translate } from '../../../src/lib/i18n/strings.ts';
import { nt, NEARBY } from '../../../src/lib/i18n/nearby.ts';
import { tr } from '../../../src/lib/i18n/story.ts';

describe('fill and translator: one lookup for every string table', () => {
  it('fills every occurrence, literally; an unknown placeholder stays', () => {
    expect(fill('{n} of {n} ({x})', { n: 3 })).toBe('3 of 3 ({x})');
    // String.replace would read "$&" as "the match"
    expect(fill('layer {name}', { name: 'a$&b' })).toBe('layer a$&b');
    expect(fill('plain')).toBe('plain');
  });
  it('a table lookup gives the string in the language asked for', () => {
    const t = translator({ hi: { zh: '你好，{who}', en: 'Hello, {who}' } });
    expect(t('zh', 'hi', { who: '绍兴' })).toBe('你好，绍兴');
    expect(t('en', 'hi', { who: 'Shaoxing' })).toBe('Hello, Shaoxing');
    expect(nt('en', 'noZone')).toBe(NEARBY.noZone.en);
    expect(tr({ zh: '第{n}章', en: 'Chapter {n}' }, 'en', { n: 2 })).toBe('Chapter 2');
  });
  it('translate falls back to the key for an unknown key', () => {
    expect(translate('en', 'no-such-key')).toBe('no-such-key');
  });
});
