// The comparison pages' controls: filters, sort, metric choice, a link to the view and a download of the rows
// shown; the charts follow the filters (their marks carry their table rows' keys). The page works without it
// (a plain table and charts of every row). The whole view lives in the URL
// (?year=2024&phase=actual&sort=total-desc…), so a link reproduces it. Loaded as a file, not inline: the
// Content-Security-Policy of every page forbids inline scripts. Table cells come from report texts, which are
// hostile: this script reads them as text and writes only text (textContent), never HTML.
// The pure helpers are on globalThis.mingzhangCompare, so that tests/compare-js.test.ts can run them in Node.

(() => {
  /** Characters that make Excel, WPS or LibreOffice read a cell as a formula (src/lib/csv.ts, FORMULA_START). */
  const FORMULA_START = /^[=+\-@\t\r]/;
  /** A number as a spreadsheet reads it (src/lib/csv.ts, PLAIN_NUMBER): it cannot be a formula. */
  const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

  /** src/lib/csv.ts spreadsheetSafe, ported: a text that starts like a formula gets a leading '. */
  function spreadsheetSafe(cell) {
    return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
  }

  /** One CSV field as Papa.unparse writes it (src/lib/csv.ts toCsv): quoted when it must be. */
  function csvField(value) {
    return /[",\n\r]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }

  /** CSV for Excel and WPS, as src/lib/csv.ts toCsv(…, { forSpreadsheets: true }) writes it: BOM, neutralised cells. */
  function toSpreadsheetCsv(header, rows) {
    const line = (cells) => cells.map((c) => csvField(spreadsheetSafe(String(c)))).join(',');
    return `\uFEFF${[line(header), ...rows.map(line)].join('\n')}\n`;
  }

  /** Compares two exact decimal strings ("-12.5", "1153800"); '' (not stated) sorts after every number. */
  function compareDecimal(a, b) {
    if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
    const parse = (s) => {
      const [int, frac = ''] = s.replace(/^[-+]/, '').split('.');
      const digits = { int: int.replace(/^0+/, ''), frac: frac.replace(/0+$/, '') };
      const zero = digits.int === '' && digits.frac === '';
      return { ...digits, sign: zero ? 0 : s.startsWith('-') ? -1 : 1 };
    };
    const x = parse(a);
    const y = parse(b);
    if (x.sign !== y.sign || x.sign === 0) return Math.sign(x.sign - y.sign);
    let magnitude = Math.sign(x.int.length - y.int.length);
    if (magnitude === 0) magnitude = x.int < y.int ? -1 : x.int > y.int ? 1 : 0;
    if (magnitude === 0) {
      const width = Math.max(x.frac.length, y.frac.length);
      const fx = x.frac.padEnd(width, '0');
      const fy = y.frac.padEnd(width, '0');
      magnitude = fx < fy ? -1 : fx > fy ? 1 : 0;
    }
    return x.sign * magnitude;
  }

  /** The view a query string asks for: the filters and metric it names (known values only) and the sort. */
  function readView(search, controls) {
    const params = new URLSearchParams(search);
    const view = {};
    for (const [name, allowed] of Object.entries(controls)) {
      const value = params.get(name);
      if (value !== null && allowed.includes(value)) view[name] = value;
    }
    const sort = /^([a-zA-Z]+)-(asc|desc)$/.exec(params.get('sort') ?? '');
    if (sort) view.sort = { key: sort[1], direction: sort[2] };
    return view;
  }

  /** The query string of a view, in a stable order (the controls' order, then the sort). */
  function writeView(view, names) {
    const params = new URLSearchParams();
    for (const name of names) if (view[name]) params.set(name, view[name]);
    if (view.sort) params.set('sort', `${view.sort.key}-${view.sort.direction}`);
    const query = params.toString();
    return query === '' ? '' : `?${query}`;
  }

  /**
   * How far each band of a bar chart moves up, in bands, when the rows not in `visible` are hidden: by the hidden
   * bands above it; and how many bands close in all. `bands` are the rows' keys in the chart's order.
   */
  function closeGaps(bands, visible) {
    const shift = new Map();
    let hiddenAbove = 0;
    for (const key of bands) {
      shift.set(key, hiddenAbove);
      if (!visible.has(key)) hiddenAbove++;
    }
    return { shift, closed: hiddenAbove };
  }

  /**
   * Shows in a chart's SVG only the marks of the rows in `visible` (the table's rows left by the filters), as
   * src/lib/charts/row-marks.ts marked them at build time. A bar chart closes the gaps: the bands below a hidden
   * one move up, the x axis with them, and the chart gets shorter. The x scale stays that of every row: the
   * bars keep the lengths they have unfiltered, so two filtered views can be compared by eye, and the value
   * written at each bar's end stays exact (#compare-chart-view says so). A scatter plot keeps its axes.
   */
  function showRows(svg, visible) {
    // a moved element keeps the transform Plot gave it, after the shift
    const move = (el, dy) => {
      if (el.dataset.transform === undefined) el.dataset.transform = el.getAttribute('transform') ?? '';
      const own = el.dataset.transform;
      const transform = dy === 0 ? own : `translate(0,${-dy}) ${own}`.trim();
      if (transform === '') el.removeAttribute('transform');
      else el.setAttribute('transform', transform);
    };
    const bands = svg.querySelector('[data-bands]');
    const step = Number(svg.dataset.step);
    const order = bands ? Array.from(bands.children, (band) => band.dataset.row) : [];
    const gaps = bands && step > 0 ? closeGaps(order, visible) : null;
    for (const el of svg.querySelectorAll('[data-row]')) {
      if (visible.has(el.dataset.row)) el.removeAttribute('display');
      else el.setAttribute('display', 'none');
      if (gaps) move(el, (gaps.shift.get(el.dataset.row) ?? 0) * step);
    }
    if (!gaps) return;
    const closed = gaps.closed * step;
    for (const el of svg.querySelectorAll('[data-below]')) move(el, closed);
    for (const line of svg.querySelectorAll('[data-span] line')) {
      if (line.dataset.y2 === undefined) line.dataset.y2 = line.getAttribute('y2') ?? '0';
      line.setAttribute('y2', String(Number(line.dataset.y2) - closed));
    }
    if (svg.dataset.height === undefined) svg.dataset.height = svg.getAttribute('height') ?? '0';
    const height = Number(svg.dataset.height) - closed;
    const [x, y, width] = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/);
    svg.setAttribute('height', String(height));
    svg.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
  }

  globalThis.mingzhangCompare = { spreadsheetSafe, toSpreadsheetCsv, compareDecimal, readView, writeView, closeGaps };

  const initCompare = () => {
    const form = document.getElementById('compare-controls');
    const table = document.getElementById('compare-table');
    if (!form || !table) return;
    form.hidden = false;
    table.classList.add('enhanced');
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    const heads = Array.from(table.tHead.rows[0].cells);
    const selects = Array.from(form.querySelectorAll('select[name]'));
    const controls = Object.fromEntries(selects.map((s) => [s.name, Array.from(s.options, (o) => o.value).filter((v) => v !== '')]));
    const names = selects.map((s) => s.name);
    const filters = selects.filter((s) => s.dataset.filter !== undefined);
    const shown = document.getElementById('compare-shown');
    const charts = Array.from(document.querySelectorAll('figure.chart[data-chart]'));
    const chartView = document.getElementById('compare-chart-view');
    const linkBox = document.getElementById('compare-link');
    let view = readView(location.search, controls);

    // column heads that sort become buttons; the state is in aria-sort
    const sortable = heads.filter((th) => th.dataset.key);
    for (const th of sortable) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      if (th.querySelector('a')) {
        // a head that links to its glossary entry keeps the link; a button beside it sorts (no link in a button)
        button.classList.add('beside');
        button.textContent = '⇅';
        button.setAttribute('aria-label', table.dataset.sortLabel.replace('{label}', th.textContent.trim()));
      } else {
        button.append(...th.childNodes);
      }
      th.append(button);
      button.addEventListener('click', () => {
        const direction = view.sort?.key === th.dataset.key && view.sort.direction === 'desc' ? 'asc' : 'desc';
        view = { ...view, sort: { key: th.dataset.key, direction } };
        apply();
      });
    }

    // in the order shown (the sort moves the rows in the table, not in `rows`)
    const visible = () => Array.from(body.rows).filter((row) => !row.hidden);
    const apply = () => {
      for (const select of selects) select.value = view[select.name] ?? (select.name === 'metric' ? select.options[0].value : '');
      let count = 0;
      for (const row of rows) {
        const ok = filters.every((s) => !view[s.name] || row.dataset[s.name] === view[s.name]);
        row.hidden = !ok;
        if (ok) count++;
      }
      const column = view.sort ? heads.findIndex((th) => th.dataset.key === view.sort.key) : -1;
      const sign = view.sort?.direction === 'asc' ? 1 : -1;
      const value = (row) => row.cells[column]?.dataset.sort ?? '';
      // a stable sort of the table's own order; rows without the value stay last either way
      const ordered =
        column < 0
          ? rows
          : [...rows].sort((a, b) => {
              const x = value(a);
              const y = value(b);
              if (x === '' || y === '') return compareDecimal(x, y);
              return sign * compareDecimal(x, y);
            });
      body.append(...ordered);
      for (const th of heads) th.removeAttribute('aria-sort');
      if (column >= 0) heads[column].setAttribute('aria-sort', view.sort.direction === 'asc' ? 'ascending' : 'descending');
      // a page with one chart has no metric control: its metric is that chart's
      const metric = view.metric ?? (form.elements.metric ? form.elements.metric.options[0].value : charts[0]?.dataset.chart);
      for (const chart of charts) chart.hidden = chart.dataset.chart !== metric;
      // on a phone the table keeps the chosen metric's columns (the compare pages' CSS, class "enhanced")
      heads.forEach((th, i) => {
        const hidden = th.dataset.metricCol !== undefined && !th.dataset.metricCol.split(' ').includes(metric);
        th.classList.toggle('other-metric', hidden);
        for (const row of rows) row.cells[i]?.classList.toggle('other-metric', hidden);
      });
      // the charts draw the rows the table shows
      const keys = new Set(rows.filter((row) => !row.hidden).map((row) => row.dataset.row));
      for (const chart of charts) for (const svg of chart.querySelectorAll('svg[viewBox]')) showRows(svg, keys);
      const chosen = charts.find((chart) => !chart.hidden);
      describeChart(chosen, keys);
      shown.textContent = shown.dataset.template.replace('{shown}', String(count)).replace('{total}', String(rows.length));
      history.replaceState(null, '', `${location.pathname}${writeView(view, names)}${location.hash}`);
      // links to the comparison's other pages (other years) keep the view
      for (const link of document.querySelectorAll('a[data-keeps-view]')) link.search = writeView({ ...view, year: '' }, names);
    };

    // "图表：年度 2023 · 口径 决算/执行数，画出 5 行。" and what the chart leaves out
    const describeChart = (chart, keys) => {
      if (!chartView || !chart) return;
      const active = filters.filter((s) => view[s.name]);
      const named = active.map((s) =>
        `${s.closest('label')?.firstChild?.textContent.trim() ?? ''} ${s.selectedOptions[0]?.textContent ?? ''}`.trim(),
      );
      const svg = chart.querySelector('svg[viewBox]');
      const drawn = new Set(Array.from(svg ? svg.querySelectorAll('[data-row]') : [], (el) => el.dataset.row).filter((k) => keys.has(k)));
      const undrawn = (chart.dataset.undrawn ?? '').split(' ').filter((k) => k !== '' && keys.has(k)).length;
      const parts = [
        chartView.dataset.template
          .replace('{filters}', named.length === 0 ? chartView.dataset.all : named.join(' · '))
          .replace('{drawn}', String(drawn.size)),
      ];
      if (active.length > 0) parts.push(chartView.dataset.scale);
      if (undrawn > 0) parts.push(chartView.dataset.undrawn.replace('{undrawn}', String(undrawn)));
      chartView.textContent = parts.join('');
      chartView.hidden = false;
    };

    form.addEventListener('change', (event) => {
      const select = event.target;
      view = { ...view, [select.name]: select.value };
      apply();
    });

    document.getElementById('compare-copy').addEventListener('click', async () => {
      const url = location.href;
      linkBox.hidden = false;
      linkBox.querySelector('input').value = url;
      const status = linkBox.querySelector('output');
      try {
        await navigator.clipboard.writeText(url);
        status.textContent = status.dataset.copied;
      } catch {
        // a page opened from disk, or a browser that refuses: the link is in the box, selected
        status.textContent = status.dataset.select;
        linkBox.querySelector('input').select();
      }
    });

    document.getElementById('compare-download').addEventListener('click', () => {
      const columns = heads.map((th, i) => [th, i]).filter(([th]) => th.dataset.csv !== undefined);
      const header = columns.map(([th]) => th.dataset.csv);
      const lines = visible().map((row) =>
        columns.map(([, i]) => {
          const cell = row.cells[i];
          return cell.dataset.csv ?? cell.textContent.replace(/\s+/g, ' ').trim();
        }),
      );
      const blob = new Blob([toSpreadsheetCsv(header, lines)], { type: 'text/csv;charset=utf-8' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `${table.dataset.download}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    });

    apply();
  };
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initCompare);
    else initCompare();
  }
})();
