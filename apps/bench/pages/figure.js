// The article's figure (issue 16): one sampler playing at `rate` batches per second with a surface
// and a contour linked, side by side, for `duration` ms. Reported: frames per second (rAF intervals:
// what the reader sees) and batches per second (`batch-change` events), with each frame's
// main-thread work and long tasks. Plotly has no sampler, so its page does the same work the way a
// Plotly page would: one timer at `rate` deals the next batch, computes its landscape and reacts
// both charts (surface and filled contour).
import {
  endOfNextFrame,
  finish,
  loadAdapter,
  param,
  recordFrames,
  recordLongTasks,
  settle,
  stats,
  workload,
} from './harness.js';
import { mountSampler, tiles } from './sampler.js';

const lib = param('lib', 'ours');
const resolution = param('res', 64);
const batchSize = param('batch', 10);
const rate = param('rate', 60);
const duration = param('duration', 5000);
// `views=surface` or `views=contour` plays one view alone (to tell their costs apart).
const views = String(param('views', 'surface,contour')).split(',');
// `off=show-path,show-weights`: boolean attributes removed from the views (what each overlay costs).
const off = String(param('off', '')).split(',').filter(Boolean);

/** Ours: the sampler plays; every batch-change is one batch dealt. Returns the batch count. */
async function playOurs(box, size) {
  const { sampler } = await mountSampler(box, {
    views,
    resolution,
    batchSize,
    rate,
    size,
    off,
  });
  await settle();
  let batches = 0;
  sampler.addEventListener('batch-change', () => batches++);
  return {
    start: () => void sampler.play(),
    stop: () => {
      sampler.pause();
      return batches;
    },
  };
}

/** Plotly: a timer every 1000/rate ms deals a batch, computes its landscape, reacts both charts. */
async function playPlotly(box, size, adapter) {
  const work = workload({ resolution, batchSize });
  const first = work.landscape(work.nextRows());
  const charts = [];
  for (const view of views) charts.push(await adapter.mount(box, view, first, { size }));
  await settle();
  let batches = 0;
  let timer = null;
  let busy = false;
  const deal = async () => {
    if (busy) return; // a react still running: this beat is skipped, as a dropped batch
    busy = true;
    const landscape = work.landscape(work.nextRows());
    batches++;
    await Promise.all(charts.map((chart) => chart.set(landscape)));
    busy = false;
  };
  return {
    start: () => (timer = setInterval(deal, 1000 / rate)),
    stop: () => {
      clearInterval(timer);
      return batches;
    },
  };
}

finish(async () => {
  const { adapter } = await loadAdapter(lib);
  const { box, width, height } = tiles(views.length);
  const size = { width, height };
  const player =
    lib === 'plotly' ? await playPlotly(box, size, adapter) : await playOurs(box, size);
  const frames = recordFrames();
  const longTasks = recordLongTasks();
  const start = performance.now();
  player.start();
  await new Promise((resolve) => setTimeout(resolve, duration));
  const batches = player.stop();
  const seconds = (performance.now() - start) / 1000;
  const { intervals, work } = frames.stop();
  await endOfNextFrame();
  const perSecond = (n) => Math.round((n / seconds) * 10) / 10;
  return {
    lib,
    resolution,
    batchSize,
    rate,
    seconds: Math.round(seconds * 100) / 100,
    batches,
    batchesPerSecond: perSecond(batches),
    framesPerSecond: perSecond(intervals.length + 1),
    interval: stats(intervals),
    frameWork: stats(work),
    longTasks: longTasks.stop(),
  };
});
