// The findings page's filter and sort controls (the table works without them). Loaded as a file, not inline:
// the Content-Security-Policy of every page forbids inline scripts.
// the table comes after the controls: wait until it is parsed
const initFindingsFilter = () => {
  const form = document.getElementById('findings-filters');
  const table = document.getElementById('findings-table');
  if (!form || !table) return;
  form.hidden = false;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const shown = document.getElementById('findings-shown');
  const apply = () => {
    const want = Object.fromEntries(new FormData(form));
    let count = 0;
    for (const row of rows) {
      const ok = ['severity', 'rule', 'unit', 'year'].every((k) => !want[k] || row.dataset[k] === want[k]);
      row.hidden = !ok;
      if (ok) count++;
    }
    shown.textContent = shown.dataset.template.replace('{shown}', count).replace('{total}', rows.length);
  };
  form.addEventListener('change', apply);
  for (const th of table.tHead.querySelectorAll('th[data-sort-key]')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = th.textContent;
    th.textContent = '';
    th.append(button);
    button.addEventListener('click', () => {
      const key = 'sort' + th.dataset.sortKey.replace(/^./, (c) => c.toUpperCase());
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of table.tHead.querySelectorAll('th')) other.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const value = (row) => row.dataset[key] ?? '';
      const numeric = rows.every((row) => /^-?\d+(\.\d+)?$/.test(value(row)));
      rows.sort((a, b) => {
        const x = value(a);
        const y = value(b);
        const c = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'zh-CN');
        return ascending ? c : -c;
      });
      body.append(...rows);
    });
  }
  apply();
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initFindingsFilter);
else initFindingsFilter();
