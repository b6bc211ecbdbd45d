import { describe, it, expect } from 'vitest';
import { TAB_IDS } from '../../../src/lib/state/tabs.ts';
import { TABS } from '../../../src/ui/tabs.ts';

describe('tab ids', () => {
  it('state and UI list the same tabs, in the same order', () => {
    expect(TABS.map((t) => t.id)).toEqual([...TAB_IDS]);
  });
});
