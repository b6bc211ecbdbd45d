/**
 * Share links: the full app link (the current URL state) and the embed link (?embed=1), and the
 * <iframe> snippet for a web page. Pure.
 */
export function shareLink(origin: string, path: string, query: string): string {
  const q = query.replace(/(^|&)embed=1(?=&|$)/, '').replace(/^&/, '');
  return `${origin}${path}${q ? `?${q}` : ''}`;
}

export function embedLink(origin: string, path: string, query: string): string {
  const q = query.replace(/(^|&)embed=1(?=&|$)/, '').replace(/^&/, '');
  return `${origin}${path}?${q ? `${q}&` : ''}embed=1`;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function iframeSnippet(src: string, title: string, width = 800, height = 600): string {
  return `<iframe src="${attr(src)}" width="${width}" height="${height}" style="border:0" title="${attr(title)}" loading="lazy" allowfullscreen></iframe>`;
}
