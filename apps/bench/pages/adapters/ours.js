// lossquake's <loss-surface> and <loss-contour>, standalone: each update hands the element a
// landscape through its `landscape` property, as a page that computes landscapes itself would.
const src = '/packages/lossquake/dist/lossquake.js';

export async function load() {
  await import(src);
  for (const tag of ['loss-surface', 'loss-contour']) {
    if (!customElements.get(tag)) throw new Error(`${src} did not define <${tag}>`);
  }
}

/** Adds the element showing `landscape` to `box`, with `transition` ms of morph per new landscape. */
export function mount(box, view, landscape, { transition = 0 } = {}) {
  const el = document.createElement(view === 'surface' ? 'loss-surface' : 'loss-contour');
  el.setAttribute('transition', String(transition));
  el.landscape = landscape;
  box.append(el);
  return {
    el,
    /** Hands a new landscape over; the element morphs to it over `transition` ms (or draws it at once). */
    set: (next) => {
      el.landscape = next;
    },
    remove: () => el.remove(),
  };
}
