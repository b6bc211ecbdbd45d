/**
 * The side panel's tab ids: what state and the URL know of tabs. The UI (src/ui/tabs.ts) maps each
 * id to its label and component, and a unit test checks the two lists agree. State never imports UI.
 */
export const TAB_IDS = ['layers', 'filter', 'nearby', 'targets', 'stats', 'import'] as const;
export type TabId = (typeof TAB_IDS)[number];
