/** Strings of the inventory needed at first load (search groups, dispositions, the within note), zh and en. */
import { translator } from './translate.ts';

export const INVENTORY = {
  'group.area': { zh: '区域/结构', en: 'Areas/structure' },
  'group.project': { zh: '规划项目', en: 'Plan projects' },
  'group.place': { zh: '地名', en: 'Places' },
  'disp.mapped': { zh: '已上图', en: 'On the map' },
  'disp.within': { zh: '位于区域内', en: 'Within an area' },
  'disp.unsited': { zh: '规划未定址', en: 'No site in the plan' },
  'disp.not-a-place': { zh: '非地点', en: 'Not a place' },
  withinNote: { zh: '“{name}”位于{area}内；规划未给出更具体的位置。', en: '“{name}” is within {area}; the plan gives no more exact site.' },
} as const;

export type InventoryKey = keyof typeof INVENTORY;

export const it = translator(INVENTORY);
