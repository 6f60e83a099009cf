// A view whose `for` names no sampler says so, as `<label for>` tooling does: a missing id, a sampler
// in another shadow root (ids do not cross them), or one removed. Only once the page had its chance:
// a sampler later in the markup, or not yet upgraded, is not missing.
import type { ReactiveController } from 'lit';
import type { LinkedSampler } from './linked-sampler.js';
import type { SamplerLinkHost } from './sampler-link.js';
import { clip, warnOnce } from './warn.js';

export class MissingSampler implements ReactiveController {
  /** The `for` id that names no sampler (settled, shown and warned about); null when linked or no `for`. */
  id: string | null = null;
  #host: SamplerLinkHost;
  #sampler: () => LinkedSampler | null;
  #timer = 0;

  constructor(host: SamplerLinkHost, sampler: () => LinkedSampler | null) {
    this.#host = host;
    this.#sampler = sampler;
    host.addController(this);
  }

  /** The quiet note a view shows in place while `id` names no sampler. */
  get message(): string | null {
    return this.id === null ? null : `no <batch-sampler id="${clip(this.id)}"> on this page`;
  }

  hostConnected(): void {
    this.#check();
  }

  hostUpdated(): void {
    this.#check();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = 0;
  }

  #wanted(): string | null {
    const id = this.#host.for || null;
    return id && !this.#sampler() ? id : null;
  }

  #check(): void {
    const wanted = this.#wanted();
    if (wanted === null) {
      if (this.id !== null) this.#set(null);
      return;
    }
    if (wanted === this.id || this.#timer) return;
    // After the document is parsed and one more task: upgrades and MutationObserver links land first.
    const settle = () => {
      this.#timer = setTimeout(() => {
        this.#timer = 0;
        if (this.#host.isConnected) this.#settle();
      }, 0);
    };
    if (document.readyState === 'loading') {
      this.#timer = -1;
      document.addEventListener('DOMContentLoaded', settle, { once: true });
    } else settle();
  }

  #settle(): void {
    const id = this.#wanted();
    if (id === null) return this.#set(null);
    const tag = this.#host.localName;
    warnOnce(
      `for-missing:${tag}:${id}`,
      `<${tag} for="${clip(id)}">: no <batch-sampler id="${clip(id)}"> in this document or shadow root; ` +
        '`for` expects the id of a <batch-sampler> in the same tree (ids do not cross shadow roots). ' +
        'The view links when one appears.',
    );
    this.#set(id);
  }

  #set(id: string | null): void {
    if (id === this.id) return;
    this.id = id;
    this.#host.requestUpdate();
  }
}
