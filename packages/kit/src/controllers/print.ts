// Paints a view for a picture of the page the reader is not looking at: printing an article draws
// every view, also those scrolled out of sight, which otherwise pause drawing to save work.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class PrintController implements ReactiveController {
  #paint: () => void;

  /** `paint` draws the view now, on screen or not (synchronously: the page is laid out for print next). */
  constructor(host: ReactiveControllerHost, paint: () => void) {
    this.#paint = paint;
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener('beforeprint', this.#onPrint);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('beforeprint', this.#onPrint);
  }

  #onPrint = (): void => this.#paint();
}
