// Registers a tag once: a second copy of a lossquake script must never throw on customElements.define.

// Shared by every copy of lossquake on the page (each copy has its own module state), so a page that
// loads the bundle twice, or the bundle beside the packages, gets one warning rather than one per tag.
const WARNED = Symbol.for('lossquake.define.warned');

export function define(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (existing === element) return;
  if (existing) {
    const page = globalThis as { [WARNED]?: boolean };
    if (!page[WARNED]) {
      page[WARNED] = true;
      console.warn(
        `<${tag}> is already defined by another copy of lossquake; the first copy's elements stay.`,
      );
    }
    return;
  }
  customElements.define(tag, element);
}
