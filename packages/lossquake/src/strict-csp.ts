// lossquake for pages under a strict Content-Security-Policy (no 'unsafe-eval', Trusted Types too):
// everything `lossquake` exports and registers, plus the regl code generated ahead of time that lets
// <loss-surface> draw without Function. Bundled as dist/lossquake.strict-csp.js; the plain bundle
// leaves that table out, about a quarter of its bytes, which pages without such a policy never use.
import '@lossquake/loss-surface/strict-csp';

export * from './index.js';
