// Sustained frame time during a morph: a new batch every `transition` ms (so every frame is a morph
// frame), `batches` batches. Ours: the element morphs itself (transition = 400 ms). Plotly has no
// morph for surface or contour traces (Plotly.animate interpolates only scatter-like traces), so a
// Plotly page morphs the way a user would have to: Plotly.react with z interpolated on every frame.
// Reports rAF intervals (what the reader sees), each frame's main-thread work (rAF start to the end
// of the frame) and long tasks over 50 ms.
import { finish, mountFromParams, param, recordFrames, recordLongTasks, stats } from './harness.js';

/** Smoothstep, as lossquake's elements ease a morph. */
const ease = (t) => t * t * (3 - 2 * t);

/**
 * Plotly's morph: one animation-frame loop that reacts with z eased from what is on screen to the
 * latest target; a new target restarts the morph from the values shown, as the elements do.
 */
function plotlyMorpher(chart, first, transition) {
  let shown = Float32Array.from(first.values);
  let from = shown;
  let target = first;
  let start = 0;
  let running = false;
  const frame = () => {
    const t = ease(Math.min(1, (performance.now() - start) / transition));
    const values = new Float32Array(shown.length);
    for (let c = 0; c < values.length; c++) values[c] = from[c] + (target.values[c] - from[c]) * t;
    shown = values;
    chart.setValues(target, values);
    running = t < 1;
    if (running) requestAnimationFrame(frame);
  };
  return {
    to(next) {
      from = shown;
      target = next;
      start = performance.now();
      if (!running) requestAnimationFrame(frame);
      running = true;
    },
  };
}

finish(async () => {
  const transition = param('transition', 400);
  const batches = param('batches', 5);
  const { lib, view, resolution, batchSize, work, chart, first } = await mountFromParams({
    batch: 10,
    transition,
  });
  const plotly = lib === 'plotly' ? plotlyMorpher(chart, first, transition) : null;

  const frames = recordFrames();
  const longTasks = recordLongTasks();
  for (let b = 0; b < batches; b++) {
    const next = work.landscape(work.nextRows());
    if (plotly) plotly.to(next);
    else chart.set(next);
    await new Promise((resolve) => setTimeout(resolve, transition));
  }
  const { intervals, work: frameWork } = frames.stop();
  return {
    lib,
    view,
    resolution,
    batchSize,
    transition,
    interval: stats(intervals),
    frameWork: stats(frameWork),
    longTasks: longTasks.stop(),
  };
});
