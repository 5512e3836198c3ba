// netpol report: the page's own script. It reads the JSON blob #netpol-data and draws the graph with Cytoscape.js
// (dagre layered layout), plus the connectivity list, the cluster policy tiers, lint findings and coverage. Nothing
// is fetched. Verdicts and explanations come from the analyses; this script only arranges them.
(function () {
  'use strict';
  var started = performance.now();
  var data = JSON.parse(document.getElementById('netpol-data').textContent);
  var parsed = performance.now();
  if (window.cytoscapeDagre) { cytoscape.use(window.cytoscapeDagre); }

  var nodes = data.nodes, edges = data.edges;
  var outEdges = nodes.map(function () { return []; });
  var inEdges = nodes.map(function () { return []; });
  edges.forEach(function (e, i) { outEdges[e.s].push(i); inEdges[e.t].push(i); });
  var workloads = nodes.filter(function (n) { return n.ns; }).length;
  var aggregated = workloads > data.aggregateAbove;
  var namespaces = unique(nodes.filter(function (n) { return n.ns; }).map(function (n) { return n.ns; }));
  var teamOf = {};
  nodes.forEach(function (n) { if (n.ns && n.team) { teamOf[n.ns] = n.team; } });
  var useTeams = aggregated && namespaces.length > 200 && Object.keys(teamOf).length > 0;
  var expandedNs = new Set(aggregated ? [] : namespaces);
  var expandedTeams = new Set();
  var filters = { ns: '', port: '', proto: '', open: false, denied: true, tier: true };
  var clusterPolicies = data.clusterPolicies || [];
  var tierEdges = edges.filter(function (e) { return e.tier; }).length;
  var cy = null;
  var MAX_LIST = 200;

  function unique(xs) { return Array.from(new Set(xs)).sort(); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function title(i) { var n = nodes[i]; return n.ns ? n.ns + '/' + n.label : n.label; }
  function css(name) { return getComputedStyle(document.documentElement).getPropertyValue(name).trim(); }

  // ---- page skeleton
  var header = el('header');
  header.appendChild(el('h1', {}, data.title));
  header.appendChild(el('span', { 'class': 'counts' }, data.counts.workloads + ' workloads, ' + data.counts.pods + ' pods, ' +
    data.counts.namespaces + ' namespaces, ' + data.counts.policies + ' policies, ' +
    (clusterPolicies.length ? clusterPolicies.length + ' cluster policies, ' : '') + data.counts.edges + ' flows'));
  if (data.cni) {
    header.appendChild(el('span', { id: 'cni', 'class': 'cni' }, 'as ' + data.cni.title + ' enforces it (--cni ' + data.cni.name + ')' +
      (data.cni.ignored.length ? '; it ignores ' + data.cni.ignored.join(', ') : '')));
  }
  var nav = el('nav');
  var tabs = clusterPolicies.length ? ['graph', 'matrix', 'tiers', 'lint', 'coverage'] : ['graph', 'matrix', 'lint', 'coverage'];
  var tabNames = { graph: 'Graph', matrix: 'Connectivity', tiers: 'Cluster policies (' + clusterPolicies.length + ')', lint: 'Lint (' + data.lint.findings.length + ')', coverage: 'Coverage' };
  tabs.forEach(function (t) {
    var b = el('button', { 'data-tab': t, id: 'tab-' + t }, tabNames[t]);
    b.addEventListener('click', function () { show(t); });
    nav.appendChild(b);
  });
  header.appendChild(nav);
  document.body.appendChild(header);
  var main = el('main');
  document.body.appendChild(main);
  var sections = {};
  tabs.forEach(function (t) { sections[t] = el('section', { id: 'section-' + t }); main.appendChild(sections[t]); });
  function show(t) {
    tabs.forEach(function (x) {
      sections[x].classList.toggle('active', x === t);
      document.getElementById('tab-' + x).classList.toggle('active', x === t);
    });
    if (t === 'graph' && cy) { cy.resize(); }
  }

  // ---- graph
  var g = sections.graph;
  var bar = el('div', { 'class': 'toolbar' });
  var search = el('input', { id: 'search', type: 'search', placeholder: 'find a workload (Enter)', size: '28' });
  var nsSelect = el('select', { id: 'filter-ns' });
  nsSelect.appendChild(el('option', { value: '' }, 'all namespaces'));
  namespaces.forEach(function (ns) { nsSelect.appendChild(el('option', { value: ns }, ns)); });
  var portInput = el('input', { id: 'filter-port', type: 'number', min: '1', max: '65535', placeholder: 'port', style: 'width:6em' });
  var protoSelect = el('select', { id: 'filter-proto' });
  ['', 'TCP', 'UDP', 'SCTP'].forEach(function (p) { protoSelect.appendChild(el('option', { value: p }, p || 'any protocol')); });
  var openBox = el('input', { id: 'filter-open', type: 'checkbox' });
  var deniedBox = el('input', { id: 'filter-denied', type: 'checkbox' });
  deniedBox.checked = true;
  [search, nsSelect, portInput, protoSelect].forEach(function (x) { bar.appendChild(x); });
  var l1 = el('label'); l1.appendChild(openBox); l1.appendChild(document.createTextNode(' open (unrestricted) flows'));
  var l2 = el('label'); l2.appendChild(deniedBox); l2.appendChild(document.createTextNode(' expected but denied'));
  bar.appendChild(l1); bar.appendChild(l2);
  var tierBox = el('input', { id: 'filter-tier', type: 'checkbox' });
  tierBox.checked = true;
  if (tierEdges) {
    var l3 = el('label'); l3.appendChild(tierBox); l3.appendChild(document.createTextNode(' denied by a cluster policy (' + tierEdges + ')'));
    bar.appendChild(l3);
  }
  var legend = el('span', { id: 'legend', 'class': 'muted' });
  legend.innerHTML = '<span class="k-allowed">── allowed</span><span class="k-denied">- - denied</span><span class="k-open">── open</span>' +
    (tierEdges ? '<span class="k-denied">··· denied by a cluster policy</span>' : '') +
    (aggregated ? '<span>click a namespace or team to expand it, its frame to collapse it</span>' : '');
  bar.appendChild(legend);
  g.appendChild(bar);
  var wrap = el('div', { id: 'graph-wrap' });
  var cyDiv = el('div', { id: 'cy' });
  var details = el('div', { id: 'details' });
  details.appendChild(el('p', { 'class': 'muted' }, 'Click a node or an edge.'));
  wrap.appendChild(cyDiv); wrap.appendChild(details);
  g.appendChild(wrap);

  function portMatches(e) {
    var port = filters.port ? parseInt(filters.port, 10) : null;
    if (!port && !filters.proto) { return true; }
    return e.r.some(function (r) {
      return (!filters.proto || r[0] === filters.proto) && (!port || (r[1] <= port && port <= r[2]));
    });
  }
  function edgeShown(e, allOpen) {
    if (e.k === 'open' && !filters.open && !allOpen) { return false; }
    if (e.k === 'denied' && !filters.denied) { return false; }
    if (e.tier && !filters.tier) { return false; }
    if (filters.ns && nodes[e.s].ns !== filters.ns && nodes[e.t].ns !== filters.ns) { return false; }
    return portMatches(e);
  }
  function nodeShown(i) { return !filters.ns || nodes[i].ns === filters.ns; }
  function unitOf(i) {
    var n = nodes[i];
    if (!n.ns || expandedNs.has(n.ns)) { return 'n' + i; }
    if (useTeams && teamOf[n.ns] && !expandedTeams.has(teamOf[n.ns])) { return 'team:' + teamOf[n.ns]; }
    return 'ns:' + n.ns;
  }

  function elements() {
    var units = new Map();
    var result = [];
    function addUnit(i) {
      var u = unitOf(i);
      if (units.has(u)) { units.get(u).count++; return u; }
      var n = nodes[i];
      var item;
      if (u.indexOf('team:') === 0) {
        item = { data: { id: u, type: 'team', name: u.slice(5) } };
      } else if (u.indexOf('ns:') === 0) {
        item = { data: { id: u, type: 'namespace', name: n.ns } };
      } else {
        item = { data: { id: u, type: n.kind, idx: i, label: n.label } };
        if (n.ns) {
          var box = 'box:' + n.ns;
          if (!units.has(box)) {
            units.set(box, { count: 0, item: { data: { id: box, type: 'nsbox', label: n.ns } } });
          }
          item.data.parent = box;
        }
      }
      units.set(u, { count: 1, item: item });
      return u;
    }
    nodes.forEach(function (n, i) { if (nodeShown(i)) { addUnit(i); } });
    var links = new Map();
    edges.forEach(function (e, i) {
      if (!edgeShown(e)) { return; }
      var s = addUnit(e.s), t = addUnit(e.t);
      if (s === t) { return; }
      var key = s + '>' + t + '>' + e.k + (e.tier ? '>tier' : '');
      var link = links.get(key);
      if (!link) { link = { s: s, t: t, k: e.k, tier: !!e.tier, idx: [], ports: new Set() }; links.set(key, link); }
      link.idx.push(i);
      if (link.ports.size < 4) { link.ports.add(e.p); }
    });
    units.forEach(function (v, k) {
      var d = v.item.data;
      if (d.type === 'team' || d.type === 'namespace') { d.label = d.name + ' (' + v.count + ')'; d.count = v.count; }
      result.push(v.item);
    });
    var k = 0;
    links.forEach(function (l) {
      var ports = Array.from(l.ports);
      var label = l.idx.length === 1 ? ports[0] : l.idx.length + ' flows: ' + ports.slice(0, 3).join(' ') + (ports.length > 3 ? ' …' : '');
      var d = { id: 'e' + (k++), source: l.s, target: l.t, kind: l.k, label: label, idx: l.idx };
      if (l.tier) { d.tier = 'yes'; }
      result.push({ data: d });
    });
    return result;
  }

  function style() {
    return [
      { selector: 'node', style: { 'label': 'data(label)', 'shape': 'round-rectangle', 'width': 'label', 'height': 22, 'padding': '6px',
        'text-valign': 'center', 'font-size': 11, 'color': css('--fg'), 'background-color': css('--box'), 'border-width': 1, 'border-color': css('--fg') } },
      { selector: 'node[type="external"]', style: { 'shape': 'hexagon', 'background-color': css('--ext') } },
      { selector: 'node[type="dns"]', style: { 'shape': 'ellipse', 'background-color': css('--dns') } },
      { selector: 'node[type="namespace"], node[type="team"]', style: { 'background-color': css('--ns'), 'border-style': 'dashed', 'font-weight': 'bold' } },
      { selector: 'node[type="nsbox"]', style: { 'text-valign': 'top', 'text-halign': 'center', 'background-color': css('--ns'), 'background-opacity': 0.6,
        'border-style': 'dashed', 'border-color': css('--muted'), 'font-weight': 'bold', 'color': css('--muted') } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': css('--accent') } },
      { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'width': 1.5, 'line-color': css('--ok'),
        'target-arrow-color': css('--ok'), 'label': 'data(label)', 'font-size': 9, 'color': css('--fg'), 'text-background-color': css('--bg'),
        'text-background-opacity': 0.85, 'text-background-padding': '1px', 'text-rotation': 'autorotate' } },
      { selector: 'edge[kind="denied"]', style: { 'line-style': 'dashed', 'line-color': css('--no'), 'target-arrow-color': css('--no'), 'target-arrow-shape': 'tee' } },
      { selector: 'edge[tier="yes"]', style: { 'line-style': 'dotted' } },
      { selector: 'edge[kind="open"]', style: { 'line-color': css('--open'), 'target-arrow-color': css('--open'), 'width': 1 } },
      { selector: 'edge:selected', style: { 'width': 3 } },
    ];
  }

  var layoutMs = 0;
  function build(after) {
    var t = performance.now();
    var els = elements();
    window.netpol.timings.lastElements = performance.now() - t;
    if (!cy) {
      cy = cytoscape({ container: cyDiv, elements: els, style: style(), wheelSensitivity: 0.3, minZoom: 0.02, maxZoom: 4 });
      cy.on('tap', 'node', function (ev) { onNode(ev.target); });
      cy.on('tap', 'edge', function (ev) { onEdge(ev.target); });
    } else {
      cy.elements().remove();
      cy.add(els);
    }
    var count = cy.nodes().length;
    var layout = count <= 400 && window.cytoscapeDagre
      ? { name: 'dagre', rankDir: 'LR', nodeSep: 12, rankSep: 70, edgeSep: 8, animate: false, fit: true, padding: 20 }
      : { name: 'grid', avoidOverlap: true, animate: false, fit: true, padding: 20 };
    var run = cy.layout(layout);
    run.one('layoutstop', function () {
      layoutMs = performance.now() - t;
      window.netpol.timings.lastLayout = layoutMs;
      window.netpol.timings.lastEdges = cy.edges().length;
      window.netpol.timings.layout = window.netpol.timings.layout || layoutMs;
      if (after) { after(); }
    });
    run.run();
  }

  function list(parent, items, render) {
    var ul = el('ul');
    items.slice(0, MAX_LIST).forEach(function (x) { ul.appendChild(render(x)); });
    parent.appendChild(ul);
    if (items.length > MAX_LIST) { parent.appendChild(el('p', { 'class': 'muted' }, '… and ' + (items.length - MAX_LIST) + ' more')); }
    if (items.length === 0) { parent.appendChild(el('p', { 'class': 'muted' }, 'none')); }
  }
  function flowItem(i, far) {
    var e = edges[i];
    var li = el('li', { 'class': 'k-' + e.k }, title(far) + '  ' + e.p + (e.k === 'denied' ? ' (' + verdictOf(e) + ')' : e.k === 'open' ? ' (open)' : '') + (e.partial ? ' (some pods)' : ''));
    return li;
  }
  // A tier-denied flow says which tier denied it, as the analysis found it.
  function verdictOf(e) { return e.tier ? 'denied by the ' + e.tier + ' tier' : e.k; }
  function tierLine(t) { return '[' + t.tier + '] ' + t.policy + ' priority ' + t.priority + ' (' + t.direction + ')'; }
  function onNode(n) {
    var d = n.data();
    if (d.type === 'team') { expandedTeams.add(d.name); build(); return details.replaceChildren(el('p', {}, 'Team ' + d.name + ': ' + d.count + ' workloads, expanded.')); }
    if (d.type === 'namespace') { expandedNs.add(d.name); build(); return details.replaceChildren(el('p', {}, 'Namespace ' + d.name + ': ' + d.count + ' workloads, expanded.')); }
    if (d.type === 'nsbox') {
      if (aggregated) { expandedNs.delete(d.label); build(); }
      return details.replaceChildren(el('h3', {}, d.label));
    }
    showNode(d.idx);
  }
  function showNode(i) {
    var n = nodes[i];
    details.replaceChildren();
    details.appendChild(el('h3', { id: 'details-title' }, title(i)));
    details.appendChild(el('p', { 'class': 'muted' }, n.kind + (n.pods ? ', ' + n.pods + ' pod' + (n.pods === 1 ? '' : 's') : '') + (n.address ? ', ipBlock ' + n.address : '')));
    if (n.kind !== 'external') {
      details.appendChild(el('h4', {}, 'Labels'));
      var labels = Object.keys(n.labels).map(function (k) { return k + '=' + n.labels[k]; });
      list(details, labels, function (x) { return el('li', {}, x); });
      details.appendChild(el('h4', {}, 'Policies selecting it'));
      var tiers = n.tiers || [];
      var cluster = new Set(tiers.map(function (t) { return t.policy; }));
      var own = function (p) { return !cluster.has(p); };
      var pol = n.ingressPolicies.filter(own).map(function (p) { return p + ' (ingress)'; }).concat(n.egressPolicies.filter(own).map(function (p) { return p + ' (egress)'; }));
      var box = el('div', { id: 'details-policies' });
      list(box, pol, function (x) { return el('li', {}, x); });
      details.appendChild(box);
      if (clusterPolicies.length) {
        details.appendChild(el('h4', {}, 'Cluster policies governing it'));
        var tbox = el('div', { id: 'details-tiers' });
        list(tbox, tiers, function (t) { return el('li', { 'class': 'tier-' + t.tier.toLowerCase() }, tierLine(t)); });
        details.appendChild(tbox);
      }
      details.appendChild(el('p', { 'class': 'muted' }, 'ingress ' + (n.ingressIsolated ? 'isolated' : 'not isolated') + ', egress ' + (n.egressIsolated ? 'isolated' : 'not isolated') +
        (n.self ? '; between its own pods: ' + n.self : '')));
    }
    details.appendChild(el('h4', {}, 'Who can reach it'));
    list(details, inEdges[i].filter(function (x) { return edges[x].k !== 'denied'; }), function (x) { return flowItem(x, edges[x].s); });
    details.appendChild(el('h4', {}, 'Whom it can reach'));
    list(details, outEdges[i].filter(function (x) { return edges[x].k !== 'denied'; }), function (x) { return flowItem(x, edges[x].t); });
    var denied = inEdges[i].concat(outEdges[i]).filter(function (x) { return edges[x].k === 'denied'; });
    if (denied.length) {
      details.appendChild(el('h4', {}, 'Expected but denied'));
      list(details, denied, function (x) { return el('li', { 'class': 'k-denied' }, title(edges[x].s) + ' → ' + title(edges[x].t) + '  ' + edges[x].p + (edges[x].tier ? ' (' + verdictOf(edges[x]) + ')' : '')); });
    }
  }
  function showEdge(i) {
    var e = edges[i];
    details.appendChild(el('h3', {}, title(e.s) + ' → ' + title(e.t)));
    details.appendChild(el('p', { 'class': 'k-' + e.k }, verdictOf(e) + ' on ' + e.p + (e.partial ? ' (some pod pairs only)' : '')));
    if (e.tier) {
      details.appendChild(el('p', { id: 'details-tier-note', 'class': 'muted' }, 'NetworkPolicy alone would allow this flow; a cluster network policy denies it.'));
    }
    if (e.decided) {
      var ul = el('ul', { id: 'details-decided' });
      e.decided.forEach(function (d) {
        var by = d.reference ? d.reference + ' ' + d.action + (d.ruleName ? ' (rule "' + d.ruleName + '")' : '')
          : d.by === 'networkPolicy' ? 'NetworkPolicy' : d.by === 'default' ? 'the default allow' : d.by;
        ul.appendChild(el('li', { 'class': d.allowed ? 'k-allowed' : 'k-denied' }, d.side + ': ' + (d.allowed ? 'allowed' : 'denied') + ' by ' + by));
      });
      details.appendChild(el('h4', {}, 'Decided by'));
      details.appendChild(ul);
    }
    var first = e.r[0];
    details.appendChild(el('pre', { 'class': 'why' }, e.why || ('netpol check -f ... --from ' + title(e.s) + ' --to ' + title(e.t) + ' --port ' + first[1] + '/' + first[0])));
  }
  function onEdge(edge) {
    var idx = edge.data('idx');
    details.replaceChildren();
    if (idx.length === 1) { return showEdge(idx[0]); }
    details.appendChild(el('h3', {}, idx.length + ' flows'));
    list(details, idx, function (x) { return el('li', { 'class': 'k-' + edges[x].k }, title(edges[x].s) + ' → ' + title(edges[x].t) + '  ' + edges[x].p); });
  }
  function refilter() {
    filters.ns = nsSelect.value; filters.port = portInput.value; filters.proto = protoSelect.value;
    filters.open = openBox.checked; filters.denied = deniedBox.checked; filters.tier = tierBox.checked;
    if (filters.ns && aggregated) { expandedNs.add(filters.ns); }
    build();
    renderMatrix();
  }
  [nsSelect, protoSelect, openBox, deniedBox, tierBox].forEach(function (x) { x.addEventListener('change', refilter); });
  portInput.addEventListener('change', refilter);
  search.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Enter') { return; }
    var q = search.value.trim().toLowerCase();
    if (!q) { return; }
    var i = nodes.findIndex(function (n, k) { return title(k).toLowerCase().indexOf(q) >= 0; });
    if (i < 0) { details.replaceChildren(el('p', {}, 'No workload matches "' + search.value + '".')); return; }
    var n = nodes[i];
    if (n.ns) { expandedNs.add(n.ns); if (teamOf[n.ns]) { expandedTeams.add(teamOf[n.ns]); } }
    if (filters.ns && filters.ns !== n.ns) { nsSelect.value = ''; filters.ns = ''; }
    build(function () {
      var target = cy.getElementById('n' + i);
      cy.elements().unselect();
      target.select();
      cy.animate({ center: { eles: target }, zoom: Math.max(cy.zoom(), 1) }, { duration: 0 });
    });
    showNode(i);
  });

  // ---- connectivity: every flow as a sortable, filterable, paged table (the sparse form of the matrix)
  var m = sections.matrix;
  var mBar = el('div', { 'class': 'toolbar' });
  var mFilter = el('input', { id: 'matrix-filter', type: 'search', placeholder: 'filter rows', size: '30' });
  mBar.appendChild(mFilter);
  mBar.appendChild(el('span', { 'class': 'muted' }, 'One row per flow between workloads (the connectivity matrix without its empty cells); the graph filters apply too.'));
  m.appendChild(mBar);
  // Small clusters also get the grid people know from netpol matrix: sources down, destinations across.
  var GRID_MAX = 40;
  var mGrid = el('div', { id: 'matrix-grid-box' });
  m.appendChild(mGrid);
  var mTable = el('table', { id: 'matrix' });
  m.appendChild(mTable);
  var mPager = el('div', { 'class': 'pager' });
  m.appendChild(mPager);
  var mSort = { col: 0, dir: 1 }, mPage = 0, PAGE = 100;
  var mCols = [['from', function (e) { return title(e.s); }], ['to', function (e) { return title(e.t); }], ['ports', function (e) { return e.p; }], ['verdict', function (e) { return verdictOf(e) + (e.partial ? ' (some pods)' : ''); }]];
  mFilter.addEventListener('input', function () { mPage = 0; renderMatrix(); });
  function renderGrid() {
    mGrid.replaceChildren();
    var shown = nodes.map(function (n, i) { return i; }).filter(nodeShown);
    if (shown.length > GRID_MAX) {
      mGrid.appendChild(el('p', { 'class': 'muted' }, shown.length + ' nodes: too many for a grid, so only the table below (filter by namespace to get a grid).'));
      return;
    }

    var cell = new Map();
    edges.forEach(function (e) {
      // Every-port flows between ends no policy isolates are hidden in the graph by default, never in the grid.
      // A pair with allowed ports and ports a cluster policy denies shows as allowed; the hover lists the ports.
      var key = e.s + '>' + e.t;
      if (edgeShown(e, true) && !(cell.has(key) && e.k === 'denied')) { cell.set(key, e); }
    });
    var grid = el('table', { id: 'matrix-grid', 'class': 'grid' });
    var head = el('tr');
    head.appendChild(el('th', {}, ''));
    shown.forEach(function (j, c) { head.appendChild(el('th', { title: title(j) }, String(c + 1))); });
    grid.appendChild(head);
    shown.forEach(function (i, r) {
      var tr = el('tr');
      tr.appendChild(el('th', { 'class': 'row' }, (r + 1) + ' ' + title(i)));
      shown.forEach(function (j) {
        var e = cell.get(i + '>' + j);
        var kind = e ? e.k : 'none';
        var mark = i === j ? '·' : !e ? '' : e.k === 'denied' ? '✗' : e.partial ? '~' : '✓';
        var tip = title(i) + ' → ' + title(j) + (e ? ': ' + e.p + ' (' + e.k + (e.partial ? ', some pods' : '') + ')' : i === j ? '' : ': nothing allowed');
        tr.appendChild(el('td', { 'class': 'k-' + kind, 'data-kind': kind, 'data-from': title(i), 'data-to': title(j), title: tip }, mark));
      });
      grid.appendChild(tr);
    });
    mGrid.appendChild(grid);
    mGrid.appendChild(el('p', { 'class': 'muted' }, '✓ allowed (hover for the ports), ~ for some pods of the workload, ✗ expected but denied, empty: nothing allowed.'));
  }

  function renderMatrix() {
    renderGrid();
    var q = mFilter.value.trim().toLowerCase();
    var rows = [];
    edges.forEach(function (e) {
      if (!edgeShown(e)) { return; }
      var cells = mCols.map(function (c) { return c[1](e); });
      if (q && cells.join(' ').toLowerCase().indexOf(q) < 0) { return; }
      rows.push({ cells: cells, k: e.k });
    });
    rows.sort(function (a, b) { return a.cells[mSort.col] < b.cells[mSort.col] ? -mSort.dir : a.cells[mSort.col] > b.cells[mSort.col] ? mSort.dir : 0; });
    var pages = Math.max(1, Math.ceil(rows.length / PAGE));
    mPage = Math.min(mPage, pages - 1);
    mTable.replaceChildren();
    var head = el('tr');
    mCols.forEach(function (c, k) {
      var th = el('th', { 'class': k === mSort.col ? (mSort.dir > 0 ? 'sorted-asc' : 'sorted-desc') : '' }, c[0]);
      th.addEventListener('click', function () { mSort = { col: k, dir: mSort.col === k ? -mSort.dir : 1 }; renderMatrix(); });
      head.appendChild(th);
    });
    mTable.appendChild(head);
    rows.slice(mPage * PAGE, (mPage + 1) * PAGE).forEach(function (r) {
      var tr = el('tr');
      r.cells.forEach(function (c, k) { tr.appendChild(el('td', k === 3 ? { 'class': 'k-' + r.k } : {}, c)); });
      mTable.appendChild(tr);
    });
    mPager.replaceChildren();
    var prev = el('button', {}, '‹ previous'), next = el('button', {}, 'next ›');
    prev.disabled = mPage === 0; next.disabled = mPage >= pages - 1;
    prev.addEventListener('click', function () { mPage--; renderMatrix(); });
    next.addEventListener('click', function () { mPage++; renderMatrix(); });
    mPager.appendChild(prev);
    mPager.appendChild(el('span', { id: 'matrix-page' }, 'page ' + (mPage + 1) + ' of ' + pages + ' (' + rows.length + ' rows)'));
    mPager.appendChild(next);
  }

  // ---- cluster policies: the evaluation order as a cluster admin reads it
  function renderTiers(section) {
    section.appendChild(el('p', {}, 'Each side of a connection is decided in this order: the Admin tier by priority (Accept and Deny are final, ' +
      'Pass skips the rest of the tier), then NetworkPolicy for pods it isolates, then the Baseline tier, then the default allow.'));
    var ol = el('ol', { id: 'tiers', 'class': 'tiers' });
    function policyItem(p) {
      var li = el('li', { 'class': 'tier-item tier-' + p.tier.toLowerCase() + (p.ignored ? ' ignored' : ''), 'data-tier': p.tier, 'data-policy': p.name });
      var head = el('div', { 'class': 'tier-head' });
      head.appendChild(el('span', { 'class': 'tier-label' }, '[' + p.tier + ']'));
      head.appendChild(el('span', { 'class': 'tier-priority' }, ' priority ' + p.priority + ' '));
      head.appendChild(el('strong', { 'class': 'tier-name' }, p.name));
      head.appendChild(el('span', { 'class': 'muted' }, ' ' + p.kind + (p.ignored && data.cni ? ' — ignored by ' + data.cni.title : '')));
      li.appendChild(head);
      li.appendChild(el('div', { 'class': 'tier-subject' }, 'subject: ' + p.subject + ' — ' +
        (p.namespaces.length ? 'namespaces ' + p.namespaces.join(', ') : 'no namespace of the input') + '; ' + p.pods + ' pod' + (p.pods === 1 ? '' : 's')));
      var t = el('table', { 'class': 'rules' });
      var h = el('tr');
      ['rule', 'action', 'peers', 'ports'].forEach(function (x) { h.appendChild(el('th', {}, x)); });
      t.appendChild(h);
      p.rules.forEach(function (r) {
        var tr = el('tr');
        tr.appendChild(el('td', {}, r.direction + '[' + r.index + ']' + (r.name ? ' "' + r.name + '"' : '')));
        tr.appendChild(el('td', { 'class': 'act-' + r.action.toLowerCase() }, r.action));
        tr.appendChild(el('td', {}, (r.direction === 'ingress' ? 'from ' : 'to ') + r.peers.join(' or ') + ' (' + r.peerPods + ' pod' + (r.peerPods === 1 ? '' : 's') + ')' +
          (r.dependsOnDns ? '; depends on DNS' : '')));
        tr.appendChild(el('td', {}, r.ports.length ? r.ports.join(', ') : 'every port'));
        t.appendChild(tr);
      });
      li.appendChild(t);
      return li;
    }
    clusterPolicies.filter(function (p) { return p.tier === 'Admin'; }).forEach(function (p) { ol.appendChild(policyItem(p)); });
    var np = el('li', { 'class': 'tier-item tier-networkpolicy', 'data-tier': 'NetworkPolicy' });
    var npHead = el('div', { 'class': 'tier-head' });
    npHead.appendChild(el('span', { 'class': 'tier-label' }, '[NetworkPolicy]'));
    npHead.appendChild(el('span', {}, ' ' + data.counts.policies + ' NetworkPolic' + (data.counts.policies === 1 ? 'y' : 'ies') + ' in ' + data.networkPolicyNamespaces +
      ' namespace' + (data.networkPolicyNamespaces === 1 ? '' : 's') + ', written by namespace owners: they decide for the pods they isolate'));
    np.appendChild(npHead);
    ol.appendChild(np);
    clusterPolicies.filter(function (p) { return p.tier === 'Baseline'; }).forEach(function (p) { ol.appendChild(policyItem(p)); });
    var def = el('li', { 'class': 'tier-item tier-default', 'data-tier': 'Default' });
    def.appendChild(el('div', { 'class': 'tier-head' }, '[Default] allow'));
    ol.appendChild(def);
    section.appendChild(ol);
  }
  if (sections.tiers) { renderTiers(sections.tiers); }

  // ---- lint
  var lt = sections.lint;
  lt.appendChild(el('p', {}, data.lint.errors + ' errors, ' + data.lint.warnings + ' warnings, ' + data.lint.info + ' info'));
  var lBar = el('div', { 'class': 'toolbar' });
  var lFilter = el('input', { id: 'lint-filter', type: 'search', placeholder: 'filter findings', size: '30' });
  var lSev = el('select', { id: 'lint-severity' });
  ['', 'error', 'warning', 'info'].forEach(function (s) { lSev.appendChild(el('option', { value: s }, s || 'every severity')); });
  lBar.appendChild(lFilter); lBar.appendChild(lSev);
  lt.appendChild(lBar);
  var lTable = el('table', { id: 'lint' });
  lt.appendChild(lTable);
  function renderLint() {
    var q = lFilter.value.trim().toLowerCase();
    lTable.replaceChildren();
    var head = el('tr');
    ['severity', 'rule', 'object', 'where', 'finding and fix'].forEach(function (h) { head.appendChild(el('th', {}, h)); });
    lTable.appendChild(head);
    data.lint.findings.forEach(function (f) {
      if (lSev.value && f.severity !== lSev.value) { return; }
      if (q && [f.rule, f.object, f.message, f.at].join(' ').toLowerCase().indexOf(q) < 0) { return; }
      var tr = el('tr');
      tr.appendChild(el('td', { 'class': 'sev-' + f.severity }, f.severity));
      tr.appendChild(el('td', {}, f.rule));
      tr.appendChild(el('td', {}, f.object));
      tr.appendChild(el('td', {}, f.at + (f.path ? ' ' + f.path : '')));
      var td = el('td');
      td.appendChild(el('div', {}, f.message));
      if (f.fix) { td.appendChild(el('pre', {}, 'fix: ' + f.fix)); }
      tr.appendChild(td);
      lTable.appendChild(tr);
    });
  }
  lFilter.addEventListener('input', renderLint);
  lSev.addEventListener('change', renderLint);

  // ---- coverage
  var cv = sections.coverage;
  function pct(part, total) { return total ? Math.floor(part * 1000 / total) / 10 : 0; }
  function barCell(part, total) {
    var td = el('td');
    var b = el('span', { 'class': 'bar' });
    b.appendChild(el('span', { style: 'width:' + pct(part, total) + '%' }));
    td.appendChild(b);
    td.appendChild(document.createTextNode(' ' + pct(part, total) + '%'));
    return td;
  }
  var s = data.coverage.summary;
  cv.appendChild(el('p', {}, 'ingress: ' + s.ingress + ' of ' + s.pods + ' pods isolated (' + pct(s.ingress, s.pods) + '%); egress: ' + s.egress +
    ' of ' + s.pods + ' (' + pct(s.egress, s.pods) + '%); ' + s.open + ' isolated in neither direction'));
  var cTable = el('table', { id: 'coverage' });
  var ch = el('tr');
  ['namespace', 'pods', 'ingress', 'egress', 'default deny'].forEach(function (h) { ch.appendChild(el('th', {}, h)); });
  cTable.appendChild(ch);
  data.coverage.namespaces.forEach(function (ns) {
    var tr = el('tr');
    tr.appendChild(el('td', {}, ns.name));
    tr.appendChild(el('td', {}, String(ns.counts.pods)));
    tr.appendChild(barCell(ns.counts.ingress, ns.counts.pods));
    tr.appendChild(barCell(ns.counts.egress, ns.counts.pods));
    tr.appendChild(el('td', {}, ns.defaultDeny));
    cTable.appendChild(tr);
  });
  cv.appendChild(cTable);

  window.netpol = { data: data, timings: { parse: parsed - started }, workloads: workloads, aggregated: aggregated };
  show('graph');
  renderMatrix();
  renderLint();
  build(function () {
    window.netpol.cy = cy;
    window.netpol.timings.total = performance.now() - started;
    document.body.setAttribute('data-ready', 'true');
  });
})();
