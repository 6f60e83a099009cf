// Gathers the licences of the third-party packages that esbuild put into the bundle, so that the
// notices the MIT, ISC and BSD licences ask for ship beside dist/lossquake.js.
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

const licenceFile = /^licen[cs]e(\.md|\.txt)?$/i;

/** The folder of the node_modules package that holds `file`, or null for the project's own code. */
function packageDir(file) {
  const at = file.lastIndexOf(`${sep}node_modules${sep}`);
  if (at < 0) return null;
  const start = at + `${sep}node_modules${sep}`.length;
  const parts = file.slice(start).split(sep);
  return file.slice(0, start) + parts.slice(0, parts[0].startsWith('@') ? 2 : 1).join(sep);
}

/**
 * Folders of every node_modules package with bytes in the outputs of these esbuild metafiles.
 * Metafile paths are relative to esbuild's working folder, which is process.cwd() by default.
 */
export function bundledPackageDirs(...metafiles) {
  const dirs = new Set();
  for (const { outputs } of metafiles)
    for (const { inputs } of Object.values(outputs))
      for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
        const dir = bytesInOutput > 0 && packageDir(resolve(input));
        if (dir) dirs.add(dir);
      }
  return [...dirs];
}

/** One entry per package (name@version), sorted by name; fails when a package has no licence file. */
async function readLicences(dirs) {
  const licences = new Map();
  for (const dir of dirs) {
    const { name, version, license } = JSON.parse(
      await readFile(join(dir, 'package.json'), 'utf8'),
    );
    const file = (await readdir(dir)).find((entry) => licenceFile.test(entry));
    if (!file)
      throw new Error(
        `${name}@${version} is bundled into dist/lossquake.js but ${dir} has no LICENSE file to ship`,
      );
    const text = (await readFile(join(dir, file), 'utf8')).trim();
    licences.set(`${name}@${version}`, { name, version, license, text });
  }
  return [...licences.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  );
}

/** The text of lossquake.js.LICENSE.txt for these package folders, and how many packages it names. */
export async function licenceNotice(dirs, { name, version, license }) {
  const licences = await readLicences(dirs);
  const rule = '-'.repeat(80);
  const sections = licences.map(
    (pkg) =>
      `${rule}\n${pkg.name}@${pkg.version} (${pkg.license ?? 'no SPDX id'})\n\n${pkg.text}\n`,
  );
  const header =
    `${name}@${version} (${license}) bundles the third-party packages below into ${name}.js.\n` +
    `Each is listed with its version and SPDX licence id, followed by its licence text.\n`;
  return { text: [header, ...sections].join('\n'), count: licences.length };
}
