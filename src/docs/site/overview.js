// Whole-project lineage on a <canvas>: positions come precomputed in the site data (layout done once at
// generate time), so even 10,000 nodes only cost a redraw per pan/zoom frame, with off-screen culling.
(function () {
  'use strict';
  const D = window.TsdbtDocs;
  const W = 180, H = 28;

  D.renderOverview = function renderOverview(container, colourBy, onPick) {
    const layout = D.data.overview;
    const ids = Object.keys(layout.positions);
    const canvas = D.el('canvas', { class: 'overview', 'data-testid': 'overview-canvas' });
    container.replaceChildren(canvas);
    const ctx = canvas.getContext('2d');
    const dpr = window.devicePixelRatio || 1;
    const cw = container.clientWidth || 900, ch = container.clientHeight || 600;
    canvas.width = cw * dpr; canvas.height = ch * dpr;
    canvas.style.width = cw + 'px'; canvas.style.height = ch + 'px';
    let k = Math.min(1, cw / (layout.width + 40), ch / (layout.height + 40));
    let x = 10, y = 10, queued = false;
    const nodes = ids.map((id) => ({ id, p: layout.positions[id], n: D.byId.get(id) }));
    const pos = new Map(nodes.map((o) => [o.id, o.p]));
    const colours = new Map(nodes.map((o) => [o.id, D.colour(o.n, colourBy)]));
    const edges = nodes.flatMap((o) => D.parentsOf(o.id).filter((p) => pos.has(p)).map((p) => [pos.get(p), o.p]));

    function draw() {
      queued = false;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, cw, ch);
      ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * x, dpr * y);
      const [vx0, vy0, vx1, vy1] = [-x / k - W, -y / k - H, (cw - x) / k + W, (ch - y) / k + H];
      const visible = (p) => p[0] > vx0 && p[0] < vx1 && p[1] > vy0 && p[1] < vy1;
      ctx.strokeStyle = 'rgba(120,144,156,0.35)';
      ctx.lineWidth = 1 / k;
      ctx.beginPath();
      for (const [a, b] of edges) {
        if (!visible(a) && !visible(b)) continue;
        ctx.moveTo(a[0] + W / 2, a[1]);
        ctx.lineTo(b[0] - W / 2, b[1]);
      }
      ctx.stroke();
      const labels = k > 0.45;
      ctx.font = '12px system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      for (const o of nodes) {
        if (!visible(o.p)) continue;
        ctx.fillStyle = colours.get(o.id);
        ctx.fillRect(o.p[0] - W / 2, o.p[1] - H / 2, W, H);
        if (labels) {
          ctx.fillStyle = '#fff';
          ctx.fillText(o.n.name.length > 24 ? o.n.name.slice(0, 23) + '…' : o.n.name, o.p[0] - W / 2 + 6, o.p[1], W - 10);
        }
      }
    }
    const redraw = () => { if (!queued) { queued = true; requestAnimationFrame(draw); } };
    draw();

    canvas.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      const r = canvas.getBoundingClientRect();
      const mx = ev.clientX - r.left, my = ev.clientY - r.top, f = Math.exp(-ev.deltaY * 0.0015);
      x = mx - (mx - x) * f; y = my - (my - y) * f; k *= f;
      redraw();
    }, { passive: false });
    let drag = null, moved = false;
    canvas.addEventListener('pointerdown', (ev) => { drag = [ev.clientX - x, ev.clientY - y]; moved = false; });
    canvas.addEventListener('pointermove', (ev) => {
      if (drag) { x = ev.clientX - drag[0]; y = ev.clientY - drag[1]; moved = true; redraw(); return; }
      const hit = pick(ev);
      canvas.style.cursor = hit ? 'pointer' : 'grab';
      canvas.title = hit ? hit.n.name + ' (' + hit.n.type + ')' : '';
    });
    canvas.addEventListener('pointerup', (ev) => {
      drag = null;
      if (!moved) { const hit = pick(ev); if (hit) onPick(hit.id); }
    });
    function pick(ev) {
      const r = canvas.getBoundingClientRect();
      const gx = (ev.clientX - r.left - x) / k, gy = (ev.clientY - r.top - y) / k;
      return nodes.find((o) => Math.abs(o.p[0] - gx) <= W / 2 && Math.abs(o.p[1] - gy) <= H / 2);
    }
    // Screen position of a node's centre (relative to the canvas), for tests and keyboard helpers.
    const toScreen = (id) => { const p = pos.get(id); return p ? [x + p[0] * k, y + p[1] * k] : null; };
    return (D.overviewView = { engine: layout.engine, mode: layout.mode, count: ids.length, toScreen });
  };
})();
