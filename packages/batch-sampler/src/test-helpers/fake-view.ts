// A minimal view for tests: links through SamplerLink and paints its canvas one flat colour per iteration.
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { SamplerLink } from '@lossquake/kit';

/** The colour a fake view paints at `iteration`: red on even iterations, blue on odd ones. */
export const fakeColour = (iteration: number): [number, number, number] =>
  iteration % 2 === 0 ? [220, 40, 40] : [40, 60, 220];

export class FakeView extends LitElement {
  @property({ reflect: true }) for: string | null = null;
  link = new SamplerLink(this, {});
  #canvas = document.createElement('canvas');

  constructor(width = 120, height = 80) {
    super();
    this.#canvas.width = width;
    this.#canvas.height = height;
  }

  override render() {
    return html`${this.#canvas}`;
  }

  override updated(): void {
    const [r, g, b] = fakeColour(this.link.sampler?.iteration ?? 0);
    const ctx = this.#canvas.getContext('2d')!;
    ctx.fillStyle = `rgb(${r},${g},${b})`;
    ctx.fillRect(0, 0, this.#canvas.width, this.#canvas.height);
  }

  captureFrame(): HTMLCanvasElement {
    return this.#canvas;
  }

  toHTML(): string {
    return `<${this.localName}${this.for ? ` for="${this.for}"` : ''}></${this.localName}>`;
  }
}

let count = 0;
/** Defines FakeView under a fresh tag and returns the tag. */
export function defineFakeView(): string {
  const tag = `fake-view-${++count}-${Math.random().toString(36).slice(2, 7)}`;
  customElements.define(tag, class extends FakeView {});
  return tag;
}
