// Tracks whether an element can be seen: on screen (IntersectionObserver) and the page not hidden.
// Elements stop their frame loops and timers while it is false.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class VisibilityController implements ReactiveController {
  /** On screen and the page visible. */
  visible = false;
  #onScreen = false;
  #host: ReactiveControllerHost & Element;
  #observer: IntersectionObserver | null = null;
  #onChange: (visible: boolean) => void;

  constructor(
    host: ReactiveControllerHost & Element,
    onChange: (visible: boolean) => void = () => {},
  ) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#update);
    if (typeof IntersectionObserver === 'undefined') {
      this.#onScreen = true;
      this.#update();
      return;
    }
    this.#observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1]!; // the observer reports at least one
      this.#onScreen = last.isIntersecting;
      this.#update();
    });
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#update);
    this.#observer?.disconnect();
    this.#observer = null;
    this.#onScreen = false;
    this.#update();
  }

  #update = (): void => {
    const visible = this.#onScreen && document.visibilityState !== 'hidden';
    if (visible === this.visible) return;
    this.visible = visible;
    this.#onChange(visible);
    this.#host.requestUpdate();
  };
}
