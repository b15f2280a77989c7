// The playground page: sheet tabs, a grid of computed values, a formula bar, the add-on's menu
// items as buttons, file loading, charts drawn as SVG. All text goes in through textContent.
// The page and the sidebar speak the browser's language (navigator.language).
(function () {
  'use strict';
  var state = { sheet: null, selected: null, data: null };
  var $ = function (id) { return document.getElementById(id); };
  var locale = navigator.language || 'en';
  var sidebarUrl = '/sidebar?lang=' + encodeURIComponent(locale);

  // The page's own texts from the add-on's catalogue: elements name their message in
  // data-text (content), data-placeholder or data-title (attributes).
  function translatePage() {
    return fetch('/api/messages?lang=' + encodeURIComponent(locale)).then(function (r) { return r.json(); }).then(function (result) {
      var messages = result.messages;
      document.documentElement.lang = result.language;
      document.querySelectorAll('[data-text]').forEach(function (node) {
        if (messages[node.dataset.text]) node.textContent = messages[node.dataset.text];
      });
      document.querySelectorAll('[data-placeholder]').forEach(function (node) {
        if (messages[node.dataset.placeholder]) node.setAttribute('placeholder', messages[node.dataset.placeholder]);
      });
      document.querySelectorAll('[data-title]').forEach(function (node) {
        if (messages[node.dataset.title]) node.setAttribute('title', messages[node.dataset.title]);
      });
    });
  }

  function letters(col) {
    var s = '';
    for (var n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }

  function message(text) { $('message').textContent = text || ''; }

  function load(sheet) {
    var query = sheet ? '?sheet=' + encodeURIComponent(sheet) : '';
    return fetch('/api/workbook' + query).then(function (r) { return r.json(); }).then(function (data) {
      state.data = data;
      state.sheet = data.sheet.name;
      render();
    });
  }

  function render() {
    var data = state.data;
    var tabs = $('tabs');
    tabs.replaceChildren();
    data.names.forEach(function (name) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = name;
      if (name === state.sheet) button.className = 'active';
      button.addEventListener('click', function () { state.selected = null; load(name); });
      tabs.append(button);
    });
    var sheet = data.sheet;
    var width = Math.max(8, sheet.display.reduce(function (w, row) { return Math.max(w, row.length); }, 0));
    var grid = $('grid');
    grid.replaceChildren();
    var head = document.createElement('tr');
    head.append(document.createElement('th'));
    for (var c = 0; c < width; c++) { var th = document.createElement('th'); th.textContent = letters(c); head.append(th); }
    grid.append(head);
    var rows = Math.max(sheet.display.length + 5, 30);
    for (var r = 0; r < rows; r++) {
      var tr = document.createElement('tr');
      var rowHead = document.createElement('th');
      rowHead.textContent = String(r + 1);
      tr.append(rowHead);
      for (var k = 0; k < width; k++) {
        var td = document.createElement('td');
        var text = (sheet.display[r] && sheet.display[r][k]) || '';
        td.textContent = text;
        td.dataset.a1 = letters(k) + (r + 1);
        if (/^-?[\d.,]+%?$/.test(text)) td.className = 'num';
        // An error's message on hover, as Sheets shows it; and under the formula bar when clicked.
        if (sheet.errors && sheet.errors[r + ':' + k]) td.title = sheet.errors[r + ':' + k];
        if (state.selected === td.dataset.a1) td.classList.add('selected');
        td.addEventListener('click', select);
        tr.append(td);
      }
      grid.append(tr);
    }
    drawCharts(sheet.charts);
    if (state.selected) showFormula(state.selected);
  }

  function cellOf(a1) {
    var m = /^([A-Z]+)(\d+)$/.exec(a1);
    var col = 0;
    for (var i = 0; i < m[1].length; i++) col = col * 26 + m[1].charCodeAt(i) - 64;
    return { row: Number(m[2]) - 1, col: col - 1 };
  }

  function showFormula(a1) {
    var at = cellOf(a1);
    var sheet = state.data.sheet;
    var formula = sheet.formulas[at.row] && sheet.formulas[at.row][at.col];
    $('cell-name').textContent = a1;
    $('formula').value = formula || (sheet.display[at.row] && sheet.display[at.row][at.col]) || '';
    $('cell-error').textContent = (sheet.errors && sheet.errors[at.row + ':' + at.col]) || '';
  }

  function select(event) {
    state.selected = event.currentTarget.dataset.a1;
    document.querySelectorAll('td.selected').forEach(function (td) { td.classList.remove('selected'); });
    event.currentTarget.classList.add('selected');
    showFormula(state.selected);
    $('formula').focus();
  }

  $('formula').addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || !state.selected) return;
    fetch('/api/cell', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sheet: state.sheet, a1: state.selected, input: $('formula').value }) })
      .then(function () { return load(state.sheet); });
  });

  function drawCharts(charts) {
    var box = $('charts');
    box.replaceChildren();
    var NS = 'http://www.w3.org/2000/svg';
    var colours = ['#1a73e8', '#e8710a', '#188038'];
    charts.forEach(function (chart) {
      var w = 520, h = 240, pad = 36;
      var svg = document.createElementNS(NS, 'svg');
      svg.setAttribute('width', w); svg.setAttribute('height', h); svg.setAttribute('class', 'chart');
      var title = document.createElementNS(NS, 'text');
      title.setAttribute('x', pad); title.setAttribute('y', 18); title.textContent = chart.title;
      svg.append(title);
      var all = [];
      chart.series.forEach(function (s) { s.points.forEach(function (p) { if (p !== null) all.push(p); }); });
      var max = Math.max.apply(null, all.concat([0.0001]));
      var n = Math.max(chart.labels.length, 2);
      chart.series.forEach(function (s, i) {
        var points = [];
        s.points.forEach(function (p, j) { if (p !== null) points.push((pad + (j * (w - 2 * pad)) / (n - 1)) + ',' + (h - pad - (p / max) * (h - 2 * pad))); });
        var line = document.createElementNS(NS, 'polyline');
        line.setAttribute('points', points.join(' '));
        line.setAttribute('fill', 'none'); line.setAttribute('stroke', colours[i % 3]); line.setAttribute('stroke-width', '2');
        svg.append(line);
        var legend = document.createElementNS(NS, 'text');
        legend.setAttribute('x', w - 180); legend.setAttribute('y', 18 + 14 * i); legend.setAttribute('fill', colours[i % 3]);
        legend.textContent = s.name;
        svg.append(legend);
      });
      box.append(svg);
    });
  }

  function upload(file) {
    message('');
    file.arrayBuffer().then(function (buffer) {
      return fetch('/api/upload?lang=' + encodeURIComponent(locale) + '&name=' + encodeURIComponent(file.name), { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: buffer });
    }).then(function (r) { return r.json(); }).then(function (result) {
      if (result.error) { message(result.error); return; }
      state.selected = null;
      return load(result.name).then(function () { $('sidebar').src = sidebarUrl; });
    });
  }

  $('file').addEventListener('change', function (event) { if (event.target.files[0]) upload(event.target.files[0]); });
  var drop = $('drop');
  drop.addEventListener('dragover', function (event) { event.preventDefault(); drop.className = 'over'; });
  drop.addEventListener('dragleave', function () { drop.className = ''; });
  drop.addEventListener('drop', function (event) { event.preventDefault(); drop.className = ''; if (event.dataTransfer.files[0]) upload(event.dataTransfer.files[0]); });

  $('menu-build').addEventListener('click', function () { $('sidebar').src = sidebarUrl; });
  $('menu-template').addEventListener('click', function () {
    fetch('/api/template?example=true', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then(function () { state.selected = null; return load(null); });
  });
  window.addEventListener('message', function (event) {
    if (event.data && event.data.type === 'workbook-changed') load(null);
  });
  $('sidebar').src = sidebarUrl;
  translatePage();
  load(null);
})();
