// Tracks whether an element can be seen: on screen (IntersectionObserver) and the page not hidden.
// Elements stop their frame loops and timers while it is false. An element shown through others (a
// sampler through its linked views) counts as seen while any of them is.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface VisibilityOptions {
  /** Other elements whose being on screen counts as the host's (a sampler's linked views). */
  also?: () => Iterable<Element>;
  /** Calls `changed` whenever `also` may give other elements; returns how to stop. */
  watch?: (changed: () => void) => () => void;
}

export class VisibilityController implements ReactiveController {
  /** The host or one of its `also` elements on screen, and the page visible. */
  visible = false;
  #host: ReactiveControllerHost & Element;
  #observer: IntersectionObserver | null = null;
  #onChange: (visible: boolean) => void;
  #options: VisibilityOptions;
  #unwatch: (() => void) | null = null;
  // Each element observed, and whether it is on screen now.
  #onScreen = new Map<Element, boolean>();

  constructor(
    host: ReactiveControllerHost & Element,
    onChange: (visible: boolean) => void = () => {},
    options: VisibilityOptions = {},
  ) {
    this.#host = host;
    this.#onChange = onChange;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#update);
    if (typeof IntersectionObserver !== 'undefined') {
      this.#observer = new IntersectionObserver((entries) => {
        // Entries come oldest first: the last one for an element is its state now.
        for (const entry of entries)
          if (this.#onScreen.has(entry.target))
            this.#onScreen.set(entry.target, entry.isIntersecting);
        this.#update();
      });
    }
    this.#unwatch = this.#options.watch?.(this.#track) ?? null;
    this.#track();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#update);
    this.#unwatch?.();
    this.#unwatch = null;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#onScreen.clear();
    this.#update();
  }

  // Observes the host and its `also` elements, and no others.
  #track = (): void => {
    const targets = new Set<Element>([this.#host, ...(this.#options.also?.() ?? [])]);
    for (const element of [...this.#onScreen.keys()]) {
      if (targets.has(element)) continue;
      this.#observer?.unobserve(element);
      this.#onScreen.delete(element);
    }
    for (const element of targets) {
      if (this.#onScreen.has(element)) continue;
      // Without IntersectionObserver everything counts as on screen.
      this.#onScreen.set(element, !this.#observer);
      this.#observer?.observe(element);
    }
    this.#update();
  };

  #update = (): void => {
    const onScreen = [...this.#onScreen.values()].some(Boolean);
    const visible = onScreen && document.visibilityState !== 'hidden';
    if (visible === this.visible) return;
    this.visible = visible;
    this.#onChange(visible);
    this.#host.requestUpdate();
  };
}
