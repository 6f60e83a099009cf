// Builds the static docs site into apps/docs/dist: pages in the shared layout, each live example
// followed by its own source, the API reference from the packages' custom-elements.json, the bundle,
// the static assets and the data files computed from core's maths.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { elementReference, attributeSummary, loadManifests } from './reference.mjs';
import { softplusChart, quakeChart, quakeTable } from './charts.mjs';
import { measureQuake, writeFrames } from './maths.mjs';
import { escapeHtml, renderExamples, codeBlock } from './html.mjs';

const app = fileURLToPath(new URL('..', import.meta.url));
const root = join(app, '..', '..');
const dist = join(app, 'dist');
const bundleDir = join(root, 'packages', 'lossquake', 'dist');

/** The pages, in the header's order: file, title in the nav. */
const pages = [
  { file: 'index.html', nav: 'The article' },
  { file: 'networks.html', nav: 'Real networks' },
  { file: 'more.html', nav: 'Beyond' },
  { file: 'guide.html', nav: 'Guide' },
  { file: 'reference.html', nav: 'Reference' },
];

function fail(message) {
  console.error(`docs build: ${message}`);
  process.exit(1);
}

/** A page opens with `<!--{"title": ..., "description": ...}-->`; the rest is its content. */
function readPage(file) {
  const text = readFileSync(join(app, 'pages', file), 'utf8');
  const match = /^<!--(\{[\s\S]*?\})-->\s*/.exec(text);
  if (!match) fail(`pages/${file} must open with a <!--{"title": ...}--> comment`);
  return { meta: JSON.parse(match[1]), content: text.slice(match[0].length) };
}

function nav(current) {
  return pages
    .map(({ file, nav: label }) => {
      const href = file === 'index.html' ? './' : file;
      const here = file === current ? ' aria-current="page"' : '';
      return `<a href="${href}"${here}>${label}</a>`;
    })
    .join('\n          ');
}

function layout({ file, meta, content }) {
  const template = readFileSync(join(app, 'layout.html'), 'utf8');
  const values = {
    title: escapeHtml(meta.title),
    description: escapeHtml(meta.description ?? ''),
    nav: nav(file),
    page: file.replace(/\.html$/, ''),
    content,
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, key) => {
    if (!(key in values)) fail(`layout.html: unknown placeholder {{${key}}}`);
    return values[key];
  });
}

// Start clean so a removed page or asset never lingers in dist.
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// The bundles, each one self-contained ES module, served next to the pages with their maps and
// licences: lossquake.js, which readers download, and lossquake.strict-csp.js, which the pages load
// because the site is served under a Content-Security-Policy without 'unsafe-eval' (serve.mjs).
for (const name of ['lossquake.js', 'lossquake.strict-csp.js']) {
  const bundle = join(bundleDir, name);
  if (!existsSync(bundle))
    fail(`${bundle} is missing: run \`pnpm --filter lossquake build\` first`);
  cpSync(bundle, join(dist, name));
  for (const ending of ['.map', '.LICENSE.txt'])
    if (existsSync(bundle + ending)) cpSync(bundle + ending, join(dist, name + ending));
}
// The code the bundles load on demand, relative to their own URL.
cpSync(join(bundleDir, 'chunks'), join(dist, 'chunks'), { recursive: true });

cpSync(join(app, 'public'), dist, { recursive: true });

// Numbers that pages show, computed from core at build time (seeded, so every build agrees).
const quake = measureQuake();
writeFileSync(join(dist, 'quake.json'), JSON.stringify(quake, null, 2));
mkdirSync(join(dist, 'frames'), { recursive: true });
writeFileSync(join(dist, 'frames', 'example.json'), JSON.stringify(writeFrames()));

const manifests = loadManifests(root, fail);
const snippetText = (name) => readFileSync(join(app, 'snippets', name), 'utf8');

/** `<!-- @name arg -->` placeholders: generated parts of a page. */
const generators = {
  reference: () => elementReference(manifests),
  attributes: () => attributeSummary(manifests),
  'softplus-chart': () => softplusChart(),
  'quake-chart': () => quakeChart(quake),
  'quake-table': () => quakeTable(quake),
  // A file shown as it is served (public/...): the text on the page is the file that runs.
  include: (path) => {
    const file = join(app, path);
    if (!existsSync(file)) fail(`@include ${path}: no such file`);
    const language = path.split('.').pop();
    return codeBlock(readFileSync(file, 'utf8'), {
      language,
      label: path.replace(/^public\//, ''),
    });
  },
  // A snippet a reader copies into their own page; it is also written to dist so a test can run it.
  snippet: (name) => {
    const text = snippetText(name);
    writeFileSync(join(dist, name), text);
    return codeBlock(text, { language: 'html', label: name, download: name });
  },
};

/**
 * A wide table scrolls sideways inside its .table-wrap, which the keyboard can only do when the wrapper
 * takes focus: every wrapper is a focusable group named by its table's caption (not a region: several
 * tables share a caption, and landmarks need unique names).
 */
function keyboardScrollable(content) {
  let count = 0;
  return content.replace(/<div class="table-wrap">(\s*<table[^>]*>\s*<caption)>/g, (_, table) => {
    const id = `table-${++count}`;
    return `<div class="table-wrap" role="group" tabindex="0" aria-labelledby="${id}">${table} id="${id}">`;
  });
}

for (const { file } of pages) {
  const page = readPage(file);
  let content = renderExamples(page.content, fail, file);
  content = content.replace(/<!--\s*@([\w-]+)(?:\s+([^\s]+))?\s*-->/g, (_, name, arg) => {
    if (!generators[name]) fail(`pages/${file}: unknown generator @${name}`);
    return generators[name](arg);
  });
  content = keyboardScrollable(content);
  writeFileSync(join(dist, file), layout({ file, meta: page.meta, content }));
}

// Every page a test or a host needs, listed once.
writeFileSync(join(dist, 'pages.json'), JSON.stringify(pages.map((page) => page.file)));

const written = readdirSync(dist).filter((name) => name.endsWith('.html'));
console.log(`docs build: ${written.length} HTML files in ${dist}`);
