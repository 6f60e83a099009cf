// A tiny static file server on 127.0.0.1 for the bench pages: serves the repository root read-only,
// so pages load /packages/lossquake/dist/lossquake.js, /packages/core/dist/index.js and Plotly from
// apps/bench/node_modules, and answers made on the fly (`routes`: the bad-src inputs). Nothing here
// reaches the network.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
};

/**
 * Starts the server; resolves to { origin, close() }. `overrides` maps URL paths to other files;
 * `routes` maps a path prefix to a handler `(rest of the path, response)` that makes the answer.
 */
export function serve(root, overrides = {}, routes = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const prefix = Object.keys(routes).find((p) => pathname.startsWith(p));
    if (prefix) return routes[prefix](pathname.slice(prefix.length), response);
    const override = overrides[pathname];
    const path = override ?? resolve(base, '.' + decodeURIComponent(pathname));
    if (!override && path !== base && !path.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(path);
      response.writeHead(200, {
        'content-type': types[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${pathname}`);
    }
  });
  return new Promise((resolvePromise) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolvePromise({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}
