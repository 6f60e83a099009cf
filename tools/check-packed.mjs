// CI: packs every publishable workspace package the way `changeset publish` will, and fails when a
// packed package.json still has a `workspace:` range, which no registry client can install.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dependencyFields = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
];

/** `name@range` for each range the packed manifest left as `workspace:…`. */
function workspaceRanges(manifest) {
  return dependencyFields.flatMap((field) =>
    Object.entries(manifest[field] ?? {})
      .filter(([, range]) => String(range).startsWith('workspace:'))
      .map(([name, range]) => `${field}: ${name}@${range}`),
  );
}

function packedManifest(dir, scratch) {
  const destination = mkdtempSync(join(scratch, 'pack-'));
  execFileSync('pnpm', ['pack', '--pack-destination', destination], { cwd: dir, stdio: 'ignore' });
  const [tarball] = readdirSync(destination).filter((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${dir}`);
  execFileSync('tar', ['-xzf', tarball, 'package/package.json'], { cwd: destination });
  return JSON.parse(readFileSync(join(destination, 'package', 'package.json'), 'utf8'));
}

const scratch = mkdtempSync(join(tmpdir(), 'lossquake-packed-'));
let problems = 0;
try {
  for (const name of readdirSync(join(root, 'packages'))) {
    const dir = join(root, 'packages', name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (manifest.private) continue;
    const left = workspaceRanges(packedManifest(dir, scratch));
    for (const range of left) console.error(`${manifest.name}: packed package.json keeps ${range}`);
    problems += left.length;
    if (left.length === 0) console.log(`${manifest.name}: no workspace: ranges once packed`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(problems === 0 ? 0 : 1);
