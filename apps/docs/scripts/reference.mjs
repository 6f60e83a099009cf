// The API reference, generated from each element package's custom-elements.json (written by
// `cem analyze` from the classes' JSDoc), so nothing about the API is written by hand twice.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from './html.mjs';

/** The element packages, in the order the reference lists them. */
const packages = [
  { dir: 'batch-sampler', name: '@lossquake/batch-sampler' },
  { dir: 'loss-surface', name: '@lossquake/loss-surface' },
  { dir: 'loss-contour', name: '@lossquake/loss-contour' },
  { dir: 'data-scatter', name: '@lossquake/data-scatter' },
];

/** Every custom element declared in the packages' manifests: { tagName, packageName, declaration }. */
export function loadManifests(root, fail) {
  const elements = [];
  for (const { dir, name } of packages) {
    const file = join(root, 'packages', dir, 'custom-elements.json');
    if (!existsSync(file)) fail(`${file} is missing: build ${name} first`);
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    for (const module of manifest.modules ?? []) {
      // Test helpers (fake views and the like) are not part of a package's API.
      if (/(^|\/)test-helpers\//.test(module.path ?? '')) continue;
      for (const declaration of module.declarations ?? []) {
        if (!declaration.customElement) continue;
        // The packages register through a define() helper, which the analyzer cannot follow; without a
        // `@tagname` in the class comment, a package's one element is the tag named like the package.
        const tagName = declaration.tagName ?? dir;
        elements.push({ tagName, packageName: name, path: module.path, declaration });
      }
    }
  }
  if (!elements.length) fail('no custom elements found in the packages’ custom-elements.json');
  return elements;
}

/** The little Markdown JSDoc uses: `code`, **strong**, [links](url); everything else escaped. */
function inline(text = '') {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>');
}

function paragraphs(text = '') {
  return text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${inline(p.trim())}</p>`)
    .join('');
}

const code = (text) =>
  text === undefined || text === null || text === ''
    ? '<span class="muted">–</span>'
    : `<code>${escapeHtml(text)}</code>`;

function table(caption, headings, rows) {
  if (!rows.length) return '';
  const head = headings.map((h) => `<th scope="col">${h}</th>`).join('');
  // data-label names each cell's column, so a phone can show a row as a small card.
  const cell = (content, k) =>
    k === 0
      ? `<th scope="row">${content}</th>`
      : `<td data-label="${escapeHtml(headings[k] || '')}">${content}</td>`;
  const body = rows.map((cells) => `<tr>${cells.map(cell).join('')}</tr>`).join('');
  return `<div class="table-wrap"><table class="api"><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/**
 * An attribute's default, as the manifest has it: the initialiser of its @validated property
 * (tools/cem.config.mjs). `null` means "none" (the description says what happens then).
 */
function defaultOf(attribute, field) {
  const stated = attribute.default ?? field?.default;
  return stated === 'null' ? undefined : stated;
}

const isPublic = (member) => !member.privacy || member.privacy === 'public';
const notInternal = (member) => !member.name.startsWith('_') && !member.name.startsWith('#');

function signature(method) {
  const params = (method.parameters ?? [])
    .map((p) => `${p.name}${p.optional ? '?' : ''}${p.type?.text ? `: ${p.type.text}` : ''}`)
    .join(', ');
  const returns = method.return?.type?.text;
  return `${method.name}(${params})${returns ? `: ${returns}` : ''}`;
}

function elementSection({ tagName, packageName, declaration: d }) {
  const members = (d.members ?? []).filter((m) => isPublic(m) && notInternal(m) && !m.static);
  const attributes = (d.attributes ?? []).filter((a) => a.name);
  const fieldsWithAttribute = new Set(attributes.map((a) => a.fieldName));
  const fields = members.filter((m) => m.kind === 'field');
  const methods = members.filter((m) => m.kind === 'method');
  const attributeRows = attributes.map((a) => {
    const field = fields.find((f) => f.name === a.fieldName);
    return [
      code(a.name),
      a.fieldName ? code(a.fieldName) : '<span class="muted">–</span>',
      code(a.type?.text ?? field?.type?.text),
      code(defaultOf(a, field)),
      inline(a.description ?? field?.description),
    ];
  });
  const propertyRows = fields
    .filter((f) => !fieldsWithAttribute.has(f.name))
    .map((f) => [
      code(f.name),
      code(f.type?.text),
      f.readonly ? 'read-only' : 'read/write',
      inline(f.description),
    ]);
  const methodRows = methods.map((m) => [code(signature(m)), inline(m.description ?? m.summary)]);
  const eventRows = (d.events ?? [])
    .filter((e) => e.name)
    .map((e) => [code(e.name), code(e.type?.text), inline(e.description)]);
  const partRows = (d.cssParts ?? []).map((p) => [
    code(`::part(${p.name})`),
    inline(p.description),
  ]);
  const propertyCssRows = (d.cssProperties ?? []).map((p) => [
    code(p.name),
    code(p.default),
    inline(p.description),
  ]);
  const slotRows = (d.slots ?? []).map((s) => [code(s.name || '(default)'), inline(s.description)]);
  return (
    `<section class="api-element" id="${tagName}" aria-labelledby="${tagName}-heading">` +
    `<h2 id="${tagName}-heading"><code>&lt;${tagName}&gt;</code></h2>` +
    `<p class="api-package">${escapeHtml(packageName)} · class <code>${escapeHtml(d.name)}</code></p>` +
    (d.summary ? `<p class="lede">${inline(d.summary)}</p>` : '') +
    paragraphs(d.description) +
    table(
      'Attributes',
      ['attribute', 'property', 'type', 'default', 'description'],
      attributeRows,
    ) +
    table('Other properties', ['property', 'type', 'access', 'description'], propertyRows) +
    table('Methods', ['method', 'description'], methodRows) +
    table('Events', ['event', 'detail', 'description'], eventRows) +
    table('CSS parts', ['part', 'description'], partRows) +
    table('CSS custom properties', ['property', 'default', 'description'], propertyCssRows) +
    table('Slots', ['slot', 'description'], slotRows) +
    '</section>'
  );
}

/** The whole reference: a contents list, then one section per element. */
export function elementReference(elements) {
  const contents = elements
    .map(
      ({ tagName, declaration }) =>
        `<li><a href="#${tagName}"><code>&lt;${tagName}&gt;</code></a> ${inline(declaration.summary)}</li>`,
    )
    .join('');
  return (
    `<nav class="api-contents" aria-label="Elements"><ul>${contents}</ul></nav>` +
    elements.map(elementSection).join('')
  );
}

/** One table of every attribute of every element, for the guide. */
export function attributeSummary(elements) {
  const rows = elements.flatMap(({ tagName, declaration: d }) =>
    (d.attributes ?? [])
      .filter((a) => a.name)
      .map((a) => {
        const field = (d.members ?? []).find((m) => m.name === a.fieldName);
        return [
          `<code>&lt;${tagName}&gt;</code>`,
          code(a.name),
          code(defaultOf(a, field)),
          inline(a.description ?? field?.description),
        ];
      }),
  );
  return table(
    'Every attribute (from custom-elements.json)',
    ['element', 'attribute', 'default', 'meaning'],
    rows,
  );
}
