// Router and shell: home page, sidebar project tree (rendered lazily per folder), node / column pages,
// the focused lineage view (dagre) and the whole-project overview (canvas).
(function () {
  'use strict';
  const D = window.TsdbtDocs;
  const el = D.el;
  const main = document.getElementById('main');
  const FOCUS_CAP = 500;

  function parseHash() {
    const [path, query] = decodeURI(location.hash.replace(/^#/, '') || '/').split('?');
    return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || '') };
  }

  function legend(colourBy, ids) {
    const seen = new Map();
    for (const id of ids) { const n = D.byId.get(id); const k = colourBy === 'materialization' ? n.mat : n.layer; if (!seen.has(k)) seen.set(k, D.colour(n, colourBy)); }
    return el('div', { class: 'legend' }, [...seen].map(([k, c]) => el('span', {}, el('i', { style: 'background:' + c }), k)));
  }

  function colourSelect(value, onChange) {
    return el('label', {}, 'Colour by ', el('select', { 'data-testid': 'colour-by', onchange: (e) => onChange(e.target.value) },
      ['layer', 'materialization'].map((v) => el('option', { value: v, selected: v === value }, v))));
  }

  function lineagePage(id, params, after) {
    const n = D.byId.get(id);
    const up = Number(params.get('up') ?? 2), down = Number(params.get('down') ?? 2), colourBy = params.get('colour') || 'layer';
    const nav = (u, d, c) => (location.hash = '#/lineage/' + encodeURIComponent(id) + '?up=' + u + '&down=' + d + '&colour=' + c);
    const sub = D.focusedSubgraph(id, up, down, FOCUS_CAP);
    const box = el('div', { class: 'graph-box', 'data-testid': 'lineage-graph' });
    after.push(() => D.renderDag(box, sub.ids.map((i) => { const m = D.byId.get(i); return { id: i, label: m.name, sub: m.type + ' · ' + m.mat, colour: D.colour(m, colourBy), focus: i === id }; }), sub.edges,
      { testid: 'lineage-svg', onClick: (i) => (location.hash = D.nodeHref(i)) }));
    const depth = (label, v, f) => el('label', {}, label + ' ', el('input', { type: 'number', min: 0, max: 99, value: v, 'data-testid': 'depth-' + label, onchange: (e) => f(Math.max(0, Number(e.target.value) || 0)) }));
    return el('article', { class: 'lineage-page' },
      el('h1', {}, 'Lineage of ', D.link(id, n.name)),
      el('div', { class: 'controls' }, depth('upstream', up, (v) => nav(v, down, colourBy)), depth('downstream', down, (v) => nav(up, v, colourBy)),
        colourSelect(colourBy, (c) => nav(up, down, c)), el('a', { href: '#/graph?colour=' + colourBy }, 'Whole project')),
      sub.truncated ? el('p', { class: 'warn' }, 'Showing the ' + FOCUS_CAP + ' nearest nodes; lower the depth to see a complete neighbourhood.') : null,
      legend(colourBy, sub.ids), box, el('p', { class: 'muted' }, 'Click a node to open it; drag to pan, scroll to zoom.'));
  }

  function graphPage(params, after) {
    const colourBy = params.get('colour') || 'layer';
    const box = el('div', { class: 'graph-box tall' });
    const info = el('p', { class: 'muted' });
    after.push(() => {
      const r = D.renderOverview(box, colourBy, (id) => (location.hash = '#/lineage/' + encodeURIComponent(id) + '?colour=' + colourBy));
      info.textContent = r.count + ' nodes (ELK layered layout' + (r.mode === 'fast' ? ', fast settings for large projects' : '') + '). Click a node to focus its lineage; drag to pan, scroll to zoom.';
    });
    return el('article', {}, el('h1', {}, 'Project lineage'), el('div', { class: 'controls' }, colourSelect(colourBy, (c) => (location.hash = '#/graph?colour=' + c))),
      legend(colourBy, Object.keys(D.data.overview.positions)), info, box);
  }

  function homePage() {
    const counts = new Map();
    for (const n of D.data.nodes) counts.set(n.type, (counts.get(n.type) || 0) + 1);
    const byLayer = new Map();
    for (const n of D.data.nodes) if (D.graphTypes.has(n.type)) (byLayer.get(n.layer) || byLayer.set(n.layer, []).get(n.layer)).push(n);
    return el('article', {}, el('h1', { 'data-testid': 'project-title' }, D.data.project),
      el('p', {}, [...counts].map(([t, c]) => D.badge(c + ' ' + (c === 1 ? t : D.plural(t)), 'kind-' + t))),
      el('p', { class: 'muted' }, 'Generated ' + D.fmtTime(D.data.generatedAt) + (D.data.runAt ? ' · last run ' + D.fmtTime(D.data.runAt) : '') + '. Press / to search.'),
      D.data.overviewHtml ? el('section', { class: 'markdown', 'data-testid': 'project-overview', html: D.data.overviewHtml }) : null,
      [...byLayer].map(([layer, ns]) => el('section', {}, el('h2', {}, layer + ' (' + ns.length + ')'),
        el('ul', { class: 'links cols' }, ns.slice(0, 60).map((n) => el('li', {}, D.link(n.id)))), ns.length > 60 ? el('p', { class: 'muted' }, '… and ' + (ns.length - 60) + ' more; use search.') : null)));
  }

  function buildTree() {
    const root = { dirs: new Map(), items: [] };
    for (const n of D.data.nodes) {
      const path = n.type === 'source' ? ['sources', n.name.split('.')[0]] : [D.plural(n.type), ...n.path.split('/').slice(1, -1)];
      let dir = root;
      for (const p of path) dir = dir.dirs.get(p) || dir.dirs.set(p, { dirs: new Map(), items: [] }).get(p);
      dir.items.push(n);
    }
    const render = (dir, into) => {
      for (const [name, sub] of [...dir.dirs].sort()) {
        const det = el('details', {}, el('summary', {}, name));
        let done = false;
        det.addEventListener('toggle', () => { if (!done && det.open) { done = true; render(sub, det); } });
        into.append(det);
      }
      const items = dir.items.sort((a, b) => a.name.localeCompare(b.name));
      if (items.length) into.append(el('ul', {}, items.map((n) => el('li', {}, D.link(n.id)))));
    };
    render(root, document.getElementById('tree'));
  }

  function route() {
    const { parts, params } = parseHash();
    const after = [];
    let page;
    const n = parts[1] && D.byId.get(parts[1]);
    if (parts[0] === 'node' && n && parts[2] === 'column') page = D.columnPage(n, parts[3] || '', after);
    else if (parts[0] === 'node' && n) page = D.nodePage(n);
    else if (parts[0] === 'lineage' && n) page = lineagePage(n.id, params, after);
    else if (parts[0] === 'graph') page = graphPage(params, after);
    else if (parts.length === 0) page = homePage();
    else page = el('article', {}, el('h1', {}, 'Not found'), el('p', {}, 'Nothing at ' + location.hash + '. ', el('a', { href: '#/' }, 'Home')));
    main.replaceChildren(page);
    main.scrollTop = 0;
    after.forEach((f) => f());
    document.title = (n ? n.name + ' · ' : '') + D.data.project + ' docs';
  }

  D.initSearch();
  buildTree();
  window.addEventListener('hashchange', route);
  route();
})();
