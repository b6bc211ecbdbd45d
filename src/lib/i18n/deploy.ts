/** Strings of deploy updates and far-away views, in Chinese and English. */
import { translator } from './translate.ts';

export const DEPLOY = {
  newVersion: { zh: '地图已发布新版本：重新加载即可继续使用。', en: 'A new version of the map is available: reload to continue.' },
  swUpdated: { zh: '地图已更新：重新加载以使用新版本。', en: 'The map has been updated: reload to use the new version.' },
  reload: { zh: '重新加载', en: 'Reload' },
  saving: { zh: '正在保存您的工作区…', en: 'Saving your workspace…' },
  saveFailed: { zh: '您的工作区未能保存（{e}），页面没有重新加载。', en: 'Your workspace could not be saved ({e}), so the page was not reloaded.' },
  reloadAnyway: { zh: '仍然重新加载', en: 'Reload anyway' },
  partFailed: { zh: '部分功能未能加载，请检查网络连接后再试。', en: 'Part of the app could not be loaded. Check the connection and try again.' },
  farView: { zh: '链接中的视图离越城区很远（约 {km} 公里），这里没有规划内容。', en: 'The view in the link is far from Yuecheng (about {km} km): the plan has nothing here.' },
  farPlace: { zh: '链接中的“我的位置”离越城区很远（约 {km} 公里）。', en: 'The place in the link is far from Yuecheng (about {km} km).' },
  backHome: { zh: '回到越城区', en: 'Back to Yuecheng' },
} as const;

export type DeployKey = keyof typeof DEPLOY;

export const dt = translator(DEPLOY);
