// Loaded first (a classic script, before the bundle) by every fixture page: records what the page
// around the elements would notice — uncaught errors, rejected promises, console warnings and errors,
// CSP violations — and counts live timers, frame callbacks, observers and
// WebGL contexts, so a test can tell whether an element left anything behind.
(function () {
  const probe = {
    errors: [],
    rejections: [],
    warnings: [],
    consoleErrors: [],
    violations: [],
    timeouts: new Set(),
    intervals: new Set(),
    frames: new Set(),
    observers: {
      ResizeObserver: new Map(),
      IntersectionObserver: new Map(),
      MutationObserver: new Map(),
    },
    contexts: [],
    /** Observers watching at least one node, by kind. */
    liveObservers() {
      const live = {};
      for (const [kind, map] of Object.entries(this.observers)) {
        live[kind] = [...map.values()].filter((targets) => targets.size > 0).length;
      }
      return live;
    },
    /** WebGL contexts created on this page and not lost. */
    liveContexts() {
      return this.contexts.filter((gl) => !gl.isContextLost()).length;
    },
  };
  window.__probe = probe;

  window.addEventListener('error', (event) => {
    probe.errors.push(String(event.error?.stack ?? event.message));
  });
  window.addEventListener('unhandledrejection', (event) => {
    probe.rejections.push(String(event.reason?.stack ?? event.reason));
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    probe.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });

  const warn = console.warn;
  console.warn = function (...args) {
    probe.warnings.push(args.map(String).join(' '));
    return warn.apply(this, args);
  };
  const error = console.error;
  console.error = function (...args) {
    probe.consoleErrors.push(args.map(String).join(' '));
    return error.apply(this, args);
  };

  // Timers: a timeout is live until it fires or is cleared; an interval until it is cleared.
  const { setTimeout, clearTimeout, setInterval, clearInterval } = window;
  window.setTimeout = function (callback, delay, ...rest) {
    const id = setTimeout.call(
      window,
      function (...args) {
        probe.timeouts.delete(id);
        return typeof callback === 'function' ? callback.apply(this, args) : undefined;
      },
      delay,
      ...rest,
    );
    probe.timeouts.add(id);
    return id;
  };
  window.clearTimeout = function (id) {
    probe.timeouts.delete(id);
    return clearTimeout.call(window, id);
  };
  window.setInterval = function (...args) {
    const id = setInterval.apply(window, args);
    probe.intervals.add(id);
    return id;
  };
  window.clearInterval = function (id) {
    probe.intervals.delete(id);
    return clearInterval.call(window, id);
  };
  const { requestAnimationFrame, cancelAnimationFrame } = window;
  window.requestAnimationFrame = function (callback) {
    const id = requestAnimationFrame.call(window, (time) => {
      probe.frames.delete(id);
      callback(time);
    });
    probe.frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = function (id) {
    probe.frames.delete(id);
    return cancelAnimationFrame.call(window, id);
  };

  // Observers: which nodes each one watches.
  for (const kind of Object.keys(probe.observers)) {
    const Native = window[kind];
    if (!Native) continue;
    const map = probe.observers[kind];
    const Counted = class extends Native {
      constructor(callback, options) {
        super(callback, options);
        map.set(this, new Set());
      }
      observe(target, options) {
        map.get(this).add(target);
        return super.observe(target, options);
      }
      unobserve(target) {
        map.get(this).delete(target);
        return super.unobserve(target);
      }
      disconnect() {
        map.get(this).clear();
        return super.disconnect();
      }
    };
    // Weak enough: a disconnected observer holds no targets and is dropped here.
    window[kind] = Counted;
  }

  // WebGL contexts, the page's and the elements' (on canvas elements and OffscreenCanvases).
  for (const Canvas of [HTMLCanvasElement, globalThis.OffscreenCanvas].filter(Boolean)) {
    const getContext = Canvas.prototype.getContext;
    Canvas.prototype.getContext = function (type, ...rest) {
      const context = getContext.call(this, type, ...rest);
      if (context && /webgl/.test(type) && !probe.contexts.includes(context))
        probe.contexts.push(context);
      return context;
    };
  }
})();
