// The report page: opens the section of the full text that a link points into, and marks exactly the characters
// a figure quotes, each piece linking back to the figure's row. Without this file every link still lands on its
// line (and browsers that open a closed <details> for a fragment show it). Loaded as a file, not inline: the
// Content-Security-Policy forbids inline scripts. Report text is hostile input: it is only ever moved as text
// nodes, never parsed as HTML.
const initReport = () => {
  const text = document.getElementById('source-text');
  if (!text) return;

  const openAround = (element) => {
    for (let details = element.closest('details'); details; details = details.parentElement?.closest('details')) details.open = true;
  };

  // the figure list, grouped by section: "open all" makes every figure findable with the browser's find
  const figureTools = document.getElementById('figure-tools');
  const figureGroups = document.getElementById('figure-groups');
  if (figureTools && figureGroups) {
    figureTools.hidden = false;
    figureTools.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-groups]');
      if (!button) return;
      for (const details of figureGroups.querySelectorAll('details')) details.open = button.dataset.groups === 'open';
    });
  }

  const tools = document.getElementById('source-tools');
  if (tools) {
    tools.hidden = false;
    tools.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-sections]');
      if (!button) return;
      for (const details of text.querySelectorAll('details')) details.open = button.dataset.sections === 'open';
    });
  }

  /** The marks of the quote shown now (one per line the quote touches). */
  let marks = [];
  const clearMarks = () => {
    for (const mark of marks) {
      const line = mark.parentNode;
      if (!line) continue;
      line.replaceChild(document.createTextNode(mark.textContent), mark);
      line.normalize();
    }
    marks = [];
  };

  /** The quote of a figure or indicator: written in its row, or on the link itself. */
  const quoteOf = (link) => link.dataset.quote ?? link.closest('td')?.querySelector('.quote')?.textContent ?? null;

  /**
   * Marks the characters a cite link points at: from its line and column, as many characters as the quote has
   * (a line break between lines counts as one). Nothing is marked unless the text there is exactly the quote.
   */
  const markQuote = (link) => {
    const row = link.closest('tr[id]');
    const quote = quoteOf(link);
    const length = Number(link.dataset.length);
    let line = Number(link.dataset.line);
    let column = Number(link.dataset.column);
    if (!row || quote === null || quote.length !== length || !Number.isInteger(line) || !Number.isInteger(column)) return false;
    clearMarks();
    const pieces = [];
    let left = length;
    while (left > 0) {
      const item = document.getElementById(`L${line}`);
      if (!item || item.children.length > 0) return false;
      const take = Math.min(left, item.textContent.length - column);
      if (take < 0) return false;
      pieces.push({ item, from: column, to: column + take });
      left -= take;
      if (left > 0) {
        left -= 1;
        line += 1;
        column = 0;
      }
    }
    if (pieces.map((p) => p.item.textContent.slice(p.from, p.to)).join('\n') !== quote) return false;
    for (const { item, from, to } of pieces) {
      if (to === from) continue;
      const range = document.createRange();
      const node = item.firstChild;
      range.setStart(node, from);
      range.setEnd(node, to);
      const mark = document.createElement('a');
      mark.className = 'cited';
      mark.href = `#${row.id}`;
      mark.title = text.dataset.backTitle ?? '';
      range.surroundContents(mark);
      marks.push(mark);
    }
    if (marks[0]) openAround(marks[0]);
    return marks.length > 0;
  };

  const citeOf = (row) => row?.querySelector('a.cite') ?? null;

  /** What the address points at: a line of the text, a figure's row, or a section. */
  const follow = (firstLoad) => {
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // a malformed escape in a hand-typed address: look it up as written
    }
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    if (text.contains(target)) {
      openAround(target);
      if (!marks.some((mark) => target.contains(mark))) clearMarks();
      // a closed section is not scrolled to on arrival; once it is open, the line is
      if (firstLoad) target.scrollIntoView();
      return;
    }
    // a figure's row in a closed group of the figure list: browsers that do not open a <details> for a
    // fragment (Chromium does) neither show nor scroll to it
    const hidden = target.closest('details:not([open])') !== null;
    openAround(target);
    if (hidden) target.scrollIntoView();
    const cite = citeOf(target.closest('tr[id]'));
    // a figure's row: its quote is marked in the text too, without leaving the row
    if (cite) markQuote(cite);
  };

  document.addEventListener('click', (event) => {
    const link = event.target.closest?.('a.cite');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (!markQuote(link)) return;
    // land on the line (the address, :target and the back button work as without this file), then show the quote
    event.preventDefault();
    if (location.hash !== link.hash) location.hash = link.hash;
    marks[0]?.scrollIntoView({ block: 'center' });
    marks[0]?.focus({ preventScroll: true });
  });
  window.addEventListener('hashchange', () => follow(false));
  follow(true);
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initReport);
else initReport();
