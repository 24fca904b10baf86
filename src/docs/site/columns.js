// Column-level lineage in the page: each column's upstream columns, traced on through upstream models down
// to sources and seeds, a reverse index for downstream use, and the column graph view.
(function () {
  'use strict';
  const D = window.TsdbtDocs;
  const key = (rel, col) => rel + '\u0000' + String(col).toLowerCase();
  const MAX_GRAPH = 400;

  D.columnEntry = (rel, col) => {
    const l = D.data.lineage[rel];
    return l ? l.columns.find((c) => c.name.toLowerCase() === String(col).toLowerCase()) : undefined;
  };

  let downstream = null;
  D.downstreamOf = (rel, col) => {
    if (!downstream) {
      downstream = new Map();
      for (const [model, l] of Object.entries(D.data.lineage)) {
        for (const c of l.columns) for (const u of c.upstream) {
          const k = key(u.relation, u.column);
          if (!downstream.has(k)) downstream.set(k, []);
          downstream.get(k).push({ relation: model, column: c.name });
        }
      }
    }
    return downstream.get(key(rel, col)) || [];
  };

  /** Leaf columns (sources, seeds, or models whose own lineage stops) this column ultimately reads. */
  D.originsOf = (rel, col) => {
    const out = new Map(), seen = new Set();
    const visit = (r, c) => {
      const k = key(r, c);
      if (seen.has(k)) return;
      seen.add(k);
      const e = D.columnEntry(r, c);
      if (!e || e.upstream.length === 0) { if (r !== rel) out.set(k, { relation: r, column: c }); return; }
      e.upstream.forEach((u) => visit(u.relation, u.column));
    };
    visit(rel, col);
    return [...out.values()];
  };

  // column '*' stands for the relation's rows (a count(*)): it links to the relation itself
  const colLink = (u) => u.column === '*'
    ? D.el('a', { href: D.nodeHref(u.relation), class: 'col-link', 'data-testid': 'column-ref', title: 'counts the rows of this relation' },
      (D.byId.get(u.relation) || { name: u.relation }).name + ' (rows)')
    : D.el('a', { href: D.nodeHref(u.relation) + '/column/' + encodeURIComponent(u.column), class: 'col-link', 'data-testid': 'column-ref' },
      (D.byId.get(u.relation) || { name: u.relation }).name + '.' + u.column);

  D.columnLineageSection = function columnLineageSection(node) {
    const l = D.data.lineage[node.id];
    if (!l) return null;
    const sec = D.el('section', { id: 'column-lineage', 'data-testid': 'column-lineage' }, D.el('h2', {}, 'Column lineage'));
    if (l.error) { sec.append(D.el('p', { class: 'warn', 'data-testid': 'lineage-error' }, 'Column lineage unavailable: ' + l.error)); return sec; }
    const rows = l.columns.map((c) => D.el('tr', { 'data-testid': 'column-lineage-row', 'data-column': c.name },
      D.el('td', {}, D.el('a', { href: D.nodeHref(node.id) + '/column/' + encodeURIComponent(c.name) }, c.name)),
      D.el('td', {}, D.badge(c.kind, 'kind-' + c.kind)),
      D.el('td', { 'data-testid': 'upstream' }, c.upstream.map((u, i) => [i ? ', ' : '', colLink(u)]), c.reason ? D.el('div', { class: 'warn', 'data-testid': 'lineage-reason' }, c.reason) : null),
      D.el('td', { 'data-testid': 'origins' }, D.originsOf(node.id, c.name).map((u, i) => [i ? ', ' : '', colLink(u)]))));
    sec.append(D.el('table', { class: 'grid' }, D.el('thead', {}, D.el('tr', {}, ['Column', 'How', 'Derives from', 'Origins (sources / seeds)'].map((h) => D.el('th', {}, h)))), D.el('tbody', {}, rows)));
    return sec;
  };

  /** The graph of every column upstream and downstream of one column. */
  D.renderColumnGraph = function renderColumnGraph(container, rel, col) {
    const nodes = new Map(), edges = [];
    const add = (r, c, focus) => {
      const k = key(r, c);
      if (!nodes.has(k)) {
        const n = D.byId.get(r) || { name: r, layer: 'model', mat: '' };
        nodes.set(k, { id: k, label: c === '*' ? '(rows)' : c, sub: n.name, colour: D.colour(n, 'layer'), focus, title: r + '.' + c, rel: r, col: c });
      }
      return k;
    };
    const up = (r, c) => {
      const k = add(r, c);
      for (const u of (D.columnEntry(r, c) || { upstream: [] }).upstream) {
        if (nodes.size > MAX_GRAPH) return;
        const seen = nodes.has(key(u.relation, u.column));
        edges.push([add(u.relation, u.column), k]);
        if (!seen) up(u.relation, u.column);
      }
    };
    const down = (r, c) => {
      const k = add(r, c);
      for (const d of D.downstreamOf(r, c)) {
        if (nodes.size > MAX_GRAPH) return;
        const seen = nodes.has(key(d.relation, d.column));
        edges.push([k, add(d.relation, d.column)]);
        if (!seen) down(d.relation, d.column);
      }
    };
    add(rel, col, true);
    up(rel, col);
    down(rel, col);
    D.renderDag(container, [...nodes.values()], edges, {
      testid: 'column-graph',
      onClick: (k) => { const n = nodes.get(k); location.hash = D.nodeHref(n.rel) + (n.col === '*' ? '' : '/column/' + encodeURIComponent(n.col)); },
    });
    return nodes.size;
  };
})();
