// Update time: a new batch every time the previous update's frame has ended, `count` batches in a
// row (fewer if they take over `budget` ms). Each update is timed from the new batch (its rows dealt,
// its landscape not yet computed) to the end of the next animation frame (see endOfNextFrame), so
// it holds: lossGrid + handing over (el.landscape = …, transition 0 / Plotly.react) + the draw.
import {
  endOfNextFrame,
  finish,
  mountFromParams,
  param,
  recordLongTasks,
  stats,
} from './harness.js';

finish(async () => {
  const { lib, view, resolution, batchSize, work, chart } = await mountFromParams({
    batch: 10,
    transition: 0,
  });
  const count = param('count', 40);
  const budget = param('budget', 6000);

  const update = [];
  const compute = [];
  const longTasks = recordLongTasks();
  const start = performance.now();
  for (let k = 0; k < count && (k < 5 || performance.now() - start < budget); k++) {
    const rows = work.nextRows();
    const t0 = performance.now();
    const landscape = work.landscape(rows);
    compute.push(performance.now() - t0);
    await chart.set(landscape);
    update.push((await endOfNextFrame()) - t0);
  }
  return {
    lib,
    view,
    resolution,
    batchSize,
    update: stats(update),
    compute: stats(compute),
    longTasks: longTasks.stop(),
  };
});
