// Follows the reader's prefers-reduced-motion setting: morphs become instant and auto-rotation stops.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ReducedMotionController implements ReactiveController {
  reduced = false;
  #host: ReactiveControllerHost;
  #media: MediaQueryList | null = null;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#media = matchMedia('(prefers-reduced-motion: reduce)');
    this.reduced = this.#media.matches;
    this.#media.addEventListener('change', this.#onChange);
  }

  hostDisconnected(): void {
    this.#media?.removeEventListener('change', this.#onChange);
    this.#media = null;
  }

  #onChange = (event: MediaQueryListEvent): void => {
    this.reduced = event.matches;
    this.#host.requestUpdate();
  };
}
