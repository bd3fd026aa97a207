// The search page's own UI over Pagefind's JS API. Everything a result or a filter brings (titles, unit names,
// excerpts) comes from report texts, which are hostile input: it is put into the page only as text nodes, never
// as HTML. The query, the chosen filters and the full-text option live in the URL (?q=…&year=…&text=1), so a
// search can be shared. A first search loads only what it needs: the filters' choices come with the page
// (search.astro), and the default index leaves out the reports' full texts, searched in a second index
// (FULL_TEXT_BUNDLE) only when the reader asks.
(() => {
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-input');
  const filtersBox = document.getElementById('search-filters');
  const fullText = document.getElementById('search-fulltext');
  const list = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  if (!form || !input || !filtersBox || !list || !status) return;
  const text = (key) => form.dataset[key] ?? '';
  const FILTERS = ['unit', 'year', 'kind', 'region'];
  /** How many results a search shows first, and how many more each 显示更多 adds (each result is one small fetch). */
  const FIRST = 10;
  const MORE = 20;
  let shown = FIRST;
  const siteRoot = new URL('.', location.href);

  if (location.protocol === 'file:') {
    // browsers do not let a page opened from disk load the search index: say so instead of hanging
    document.getElementById('search-needs-server').hidden = false;
    form.hidden = true;
    return;
  }
  form.hidden = false;

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  const chosen = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? '']));
  if (fullText instanceof HTMLInputElement) fullText.checked = params.get('text') === '1';
  const wantsFullText = () => fullText instanceof HTMLInputElement && fullText.checked;

  // The joined national site lists its partitions ({ folder: "hunan/", name: "湖南省" }, …): their indexes are
  // searched as one (Pagefind's multisite search), each result's address under its folder and named with its
  // partition. A site of its own has one index, in its own folder.
  const bundles = form.dataset.bundles ? JSON.parse(form.dataset.bundles) : [{ folder: '', name: '' }];
  const partitionOf = (href) => bundles.find((b) => b.folder !== '' && href.startsWith(new URL(b.folder, siteRoot).href))?.name ?? '';
  // how a query is read and which results are kept: js/search-query.js
  let queries = null;
  const loadQueries = async () => (queries ??= await import(new URL('js/search-query.js', siteRoot).href));
  // one Pagefind per index folder (pagefind/, or the full-text FULL_TEXT_BUNDLE): each its own module. A large
  // site's indexes are in shards, listed in the bundle's shards.json (src/lib/pagefind-shards.ts); every shard of
  // every partition is merged into one search.
  const shardsOf = async (folder, indexFolder) => {
    const response = await fetch(new URL(`${folder}${indexFolder}/shards.json`, siteRoot).href);
    const listed = response.ok ? await response.json() : [''];
    return Array.isArray(listed) && listed.length > 0 && listed.every((s) => typeof s === 'string' && /^(\d+\/)?$/.test(s)) ? listed : [''];
  };
  const instances = new Map();
  const load = async (indexFolder) => {
    if (!instances.has(indexFolder)) {
      const indexes = [];
      for (const { folder } of bundles)
        for (const shard of await shardsOf(folder, indexFolder)) indexes.push({ dir: `${folder}${indexFolder}/${shard}`, folder });
      const [first, ...others] = indexes;
      const pagefind = await import(new URL(`${first.dir}pagefind.js`, siteRoot).href);
      await pagefind.options({ baseUrl: `/${first.folder}` });
      for (const { dir, folder } of others) await pagefind.mergeIndex(new URL(dir, siteRoot).href, { baseUrl: `/${folder}` });
      instances.set(indexFolder, pagefind);
    }
    return instances.get(indexFolder);
  };
  const loadIndex = async () => load(wantsFullText() ? (await loadQueries()).FULL_TEXT_BUNDLE : 'pagefind');

  // Pagefind marks hits as <mark>…</mark> in an excerpt of the page's text: keep only those marks, as elements
  // we make, and put everything else in as text.
  const excerptNodes = (excerpt) => {
    const nodes = [];
    const parts = String(excerpt).split(/(<mark>|<\/mark>)/);
    let marked = false;
    for (const part of parts) {
      if (part === '<mark>') marked = true;
      else if (part === '</mark>') marked = false;
      else if (part !== '') {
        const node = document.createTextNode(decodeEntities(part));
        if (marked) {
          const mark = document.createElement('mark');
          mark.append(node);
          nodes.push(mark);
        } else nodes.push(node);
      }
    }
    return nodes;
  };
  const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
  const decodeEntities = (s) => s.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e]);

  // A result's address is a path under the site; anything else (another host, another scheme) is not shown.
  const resultHref = (url) => {
    const target = new URL(String(url).replace(/^\/+/, ''), siteRoot);
    return target.origin === siteRoot.origin && target.pathname.startsWith(siteRoot.pathname) ? target.href : null;
  };

  // The choices of each filter: given by the page, or (a page that gives none, like the joined national search
  // page) read from Pagefind's filter files once a first search has been shown. A value a link chose is offered too.
  const given = form.dataset.filterValues ? JSON.parse(form.dataset.filterValues) : null;
  let filtersShown = false;
  const renderFilters = async () => {
    if (filtersShown) return;
    filtersShown = true;
    const { fromPagefindFilter } = await loadQueries();
    const available =
      given ??
      Object.fromEntries(
        Object.entries(await (await load('pagefind')).filters()).map(([name, counts]) => [
          name,
          Object.keys(counts).map(fromPagefindFilter),
        ]),
      );
    filtersBox.replaceChildren();
    for (const name of FILTERS) {
      const values = [...new Set([...(available[name] ?? []), chosen[name]].filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
      if (values.length === 0) continue;
      const label = document.createElement('label');
      label.append(document.createTextNode(text(`label${name[0].toUpperCase()}${name.slice(1)}`)));
      const select = document.createElement('select');
      select.name = name;
      select.append(new Option(text('all'), ''));
      for (const value of values) select.append(new Option(value, value));
      select.value = values.includes(chosen[name]) ? chosen[name] : '';
      chosen[name] = select.value;
      label.append(select);
      filtersBox.append(label);
    }
    filtersBox.hidden = filtersBox.childElementCount === 0;
  };

  const syncUrl = () => {
    const next = new URLSearchParams();
    if (input.value.trim()) next.set('q', input.value.trim());
    for (const name of FILTERS) if (chosen[name]) next.set(name, chosen[name]);
    if (wantsFullText()) next.set('text', '1');
    const query = next.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  };

  let generation = 0;
  const more = document.getElementById('search-more');
  const run = async (next = FIRST) => {
    const mine = ++generation;
    shown = next;
    if (more) more.hidden = true;
    syncUrl();
    const query = input.value.trim();
    const named = FILTERS.filter((name) => chosen[name]);
    if (!query && named.length === 0) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = text('searching');
    const { findPages, FULL_TEXT_BUNDLE, toPagefindFilter, fromPagefindFilter } = await loadQueries();
    // the chosen values as the pages wrote them into the index (js/search-query.js toPagefindFilter)
    const filters = Object.fromEntries(named.map((name) => [name, toPagefindFilter(chosen[name])]));
    const found = await findPages(await loadIndex(), query, filters, shown, wantsFullText() ? null : () => load(FULL_TEXT_BUNDLE));
    if (mine !== generation) return;
    const items = [];
    for (const result of found.pages) {
      const href = resultHref(result.url);
      if (!href) continue;
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = href;
      link.className = 'result-title';
      link.textContent = result.meta?.title ?? result.url;
      const meta = document.createElement('p');
      meta.className = 'muted result-meta';
      meta.textContent = [
        partitionOf(href),
        ...['unit', 'year', 'kind'].map((name) => (result.filters?.[name] ?? []).map(fromPagefindFilter).join('、')),
      ]
        .filter(Boolean)
        .join(' · ');
      const excerpt = document.createElement('p');
      excerpt.className = 'result-excerpt';
      excerpt.append(...excerptNodes(result.excerpt ?? ''));
      item.append(link, meta, excerpt);
      items.push(item);
    }
    list.replaceChildren(...items);
    status.textContent =
      found.count === 0
        ? text('none')
        : `${found.fullText ? `${text('fromFullText')} ` : ''}${text('count').replace('{count}', String(found.count)).replace('{shown}', String(items.length))}`;
    if (more) more.hidden = found.count <= found.pages.length;
    if (!given) await renderFilters();
  };

  more?.addEventListener('click', () => run(shown + MORE));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  filtersBox.addEventListener('change', (event) => {
    const select = event.target;
    if (select instanceof HTMLSelectElement) chosen[select.name] = select.value;
    run();
  });
  fullText?.addEventListener('change', () => run());
  (given ? renderFilters() : Promise.resolve())
    .then(() => run())
    .catch((error) => {
      status.textContent = text('failed');
      console.error(error);
    });
})();
