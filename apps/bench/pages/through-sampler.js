// Update time through the sampler (issue 16): a view linked to a paused <batch-sampler>, timed from
// `sampler.step()` (the next batch dealt; a large landscape may be under way in a worker, asked for
// when the last batch was shown) to the end of the next animation frame, as the update page times a
// landscape handed to the view directly. `count` steps back to back (fewer if they take over
// `budget` ms); the view's transition is 0.
import {
  endOfNextFrame,
  finish,
  loadAdapter,
  param,
  recordLongTasks,
  settle,
  stats,
} from './harness.js';
import { mountSampler, tiles } from './sampler.js';

finish(async () => {
  const view = param('view', 'contour');
  const resolution = param('res', 64);
  const batchSize = param('batch', 10);
  const count = param('count', 40);
  const budget = param('budget', 6000);
  await loadAdapter('ours');
  const { box } = tiles(1);
  const { sampler } = await mountSampler(box, {
    views: [view],
    resolution,
    batchSize,
    rate: 2,
    transition: 0,
    size: { width: 640, height: 480 },
  });
  await settle();
  const update = [];
  const longTasks = recordLongTasks();
  const start = performance.now();
  for (let k = 0; k < count && (k < 5 || performance.now() - start < budget); k++) {
    const t0 = performance.now();
    await sampler.step();
    update.push((await endOfNextFrame()) - t0);
  }
  return { view, resolution, batchSize, update: stats(update), longTasks: longTasks.stop() };
});
