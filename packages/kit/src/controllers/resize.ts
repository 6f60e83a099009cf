// Tracks an element's content box and the device pixel ratio, so a view can draw crisp at any size.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ResizeController implements ReactiveController {
  /** CSS pixels of the observed box. */
  width = 0;
  height = 0;
  devicePixelRatio = globalThis.devicePixelRatio || 1;
  #host: ReactiveControllerHost & Element;
  #target: () => Element | null;
  #observer: ResizeObserver | null = null;
  #media: MediaQueryList | null = null;
  #onChange: () => void;

  /** `target` picks the box to watch (defaults to the host itself). */
  constructor(
    host: ReactiveControllerHost & Element,
    options: { target?: () => Element | null; onChange?: () => void } = {},
  ) {
    this.#host = host;
    this.#target = options.target ?? (() => host);
    this.#onChange = options.onChange ?? (() => {});
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]!.contentRect; // the observer reports at least one
      if (box.width === this.width && box.height === this.height) return;
      this.width = box.width;
      this.height = box.height;
      this.#changed();
    });
    this.#observer.observe(this.#target() ?? this.#host);
    this.#watchPixelRatio();
  }

  /** Call when the watched target element is first rendered or replaced. */
  observeTarget(): void {
    if (!this.#observer) return;
    this.#observer.disconnect();
    this.#observer.observe(this.#target() ?? this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#media?.removeEventListener('change', this.#onPixelRatio);
    this.#media = null;
  }

  // A resolution media query fires once when the ratio changes (zoom, moving to another screen).
  #watchPixelRatio(): void {
    this.#media?.removeEventListener('change', this.#onPixelRatio);
    this.devicePixelRatio = globalThis.devicePixelRatio || 1;
    this.#media = matchMedia(`(resolution: ${this.devicePixelRatio}dppx)`);
    this.#media.addEventListener('change', this.#onPixelRatio);
  }

  #onPixelRatio = (): void => {
    this.#watchPixelRatio();
    this.#changed();
  };

  #changed(): void {
    this.#onChange();
    this.#host.requestUpdate();
  }
}
