// argmap's interactive page: pan and zoom, search, a panel for the clicked
// claim, collapsing subtrees, #id links. Hand-written, no library. Every
// text of the map goes into the page through textContent, never as markup.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('argmap-data').textContent);
  var root = document.documentElement;
  root.classList.add('js');
  var viewport = document.getElementById('viewport');
  var stage = document.getElementById('stage');
  var svg = stage.querySelector('svg');
  var panel = document.getElementById('panel');
  var search = document.getElementById('search');
  var found = document.getElementById('found');
  var zoomLabel = document.getElementById('zoom');
  var errorList = document.getElementById('errors');
  var view = { x: 0, y: 0, s: 1 };
  var MIN = 0.03, MAX = 8;

  // The drawing's boxes and arrows by their SVG titles, the claims by id,
  // and the outline: made again whenever a new drawing arrives (serve).
  var nodeOf, claimOfNode, byTitle, byId, children;
  function index() {
    nodeOf = [];
    claimOfNode = {};
    byTitle = {};
    byId = {};
    svg.querySelectorAll('g.node, g.edge').forEach(function (g) {
      var t = g.querySelector('title');
      if (t) byTitle[t.textContent] = g;
    });
    data.claims.forEach(function (c, i) {
      nodeOf[i] = byTitle[c.node] || null;
      claimOfNode[c.node] = i;
      byId[c.id] = i;
    });
    children = data.claims.map(function () { return []; });
    data.claims.forEach(function (c, i) { if (c.parent >= 0) children[c.parent].push(i); });
    // Links in the drawing (a source's url) open in a new tab.
    svg.querySelectorAll('a').forEach(function (a) {
      if (a.getAttribute('xlink:href') || a.getAttribute('href')) {
        a.setAttribute('target', '_blank');
        a.setAttribute('rel', 'noopener noreferrer');
      }
    });
  }
  index();

  function apply() {
    stage.style.transform = 'translate(' + view.x + 'px,' + view.y + 'px) scale(' + view.s + ')';
    zoomLabel.textContent = Math.round(view.s * 100) + '%';
  }
  function size() {
    var w = svg.width.baseVal.value || svg.getBoundingClientRect().width / view.s;
    var h = svg.height.baseVal.value || svg.getBoundingClientRect().height / view.s;
    return { w: w, h: h };
  }
  function fit() {
    var d = size(), r = viewport.getBoundingClientRect();
    view.s = Math.max(MIN, Math.min(1.5, (r.width - 20) / d.w, (r.height - 20) / d.h));
    view.x = (r.width - d.w * view.s) / 2;
    view.y = Math.max(10, (r.height - d.h * view.s) / 2);
    apply();
  }
  function zoomAt(factor, px, py) {
    var s = Math.max(MIN, Math.min(MAX, view.s * factor));
    view.x = px - (px - view.x) * (s / view.s);
    view.y = py - (py - view.y) * (s / view.s);
    view.s = s;
    apply();
  }
  function centre() {
    var r = viewport.getBoundingClientRect();
    return [r.width / 2, r.height / 2];
  }
  // Puts box `g` in the middle of the viewport, zooming in until its text
  // is readable (a box of three lines some 80 px high).
  function focusNode(g) {
    var r = viewport.getBoundingClientRect(), b = g.getBoundingClientRect();
    if (b.height < 60) {
      zoomAt(80 / Math.max(b.height, 1), b.left - r.left + b.width / 2, b.top - r.top + b.height / 2);
      b = g.getBoundingClientRect();
    }
    view.x += r.width / 2 - (b.left - r.left + b.width / 2);
    view.y += r.height / 2 - (b.top - r.top + b.height / 2);
    apply();
  }

  // Dragging with one pointer pans; two pointers pinch.
  var pointers = {}, pinch = null;
  viewport.addEventListener('pointerdown', function (e) {
    if (e.target.closest && e.target.closest('g.node')) return;
    pointers[e.pointerId] = { x: e.clientX, y: e.clientY };
    viewport.setPointerCapture(e.pointerId);
    viewport.classList.add('dragging');
  });
  viewport.addEventListener('pointermove', function (e) {
    var p = pointers[e.pointerId];
    if (!p) return;
    var ids = Object.keys(pointers);
    if (ids.length === 2) {
      var other = pointers[ids[0] == e.pointerId ? ids[1] : ids[0]];
      var d = Math.hypot(e.clientX - other.x, e.clientY - other.y);
      var r = viewport.getBoundingClientRect();
      if (pinch) zoomAt(d / pinch, (e.clientX + other.x) / 2 - r.left, (e.clientY + other.y) / 2 - r.top);
      pinch = d;
    } else {
      view.x += e.clientX - p.x;
      view.y += e.clientY - p.y;
      apply();
    }
    p.x = e.clientX;
    p.y = e.clientY;
  });
  function release(e) {
    delete pointers[e.pointerId];
    pinch = null;
    if (!Object.keys(pointers).length) viewport.classList.remove('dragging');
  }
  viewport.addEventListener('pointerup', release);
  viewport.addEventListener('pointercancel', release);
  viewport.addEventListener('wheel', function (e) {
    e.preventDefault();
    var r = viewport.getBoundingClientRect();
    if (e.ctrlKey || e.metaKey || !e.shiftKey) zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    else { view.x -= e.deltaX || e.deltaY; apply(); }
  }, { passive: false });
  viewport.addEventListener('keydown', function (e) {
    var c = centre(), step = 60;
    if (e.key === '+' || e.key === '=') zoomAt(1.25, c[0], c[1]);
    else if (e.key === '-' || e.key === '_') zoomAt(0.8, c[0], c[1]);
    else if (e.key === '0') fit();
    else if (e.key === 'ArrowLeft') { view.x += step; apply(); }
    else if (e.key === 'ArrowRight') { view.x -= step; apply(); }
    else if (e.key === 'ArrowUp') { view.y += step; apply(); }
    else if (e.key === 'ArrowDown') { view.y -= step; apply(); }
    else if (e.key === 'Escape') closePanel();
    else return;
    e.preventDefault();
  });
  document.getElementById('zoom-in').addEventListener('click', function () { var c = centre(); zoomAt(1.25, c[0], c[1]); });
  document.getElementById('zoom-out').addEventListener('click', function () { var c = centre(); zoomAt(0.8, c[0], c[1]); });
  document.getElementById('fit').addEventListener('click', fit);

  // Search: every claim whose id or text holds the words; Enter goes to the next.
  var matches = [], current = -1;
  search.addEventListener('input', highlight);
  function highlight() {
    var q = search.value.trim().toLowerCase();
    matches = [];
    current = -1;
    data.claims.forEach(function (c, i) {
      var g = nodeOf[i];
      if (!g) return;
      var hit = q !== '' && (c.text.toLowerCase().indexOf(q) >= 0 || c.id.toLowerCase().indexOf(q) >= 0);
      g.classList.toggle('match', hit);
      if (hit && !g.classList.contains('hidden-by-collapse')) matches.push(i);
    });
    found.textContent = q === '' ? '' : matches.length + (matches.length === 1 ? ' claim' : ' claims');
  }
  search.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter' || !matches.length) return;
    e.preventDefault();
    current = (current + (e.shiftKey ? matches.length - 1 : 1)) % matches.length;
    found.textContent = (current + 1) + ' of ' + matches.length;
    select(matches[current], true);
  });

  // The panel.
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function claimLink(i) {
    var a = el('a', data.claims[i].text, 'claim');
    a.href = '#' + encodeURIComponent(data.claims[i].id);
    return a;
  }
  function related(i) {
    var supporters = [], attackers = [];
    data.inferences.forEach(function (inf) {
      if (inf.kind === 'undercut' || inf.target !== i) return;
      (inf.kind === 'support' ? supporters : attackers).push(inf.premises);
    });
    data.contradictions.forEach(function (p) {
      if (p[0] === i) attackers.push([p[1]]);
      if (p[1] === i) attackers.push([p[0]]);
    });
    return { supporters: supporters, attackers: attackers };
  }
  function list(title, groups) {
    if (!groups.length) return;
    panel.appendChild(el('h2', title));
    var ul = el('ul');
    groups.forEach(function (premises) {
      var li = el('li');
      premises.forEach(function (p, k) {
        if (k) li.appendChild(document.createTextNode(' + '));
        li.appendChild(claimLink(p));
      });
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }
  function safeUrl(u) { return /^(https?:|mailto:)/i.test(u) ? u : null; }
  var selected = -1;
  function select(i, focus) {
    if (selected >= 0 && nodeOf[selected]) nodeOf[selected].classList.remove('selected');
    selected = i;
    var c = data.claims[i], g = nodeOf[i];
    if (g) g.classList.add('selected');
    panel.replaceChildren();
    var close = el('button', '×', 'close');
    close.title = 'Close (Esc)';
    close.addEventListener('click', closePanel);
    panel.appendChild(close);
    panel.appendChild(el('h2', c.user ? '[' + c.id + ']' : 'claim ' + c.id));
    panel.appendChild(el('p', c.text, 'text'));
    var dl = el('dl');
    function row(k, v) { if (v === null || v === undefined || v === '') return; dl.appendChild(el('dt', k)); var dd = el('dd'); if (typeof v === 'string') dd.textContent = v; else dd.appendChild(v); dl.appendChild(dd); }
    if (c.label) row('status', c.label + (data.semantics ? ' (' + data.semantics + ')' : ''));
    if (typeof c.strength === 'number') row('strength', c.strength.toFixed(2) + ' (DF-QuAD)');
    c.attributes.forEach(function (a) {
      var u = a[2] ? safeUrl(a[1]) : null;
      if (u) { var link = el('a', a[1]); link.href = u; link.rel = 'noopener noreferrer'; link.target = '_blank'; row('url', link); }
      else row(a[0], a[1]);
    });
    if (c.section >= 0) row('section', data.sections[c.section]);
    row('written', data.files[c.file] + ':' + c.line);
    panel.appendChild(dl);
    if (c.tags.length) {
      var tags = el('p');
      c.tags.forEach(function (t) { tags.appendChild(el('span', '#' + t, 'tag')); });
      panel.appendChild(tags);
    }
    var r = related(i);
    list('Supported by', r.supporters);
    list('Attacked by', r.attackers);
    if (c.why) { panel.appendChild(el('h2', 'Why')); panel.appendChild(el('pre', c.why)); }
    if (children[i].length) {
      var b = el('button', collapsed[c.id] ? 'Expand the lines under it' : 'Collapse the lines under it', 'collapse');
      b.addEventListener('click', function () { toggle(i); select(i, false); });
      panel.appendChild(b);
    }
    panel.hidden = false;
    if (g && focus) focusNode(g);  // once the panel has taken its room
    if (location.hash !== '#' + encodeURIComponent(c.id)) history.replaceState(null, '', '#' + encodeURIComponent(c.id));
  }
  function closePanel() {
    panel.hidden = true;
    if (selected >= 0 && nodeOf[selected]) nodeOf[selected].classList.remove('selected');
    selected = -1;
  }
  stage.addEventListener('click', function (e) {
    var g = e.target.closest && e.target.closest('g.node');
    if (!g) return;
    var t = g.querySelector('title');
    var i = t ? claimOfNode[t.textContent] : undefined;
    if (i === undefined) return;
    e.preventDefault();
    select(i, false);
  });

  // Collapsing: a claim's outline subtree (and the arrows touching it)
  // hides. Kept by id, so that it survives a new drawing.
  var collapsed = {};
  function toggle(i) {
    collapsed[data.claims[i].id] = !collapsed[data.claims[i].id];
    hideCollapsed();
  }
  function hideCollapsed() {
    var hidden = {};
    function hide(k) { children[k].forEach(function (ch) { hidden[ch] = true; hide(ch); }); }
    data.claims.forEach(function (c, k) { if (collapsed[c.id]) hide(k); });
    data.claims.forEach(function (c, k) {
      if (nodeOf[k]) {
        nodeOf[k].classList.toggle('hidden-by-collapse', !!hidden[k]);
        nodeOf[k].classList.toggle('collapsed', !!collapsed[c.id] && !hidden[k]);
      }
    });
    var junctionHidden = {};
    data.inferences.forEach(function (inf) {
      junctionHidden[inf.node] = inf.premises.every(function (p) { return hidden[p]; });
      var g = byTitle[inf.node];
      if (g) g.classList.toggle('hidden-by-collapse', junctionHidden[inf.node]);
    });
    svg.querySelectorAll('g.edge').forEach(function (g) {
      var t = g.querySelector('title');
      var ends = t ? t.textContent.split('->') : [];
      var gone = ends.some(function (n) {
        if (n in claimOfNode) return !!hidden[claimOfNode[n]];
        return !!junctionHidden[n];
      });
      g.classList.toggle('hidden-by-collapse', gone);
    });
  }

  // Live (argmap serve): a new drawing replaces this one in place, keeping
  // the view, the selection, what is collapsed and the search; while the
  // map is broken the last good drawing stays, with the errors above it.
  function showErrors(errors) {
    errorList.replaceChildren();
    errors.forEach(function (e) {
      var li = el('li', (e.file ? e.file + ':' + e.line + ': ' : '') + e.message);
      errorList.appendChild(li);
    });
    errorList.hidden = errors.length === 0;
    root.classList.toggle('stale', errors.length > 0);
  }
  function update(message) {
    if (message.errors) { showErrors(message.errors); return; }
    var parsed = new DOMParser().parseFromString(message.svg, 'image/svg+xml').documentElement;
    if (!parsed || parsed.nodeName !== 'svg') return;
    var keep = selected >= 0 ? data.claims[selected].id : null;
    var next = document.importNode(parsed, true);
    stage.replaceChild(next, svg);
    svg = next;
    data = message.data;
    selected = -1;
    index();
    hideCollapsed();
    highlight();
    showErrors([]);
    if (keep !== null && keep in byId) select(byId[keep], false);
    else if (keep !== null) closePanel();
    window.argmapPage.updates++;
  }
  if (data.live && window.EventSource) {
    var events = new EventSource(data.live);
    events.onmessage = function (e) { update(JSON.parse(e.data)); };
  }

  // #id focuses its claim, on load and whenever the fragment changes.
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id in byId) select(byId[id], true);
  }
  window.addEventListener('hashchange', fromHash);
  panel.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a.claim');
    if (!a) return;
    e.preventDefault();
    var id = decodeURIComponent(a.getAttribute('href').slice(1));
    if (id in byId) select(byId[id], true);
  });
  window.argmapPage = { view: view, select: select, toggle: toggle, fit: fit, updates: 0 };
  fit();
  if (location.hash.length > 1) fromHash();
})();
