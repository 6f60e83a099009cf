// A bad `src` must not freeze the page (issue 7: no main-thread task over 200 ms while it loads).
// One element per page (?el=batch-sampler|loss-contour|loss-surface), first showing good data, then
// pointed at each bad input in turn, `repeats` times: from setting `src` to the element's `error`
// event, the longest task the Long Tasks API reports (it sees only those over 50 ms) and the longest
// wait of a MessageChannel ping (recordLongestWait). The inputs are those of packages/lossquake's
// test/bad-input.test.ts, made by the bench server under /__bench__/data/ (lib/bad-data.mjs).
import {
  finish,
  loadAdapter,
  param,
  recordLongTasks,
  recordLongestWait,
  settle,
  stage,
  stats,
} from './harness.js';

const DATA = '/__bench__/data/';
/** The same server under another name: another origin, and it sends no CORS headers. */
const ELSEWHERE = `http://localhost:${location.port}${DATA}`;

const SAMPLER_INPUTS = [
  ['404', DATA + 'missing.csv'],
  ['HTML page', DATA + 'html.csv'],
  ['truncated JSON', DATA + 'truncated-data.json'],
  ['ragged CSV', DATA + 'ragged.csv'],
  ['50 MB, Content-Length', DATA + 'huge.csv'],
  ['50 MB streamed, no Content-Length', DATA + 'huge-chunked.csv'],
  ['cross-origin, no CORS', ELSEWHERE + 'ok.csv'],
];
const VIEW_INPUTS = [
  ['404', DATA + 'missing.json'],
  ['HTML page', DATA + 'html.json'],
  ['truncated JSON', DATA + 'truncated.json'],
  ['50 MB, Content-Length', DATA + 'huge.json'],
  ['50 MB streamed, no Content-Length', DATA + 'huge-chunked.json'],
  ['cross-origin, no CORS', ELSEWHERE + 'frames.json'],
];

async function until(check, what, ms = 10_000) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function nextError(el, ms = 20_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no error event within ${ms} ms`)), ms);
    el.addEventListener(
      'error',
      (event) => {
        clearTimeout(timer);
        resolve(event.detail?.message ?? '');
      },
      { once: true },
    );
  });
}

/** Sets `src` to `url` and watches the main thread until the element's `error`. */
async function watch(el, url) {
  const longTasks = recordLongTasks();
  const wait = recordLongestWait();
  const start = performance.now();
  const failed = nextError(el);
  el.setAttribute('src', url);
  const message = await failed;
  const end = performance.now();
  const longestWait = wait.stop();
  await settle(2, 50); // the task that sent `error` ends, and its long-task entry arrives
  return { message, errorAfter: end - start, longestWait, longTasks: longTasks.stop(end) };
}

finish(async () => {
  const tag = param('el', 'batch-sampler');
  const repeats = param('repeats', 1);
  await loadAdapter('ours');
  const el = document.createElement(tag);
  stage().append(el);
  if (tag === 'batch-sampler') {
    el.setAttribute('resolution', '12');
    el.src = '/packages/batch-sampler/src/test-fixtures/small.csv';
    await until(() => el.dataset?.n === 40, 'small.csv (40 rows)');
  } else {
    el.setAttribute('transition', '0');
    el.src = `${DATA}frames.json`;
    await until(() => el.currentLandscape, 'frames.json');
  }
  await settle();

  const inputs = [];
  for (const [input, url] of tag === 'batch-sampler' ? SAMPLER_INPUTS : VIEW_INPUTS) {
    const runs = [];
    // A new query each time: setting the same `src` again would load nothing.
    for (let r = 0; r < repeats; r++) runs.push(await watch(el, `${url}?r=${r}`));
    inputs.push({
      input,
      url,
      message: runs[0].message,
      longestTask: Math.max(...runs.map((run) => run.longTasks.longest)),
      longTasks: runs.reduce((n, run) => n + run.longTasks.count, 0),
      longestWait: Math.max(...runs.map((run) => run.longestWait)),
      errorAfter: stats(runs.map((run) => run.errorAfter)),
    });
  }
  return { el: tag, repeats, inputs };
});
