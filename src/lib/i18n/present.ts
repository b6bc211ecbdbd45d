/** Strings of the presentation work: zoom to results, share and embed, story options (both languages). */
type B = { zh: string; en: string };

export const PRESENT = {
  zoomToResults: { zh: '缩放至结果', en: 'Zoom to results' },
  share: { zh: '分享', en: 'Share' },
  shareTitle: { zh: '分享此视图', en: 'Share this view' },
  link: { zh: '链接', en: 'Link' },
  copy: { zh: '复制', en: 'Copy' },
  copied: { zh: '已复制', en: 'Copied' },
  qr: { zh: '二维码（手机扫码打开）', en: 'QR code (scan with a phone)' },
  qrAlt: { zh: '此链接的二维码', en: 'QR code of this link' },
  embed: { zh: '嵌入网页（iframe）', en: 'Embed in a web page (iframe)' },
  embedNote: { zh: '嵌入后只显示地图、图例与版权信息，并附“打开完整地图”链接。', en: 'The embed shows the map, legend and attribution only, with a link to the full app.' },
  linkLength: { zh: '链接长度：{n} 个字符', en: 'Link length: {n} characters' },
  close: { zh: '关闭', en: 'Close' },
  large: { zh: '大字', en: 'Large text' },
  enLabels: { zh: '地图仅英文', en: 'English-only labels' },
  options: { zh: '演示选项', en: 'Presentation options' },
  targetsSlide: { zh: '主要指标', en: 'Headline targets' },
  provenance: { zh: '审图号：{no}', en: 'Map review no. (审图号): {no}' },
  noReview: { zh: '底图为离线示意底图，无审图号', en: 'offline sketch base map, no 审图号' },
  dataDate: { zh: '数据截至 {d}', en: 'Data as of {d}' },
} satisfies Record<string, B>;

export const tp = (s: B, lang: 'zh' | 'en', vars: Record<string, string | number> = {}) =>
  s[lang].replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? `{${k}}`));
