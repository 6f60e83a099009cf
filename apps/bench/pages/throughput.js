// Throughput: a new batch handed over in every animation frame for `duration` ms (transition 0):
// how many updates per second each library keeps up with (the display's limit is one per frame).
import { finish, mountFromParams, param, recordFrames, recordLongTasks, stats } from './harness.js';

finish(async () => {
  const { lib, view, resolution, batchSize, work, chart } = await mountFromParams({
    batch: 100,
    transition: 0,
  });
  const duration = param('duration', 2000);

  const frames = recordFrames();
  const longTasks = recordLongTasks();
  let updates = 0;
  const start = performance.now();
  await new Promise((resolve) => {
    const tick = () => {
      if (performance.now() - start >= duration) return resolve();
      chart.set(work.landscape(work.nextRows()));
      updates++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const seconds = (performance.now() - start) / 1000;
  const { intervals, work: frameWork } = frames.stop();
  return {
    lib,
    view,
    resolution,
    batchSize,
    updates,
    seconds: Math.round(seconds * 100) / 100,
    updatesPerSecond: Math.round((updates / seconds) * 10) / 10,
    interval: stats(intervals),
    frameWork: stats(frameWork),
    longTasks: longTasks.stop(),
  };
});
