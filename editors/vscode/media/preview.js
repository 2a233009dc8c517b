// The preview's page: shows the diagram the extension sends, keeps the
// zoom and the scroll position across updates, shows errors above the last
// good diagram, and reports a click on a claim's box.
'use strict';

(function () {
  const vscode = acquireVsCodeApi();
  const viewport = document.getElementById('viewport');
  const diagram = document.getElementById('diagram');
  const errors = document.getElementById('errors');
  const level = document.getElementById('zoom-level');
  const saved = vscode.getState() || {};
  let scale = saved.scale || 1;
  let shownSvg = null;
  let size = null; // the diagram's own width and height, in its units

  const zoom = window.argmapZoom;

  function remember() {
    vscode.setState({ scale, left: viewport.scrollLeft, top: viewport.scrollTop });
  }

  function applyScale() {
    const svg = diagram.querySelector('svg');
    if (!svg || !size) return;
    svg.setAttribute('width', size.width * scale + size.unit);
    svg.setAttribute('height', size.height * scale + size.unit);
    level.textContent = Math.round(scale * 100) + '%';
  }

  // CSS pixels per unit of the SVG's size (Graphviz writes points).
  function unitPixels(unit) {
    return unit === 'pt' ? 4 / 3 : unit === 'in' ? 96 : unit === 'cm' ? 96 / 2.54 : unit === 'mm' ? 96 / 25.4 : 1;
  }

  function measure(svg) {
    const read = (name) => {
      const m = /^([\d.]+)([a-z%]*)$/.exec(svg.getAttribute(name) || '');
      return m ? { value: parseFloat(m[1]), unit: m[2] } : null;
    };
    const w = read('width');
    const h = read('height');
    if (w && h) return { width: w.value, height: h.value, unit: w.unit };
    const box = svg.viewBox && svg.viewBox.baseVal;
    return box ? { width: box.width, height: box.height, unit: '' } : null;
  }

  function show(svgText, errorLines) {
    errors.replaceChildren(...errorLines.map((line) => {
      const li = document.createElement('li');
      li.textContent = line;
      return li;
    }));
    errors.hidden = errorLines.length === 0;
    document.body.classList.toggle('stale', errorLines.length > 0 && !!(svgText || shownSvg));
    if (!svgText) {
      if (!shownSvg) diagram.replaceChildren();
      return;
    }
    if (svgText === shownSvg) return;
    const left = viewport.scrollLeft;
    const top = viewport.scrollTop;
    const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    const svg = parsed.documentElement;
    if (!svg || svg.nodeName !== 'svg') return;
    diagram.replaceChildren(document.importNode(svg, true));
    const first = shownSvg === null && !saved.scale;
    shownSvg = svgText;
    size = measure(diagram.querySelector('svg'));
    // The first diagram fits the width; after that the author's zoom stays.
    if (first && size) scale = zoom.fitScale(size.width * unitPixels(size.unit), viewport.clientWidth - 16);
    applyScale();
    viewport.scrollLeft = left;
    viewport.scrollTop = top;
  }

  function zoomBy(factor, px, py) {
    const next = zoom.zoomAbout({ scale, left: viewport.scrollLeft, top: viewport.scrollTop }, factor, px, py);
    scale = next.scale;
    applyScale();
    viewport.scrollLeft = next.left;
    viewport.scrollTop = next.top;
    remember();
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m && m.type === 'show') show(m.svg, m.errors || []);
  });
  viewport.addEventListener('wheel', (e) => {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    const r = viewport.getBoundingClientRect();
    zoomBy(e.deltaY < 0 ? 1.1 : 1 / 1.1, e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  viewport.addEventListener('scroll', remember);
  document.getElementById('zoom-in').addEventListener('click', () => zoomBy(1.25, 0, 0));
  document.getElementById('zoom-out').addEventListener('click', () => zoomBy(0.8, 0, 0));
  document.getElementById('actual').addEventListener('click', () => zoomBy(1 / scale, 0, 0));
  document.getElementById('fit').addEventListener('click', () => {
    if (size) zoomBy(zoom.fitScale(size.width * unitPixels(size.unit), viewport.clientWidth - 16) / scale, 0, 0);
  });
  diagram.addEventListener('click', (e) => {
    const node = e.target.closest && e.target.closest('g.node');
    const title = node && node.querySelector('title');
    if (title) vscode.postMessage({ type: 'reveal', node: title.textContent });
  });
  if (saved.left || saved.top) {
    requestAnimationFrame(() => {
      viewport.scrollLeft = saved.left || 0;
      viewport.scrollTop = saved.top || 0;
    });
  }
})();
