// One markup writer for every toHTML(): attribute values and inline script text escaped once, here.

/** An attribute value safe inside double quotes. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Text safe inside a <script> element: `<!--` and `<script`/`</script` would switch the HTML parser
 * out of the script-data state and swallow the markup after it, so each `<` before them is escaped.
 * JSON and JavaScript read `\u003c` as `<`.
 */
export function escapeScriptData(text: string): string {
  return text.replace(/<(!--|\/?script)/gi, '\\u003c$1');
}

/** `<tag a="1" b>inner</tag>`; an empty value writes a bare (boolean) attribute. */
export function elementToHTML(
  tag: string,
  attributes: Record<string, string> | Iterable<readonly [string, string]>,
  inner = '',
): string {
  const entries = Symbol.iterator in attributes ? [...attributes] : Object.entries(attributes);
  const text = entries
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  return `<${tag}${text}>${inner}</${tag}>`;
}
