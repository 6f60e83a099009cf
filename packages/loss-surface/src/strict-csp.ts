// `import '@lossquake/loss-surface/strict-csp'`: lets <loss-surface> draw under a
// Content-Security-Policy without 'unsafe-eval' (Trusted Types included). It registers the code regl
// generates for the surface's commands, generated ahead of time (gl/generated-code.ts, about 26 KB
// gzipped), so regl needs no Function. Without it a surface under such a policy shows why it cannot
// draw; pages without a strict policy need none of it. Import it before or after the elements: a
// surface that the policy already stopped starts again.
import { generatedCode } from './gl/generated-code.js';
import { useGeneratedCode } from './gl/shared-context.js';

useGeneratedCode(generatedCode);
