// Sharing a figure's state: embed code for a sampler and its views, and a `#state=` URL fragment
// that stores the attributes of lossquake elements and restores them on another page load.
import { warnOnce } from '@lossquake/kit';
import { contractAttributes } from './state-attributes.js';

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

/** The attributes a state stores and restores on `tag`, or undefined when it is not lossquake's. */
const contractOf = (tag: string): readonly string[] | undefined =>
  Object.hasOwn(contractAttributes, tag) ? contractAttributes[tag] : undefined;

/** Keeps warnings readable when a fragment or a name is a whole pasted document. */
const clip = (text: string, length = 80): string =>
  text.length > length ? `${text.slice(0, length - 3)}...` : text;

const sameTag = (root: ParentNode, tag: string): Element[] =>
  Array.from(root.querySelectorAll(tag));

/**
 * The state of `elements` (samplers and views, anything with `toHTML()`) as a URL-safe string, for
 * `location.hash = 'state=' + encodeState(...)`. Elements without an id are found again by their
 * tag and position among elements of that tag in `root`. Only what `applyState` restores is stored:
 * lossquake's elements, and of each the attributes its contract lists.
 */
export function encodeState(elements: Iterable<Element>, root: ParentNode = document): string {
  const entries: StateEntry[] = [];
  for (const element of elements) {
    const tag = element.localName;
    const contract = contractOf(tag);
    if (!isShareable(element) || !contract) continue;
    const attributes = Object.entries(stateAttributes(element)).filter(([name]) =>
      contract.includes(name),
    );
    const entry: StateEntry = { tag, attributes: Object.fromEntries(attributes) };
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
    (entry.id === undefined || typeof entry.id === 'string') &&
    (entry.index === undefined || Number.isInteger(entry.index)) &&
    !!entry.attributes &&
    typeof entry.attributes === 'object' &&
    Object.values(entry.attributes).every((v) => typeof v === 'string')
  );
}

// Attributes that must come last on a sampler: `start-at` seeks, and `picks` replays from the seed.
const LAST = ['start-at', 'picks'];

/** How a page lets a state link reach further than the default. */
export interface ApplyStateOptions {
  /**
   * Restore a `src` on another origin (or a data: URL). Off by default: a link someone sends must not
   * point the page's elements at a server of their choosing.
   */
  allowCrossOriginSrc?: boolean;
}

/**
 * What `setAttribute` accepts in every browser (the XML Name rule DOM used before it was relaxed).
 * A state holding any other name was not written by encodeState(): it restores nothing.
 */
const ATTRIBUTE_NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*$/;

function sameOrigin(url: string, page: Document): boolean {
  try {
    return new URL(url, page.baseURI).origin === new URL(page.URL).origin;
  } catch {
    return false;
  }
}

/**
 * The attributes of `entry` a state may set, in the order to set them; what it may not goes into
 * `dropped` (null when the tag is not one of lossquake's). Only the contract's attributes of the entry's tag pass (generated from the manifests),
 * and `src` only on the page's own origin unless the page allows more.
 */
function allowedAttributes(
  entry: StateEntry,
  page: Document,
  options: ApplyStateOptions,
  dropped: string[],
): string[] | null {
  const contract = contractOf(entry.tag);
  const where = `<${entry.tag}${entry.id !== undefined ? ` id="${clip(entry.id, 40)}"` : ''}>`;
  if (!contract) {
    dropped.push(`${where} (not a lossquake element)`);
    return null;
  }
  const refused: string[] = [];
  const allowed = Object.keys(entry.attributes).filter((name) => {
    if (name === 'id') return false; // the key that found the element, already equal
    if (!contract.includes(name)) return !refused.push(clip(name, 40));
    const crossOrigin =
      name === 'src' && !options.allowCrossOriginSrc && !sameOrigin(entry.attributes[name]!, page);
    return crossOrigin ? !refused.push('src (not same-origin)') : true;
  });
  if (refused.length) dropped.push(`${where} ${refused.join(', ')}`);
  const first = allowed.filter((name) => !LAST.includes(name));
  return [...first, ...LAST.filter((name) => contract.includes(name))];
}

/**
 * Restores a state from `encodeState` onto the elements in `root`: sets their attributes, and on a
 * sampler replays its run to the stored iteration (with its picks). Takes the fragment as
 * `location.hash` gives it (`#state=…`, other `&`-separated keys ignored), `state=…` or the bare value.
 * Returns the elements restored; a malformed fragment restores nothing and warns once.
 *
 * A link is anyone's to write, so only the contract's attributes of lossquake's elements are set
 * (each through the element's own validating attribute), `src` only on the page's origin unless
 * `options.allowCrossOriginSrc`; the rest is dropped with one warning that lists it.
 */
export function applyState(
  fragment: string,
  root: ParentNode = document,
  options: ApplyStateOptions = {},
): Element[] {
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
      `lossquake applyState: "${clip(fragment)}" is not a state from encodeState(); nothing restored.`,
    );
    return [];
  }
  // Every name is checked before any element is touched, so a bad one cannot leave half a state.
  const badName = entries
    .flatMap((entry) => Object.keys(entry.attributes))
    .find((name) => !ATTRIBUTE_NAME.test(name));
  if (badName !== undefined) {
    warnOnce(
      `applyState:${value}`,
      `lossquake applyState: "${clip(badName)}" is not an attribute name, so "${clip(fragment)}" is not a state from encodeState(); nothing restored.`,
    );
    return [];
  }
  const page = (root as Node).ownerDocument ?? (root as Document);
  const dropped: string[] = [];
  const plans = entries.map((entry) => ({
    entry,
    names: allowedAttributes(entry, page, options, dropped),
  }));
  if (dropped.length) {
    warnOnce(
      `applyState:dropped:${value}`,
      `lossquake applyState: restoring only the elements' documented attributes; dropped ${clip(dropped.join('; '), 1000)}.`,
    );
  }
  const restored: Element[] = [];
  for (const { entry, names } of plans) {
    if (!names) continue;
    const element =
      entry.id !== undefined
        ? Array.from(root.querySelectorAll(entry.tag)).find((e) => e.id === entry.id)
        : sameTag(root, entry.tag)[entry.index ?? -1];
    if (!element) continue;
    for (const name of names) {
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
