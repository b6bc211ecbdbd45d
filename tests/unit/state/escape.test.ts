import { describe, expect, it } from 'vitest';
import { claimEscape, dispatchEscape, escapeDepth } from '../../../src/lib/state/escape.ts';

const key = (k = 'Escape') => {
  const e = { key: k, defaultPrevented: false, stopped: false, preventDefault() { this.defaultPrevented = true; }, stopImmediatePropagation() { this.stopped = true; } };
  return e as unknown as KeyboardEvent & { stopped: boolean };
};

describe('Esc stack', () => {
  it('only the topmost claim that wants Esc gets it', () => {
    const log: string[] = [];
    let drawing = false;
    const relMeasure = claimEscape(() => (drawing ? (log.push('cancel drawing'), true) : false));
    const relModal = claimEscape(() => (log.push('close modal'), true));
    const e = key();
    expect(dispatchEscape(e)).toBe(true);
    expect(e.stopped).toBe(true);
    expect(log).toEqual(['close modal']);
    relModal();
    // a finished measurement (not drawing) does not claim: Esc goes to nobody
    expect(dispatchEscape(key())).toBe(false);
    expect(log).toEqual(['close modal']);
    drawing = true;
    expect(dispatchEscape(key())).toBe(true);
    expect(log).toEqual(['close modal', 'cancel drawing']);
    relMeasure();
    expect(escapeDepth()).toBe(0);
  });
  it('story below a modal: Esc closes the modal, the next Esc leaves the story', () => {
    const log: string[] = [];
    const relStory = claimEscape(() => (log.push('exit story'), true));
    const relModal = claimEscape(() => (log.push('close modal'), relModal(), true));
    dispatchEscape(key());
    dispatchEscape(key());
    expect(log).toEqual(['close modal', 'exit story']);
    relStory();
  });
  it('ignores other keys', () => {
    const rel = claimEscape(() => true);
    expect(dispatchEscape(key('Enter'))).toBe(false);
    rel();
  });
});
