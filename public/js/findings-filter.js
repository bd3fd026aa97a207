// The findings page's filter and sort controls (the table works without them). Loaded as a file, not inline:
// the Content-Security-Policy of every page forbids inline scripts.
// The view lives in the query string (?severity=error&year=2022&sort=-year): a reload or a shared link shows
// the same rows in the same order. Values that match no option are ignored, never shown as a filter.
const FILTERS = ['severity', 'rule', 'unit', 'year'];

// the table comes after the controls: wait until it is parsed
const initFindingsFilter = () => {
  const form = document.getElementById('findings-filters');
  const table = document.getElementById('findings-table');
  if (!form || !table) return;
  form.hidden = false;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const defaultOrder = rows.slice();
  const shown = document.getElementById('findings-shown');
  const headers = Array.from(table.tHead.querySelectorAll('th[data-sort-key]'));
  let sort = null;

  const writeAddress = () => {
    const params = new URLSearchParams(location.search);
    for (const name of FILTERS) {
      const value = form.elements[name]?.value ?? '';
      if (value) params.set(name, value);
      else params.delete(name);
    }
    if (sort) params.set('sort', `${sort.ascending ? '' : '-'}${sort.key}`);
    else params.delete('sort');
    const query = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  };

  const filter = () => {
    const want = Object.fromEntries(new FormData(form));
    let count = 0;
    for (const row of rows) {
      const ok = FILTERS.every((k) => !want[k] || row.dataset[k] === want[k]);
      row.hidden = !ok;
      if (ok) count++;
    }
    shown.textContent = shown.dataset.template.replace('{shown}', count).replace('{total}', rows.length);
  };

  const order = () => {
    for (const th of headers)
      th.setAttribute('aria-sort', sort?.key === th.dataset.sortKey ? (sort.ascending ? 'ascending' : 'descending') : 'none');
    if (!sort) {
      body.append(...defaultOrder);
      return;
    }
    const key = 'sort' + sort.key.replace(/^./, (c) => c.toUpperCase());
    const value = (row) => row.dataset[key] ?? '';
    const numeric = rows.every((row) => /^-?\d+(\.\d+)?$/.test(value(row)));
    const sorted = rows.slice().sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'zh-CN');
      return sort.ascending ? c : -c;
    });
    body.append(...sorted);
  };

  // the view the address asks for
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    const select = form.elements[name];
    const value = params.get(name);
    if (select && value && Array.from(select.options).some((o) => o.value === value)) select.value = value;
  }
  const asked = /^(-?)(\w+)$/.exec(params.get('sort') ?? '');
  if (asked && headers.some((th) => th.dataset.sortKey === asked[2])) sort = { key: asked[2], ascending: asked[1] === '' };

  form.addEventListener('change', () => {
    filter();
    writeAddress();
  });
  for (const th of headers) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = th.textContent;
    th.textContent = '';
    th.append(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      sort = { key: th.dataset.sortKey, ascending };
      order();
      writeAddress();
    });
  }
  filter();
  order();
  writeAddress();
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initFindingsFilter);
else initFindingsFilter();
