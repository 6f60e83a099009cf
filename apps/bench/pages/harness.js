// In-page helpers shared by every bench page: the workload, the frame clock, statistics, long tasks.
import * as core from '/packages/core/dist/index.js';

export { core };

const search = new URLSearchParams(location.search);

/** A query parameter: a number when it looks like one. */
export function param(name, fallback) {
  const value = search.get(name);
  if (value === null) return fallback;
  const number = Number(value);
  return value.trim() !== '' && Number.isFinite(number) ? number : value;
}

/**
 * The seed's workload: `blobs` with 1000 rows, logistic regression, weights in [-20, 20]², epoch
 * shuffling. `nextRows()` deals the next batch; `landscape(rows)` is the work every update does.
 */
export function workload({ resolution, batchSize, seed = 1 }) {
  const data = core.makeDataset('blobs', { n: 1000, seed });
  const grid = core.createGrid([-20, 20, -20, 20], resolution);
  const schedule = core.createSchedule(data.n, batchSize, { sampling: 'epoch', seed });
  return {
    data,
    grid,
    nextRows: () => schedule.next().value.rows,
    landscape: (rows) => core.lossGrid(core.logistic, data, rows, grid),
  };
}

/**
 * THE TIMING RULE (the same for lossquake and Plotly): an update is timed from the new batch, before
 * its landscape is computed, to the end of the next animation frame, the frame in which the draw
 * was scheduled. Call this right after handing the data over (after `el.landscape = …`, or after
 * `Plotly.react`'s promise resolves): it registers a requestAnimationFrame callback, and from inside
 * it posts a MessageChannel message. The message runs as a task after that frame's rAF callbacks
 * (the element's or Plotly's draw among them), style, layout and paint, so the time it resolves
 * with is the end of that frame on the main thread.
 */
export function endOfNextFrame() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(performance.now());
      };
      channel.port2.postMessage(0);
    });
  });
}

/** Waits `count` frames and at least `ms` milliseconds: lets a first draw and its aftermath finish. */
export async function settle(count = 10, ms = 300) {
  const start = performance.now();
  for (let i = 0; i < count || performance.now() - start < ms; i++) await endOfNextFrame();
}

/**
 * Records every animation frame until stop(), which returns `intervals` (between consecutive rAF
 * timestamps: what the reader sees) and `work` (from each frame's rAF timestamp to the end of that
 * frame on the main thread, as endOfNextFrame sees it: the main thread's cost of the frame).
 */
export function recordFrames() {
  const stamps = [];
  const work = [];
  let running = true;
  const tick = (time) => {
    stamps.push(time);
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      work.push(performance.now() - time);
    };
    channel.port2.postMessage(0);
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop() {
      running = false;
      return { intervals: stamps.slice(1).map((time, k) => time - stamps[k]), work };
    },
  };
}

/**
 * Counts main-thread long tasks (> 50 ms, as the browser reports them) until stop(), which counts
 * only those that started before `until` (performance.now() time; all by default).
 */
export function recordLongTasks() {
  const entries = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  return {
    stop(until = Infinity) {
      entries.push(...observer.takeRecords());
      observer.disconnect();
      const durations = entries.filter((e) => e.startTime < until).map((e) => e.duration);
      return {
        count: durations.length,
        totalMs: round(durations.reduce((a, b) => a + b, 0)),
        longest: round(Math.max(0, ...durations)),
      };
    },
  };
}

/**
 * The longest time the main thread gave no turn to a chain of MessageChannel pings (each a task of
 * its own that posts the next), until stop(): how long a click or a key would have waited. It sees
 * tasks of any length (the Long Tasks API, only those over 50 ms), and a run of short tasks queued
 * ahead of the ping counts as one wait.
 */
export function recordLongestWait() {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  return {
    stop() {
      running = false;
      channel.port1.close();
      return round(Math.max(longest, performance.now() - last));
    },
  };
}

const round = (x) => Math.round(x * 100) / 100;

/** n, median, p95 (nearest rank), mean, min and max of a list of milliseconds. */
export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n: 0 };
  const rank = (q) => sorted[Math.min(n - 1, Math.ceil(q * n) - 1)];
  return {
    n,
    median: round(n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2),
    p95: round(rank(0.95)),
    mean: round(sorted.reduce((a, b) => a + b, 0) / n),
    min: round(sorted[0]),
    max: round(sorted[n - 1]),
  };
}

/** The adapter for `lib` ('ours' or 'plotly'), loaded; `loadMs` is the script's load and evaluation. */
export async function loadAdapter(lib) {
  const adapter = await import(lib === 'plotly' ? './adapters/plotly.js' : './adapters/ours.js');
  const start = performance.now();
  await adapter.load();
  return { adapter, loadMs: round(performance.now() - start) };
}

/** The box every chart is drawn in (the same size for both libraries). */
export function stage() {
  const box = document.getElementById('stage');
  box.replaceChildren();
  return box;
}

/**
 * The common start of the update, throughput and morph pages: library, view and workload from the
 * URL, the chart mounted on the first batch's landscape and left to settle.
 */
export async function mountFromParams({ batch, transition }) {
  const lib = param('lib', 'ours');
  const view = param('view', 'contour');
  const resolution = param('res', 64);
  const batchSize = param('batch', batch);
  const { adapter } = await loadAdapter(lib);
  const work = workload({ resolution, batchSize });
  const first = work.landscape(work.nextRows());
  const chart = await adapter.mount(stage(), view, first, { transition });
  await settle();
  return { lib, view, resolution, batchSize, work, chart, first };
}

/** Runs a measurement and hands its result (or its error) to the runner. */
export async function finish(measure) {
  try {
    window.benchResolve(await measure());
  } catch (error) {
    window.benchResolve({ error: String(error?.stack ?? error) });
  }
}
