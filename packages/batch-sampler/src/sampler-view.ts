// What <batch-sampler> shows: its slot (the linked views), a data or table problem in place, and the
// toolbar with `controls`, else the small pause button. Apart from the class, which only wires it.
import { html, nothing } from 'lit';
import type { BatchSampler } from './batch-sampler.component.js';
import { samplerControls } from './batch-sampler.controls.js';
import type { DataSourceController } from './controllers/data-source.js';
import type { PlaybackController } from './controllers/playback.js';
import type { RunController } from './controllers/run.js';
import { pauseAffordance } from './pause-affordance.js';
import type { ShareMenu } from './share/share-menu.js';
import { tableStatus } from './table-status.js';

export function samplerView(
  sampler: BatchSampler,
  runs: RunController,
  playback: PlaybackController,
  source: DataSourceController,
  menu: ShareMenu,
) {
  // The run controller made the run on connecting, before the first render.
  const controls = sampler.controls ? samplerControls(sampler, runs.run, menu.render()) : nothing;
  const affordance = sampler.controls ? nothing : pauseAffordance(sampler, playback.played);
  return html`${affordance}<slot
    ></slot>${source.render()}${tableStatus(runs.run, runs.problem)}${controls}`;
}
