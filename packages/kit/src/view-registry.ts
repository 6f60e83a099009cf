// Which views follow which sampler: SamplerLink registers its host here, so a sampler can record,
// describe and keep playing for its views without importing any view package (dependencies point
// one way).

// Shared through global symbols, so that views and samplers from two copies of this package (a
// bundle and a separately loaded view, say) still find each other.
const key = Symbol.for('lossquake.linked-views');
const registry: WeakMap<Element, Set<Element>> = ((globalThis as Record<symbol, unknown>)[key] ??=
  new WeakMap()) as WeakMap<Element, Set<Element>>;
const watchersKey = Symbol.for('lossquake.linked-views-watchers');
const watchers: WeakMap<Element, Set<() => void>> = ((globalThis as Record<symbol, unknown>)[
  watchersKey
] ??= new WeakMap()) as WeakMap<Element, Set<() => void>>;

function tell(sampler: Element | null): void {
  if (sampler) for (const changed of [...(watchers.get(sampler) ?? [])]) changed();
}

/** `view` now follows `sampler` (null: none); called by SamplerLink. */
export function linkView(view: Element, previous: Element | null, sampler: Element | null): void {
  if (previous) registry.get(previous)?.delete(view);
  if (sampler) {
    let views = registry.get(sampler);
    if (!views) registry.set(sampler, (views = new Set()));
    views.add(view);
  }
  if (previous !== sampler) {
    tell(previous);
    tell(sampler);
  }
}

/** The connected views that follow `sampler`, in document order. */
export function linkedViews(sampler: Element): Element[] {
  const views = [...(registry.get(sampler) ?? [])].filter((view) => view.isConnected);
  return views.sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
}

/** Calls `changed` whenever a view links to or unlinks from `sampler`; returns how to stop. */
export function watchLinkedViews(sampler: Element, changed: () => void): () => void {
  let set = watchers.get(sampler);
  if (!set) watchers.set(sampler, (set = new Set()));
  set.add(changed);
  return () => set.delete(changed);
}
