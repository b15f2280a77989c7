// google.script.run for the playground: the sidebar's calls go to the local server, which runs
// them in dist/Code.js. Arguments and results travel as JSON, as with Google's own.
(function () {
  function runner(onSuccess, onFailure) {
    return new Proxy({}, {
      get: function (_target, name) {
        if (name === 'withSuccessHandler') return function (handler) { return runner(handler, onFailure); };
        if (name === 'withFailureHandler') return function (handler) { return runner(onSuccess, handler); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: String(name), args: args }) })
            .then(function (response) { return response.json(); })
            .then(function (result) {
              if ('error' in result) { if (onFailure) onFailure(new Error(result.error)); }
              else if (onSuccess) onSuccess(result.value);
              // The spreadsheet beside the sidebar may have changed: let it redraw.
              if (window.parent !== window) window.parent.postMessage({ type: 'workbook-changed' }, '*');
            });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null) } };
})();
