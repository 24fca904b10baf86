// Keystroke search over models, sources, seeds, snapshots, tests, macros, their columns and descriptions.
// The index is built once on first use; each query scans flat lowercase strings, fast enough at 10,000 nodes.
(function () {
  'use strict';
  const D = window.TsdbtDocs;
  let index = null;
  const MAX = 40;

  function build() {
    index = [];
    for (const n of D.data.nodes) {
      index.push({ id: n.id, col: null, kind: n.type, label: n.name, sub: n.path, name: n.name.toLowerCase(), hay: (n.name + ' ' + n.id + ' ' + n.path + ' ' + n.tags.join(' ') + ' ' + n.desc).toLowerCase() });
      for (const c of n.columns) {
        index.push({ id: n.id, col: c.name, kind: 'column', label: c.name, sub: n.name + (c.type ? ' · ' + c.type : ''), name: c.name.toLowerCase(), hay: (c.name + ' ' + n.name + ' ' + c.desc).toLowerCase() });
      }
    }
  }

  /** Every term must match; names that equal / start with the query rank above matches in descriptions. */
  D.search = function search(q) {
    if (!index) build();
    const query = q.trim().toLowerCase();
    if (!query) return [];
    const terms = query.split(/\s+/);
    const hits = [];
    for (const e of index) {
      if (!terms.every((t) => e.hay.includes(t))) continue;
      const score = (e.name === query ? 0 : e.name.startsWith(query) ? 1 : e.name.includes(query) ? 2 : 4) + (e.col ? 0.5 : 0) + (e.kind === 'test' ? 1 : 0);
      hits.push([score, e]);
    }
    hits.sort((a, b) => a[0] - b[0] || a[1].label.length - b[1].label.length || a[1].label.localeCompare(b[1].label));
    return hits.slice(0, MAX).map((h) => h[1]);
  };

  D.hrefFor = (e) => (e.col ? D.nodeHref(e.id) + '/column/' + encodeURIComponent(e.col) : D.nodeHref(e.id));

  D.initSearch = function initSearch() {
    const input = document.getElementById('search');
    const list = document.getElementById('results');
    let active = 0, current = [];
    const render = () => {
      current = D.search(input.value);
      list.replaceChildren(...current.map((e, i) => D.el('li', { role: 'option', class: i === active ? 'active' : '', 'data-testid': 'search-result', 'data-id': e.id, 'data-column': e.col || undefined,
        onmousedown: (ev) => { ev.preventDefault(); go(e); } },
        D.badge(e.kind, 'kind-' + e.kind), ' ', D.el('strong', {}, e.label), ' ', D.el('span', { class: 'muted' }, e.sub))));
      list.hidden = current.length === 0 && !input.value;
      if (input.value && current.length === 0) { list.replaceChildren(D.el('li', { class: 'muted' }, 'No matches')); list.hidden = false; }
    };
    const go = (e) => { location.hash = D.hrefFor(e); input.blur(); list.hidden = true; };
    input.addEventListener('input', () => { active = 0; render(); });
    input.addEventListener('focus', render);
    input.addEventListener('blur', () => setTimeout(() => (list.hidden = true), 150));
    input.addEventListener('keydown', (ev) => {
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        active = Math.max(0, Math.min(current.length - 1, active + (ev.key === 'ArrowDown' ? 1 : -1)));
        render();
        ev.preventDefault();
      } else if (ev.key === 'Enter' && current[active]) go(current[active]);
      else if (ev.key === 'Escape') input.blur();
    });
    document.addEventListener('keydown', (ev) => {
      const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement?.tagName || '');
      if (ev.key === '/' && !typing) { ev.preventDefault(); input.focus(); input.select(); }
    });
  };
})();
