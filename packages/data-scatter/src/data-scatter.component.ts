// The <data-scatter> element: a sampler's (or its own `data`'s) two-feature data set as points
// coloured by class, the current batch's rows circled; wires the link, size and description to
// plain templates (axes.ts, points.ts) and the canvas painter for large data.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { featureCount, type Dataset } from '@lossquake/core';
import {
  DescriptionController,
  ResizeController,
  SamplerLink,
  viewToHTML,
  validated,
  type BatchChangeDetail,
} from '@lossquake/kit';
import * as types from './attributes.js';
import { axesTemplate } from './axes.js';
import { describeScatter } from './describe.js';
import { dataDomain } from './domain.js';
import { scatterLayout, type ScatterLayout } from './layout.js';
import {
  PointCanvas,
  SVG_POINT_LIMIT,
  batchRows,
  pointsTemplate,
  ringsTemplate,
  type PointLook,
} from './points.js';
import { styles } from './data-scatter.styles.js';

/**
 * The training data of a sampler as a scatter plot: one point per row at (x1, x2), coloured by its
 * class, with the rows of the current mini-batch circled (following `batch-change`). Draws
 * two-feature data only; other data get a quiet note in place.
 *
 * @tagname data-scatter
 * @summary A sampler's data set, classes coloured and the current batch circled.
 *
 * @csspart points - The data set's points (SVG group; up to 5000 rows, a canvas above).
 * @csspart batch - The current batch's rings (SVG group; up to 5000 rows, on the canvas above).
 * @csspart axes - The x1 and x2 axes with ticks and titles (SVG group).
 * @csspart message - A note about what is missing or cannot be drawn.
 *
 * @cssproperty [--lossquake-class-0-color=#1f77b4] - Points of class 0 (blue, as the seed draws them).
 * @cssproperty [--lossquake-class-1-color=#ff7f0e] - Points of class 1 (orange).
 * @cssproperty [--lossquake-point-opacity=0.3] - Opacity of the points outside the batch.
 * @cssproperty [--lossquake-batch-color=var(--lossquake-text-color)] - The rings around the batch's rows.
 * @cssproperty [--lossquake-font-family=system-ui, sans-serif] - Font of the axes and messages (shared).
 * @cssproperty [--lossquake-font-size=12px] - Font size (shared).
 * @cssproperty [--lossquake-text-color=color-mix(in srgb, currentColor 80%, Canvas)] - Text colour (shared).
 * @cssproperty [--lossquake-axis-color=color-mix(in srgb, currentColor 66.67%, Canvas)] - Axis lines and ticks (shared).
 * @cssproperty [--lossquake-message-background=hsl(from currentColor 0 0 calc(min(100, (100 - l) * 1.25)) / 0.92)] - Background of the note shown in place of the plot (shared).
 */
export class DataScatter extends LitElement {
  static override styles = styles;

  /** Id of the <batch-sampler> to follow; without it, the nearest <batch-sampler> ancestor. */
  @property({ reflect: true }) for: string | null = null;
  /** Radius of a point in CSS pixels (0.5..20); the batch's rings are 1.8 times larger. */
  @validated(types.pointSizeType, { attribute: 'point-size' }) pointSize = 3;
  /** Circle the rows of the current batch (on by default; `show-batch="false"` hides them). */
  @validated(types.flag, { attribute: 'show-batch' }) showBatch = true;
  /** A Dataset to draw when no sampler is linked (the property; a linked sampler's data win). */
  @validated(types.dataType) data: Dataset | null = null;
  /** Rows of `data` to circle when no sampler is linked: `"0 4 9"` or an array. */
  @validated(types.rowsType) rows: Uint32Array = new Uint32Array(0);

  #lastBatch: { batch: number; epoch: number } | null = null;
  #link = new SamplerLink(this, {
    onLink: () => (this.#lastBatch = null),
    onBatch: ({ batch, epoch }: BatchChangeDetail) => {
      this.#lastBatch = { batch, epoch };
      this.#description.refresh();
    },
    onReset: () => {
      this.#lastBatch = null;
      this.#description.refresh();
    },
  });
  #size: ResizeController = new ResizeController(this, {
    target: () => this.renderRoot.querySelector('.frame'),
  });
  #description = new DescriptionController(this, () =>
    describeScatter({ data: this.#drawable(), rows: this.#circled(), batch: this.#lastBatch }),
  );
  #canvas = new PointCanvas();
  #layout = { key: [] as unknown[], value: null as ScatterLayout | null };

  /** The data set on screen: the linked sampler's, else `data`; null when there is none. */
  get shownData(): Dataset | null {
    return this.#link.sampler?.dataset ?? this.data;
  }

  /** The shown data when it has two features, else null. */
  #drawable(): Dataset | null {
    const data = this.shownData;
    return data && featureCount(data) === 2 ? data : null;
  }

  /** The rows circled now: the sampler's current batch (or `rows` standalone) that exist in the data. */
  #circled(): number[] {
    const data = this.#drawable();
    if (!data || !this.showBatch) return [];
    return batchRows(data, this.#link.sampler ? this.#link.sampler.rows : this.rows);
  }

  protected override firstUpdated(): void {
    this.#size.observeTarget();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#description.refresh();
    const canvas = this.renderRoot.querySelector('canvas');
    const data = this.#drawable();
    const layout = this.#layout.value;
    if (!canvas || !data || !layout) return;
    const ratio = this.#size.devicePixelRatio;
    this.#canvas.paint(canvas, data, this.#circled(), layout, this.pointSize, this.#look(), ratio);
  }

  // One stable .frame: the ResizeController watches it, so it must outlive every change of content.
  protected override render() {
    return html`<div class="frame">${this.#content()}</div>`;
  }

  #content() {
    const data = this.shownData;
    const note = this.#note(data);
    if (note) return html`<div part="message">${note}</div>`;
    const drawable = data!;
    const { width, height } = this.#size;
    if (width <= 0 || height <= 0) return nothing;
    const layout = this.#fitted(drawable, width, height);
    const domain = dataDomain(drawable);
    const rows = this.#circled();
    if (drawable.n > SVG_POINT_LIMIT) {
      return html`<canvas part="points batch" aria-hidden="true"></canvas>
        <span class="probe class-0"></span><span class="probe class-1"></span
        ><span class="probe ring"></span>
        <svg aria-hidden="true">${axesTemplate(layout, domain)}</svg>`;
    }
    const { pointSize } = this;
    return html`<svg aria-hidden="true">
      ${axesTemplate(layout, domain)}
      ${guard([drawable, layout, pointSize], () => pointsTemplate(drawable, layout, pointSize))}
      ${ringsTemplate(drawable, rows, layout, pointSize)}
    </svg>`;
  }

  /** What to say in place of the plot, or null when there is a two-feature data set to draw. */
  #note(data: Dataset | null): string | null {
    if (this.#link.missing.message) return this.#link.missing.message;
    if (!data)
      return this.#link.sampler ? 'No data yet' : 'No data: link a <batch-sampler> or set `data`';
    const d = featureCount(data);
    return d === 2 ? null : `The data have ${d} features; this plot draws two (x1, x2).`;
  }

  /** The layout for this data and box, the same object while neither changes (guard compares it). */
  #fitted(data: Dataset, width: number, height: number): ScatterLayout {
    const key = [data, width, height];
    if (!this.#layout.value || key.some((v, k) => v !== this.#layout.key[k])) {
      this.#layout = { key, value: scatterLayout(width, height, dataDomain(data)) };
    }
    return this.#layout.value!;
  }

  /** The theme's class colours as the canvas needs them (CSS resolves tokens, currentColor included). */
  #look(): PointLook {
    const colour = (selector: string) => {
      const probe = this.renderRoot.querySelector(selector);
      return probe ? getComputedStyle(probe).color : '#000';
    };
    const opacity = Number(getComputedStyle(this).getPropertyValue('--lq-point-opacity'));
    return {
      class0: colour('.probe.class-0'),
      class1: colour('.probe.class-1'),
      ring: colour('.probe.ring'),
      opacity: Number.isFinite(opacity) ? Math.min(1, Math.max(0, opacity)) : 0.3,
    };
  }

  /** The element as an HTML snippet with its current attributes (not its data), to paste elsewhere. */
  toHTML(): string {
    return viewToHTML(this, this.#description.ownsLabel);
  }
}
