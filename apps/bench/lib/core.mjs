// Runs the core benchmark (core-bench.mjs, lossGrid against the plain reference loop, in Node) before
// the browser starts, so the two never share the CPU, and reads the JSON it writes.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function runCoreBench(dir) {
  const script = join(dir, 'core-bench.mjs');
  const output = join(dir, 'results', 'core.json');
  if (!existsSync(script)) return { skipped: 'core-bench.mjs not found' };
  const started = Date.now();
  const { code, log } = await new Promise((resolve) => {
    const child = spawn(process.execPath, [script], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('close', (code) => resolve({ code, log }));
  });
  if (code !== 0) return { skipped: `core-bench.mjs exited with ${code}`, log: log.slice(-2000) };
  if (!existsSync(output))
    return { skipped: 'core-bench.mjs wrote no results/core.json', log: log.slice(-2000) };
  return { seconds: (Date.now() - started) / 1000, ...JSON.parse(await readFile(output, 'utf8')) };
}
