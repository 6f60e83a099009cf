// Editor and framework typings built from the element manifests, so that VS Code, JetBrains IDEs and
// JSX projects complete and check the tags: dist/vscode.html-custom-data.json (html.customData),
// dist/web-types.json (JetBrains) and dist/jsx.d.ts (a `CustomElements` map for JSX IntrinsicElements).
// break-stuff's custom-element-*-integration packages write them; this script only feeds them what the
// manifests lack: the string values of each attribute's type (the manifest names a type alias such as
// `ColormapName`, so the values are read from the built .d.ts), attribute-form defaults, event details.
//   node ../../tools/editor-types.mjs   in a package folder, after `cem analyze` (its `build`)
//   node tools/editor-types.mjs --check [package folders]  CI: each package's files are current and
//       list every tag and attribute of the manifests, and tools/jsx-check type-checks against them
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { getVsCodeHtmlCustomData } from 'custom-element-vs-code-integration';
import { getWebTypesData } from 'custom-element-jet-brains-integration';
import { generateJsxTypes } from 'custom-element-jsx-integration';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = {
  vscode: 'dist/vscode.html-custom-data.json',
  webTypes: 'dist/web-types.json',
  jsx: 'dist/jsx.d.ts',
};
// Shared by the integrations: the manifests' own sections of slots, events, parts and custom properties.
const common = { hideLogs: true, typesSrc: 'editorType' };

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** The custom-element declarations of a manifest. */
const elementsOf = (manifest) =>
  manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);

/**
 * A package's manifest: its own custom-elements.json, or for the bundle (no manifest of its own) the
 * manifests of the element packages it depends on, merged.
 */
function manifestOf(dir, pkg) {
  if (pkg.customElements) return readJson(resolve(dir, pkg.customElements));
  const require = createRequire(join(dir, 'package.json'));
  const modules = Object.keys(pkg.dependencies ?? {}).flatMap((name) => {
    const depDir = dirname(require.resolve(`${name}/package.json`));
    const dep = readJson(join(depDir, 'package.json'));
    return dep.customElements ? readJson(resolve(depDir, dep.customElements)).modules : [];
  });
  return { schemaVersion: '1.0.0', modules };
}

/**
 * What each element property's type allows, read from the package's built declarations: its string
 * literals (`'blobs' | 'moons' | 'xor'`), else the primitive it is, else null.
 */
function propertyTypes(dir, elements) {
  const entry = join(dir, 'dist/index.d.ts');
  const program = ts.createProgram([entry], { strict: true, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry));
  const exported = new Map(
    checker
      .getExportsOfModule(moduleSymbol)
      .map((s) => [s.name, s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s]),
  );
  const kinds = new Map();
  for (const element of elements) {
    const symbol = exported.get(element.name);
    if (!symbol) throw new Error(`${entry} does not export ${element.name} (<${element.tagName}>)`);
    const instance = checker.getDeclaredTypeOfSymbol(symbol);
    for (const attribute of element.attributes ?? []) {
      const property = instance.getProperty(attribute.fieldName ?? attribute.name);
      kinds.set(
        `${element.name}.${attribute.name}`,
        property ? kindOf(checker.getTypeOfSymbol(property)) : null,
      );
    }
  }
  return kinds;
}

function kindOf(type) {
  const parts = type.isUnion() ? type.types : [type];
  const values = parts.filter((t) => t.isStringLiteral()).map((t) => t.value);
  if (values.length > 0) return { values };
  const flags =
    parts.reduce((all, t) => all | t.flags, 0) & ~(ts.TypeFlags.Null | ts.TypeFlags.Undefined);
  if (flags & ts.TypeFlags.BooleanLike && !(flags & ~ts.TypeFlags.BooleanLike))
    return { primitive: 'boolean' };
  if (flags & ts.TypeFlags.NumberLike && !(flags & ~ts.TypeFlags.NumberLike))
    return { primitive: 'number' };
  return { primitive: 'string' }; // strings, and lists or tuples an attribute spells as text
}

/** A default as the attribute spells it (`'blobs'` → blobs, `[-20, 20]` → -20 20); null when none. */
export function attributeDefault(text) {
  if (text === undefined || text === 'null' || text === 'undefined') return null;
  const quoted = /^(['"`])(.*)\1$/.exec(text);
  if (quoted) return quoted[2];
  const list = /^\[(.*)\]$/s.exec(text);
  if (list)
    return list[1].trim() === ''
      ? null
      : list[1]
          .split(',')
          .map((v) => v.trim())
          .join(' ');
  return text;
}

/** A copy of the manifest with what the integrations read filled in from the built types. */
function editorManifest(manifest, kinds) {
  const copy = structuredClone(manifest);
  for (const element of elementsOf(copy)) {
    for (const attribute of element.attributes ?? []) {
      const kind = kinds.get(`${element.name}.${attribute.name}`);
      const text = kind?.values
        ? kind.values.map((v) => `'${v}'`).join(' | ')
        : (kind?.primitive ?? 'string');
      attribute.editorType = { text };
      const fallback = attributeDefault(attribute.default);
      if (fallback === null) delete attribute.default;
      else attribute.default = fallback;
    }
    for (const event of element.events ?? []) {
      // Only the contract's events carry a detail; play and pause are plain Events.
      event.type = {
        text: eventDetails.includes(event.name)
          ? `import('@lossquake/kit').LossquakeEventMap['${event.name}']['detail']`
          : 'unknown',
      };
    }
  }
  return copy;
}

const eventDetails = [
  'batch-change',
  'weights-change',
  'sampler-reset',
  'landscape-ready',
  'landscape-progress',
  'weights-pick',
  'camera-change',
  'error',
];

/** VS Code's data, with each default in the description (the format has no field for it). */
function vscodeData(manifest) {
  const withDefaults = structuredClone(manifest);
  for (const element of elementsOf(withDefaults)) {
    for (const a of element.attributes ?? []) {
      if (a.default !== undefined)
        a.description = `${a.description ?? ''}\n\nDefault: \`${a.default}\``.trim();
    }
  }
  const data = JSON.parse(getVsCodeHtmlCustomData(withDefaults, common));
  const booleans = new Map(
    elementsOf(manifest).flatMap((e) =>
      (e.attributes ?? [])
        .filter((a) => a.editorType.text === 'boolean')
        .map((a) => [`${e.tagName} ${a.name}`, a.default]),
    ),
  );
  for (const tag of data.tags) {
    for (const attribute of tag.attributes) {
      const fallback = booleans.get(`${tag.name} ${attribute.name}`);
      // Off by default: present or absent. On by default: the way to turn it off is the value "false".
      if (fallback === 'true') attribute.values = [{ name: 'false' }, { name: 'true' }];
      else if (fallback !== undefined || booleans.has(`${tag.name} ${attribute.name}`))
        attribute.valueSet = 'v';
      if (attribute.values.length === 0) delete attribute.values;
    }
    if (tag.references.length === 0) delete tag.references;
  }
  return `${JSON.stringify(data, null, 2)}\n`;
}

function webTypesData(manifest, pkg) {
  const data = JSON.parse(getWebTypesData(manifest, common));
  // The integration reads the package.json of the folder it was started in; name the one generated for.
  Object.assign(data, { name: pkg.name, version: pkg.version });
  for (const element of data.contributions.html.elements) {
    if (!element['doc-url']) delete element['doc-url'];
    if (element.slots?.length === 0) delete element.slots;
  }
  return `${JSON.stringify(data, null, 2)}\n`;
}

function jsxTypes(manifest) {
  const scratch = mkdtempSync(join(tmpdir(), 'lossquake-jsx-'));
  try {
    // The integration prints its success line even with hideLogs.
    const log = console.log;
    console.log = () => {};
    try {
      // Attribute types come from the element classes themselves, so they never drift from the code.
      generateJsxTypes(manifest, {
        ...common,
        outdir: scratch,
        fileName: 'jsx.d.ts',
        globalTypePath: './index.js',
      });
    } finally {
      console.log = log;
    }
    const body = readFileSync(join(scratch, 'jsx.d.ts'), 'utf8');
    return `// Generated by tools/editor-types.mjs from custom-elements.json: do not edit.\n// Extend your JSX namespace's IntrinsicElements with CustomElements (see the guide).\n${body}`;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The three files' contents for the package in `dir`. */
export function generate(dir) {
  const pkg = readJson(join(dir, 'package.json'));
  const manifest = manifestOf(dir, pkg);
  const elements = elementsOf(manifest);
  if (elements.length === 0) throw new Error(`${dir}: no custom element in its manifest(s)`);
  const enriched = editorManifest(manifest, propertyTypes(dir, elements));
  return {
    manifest,
    kinds: new Map(
      elementsOf(enriched).flatMap((e) => e.attributes.map((a) => [`${e.tagName} ${a.name}`, a])),
    ),
    contents: {
      vscode: vscodeData(enriched),
      webTypes: webTypesData(enriched, pkg),
      jsx: jsxTypes(enriched),
    },
  };
}

/** Every way the files on disk fall short of the manifests, as messages. */
function problemsIn(dir) {
  const pkg = readJson(join(dir, 'package.json'));
  if (!pkg['web-types']) {
    return [
      `has elements but ships no editor types: append \`&& node ../../tools/editor-types.mjs\` to its build, and add "web-types": "./${files.webTypes}" and the "./jsx" export as the other element packages do`,
    ];
  }
  const { manifest, kinds, contents } = generate(dir);
  const problems = [];
  for (const [key, path] of Object.entries(files)) {
    const current = existsSync(join(dir, path)) ? readFileSync(join(dir, path), 'utf8') : null;
    if (current === null) problems.push(`${path} is missing (run the package's build)`);
    else if (current !== contents[key]) problems.push(`${path} is stale (run the package's build)`);
  }
  if (pkg['web-types'] !== `./${files.webTypes}`)
    problems.push(`package.json "web-types" is not ./${files.webTypes}`);
  if (pkg.exports?.['./jsx']?.types !== `./${files.jsx}`)
    problems.push(`package.json exports "./jsx" is not ./${files.jsx}`);
  if (problems.length > 0) return problems;

  const vscode = new Map(JSON.parse(contents.vscode).tags.map((t) => [t.name, t]));
  // Each `name?: Type;` line of the JSX typings, the name unquoted as prettier leaves plain ones.
  const jsxProps = new Set(
    [...contents.jsx.matchAll(/^\s*"?([\w-]+)"?\?: (.+);$/gm)].map(
      ([, name, type]) => `${name}?: ${type}`,
    ),
  );
  const webTypes = new Map(
    JSON.parse(contents.webTypes).contributions.html.elements.map((e) => [e.name, e]),
  );
  for (const element of elementsOf(manifest)) {
    const tag = element.tagName;
    const inVsCode = vscode.get(tag);
    const inWebTypes = webTypes.get(tag);
    if (!inVsCode) problems.push(`${files.vscode} lacks <${tag}>`);
    if (!inWebTypes) problems.push(`${files.webTypes} lacks <${tag}>`);
    if (!contents.jsx.includes(`"${tag}": Partial<`)) problems.push(`${files.jsx} lacks <${tag}>`);
    for (const attribute of element.attributes ?? []) {
      const { editorType, default: fallback } = kinds.get(`${tag} ${attribute.name}`);
      const values = editorType.text.includes("'")
        ? editorType.text.split(' | ').map((v) => v.slice(1, -1))
        : [];
      const where = `<${tag} ${attribute.name}>`;
      const code = inVsCode?.attributes.find((a) => a.name === attribute.name);
      const jet = inWebTypes?.attributes.find((a) => a.name === attribute.name);
      if (!code) problems.push(`${files.vscode} lacks ${where}`);
      else {
        if (attribute.description && !code.description.includes(attribute.description))
          problems.push(`${files.vscode}: ${where} has no description`);
        if (fallback !== undefined && !code.description.includes(`Default: \`${fallback}\``))
          problems.push(`${files.vscode}: ${where} has no default`);
        const offered =
          editorType.text === 'boolean' && fallback === 'true' ? ['false', 'true'] : values;
        if (String(code.values?.map((v) => v.name) ?? []) !== String(offered))
          problems.push(`${files.vscode}: ${where} values are not ${offered}`);
      }
      if (!jet) problems.push(`${files.webTypes} lacks ${where}`);
      else {
        if (jet.description !== attribute.description)
          problems.push(`${files.webTypes}: ${where} has no description`);
        if (jet.value.default !== fallback)
          problems.push(`${files.webTypes}: ${where} default is not ${fallback}`);
        if (jet.value.type !== editorType.text)
          problems.push(`${files.webTypes}: ${where} type is not ${editorType.text}`);
      }
      const prop = `${element.name}["${attribute.fieldName ?? attribute.name}"]`;
      if (!jsxProps.has(`${attribute.name}?: ${prop}`))
        problems.push(`${files.jsx} lacks ${where}`);
    }
  }
  return problems;
}

if (process.argv.includes('--check')) {
  let failed = 0;
  // Every package with elements, or the folders named after --check.
  const named = process.argv.slice(process.argv.indexOf('--check') + 1).map((dir) => resolve(dir));
  const dirs =
    named.length > 0
      ? named
      : readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name));
  for (const dir of dirs) {
    const pkg = readJson(join(dir, 'package.json'));
    if (!pkg['web-types'] && !pkg.customElements) continue;
    const problems = problemsIn(dir);
    for (const problem of problems) console.error(`${pkg.name}: ${problem}`);
    if (problems.length === 0)
      console.log(`${pkg.name}: editor and JSX types list every tag and attribute`);
    failed += problems.length;
  }
  // A TSX file using the tags with right and wrong attributes (`@ts-expect-error` marks the wrong ones).
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tools/jsx-check/tsconfig.json')], {
      stdio: 'inherit',
    });
    console.log(
      'tools/jsx-check: the JSX typings accept the right attributes and reject the wrong ones',
    );
  } catch {
    console.error('tools/jsx-check: the JSX typings did not type-check as expected');
    failed += 1;
  }
  process.exit(failed === 0 ? 0 : 1);
} else if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const { contents } = generate(process.cwd());
  for (const [key, path] of Object.entries(files))
    writeFileSync(join(process.cwd(), path), contents[key]);
  console.log(`editor types: ${Object.values(files).join(', ')}`);
}
