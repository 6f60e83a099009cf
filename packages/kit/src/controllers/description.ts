// The live text description a view gives assistive technology: role="img" and an aria-label that
// follows what is drawn, but never replaces a label the author wrote.
//
//   #description = new DescriptionController(this, () => this.#describe());
//   #description.refresh();   // something worth saying changed (throttled to once per `interval` ms)
//   #description.text         // the last description composed
//   #description.ownsLabel    // false when the aria-label is the author's (toHTML() keeps it then)
//
// A screen reader that re-reads the label on every morph frame would be useless, hence the throttle:
// a refresh inside the interval is answered once, when the interval ends.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class DescriptionController implements ReactiveController {
  #text = '';
  /** The label this controller wrote last: any other value on the element is the author's. */
  #written: string | null = null;
  #describedAt = -Infinity;
  #timer: ReturnType<typeof setTimeout> | undefined = undefined;
  #host: ReactiveControllerHost & HTMLElement;
  #describe: () => string;
  #interval: number;

  constructor(host: ReactiveControllerHost & HTMLElement, describe: () => string, interval = 1000) {
    this.#host = host;
    this.#describe = describe;
    this.#interval = interval;
    host.addController(this);
  }

  /** The last description composed ('' before the first). */
  get text(): string {
    return this.#text;
  }

  /** True when the element's aria-label is absent or the one this controller wrote. */
  get ownsLabel(): boolean {
    const label = this.#host.getAttribute('aria-label');
    return label === null || label === this.#written;
  }

  hostConnected(): void {
    if (!this.#host.hasAttribute('role')) this.#host.setAttribute('role', 'img');
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Asks for a new description: now, or when the interval since the last one ends. */
  refresh(): void {
    if (this.#timer !== undefined) return;
    const wait = this.#describedAt + this.#interval - performance.now();
    if (wait <= 0) {
      this.#apply();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#apply();
    }, wait);
  }

  #apply(): void {
    this.#describedAt = performance.now();
    this.#text = this.#describe();
    if (!this.ownsLabel || this.#host.getAttribute('aria-label') === this.#text) return;
    this.#written = this.#text;
    this.#host.setAttribute('aria-label', this.#text);
  }
}
