/**
 * The sheets of an Excel workbook, cheaply: names from xl/workbook.xml (and its relationships), and
 * for a workbook of several sheets the number of data rows of each, counted on the sheet's raw
 * bytes (`<row` tags that hold cells; the first is taken as the header), with no XML parsing and no
 * shared strings. Used by formats.ts (which sheet to read) and by the sheet-list worker (which sheet
 * to ask for). Pure, no DOM.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';

export interface SheetRef {
  name: string;
  /** part path inside the zip, e.g. xl/worksheets/sheet2.xml */
  path: string;
}

export interface SheetInfo {
  name: string;
  /** data rows (rows holding cells, less the header row) */
  rows: number;
}

function parse(text: string): Document | null {
  let failed = false;
  try {
    const doc = new DOMParser({ onError: (level: string) => { if (level !== 'warning') failed = true; } }).parseFromString(text, 'text/xml');
    return failed ? null : (doc as unknown as Document);
  } catch {
    return null;
  }
}

const WORKBOOK = 'xl/workbook.xml';
const RELS = 'xl/_rels/workbook.xml.rels';

/** The sheets of a workbook (name → part path), in workbook order. */
export function xlsxSheets(files: Record<string, Uint8Array>): SheetRef[] {
  const wb = parse(strFromU8(files[WORKBOOK] ?? new Uint8Array()));
  const rels = parse(strFromU8(files[RELS] ?? new Uint8Array()));
  if (!wb?.documentElement || !rels?.documentElement) return [];
  const target = new Map(Array.from(rels.documentElement.getElementsByTagName('Relationship')).map((r) => [r.getAttribute('Id'), r.getAttribute('Target') ?? '']));
  return Array.from(wb.documentElement.getElementsByTagName('sheet')).map((s) => {
    const t = target.get(s.getAttribute('r:id')) ?? '';
    const path = t.startsWith('/') ? t.slice(1) : `xl/${t}`;
    return { name: s.getAttribute('name') ?? '', path };
  });
}

const LT = 0x3c, SLASH = 0x2f, GT = 0x3e;
const ROW = [0x72, 0x6f, 0x77]; // "row"

/** Rows that hold cells in a worksheet part: `<row …>` tags, not the empty `<row …/>` ones. */
export function countRowTags(xml: Uint8Array): number {
  let n = 0;
  const end = xml.length - 4;
  for (let i = 0; i < end; i++) {
    if (xml[i] !== LT || xml[i + 1] !== ROW[0] || xml[i + 2] !== ROW[1] || xml[i + 3] !== ROW[2]) continue;
    const next = xml[i + 4];
    // "<row " or "<row>" (not <rowBreaks>, <rows…>)
    if (next !== 0x20 && next !== GT && next !== 0x09 && next !== 0x0a && next !== 0x0d && next !== SLASH) continue;
    let j = i + 4;
    while (j < xml.length && xml[j] !== GT) j++;
    if (xml[j - 1] !== SLASH) n++;
    i = j;
  }
  return n;
}

/**
 * The sheets of a workbook's bytes with their data-row counts, or null when the bytes are not an
 * .xlsx workbook. A workbook of one sheet is not counted (nothing to choose): its `rows` is -1.
 */
export function listSheets(bytes: Uint8Array): SheetInfo[] | null {
  let head: Record<string, Uint8Array>;
  try {
    head = unzipSync(bytes, { filter: (f) => f.name === WORKBOOK || f.name === RELS });
  } catch {
    return null;
  }
  if (!head[WORKBOOK]) return null;
  const sheets = xlsxSheets(head);
  if (sheets.length <= 1) return sheets.map((s) => ({ name: s.name, rows: -1 }));
  const paths = new Set(sheets.map((s) => s.path));
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => paths.has(f.name) });
  } catch {
    return null;
  }
  return sheets.map((s) => ({ name: s.name, rows: parts[s.path] ? Math.max(0, countRowTags(parts[s.path]) - 1) : 0 }));
}
