import { parseHTML } from 'linkedom';
import { DocumentBuilder } from './builder';
import type { DocumentFormat, ReadResult } from './types';

/**
 * HTML pages as saved from a government site, and the HTML mammoth makes of a DOCX: navigation, scripts
 * and forms dropped, block elements as lines, data tables as tables (a table that holds tables is page
 * layout: its cells are read as blocks).
 */

const DROPPED =
  'script, style, noscript, template, nav, aside, form, iframe, svg, button, select, input, textarea, object, embed, link, meta, head';
/** Class or id words of site chrome (menus, breadcrumbs, share bars); a page's own header is kept. */
const CHROME = /(?:^|[-_])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|sidebar|share|toolbar|topbar|skip)(?:[-_]|$)/i;
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'CENTER',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'FOOTER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TD',
  'TH',
  'TR',
  'UL',
]);

interface Node {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<Node>;
}
interface Element extends Node {
  getAttribute(name: string): string | null;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
  closest(selector: string): Element | null;
  remove(): void;
}

/** The encoding a saved page declares (many government sites still serve GBK), else UTF-8. */
function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const squash = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

/** A table's rows as a grid: a cell spanning columns or rows leaves the slots it covers empty. */
function tableGrid(table: Element): string[][] {
  const grid: string[][] = [];
  const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
  rows.forEach((tr, r) => {
    const row = (grid[r] ??= []);
    let column = 0;
    for (const cell of Array.from(tr.childNodes) as Element[]) {
      if (cell.nodeName !== 'TD' && cell.nodeName !== 'TH') continue;
      while (row[column] !== undefined) column++;
      const colspan = Math.max(1, Math.min(50, Number(cell.getAttribute('colspan')) || 1));
      const rowspan = Math.max(1, Math.min(500, Number(cell.getAttribute('rowspan')) || 1));
      for (let dr = 0; dr < rowspan && r + dr < rows.length; dr++)
        for (let dc = 0; dc < colspan; dc++) (grid[r + dr] ??= [])[column + dc] = dr === 0 && dc === 0 ? squash(cellText(cell)) : '';
      column += colspan;
    }
  });
  return grid.map((row) => Array.from(row, (c) => c ?? ''));
}

/** A cell's words, its lines (br, p) joined by a space. */
function cellText(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (node.nodeName === 'BR') return ' ';
  const inner = Array.from(node.childNodes).map(cellText).join('');
  return BLOCK.has(node.nodeName) ? ` ${inner} ` : inner;
}

export function readHtml(html: string, format: DocumentFormat = 'html'): ReadResult {
  const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`);
  const root = (document.body ?? document.documentElement) as unknown as Element | null;
  if (!root) return { ok: false, error: 'is an HTML page without a body' };
  for (const el of Array.from(root.querySelectorAll(DROPPED))) el.remove();
  for (const el of Array.from(root.querySelectorAll('[class], [id], [role]'))) {
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/);
    if (el.getAttribute('role') === 'navigation' || words.some((w) => CHROME.test(w))) el.remove();
  }
  for (const el of Array.from(root.querySelectorAll('header, footer'))) if (!el.closest('article, main')) el.remove();

  const builder = new DocumentBuilder(format);
  let line = '';
  const flush = () => {
    const text = squash(line);
    if (text !== '') builder.line(text);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    if (node.nodeName === 'BR') return flush();
    if (node.nodeName === 'TABLE') {
      const table = node as Element;
      if (!table.querySelector('table')) {
        flush();
        const caption = table.querySelector('caption');
        if (caption) builder.line(squash(caption.textContent ?? ''));
        builder.table({ rows: tableGrid(table).map((cells) => ({ cells })) });
        return;
      }
    }
    const block = BLOCK.has(node.nodeName) || node.nodeName === 'TABLE';
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  const doc = builder.build();
  if (doc.text.trim() === '') return { ok: false, error: 'has no text once navigation and scripts are dropped' };
  return { ok: true, doc };
}

export function readHtmlBytes(bytes: Uint8Array): ReadResult {
  return readHtml(decodeHtml(bytes));
}
