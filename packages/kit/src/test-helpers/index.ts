// kit's test helpers for every package's tests: `@lossquake/kit/testing`, a workspace-only entry
// (package.json's publishConfig leaves it out, and no build compiles it), never part of the runtime API.
export { FakeSampler, defineFakeSampler } from './fake-sampler.js';
export { warnings } from './warnings.js';
