// Draws a directed graph laid out by dagre as SVG with pan (drag) and zoom (wheel), used for the focused
// lineage view and the column graph. Large graphs are handled by the caller keeping the subgraph small.
(function () {
  'use strict';
  const D = window.TsdbtDocs;
  const NS = 'http://www.w3.org/2000/svg';
  const svgEl = (tag, attrs) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    return e;
  };

  /**
   * nodes: [{id, label, sub, colour, focus}], edges: [[from, to]], opts: {onClick(id), rankdir}
   * Returns the <svg> element (already appended to `container`).
   */
  D.renderDag = function renderDag(container, nodes, edges, opts) {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: (opts && opts.rankdir) || 'LR', nodesep: 14, ranksep: 70, marginx: 20, marginy: 20 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const n of nodes) g.setNode(n.id, { width: Math.max(120, 8 * Math.max(n.label.length, (n.sub || '').length * 0.8) + 24), height: n.sub ? 42 : 30 });
    for (const [a, b] of edges) if (g.hasNode(a) && g.hasNode(b)) g.setEdge(a, b);
    dagre.layout(g);
    const { width, height } = g.graph();
    const svg = svgEl('svg', { class: 'dag', 'data-testid': (opts && opts.testid) || 'dag', width: '100%', height: '100%' });
    const defs = svgEl('defs');
    const marker = svgEl('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' });
    marker.append(svgEl('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#90a4ae' }));
    defs.append(marker);
    svg.append(defs);
    const root = svgEl('g');
    svg.append(root);
    for (const e of g.edges()) {
      const pts = g.edge(e).points;
      root.append(svgEl('path', { class: 'edge', d: 'M' + pts.map((p) => p.x + ' ' + p.y).join(' L'), 'marker-end': 'url(#arrow)', 'data-from': e.v, 'data-to': e.w }));
    }
    for (const n of nodes) {
      const p = g.node(n.id);
      const grp = svgEl('g', { class: 'gnode' + (n.focus ? ' focus' : ''), transform: `translate(${p.x - p.width / 2},${p.y - p.height / 2})`, 'data-id': n.id, 'data-testid': 'graph-node' });
      grp.append(svgEl('rect', { width: p.width, height: p.height, rx: 6, fill: n.colour, stroke: n.focus ? '#000' : 'none', 'stroke-width': 2.5 }));
      const t = svgEl('text', { x: 10, y: n.sub ? 17 : 19, class: 'glabel' });
      t.textContent = n.label;
      grp.append(t);
      if (n.sub) {
        const s = svgEl('text', { x: 10, y: 33, class: 'gsub' });
        s.textContent = n.sub;
        grp.append(s);
      }
      const title = svgEl('title');
      title.textContent = n.title || n.id;
      grp.append(title);
      grp.addEventListener('click', () => opts && opts.onClick && opts.onClick(n.id));
      root.append(grp);
    }
    container.replaceChildren(svg);
    enablePanZoom(svg, root, width, height);
    return svg;
  };

  function enablePanZoom(svg, root, w, h) {
    const box = svg.getBoundingClientRect();
    let k = Math.min(1, (box.width || 800) / (w + 40), (box.height || 500) / (h + 40));
    let x = ((box.width || 800) - w * k) / 2, y = 10;
    const apply = () => root.setAttribute('transform', `translate(${x},${y}) scale(${k})`);
    apply();
    svg.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      const r = svg.getBoundingClientRect();
      const mx = ev.clientX - r.left, my = ev.clientY - r.top;
      const f = Math.exp(-ev.deltaY * 0.0015);
      x = mx - (mx - x) * f; y = my - (my - y) * f; k *= f;
      apply();
    }, { passive: false });
    let drag = null;
    svg.addEventListener('pointerdown', (ev) => { if (ev.target === svg || ev.target.classList.contains('edge')) drag = [ev.clientX - x, ev.clientY - y]; });
    window.addEventListener('pointermove', (ev) => { if (drag) { x = ev.clientX - drag[0]; y = ev.clientY - drag[1]; apply(); } });
    window.addEventListener('pointerup', () => (drag = null));
  }

  /** The focused lineage: `id` with `up` generations of parents and `down` of children, capped in size. */
  D.focusedSubgraph = function focusedSubgraph(id, up, down, cap) {
    const ups = D.walk(id, up, D.parentsOf);
    const downs = D.walk(id, down, D.childrenOf);
    let ids = [...new Set([...ups.keys(), ...downs.keys()])];
    const truncated = ids.length > cap;
    if (truncated) {
      const dist = (n) => Math.min(ups.has(n) ? ups.get(n) : Infinity, downs.has(n) ? downs.get(n) : Infinity);
      ids = ids.sort((a, b) => dist(a) - dist(b)).slice(0, cap);
    }
    const keep = new Set(ids);
    const edges = [];
    for (const n of ids) for (const p of D.parentsOf(n)) if (keep.has(p)) edges.push([p, n]);
    return { ids, edges, truncated };
  };
})();
