// The Content-Security-Policy the docs server (serve.mjs) sends with every file; test/csp.test.ts
// puts the built pages under it too (no node: imports, so a browser test can import it).
// Defence in depth: the site runs no inline script or style and no eval (the pages load
// lossquake.strict-csp.js, whose surface runs regl code generated ahead of time), so a policy can
// say so. blob: serves the sampler's worker (a small blob: module that imports its chunk) and exported images and
// recordings; data: the colour-map and export images.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');
