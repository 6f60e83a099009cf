// Serves apps/docs/dist on 127.0.0.1 (port 5173, or PORT; a free port if that one is taken) and
// prints the URL. No dependencies: node:http and the file system.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from './content-security-policy.mjs';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.py': 'text/x-python; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

if (!existsSync(join(dist, 'index.html'))) {
  console.error(
    'apps/docs/dist is empty: run `pnpm --filter @lossquake/docs build` (or `pnpm start` at the root) first.',
  );
  process.exit(1);
}

function resolve(url) {
  const pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  const file = normalize(join(dist, pathname));
  if (file !== dist && !file.startsWith(dist + sep)) return null; // no escaping the folder with ../
  if (existsSync(file) && statSync(file).isDirectory()) return join(file, 'index.html');
  return file;
}

const server = createServer((request, response) => {
  let file;
  try {
    file = resolve(request.url ?? '/');
  } catch {
    file = null;
  }
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found');
    return;
  }
  response.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    // Defence in depth: no inline script or style, no eval (content-security-policy.mjs says why).
    'content-security-policy': contentSecurityPolicy,
  });
  createReadStream(file).pipe(response);
});

const wanted = Number(process.env.PORT ?? 5173);
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE' && server.listening === false && !server.triedFallback) {
    server.triedFallback = true;
    console.warn(`port ${wanted} is taken; using a free one`);
    server.listen(0, '127.0.0.1');
  } else {
    console.error(error.message);
    process.exit(1);
  }
});
server.on('listening', () => {
  const { port } = server.address();
  console.log(`lossquake docs: http://127.0.0.1:${port}/`);
});
server.listen(wanted, '127.0.0.1');
