// Sharing a figure's state: embed code for a sampler and its views, and a `#state=` URL fragment
// that stores the attributes of lossquake elements and restores them on another page load.
import { warnOnce } from '@lossquake/kit';

/** An element that can describe itself as markup: <batch-sampler>, <loss-surface>, <loss-contour>. */
export interface ShareableElement extends Element {
  toHTML(): string;
}

const isShareable = (element: Element): element is ShareableElement =>
  typeof (element as Partial<ShareableElement>).toHTML === 'function';

/**
 * The snippet that reopens `sampler` and `views` as the reader sees them now: views nested in the
 * sampler without `for` stay nested (they link as descendants), the others follow it.
 */
export function embedCode(
  sampler: Pick<ShareableElement, 'toHTML' | 'contains'>,
  views: readonly Element[],
): string {
  const nested: string[] = [];
  const after: string[] = [];
  for (const view of views) {
    if (!isShareable(view)) continue;
    const inside = sampler.contains(view) && !view.getAttribute('for');
    (inside ? nested : after).push(view.toHTML());
  }
  let code = sampler.toHTML();
  if (nested.length) {
    const close = code.lastIndexOf('</');
    code = `${code.slice(0, close)}\n  ${nested.join('\n  ')}\n${code.slice(close)}`;
  }
  return [code, ...after].join('\n');
}

/** The attributes an element's `toHTML()` gives it (its snippet's root element). */
export function stateAttributes(element: ShareableElement): Record<string, string> {
  const template = document.createElement('template');
  template.innerHTML = element.toHTML();
  const root = template.content.firstElementChild;
  const attributes: Record<string, string> = {};
  for (const attribute of Array.from(root?.attributes ?? []))
    attributes[attribute.name] = attribute.value;
  return attributes;
}

/** One element's entry in a `#state=` fragment: found again by id, else by tag and position. */
interface StateEntry {
  id?: string;
  tag: string;
  index?: number;
  attributes: Record<string, string>;
}

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

const sameTag = (root: ParentNode, tag: string): Element[] =>
  Array.from(root.querySelectorAll(tag));

/**
 * The state of `elements` (samplers and views, anything with `toHTML()`) as a URL-safe string, for
 * `location.hash = 'state=' + encodeState(...)`. Elements without an id are found again by their
 * tag and position among elements of that tag in `root`.
 */
export function encodeState(elements: Iterable<Element>, root: ParentNode = document): string {
  const entries: StateEntry[] = [];
  for (const element of elements) {
    if (!isShareable(element)) continue;
    const tag = element.localName;
    const entry: StateEntry = { tag, attributes: stateAttributes(element) };
    if (element.id) entry.id = element.id;
    else entry.index = sameTag(root, tag).indexOf(element);
    entries.push(entry);
  }
  return base64url(JSON.stringify(entries));
}

function isEntry(value: unknown): value is StateEntry {
  const entry = value as Partial<StateEntry> | null;
  return (
    !!entry &&
    typeof entry.tag === 'string' &&
    /^[a-z][a-z0-9]*-[a-z0-9-]*$/.test(entry.tag) &&
    !!entry.attributes &&
    typeof entry.attributes === 'object' &&
    Object.values(entry.attributes).every((v) => typeof v === 'string')
  );
}

// Attributes that must come last on a sampler: `start-at` seeks, and `picks` replays from the seed.
const LAST = ['start-at', 'picks'];

/**
 * Restores a state from `encodeState` onto the elements in `root`: sets their attributes, and on a
 * sampler replays its run to the stored iteration (with its picks). Takes the fragment as
 * `location.hash` gives it (`#state=…`, other `&`-separated keys ignored), `state=…` or the bare value.
 * Returns the elements restored; a malformed fragment restores nothing and warns once.
 */
export function applyState(fragment: string, root: ParentNode = document): Element[] {
  let value = fragment.replace(/^#/, '');
  const keyed = value.split('&').find((part) => part.startsWith('state='));
  if (keyed) value = keyed.slice('state='.length);
  else if (value.includes('=')) return [];
  let entries: unknown;
  try {
    entries = JSON.parse(fromBase64url(decodeURIComponent(value)));
  } catch {
    entries = null;
  }
  if (!Array.isArray(entries) || !entries.every(isEntry)) {
    warnOnce(
      `applyState:${value}`,
      `lossquake applyState: "${fragment.slice(0, 80)}" is not a state from encodeState(); nothing restored.`,
    );
    return [];
  }
  const restored: Element[] = [];
  for (const entry of entries) {
    const element =
      entry.id !== undefined
        ? Array.from(root.querySelectorAll(entry.tag)).find((e) => e.id === entry.id)
        : sameTag(root, entry.tag)[entry.index ?? -1];
    if (!element) continue;
    const names = Object.keys(entry.attributes).filter((name) => !LAST.includes(name));
    for (const name of [...names, ...LAST]) {
      const text = entry.attributes[name];
      if (text !== undefined) element.setAttribute(name, text);
      else if (name === 'picks' && element.hasAttribute('picks')) element.removeAttribute('picks');
    }
    // A sampler whose `picks` did not change still replays, so the reader's own picks since are undone.
    const replay = (element as Element & { replay?: () => void }).replay;
    if (typeof replay === 'function') replay.call(element);
    restored.push(element);
  }
  return restored;
}
