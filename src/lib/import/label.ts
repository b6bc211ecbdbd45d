/** A display name for an imported feature (name, 名称, name_zh, title…), else "#i". */
export function featureLabel(p: Record<string, unknown> | null | undefined, i: number): string {
  for (const k of ['name_zh', 'name', '名称', '名字', 'title', '标题', 'name_en', 'NAME', 'Name', 'id']) {
    const v = p?.[k];
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 80);
    if (typeof v === 'number') return String(v);
  }
  return `#${i + 1}`;
}
