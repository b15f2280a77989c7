// The playground page: sheet tabs, a grid of computed values, a formula bar, the add-on's menu
// items as buttons, file loading, charts drawn as SVG. All text goes in through textContent.
// The page and the sidebar speak the browser's language (navigator.language).
// A sheet may hold hundreds of thousands of rows: the grid draws only the rows in view (all rows
// have one height, so spacers above and below stand in for the others), and asks the server for
// the rows it has not got yet (/api/sheet?name=&from=&count=).
(function () {
  'use strict';
  // rows: the window of rows the page holds ({ from, display, formulas, errors }).
  var state = { sheet: null, selected: null, data: null, rows: null, rowHeight: 0, fetching: null };
  var BLOCK = 300; // rows fetched at a time
  var OVERSCAN = 10; // rows drawn beyond the view, above and below
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

  // Reloads the workbook; the same sheet keeps its scroll position.
  function load(sheet) {
    var same = sheet === null ? state.sheet !== null : sheet === state.sheet;
    var from = same ? Math.max(0, firstInView() - OVERSCAN) : 0;
    var query = '?from=' + from + '&count=' + BLOCK + (sheet ? '&sheet=' + encodeURIComponent(sheet) : '');
    return fetch('/api/workbook' + query).then(function (r) { return r.json(); }).then(function (data) {
      if (data.sheet.name !== state.sheet) $('grid-wrap').scrollTop = 0;
      state.data = data;
      state.sheet = data.sheet.name;
      state.rows = data.sheet;
      render();
    });
  }

  function totalRows() { return Math.max(state.data.sheet.rowCount + 5, 30); }

  function firstInView() {
    if (!state.rowHeight) return 0;
    return Math.max(0, Math.floor(($('grid-wrap').scrollTop - headHeight()) / state.rowHeight));
  }

  function headHeight() { var head = $('grid').rows[0]; return head ? head.offsetHeight : 0; }

  function rowsInView() { return Math.ceil($('grid-wrap').clientHeight / (state.rowHeight || 20)) + 1; }

  // The held window's cell at a sheet position, or undefined outside it.
  function held(kind, row, col) {
    var rows = state.rows;
    if (!rows || row < rows.from || row >= rows.from + rows[kind].length) return undefined;
    return rows[kind][row - rows.from][col];
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
    drawRows();
    drawCharts(data.sheet.charts);
    if (state.selected) showFormula(state.selected);
  }

  function spacer(rows, width) {
    var tr = document.createElement('tr');
    tr.className = 'spacer';
    var td = document.createElement('td');
    td.colSpan = width + 1;
    td.style.height = rows * state.rowHeight + 'px';
    tr.append(td);
    return tr;
  }

  // Draws the rows in view (and a few around them) between two spacers.
  function drawRows() {
    var sheet = state.data.sheet;
    var width = Math.max(8, sheet.width || 0);
    var rows = totalRows();
    // Measured before the old rows go: an emptied table would pull the scroll position back to 0.
    var first = Math.max(0, firstInView() - OVERSCAN);
    var last = Math.min(rows, first + rowsInView() + 2 * OVERSCAN);
    // The new rows are put together apart and replace the old ones in one step, for the same reason.
    var grid = document.createDocumentFragment();
    var head = document.createElement('tr');
    head.append(document.createElement('th'));
    for (var c = 0; c < width; c++) { var th = document.createElement('th'); th.textContent = letters(c); head.append(th); }
    grid.append(head);
    if (state.rowHeight && first > 0) grid.append(spacer(first, width));
    for (var r = first; r < last; r++) {
      var tr = document.createElement('tr');
      var rowHead = document.createElement('th');
      rowHead.textContent = String(r + 1);
      tr.append(rowHead);
      for (var k = 0; k < width; k++) {
        var td = document.createElement('td');
        var text = held('display', r, k) || '';
        td.textContent = text;
        td.dataset.a1 = letters(k) + (r + 1);
        if (/^-?[\d.,]+%?$/.test(text)) td.className = 'num';
        // An error's message on hover, as Sheets shows it; and under the formula bar when clicked.
        var error = state.rows.errors && state.rows.errors[r + ':' + k];
        if (error) td.title = error;
        if (state.selected === td.dataset.a1) td.classList.add('selected');
        td.addEventListener('click', select);
        tr.append(td);
      }
      grid.append(tr);
    }
    if (state.rowHeight && last < rows) grid.append(spacer(rows - last, width));
    $('grid').replaceChildren(grid);
    // Every row has the height of the first one drawn; the spacers are sized by it.
    if (!state.rowHeight && last > first) {
      state.rowHeight = $('grid').rows[1].offsetHeight;
      if (last < rows) $('grid').append(spacer(rows - last, width));
    }
    fetchMissing(first, last);
  }

  // Asks for the rows in view that the page does not hold yet, then draws them.
  function fetchMissing(first, last) {
    var rows = state.rows;
    var end = Math.min(last, state.data.sheet.rowCount);
    if (first >= end || (rows && first >= rows.from && end <= rows.from + rows.display.length)) return;
    var from = Math.max(0, first - Math.floor((BLOCK - (last - first)) / 2));
    var key = state.sheet + ':' + from;
    if (state.fetching === key) return;
    state.fetching = key;
    var sheet = state.sheet;
    fetch('/api/sheet?name=' + encodeURIComponent(sheet) + '&from=' + from + '&count=' + BLOCK).then(function (r) { return r.json(); }).then(function (result) {
      if (state.fetching === key) state.fetching = null;
      if (result.error || sheet !== state.sheet) return;
      state.rows = result;
      drawRows();
    });
  }

  var scheduled = false;
  $('grid-wrap').addEventListener('scroll', function () {
    if (scheduled || !state.data) return;
    scheduled = true;
    requestAnimationFrame(function () { scheduled = false; drawRows(); });
  });

  function cellOf(a1) {
    var m = /^([A-Z]+)(\d+)$/.exec(a1);
    var col = 0;
    for (var i = 0; i < m[1].length; i++) col = col * 26 + m[1].charCodeAt(i) - 64;
    return { row: Number(m[2]) - 1, col: col - 1 };
  }

  function showFormula(a1) {
    var at = cellOf(a1);
    var formula = held('formulas', at.row, at.col);
    $('cell-name').textContent = a1;
    $('formula').value = formula || held('display', at.row, at.col) || '';
    $('cell-error').textContent = (state.rows.errors && state.rows.errors[at.row + ':' + at.col]) || '';
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
