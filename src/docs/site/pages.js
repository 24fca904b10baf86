// The node page: description, columns with types/descriptions/tests, column lineage, parents and
// children, run status, test results, config, raw and compiled SQL, and the data preview.
(function () {
  'use strict';
  const D = window.TsdbtDocs;
  const el = D.el;

  const testChip = (tid) => {
    const t = D.byId.get(tid);
    if (!t) return null;
    const label = (t.test && t.test.name) || t.name;
    const status = t.run ? t.run.status : 'not run';
    return el('a', { href: D.nodeHref(tid), class: 'test-chip status-' + status.replace(/\s/g, '-'), 'data-testid': 'test-chip', 'data-test': label, 'data-status': status, title: tid }, label + ' · ' + status);
  };

  function columnsTable(n) {
    if (!n.columns.length) return el('p', { class: 'muted' }, 'No columns documented or found in the catalog.');
    return el('table', { class: 'grid', 'data-testid': 'columns-table' },
      el('thead', {}, el('tr', {}, ['Column', 'Type', 'Description', 'Tests'].map((h) => el('th', {}, h)))),
      el('tbody', {}, n.columns.map((c) => el('tr', { 'data-testid': 'column-row', 'data-column': c.name },
        el('td', {}, el('a', { href: D.nodeHref(n.id) + '/column/' + encodeURIComponent(c.name) }, c.name)),
        el('td', { class: 'mono', 'data-testid': 'column-type' }, c.type || '—'),
        el('td', { html: c.html }),
        el('td', {}, c.tests.map(testChip))))));
  }

  const nodeList = (ids, testid) => el('ul', { class: 'links', 'data-testid': testid }, ids.length ? ids.map((id) => el('li', {}, D.badge((D.byId.get(id) || {}).type || '?'), ' ', D.link(id))) : el('li', { class: 'muted' }, 'none'));

  function runLine(n) {
    if (!n.run) return el('span', { class: 'muted', 'data-testid': 'last-run' }, 'not in the last run');
    const r = n.run;
    return el('span', { 'data-testid': 'last-run' }, D.statusBadge(r), r.at ? ' at ' + D.fmtTime(r.at) : '', r.time !== null ? ' in ' + r.time.toFixed(2) + ' s' : '', r.message ? ' — ' + r.message : '');
  }

  function preview(n) {
    const p = D.data.previews[n.id];
    if (!p) return null;
    if (p.error) return el('section', {}, el('h2', {}, 'Preview'), el('p', { class: 'warn' }, p.error));
    return el('section', { 'data-testid': 'preview' }, el('h2', {}, 'Preview (first ' + p.rows.length + ' rows at generate time)'),
      el('div', { class: 'scroll' }, el('table', { class: 'grid mono' }, el('thead', {}, el('tr', {}, p.columns.map((c) => el('th', {}, c)))),
        el('tbody', {}, p.rows.map((r) => el('tr', {}, r.map((v) => el('td', {}, v === null ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : String(v)))))))));
  }

  D.nodePage = function nodePage(n) {
    const meta = [['Type', n.type], ['Materialization', n.mat], ['Layer', n.layer], ['Relation', n.relation], ['Path', n.path], ['Package', n.pkg], ['Tags', n.tags.join(', ')]]
      .concat(Object.entries(n.stats).map(([k, s]) => [s.label, k === 'bytes' ? D.fmtBytes(s.value) : D.fmtNumber(s.value)]))
      .filter(([, v]) => v);
    const graphable = D.graphTypes.has(n.type);
    return el('article', { class: 'node-page' },
      el('h1', { 'data-testid': 'node-title' }, n.name, ' ', D.badge(n.type, 'kind-' + n.type)),
      n.built === false ? el('p', { class: 'note', 'data-testid': 'not-built' }, 'Not built yet: columns come from YAML; types, stats and preview appear once it is built.') : null,
      el('p', {}, 'Last run: ', runLine(n)),
      graphable ? el('p', {}, el('a', { href: '#/lineage/' + encodeURIComponent(n.id), class: 'button', 'data-testid': 'open-lineage' }, 'Show lineage')) : null,
      el('table', { class: 'meta' }, meta.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', { class: 'mono' }, v)))),
      el('section', {}, el('h2', {}, 'Description'), n.html ? el('div', { class: 'markdown', 'data-testid': 'description', html: n.html }) : el('p', { class: 'muted' }, 'No description.')),
      n.test ? el('section', {}, el('h2', {}, 'Test'), el('p', {}, 'Tests ', n.test.attached ? D.link(n.test.attached) : 'the query below', n.test.column ? ' · column ' + n.test.column : ''),
        el('pre', { class: 'code' }, JSON.stringify(n.test.kwargs, null, 2)), n.run && n.run.failures !== null ? el('p', {}, 'Failures: ' + n.run.failures) : null) : null,
      n.type !== 'macro' && n.type !== 'test' ? el('section', {}, el('h2', {}, 'Columns'), columnsTable(n)) : null,
      D.columnLineageSection(n),
      n.tests.length ? el('section', { 'data-testid': 'tests' }, el('h2', {}, 'Tests'), el('div', { class: 'chips' }, n.tests.map(testChip))) : null,
      graphable || n.type === 'test' ? el('section', { class: 'two' }, el('div', {}, el('h2', {}, 'Parents'), nodeList(n.parents, 'parents')), el('div', {}, el('h2', {}, 'Children'), nodeList(n.children.filter((c) => (D.byId.get(c) || {}).type !== 'test'), 'children'))) : null,
      preview(n),
      n.raw ? el('section', {}, el('h2', {}, n.type === 'macro' ? 'Macro SQL' : 'Raw SQL'), D.codeBlock(n.raw, 'raw-sql')) : null,
      n.compiled ? el('section', {}, el('h2', {}, 'Compiled SQL'), D.codeBlock(n.compiled, 'compiled-sql')) : null,
      Object.keys(n.config).length ? el('section', {}, el('h2', {}, 'Config'), el('pre', { class: 'code' }, JSON.stringify(n.config, null, 2))) : null);
  };

  D.columnPage = function columnPage(n, name, after) {
    const c = n.columns.find((x) => x.name.toLowerCase() === name.toLowerCase());
    const e = D.columnEntry(n.id, name);
    const graph = el('div', { class: 'graph-box small' });
    after.push(() => D.renderColumnGraph(graph, n.id, name));
    return el('article', {},
      el('h1', { 'data-testid': 'node-title' }, D.link(n.id), '.', name, ' ', D.badge('column', 'kind-column')),
      c ? el('p', {}, el('span', { class: 'mono' }, c.type || 'type unknown'), ' ', c.tests.map(testChip)) : null,
      c && c.html ? el('div', { class: 'markdown', html: c.html }) : null,
      e ? el('p', { 'data-testid': 'column-derivation' }, D.badge(e.kind, 'kind-' + e.kind), ' derives from ', e.upstream.length ? e.upstream.map((u, i) => [i ? ', ' : '', el('a', { href: D.nodeHref(u.relation) + '/column/' + encodeURIComponent(u.column) }, (D.byId.get(u.relation) || { name: u.relation }).name + '.' + u.column)]) : 'no column',
        e.reason ? el('span', { class: 'warn', 'data-testid': 'lineage-reason' }, ' — ' + e.reason) : null) : null,
      el('h2', {}, 'Column graph'), graph);
  };
})();
