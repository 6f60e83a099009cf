// Test-only (added to docs pages by the test server): records console warnings and errors, uncaught
// errors, rejected promises and failed resource loads, before any page script runs.
(function () {
  var log = (window.__docsConsole = []);
  ['warn', 'error'].forEach(function (level) {
    var original = console[level].bind(console);
    console[level] = function () {
      log.push({ level: level, text: Array.prototype.map.call(arguments, String).join(' ') });
      original.apply(null, arguments);
    };
  });
  window.addEventListener(
    'error',
    function (event) {
      var target = event.target;
      var text =
        target && target !== window && target.src
          ? 'failed to load ' + target.src
          : event.message || (event.detail && event.detail.message) || event.type;
      log.push({ level: 'error-event', text: text });
    },
    true,
  );
  window.addEventListener('unhandledrejection', function (event) {
    log.push({ level: 'unhandledrejection', text: String(event.reason) });
  });
})();
