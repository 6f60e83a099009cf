// A Lit ReactiveController that links a view to its sampler: by `for="id"` (following the id when the
// sampler appears later or is replaced), else the nearest <batch-sampler> ancestor, across shadow roots.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  BatchChangeDetail,
  LandscapeReadyDetail,
  SamplerResetDetail,
  WeightsChangeDetail,
  WeightsPickDetail,
} from './events.js';
import { isLinkedSampler, type LinkedSampler } from './linked-sampler.js';
import { linkView } from './view-registry.js';
import { MissingSampler } from './missing-sampler.js';

export interface SamplerLinkHost extends ReactiveControllerHost, HTMLElement {
  /** Id of the sampler to follow; null or empty means the nearest ancestor. */
  for: string | null;
}

export interface SamplerLinkHandlers {
  /** The view is now linked to `sampler` (or to none); read its current state here. */
  onLink?(sampler: LinkedSampler | null): void;
  onBatch?(detail: BatchChangeDetail): void;
  onWeights?(detail: WeightsChangeDetail): void;
  onReset?(detail: SamplerResetDetail): void;
  /** The sampler's full-data landscape arrived (it may be computed in a worker after a reset). */
  onLandscapeReady?(detail: LandscapeReadyDetail): void;
}

const SAMPLER_TAG = 'batch-sampler';

function closestAcrossShadow(start: Element, tag: string): Element | null {
  let node: Element | null = start;
  while (node) {
    const found: Element | null = node.parentElement?.closest(tag) ?? null;
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

export class SamplerLink implements ReactiveController {
  /** The sampler this view follows, or null. */
  sampler: LinkedSampler | null = null;
  /** Whether `for` names no sampler: the note a view shows in place (`missing.message`), warned once. */
  readonly missing: MissingSampler;

  #host: SamplerLinkHost;
  #handlers: SamplerLinkHandlers;
  #linkedFor: string | null = null;
  #observer: MutationObserver | null = null;
  #connected = false;

  constructor(host: SamplerLinkHost, handlers: SamplerLinkHandlers = {}) {
    this.#host = host;
    this.#handlers = handlers;
    host.addController(this);
    this.missing = new MissingSampler(host, () => this.sampler);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#host.addEventListener('weights-pick', this.#forwardPick);
    this.#resolve();
    if (!customElements.get(SAMPLER_TAG)) {
      void customElements.whenDefined(SAMPLER_TAG).then(() => this.#connected && this.#resolve());
    }
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#host.removeEventListener('weights-pick', this.#forwardPick);
    this.#observer?.disconnect();
    this.#observer = null;
    this.#attach(null);
  }

  hostUpdated(): void {
    if ((this.#host.for || null) !== this.#linkedFor) this.#resolve();
  }

  #resolve = (): void => {
    if (!this.#connected) return;
    const id = this.#host.for || null;
    this.#linkedFor = id;
    const root = this.#host.getRootNode() as Document | ShadowRoot;
    const candidate = id
      ? (root.getElementById?.(id) ?? null)
      : closestAcrossShadow(this.#host, SAMPLER_TAG);
    this.#watchIds(id !== null, root);
    this.#attach(isLinkedSampler(candidate) ? candidate : null);
  };

  // With `for`, the sampler may be added, replaced or renamed later: look again when the tree changes.
  #watchIds(watch: boolean, root: Document | ShadowRoot): void {
    if (!watch) {
      this.#observer?.disconnect();
      this.#observer = null;
      return;
    }
    if (this.#observer) return;
    this.#observer = new MutationObserver(() => {
      const id = this.#host.for || null;
      const found = id
        ? ((this.#host.getRootNode() as Document | ShadowRoot).getElementById?.(id) ?? null)
        : null;
      if (found !== this.sampler) this.#resolve();
    });
    this.#observer.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['id'],
    });
  }

  #attach(sampler: LinkedSampler | null): void {
    if (sampler === this.sampler) return;
    const previous = this.sampler;
    if (previous) {
      previous.removeEventListener('batch-change', this.#onBatch);
      previous.removeEventListener('weights-change', this.#onWeights);
      previous.removeEventListener('sampler-reset', this.#onReset);
      previous.removeEventListener('landscape-ready', this.#onLandscapeReady);
      previous.removeEventListener('landscape-progress', this.#onProgress);
    }
    this.sampler = sampler;
    linkView(this.#host, previous, sampler);
    if (sampler) {
      sampler.addEventListener('batch-change', this.#onBatch);
      sampler.addEventListener('weights-change', this.#onWeights);
      sampler.addEventListener('sampler-reset', this.#onReset);
      sampler.addEventListener('landscape-ready', this.#onLandscapeReady);
      sampler.addEventListener('landscape-progress', this.#onProgress);
    }
    this.#handlers.onLink?.(sampler);
    this.#host.requestUpdate();
  }

  // Events from a nested sampler inside another sampler must not reach the outer one's views.
  #fromOwnSampler(event: Event): boolean {
    return event.target === this.sampler;
  }

  // A payload's typed arrays are one copy shared by every listener, any of which may write into it
  // before a view draws: a view draws the sampler's own rows and landscapes instead.
  #onBatch = (event: CustomEvent<BatchChangeDetail>): void => {
    if (!this.#fromOwnSampler(event)) return;
    const { rows, landscape } = this.sampler!;
    this.#handlers.onBatch?.({
      ...event.detail,
      rows,
      landscape: landscape ?? event.detail.landscape,
    });
    this.#host.requestUpdate();
  };

  #onWeights = (event: CustomEvent<WeightsChangeDetail>): void => {
    if (!this.#fromOwnSampler(event)) return;
    this.#handlers.onWeights?.(event.detail);
    this.#host.requestUpdate();
  };

  #onReset = (event: CustomEvent<SamplerResetDetail>): void => {
    if (!this.#fromOwnSampler(event)) return;
    this.#handlers.onReset?.(event.detail);
    this.#host.requestUpdate();
  };

  #onLandscapeReady = (event: CustomEvent<LandscapeReadyDetail>): void => {
    if (!this.#fromOwnSampler(event)) return;
    this.#handlers.onLandscapeReady?.({
      landscape: this.sampler!.fullLandscape ?? event.detail.landscape,
    });
    this.#host.requestUpdate();
  };

  // The view shows how far the sampler's landscapes are (LinkedSampler.building).
  #onProgress = (event: Event): void => {
    if (this.#fromOwnSampler(event)) this.#host.requestUpdate();
  };

  // An ancestor sampler hears the bubbling pick itself; a sampler linked by `for` is told directly.
  #forwardPick = (event: CustomEvent<WeightsPickDetail>): void => {
    const sampler = this.sampler;
    if (!sampler || event.composedPath().includes(sampler)) return;
    sampler.pick(event.detail.weights);
  };
}
