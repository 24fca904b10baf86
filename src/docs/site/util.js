// Shared helpers for the docs page: the embedded data indexed by id, a tiny DOM builder and formatters.
(function () {
  'use strict';
  const data = window.TSDBT_DOCS_DATA;
  const D = (window.TsdbtDocs = { data });
  D.byId = new Map(data.nodes.map((n) => [n.id, n]));

  /** el('div', {class: 'x', onclick}, child, 'text', [more children]) */
  D.el = function el(tag, props, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k === 'html') e.innerHTML = v;
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    const add = (c) => {
      if (c === null || c === undefined || c === false) return;
      if (Array.isArray(c)) c.forEach(add);
      else e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    };
    kids.forEach(add);
    return e;
  };

  D.esc = (s) => String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  /** 'model' -> 'models', 'analysis' -> 'analyses' */
  D.plural = (t) => (t.endsWith('is') ? t.slice(0, -2) + 'es' : t + 's');
  D.nodeHref = (id) => '#/node/' + encodeURIComponent(id);
  D.link = (id, label) => {
    const n = D.byId.get(id);
    return D.el('a', { href: D.nodeHref(id), class: 'node-link', title: id }, label || (n ? n.name : id));
  };
  D.badge = (text, cls) => D.el('span', { class: 'badge ' + (cls || '') }, text);
  D.statusBadge = (run) => (run ? D.badge(run.status, 'status-' + String(run.status).toLowerCase()) : null);
  D.fmtTime = (iso) => (iso ? new Date(iso).toLocaleString() : '');
  D.fmtNumber = (v) => (typeof v === 'number' ? v.toLocaleString() : String(v));
  D.fmtBytes = (v) => {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let n = Number(v), i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return n.toFixed(i ? 1 : 0) + ' ' + units[i];
  };

  const LAYER_COLOURS = { source: '#2e7d32', seed: '#6d4c41', staging: '#1565c0', intermediate: '#6a1b9a', marts: '#e65100', mart: '#e65100', snapshot: '#00838f', model: '#455a64' };
  const MAT_COLOURS = { view: '#1565c0', table: '#e65100', incremental: '#6a1b9a', ephemeral: '#9e9e9e', seed: '#6d4c41', source: '#2e7d32', snapshot: '#00838f' };
  const PALETTE = ['#ad1457', '#283593', '#00695c', '#f9a825', '#4e342e', '#37474f', '#558b2f', '#c62828'];
  const hashColour = (s) => PALETTE[[...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % PALETTE.length];
  D.colour = (n, by) => {
    const key = by === 'materialization' ? n.mat : n.layer;
    const table = by === 'materialization' ? MAT_COLOURS : LAYER_COLOURS;
    return table[key] || hashColour(String(key));
  };

  /** ids reachable from `start` following `next` up to `depth` steps (Infinity for all). */
  D.walk = function walk(start, depth, next) {
    const seen = new Map([[start, 0]]);
    const queue = [start];
    while (queue.length) {
      const id = queue.shift();
      const d = seen.get(id);
      if (d >= depth) continue;
      for (const m of next(id)) if (!seen.has(m) && D.byId.has(m)) { seen.set(m, d + 1); queue.push(m); }
    }
    return seen;
  };
  D.graphTypes = new Set(['model', 'seed', 'snapshot', 'source']);
  D.parentsOf = (id) => (D.byId.get(id)?.parents || []).filter((p) => D.graphTypes.has(D.byId.get(p)?.type));
  D.childrenOf = (id) => (D.byId.get(id)?.children || []).filter((c) => D.graphTypes.has(D.byId.get(c)?.type));
})();
