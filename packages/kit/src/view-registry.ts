// Which views follow which sampler: SamplerLink registers its host here, so a sampler can record
// and describe its views without importing any view package (dependencies point one way).

// Shared through a global symbol, so that views and samplers from two copies of this package (a
// bundle and a separately loaded view, say) still find each other.
const key = Symbol.for('lossquake.linked-views');
const registry: WeakMap<Element, Set<Element>> = ((globalThis as Record<symbol, unknown>)[key] ??=
  new WeakMap()) as WeakMap<Element, Set<Element>>;

/** `view` now follows `sampler` (null: none); called by SamplerLink. */
export function linkView(view: Element, previous: Element | null, sampler: Element | null): void {
  if (previous) registry.get(previous)?.delete(view);
  if (sampler) {
    let views = registry.get(sampler);
    if (!views) registry.set(sampler, (views = new Set()));
    views.add(view);
  }
}

/** The connected views that follow `sampler`, in document order. */
export function linkedViews(sampler: Element): Element[] {
  const views = [...(registry.get(sampler) ?? [])].filter((view) => view.isConnected);
  return views.sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
}
