// Text helpers for the docs build: escaping, dedenting, code blocks, and the live-example pass that
// puts each example's own markup under it, so the source a reader copies is the code that runs.

export function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Removes the common leading indentation and the blank lines around a block of text. */
export function dedent(text) {
  const lines = text.replace(/\t/g, '  ').split('\n');
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  const indent = Math.min(
    ...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)[0].length),
  );
  return lines.map((line) => line.slice(indent).trimEnd()).join('\n');
}

/** HTML source with tags, attributes, values and comments wrapped in spans for colour. */
function highlightHtml(text) {
  let out = '';
  const pattern =
    /(<!--[\s\S]*?-->)|(<\/?)([\w-]+)((?:\s+[\w:-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)(\s*\/?>)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    out += escapeHtml(text.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[1]) {
      out += `<span class="tok-comment">${escapeHtml(match[1])}</span>`;
      continue;
    }
    const attributes = match[4].replace(
      /(\s+)([\w:-]+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+))?/g,
      (_, space, name, equals, value) =>
        `${space}<span class="tok-attr">${escapeHtml(name)}</span>` +
        (value === undefined
          ? ''
          : `${escapeHtml(equals)}<span class="tok-value">${escapeHtml(value)}</span>`),
    );
    out += `<span class="tok-punct">${escapeHtml(match[2])}</span><span class="tok-tag">${escapeHtml(match[3])}</span>${attributes}<span class="tok-punct">${escapeHtml(match[5])}</span>`;
  }
  return out + escapeHtml(text.slice(last));
}

/** Comments in JavaScript, TypeScript and Python sources, for colour (strings are left alone). */
function highlightComments(text, language) {
  const comment = language === 'py' ? /(^|\s)(#.*)$/gm : /(^|\s)(\/\/.*)$/gm;
  return escapeHtml(text).replace(
    comment,
    (_, before, body) => `${before}<span class="tok-comment">${body}</span>`,
  );
}

const languageNames = {
  html: 'HTML',
  js: 'JavaScript',
  mjs: 'JavaScript',
  ts: 'TypeScript',
  py: 'Python',
  json: 'JSON',
  css: 'CSS',
  sh: 'Shell',
};

/**
 * A code panel: a bar with the language (or file name) and a copy button, then the code. docs.js
 * copies the code element's text, which is exactly `text`. With `state`, the bar also has a "Copy
 * this state" button: docs.js copies the figure's samplers and views as they are now (embed code) and
 * puts that state in the URL's `#state=` fragment.
 */
export function codeBlock(text, { language = 'html', label, download, state = false } = {}) {
  const body = dedent(text);
  const code = language === 'html' ? highlightHtml(body) : highlightComments(body, language);
  const name = label ?? languageNames[language] ?? language;
  const link = download
    ? `<a class="source-download" href="${escapeHtml(download)}" download>Download</a>`
    : '';
  return (
    `<div class="source" data-language="${escapeHtml(language)}">` +
    `<div class="source-bar"><span class="source-label">${escapeHtml(name)}</span>${link}` +
    (state
      ? `<button type="button" class="copy" data-copy-state title="Copy the embed code of this figure as it is now, and link to it">Copy this state</button>`
      : '') +
    `<button type="button" class="copy" data-copy>Copy</button></div>` +
    `<pre tabindex="0"><code class="language-${escapeHtml(language)}">${code}</code></pre></div>`
  );
}

/** The index just past the `</div>` that closes the `<div` opened at `start`. */
function closingDiv(html, start) {
  const tags = /<div\b[^>]*>|<\/div\s*>/gi;
  tags.lastIndex = start;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[0][1] === '/' ? -1 : 1;
    if (depth === 0) return { innerEnd: match.index, end: match.index + match[0].length };
  }
  return null;
}

/**
 * Every `<div class="live">…</div>` in a page is a live example: its markup stays as it is and a
 * code panel with that same markup follows it (inside the same figure).
 */
export function renderExamples(html, fail, file) {
  let out = '';
  let last = 0;
  const opening = /<div class="live"[^>]*>/g;
  for (let match = opening.exec(html); match; match = opening.exec(html)) {
    const close = closingDiv(html, match.index);
    if (!close) fail(`pages/${file}: unclosed <div class="live"> at offset ${match.index}`);
    const inner = html.slice(match.index + match[0].length, close.innerEnd);
    // An example with a sampler can also be copied as the reader has left it.
    const state = /<batch-sampler\b/.test(inner);
    out += html.slice(last, close.end) + '\n' + codeBlock(inner, { language: 'html', state });
    last = close.end;
    opening.lastIndex = close.end;
  }
  return out + html.slice(last);
}
