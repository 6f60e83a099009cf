// The share menu of <batch-sampler controls>: download a frame, record 5 s, copy embed code, export the run.
import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import { linkedViews, saveBlob } from '@lossquake/kit';
import { embedCode } from './share-state.js';

/** What the menu needs from its sampler. */
export interface SharingSampler extends ReactiveControllerHost, Element {
  toHTML(): string;
  exportRun(format: 'csv' | 'json'): string;
  record(options: { seconds: number }): Promise<Blob>;
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

type FrameView = Element & {
  toBlob?(type?: string): Promise<Blob | null>;
};

export class ShareMenu {
  #host: SharingSampler;
  #status = '';
  #recording = false;
  /** Embed code shown for copying by hand when the Clipboard API is unavailable or refused. */
  #manual: string | null = null;

  constructor(host: SharingSampler) {
    this.#host = host;
  }

  /** The views that follow the sampler, in document order. */
  #views(): Element[] {
    return linkedViews(this.#host);
  }

  #say(status: string): void {
    this.#status = status;
    this.#host.requestUpdate();
  }

  async #frame(): Promise<void> {
    const view = this.#views().find(
      (v): v is FrameView => typeof (v as FrameView).toBlob === 'function',
    );
    try {
      const blob = await view?.toBlob?.('image/png');
      if (!view || !blob) return this.#say('No linked view has a frame to save yet.');
      saveBlob(blob, `${view.localName}.png`);
      this.#say('Frame saved.');
    } catch (error) {
      this.#say(`The frame could not be saved: ${describe(error)}`);
    }
  }

  async #record(): Promise<void> {
    if (this.#recording) return;
    this.#recording = true;
    this.#say('Recording 5 s…');
    try {
      saveBlob(await this.#host.record({ seconds: 5 }), 'lossquake.webm');
      this.#say('Video saved.');
    } catch (error) {
      this.#say(`Could not record: ${describe(error)}`);
    } finally {
      this.#recording = false;
      this.#host.requestUpdate();
    }
  }

  async #copy(): Promise<void> {
    const code = embedCode(this.#host, this.#views());
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(code);
      this.#manual = null;
      this.#say('Embed code copied.');
    } catch {
      this.#manual = code;
      this.#say('Copy the selected code (Ctrl+C or ⌘C).');
      await this.#host.updateComplete;
      const area =
        this.#host.shadowRoot?.querySelector<HTMLTextAreaElement>('[part~="embed-code"]');
      area?.focus();
      area?.select();
    }
  }

  #export(format: 'csv' | 'json'): void {
    const text = this.#host.exportRun(format);
    const type = format === 'csv' ? 'text/csv' : 'application/json';
    saveBlob(new Blob([text], { type }), `lossquake-run.${format}`);
    this.#say(`Run saved as ${format.toUpperCase()}.`);
  }

  #onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    const details = event.currentTarget as HTMLDetailsElement;
    if (!details.open) return;
    details.open = false;
    details.querySelector('summary')?.focus();
    event.stopPropagation();
  };

  render() {
    const hasView = this.#views().length > 0;
    // Views may link after the last render: look again when the menu opens.
    return html`<details
      class="share"
      @keydown=${this.#onKey}
      @toggle=${() => this.#host.requestUpdate()}
    >
      <summary part="share-button" title="Share and export">Share</summary>
      <div part="share-menu" role="group" aria-label="Share and export">
        <button
          part="share-frame"
          type="button"
          ?disabled=${!hasView}
          @click=${() => this.#frame()}
        >
          Download frame (PNG)
        </button>
        <button
          part="share-record"
          type="button"
          ?disabled=${!hasView || this.#recording}
          @click=${() => this.#record()}
        >
          ${this.#recording ? 'Recording…' : 'Record 5 s (WebM)'}
        </button>
        <button part="share-embed" type="button" @click=${() => this.#copy()}>
          Copy embed code
        </button>
        <button part="share-csv" type="button" @click=${() => this.#export('csv')}>
          Export run (CSV)
        </button>
        <button part="share-json" type="button" @click=${() => this.#export('json')}>
          Export run (JSON)
        </button>
        ${
          this.#manual === null
            ? nothing
            : html`<textarea
                part="embed-code"
                readonly
                rows="4"
                aria-label="Embed code"
                .value=${this.#manual}
              ></textarea>`
        }
        <p part="share-status" role="status">${this.#status}</p>
      </div>
    </details>`;
  }
}

export const shareStyles = css`
  .share {
    position: relative;
    margin-left: auto;
  }
  .share summary {
    cursor: pointer;
    padding: 0.25rem 0.6rem;
    border-radius: 999px;
    border: 1px solid color-mix(in srgb, var(--lossquake-accent, #2563eb) 35%, transparent);
    color: var(--lossquake-accent, #2563eb);
    list-style: none;
    user-select: none;
  }
  .share summary::-webkit-details-marker {
    display: none;
  }
  .share summary::after {
    content: ' ▾';
  }
  .share summary:focus-visible {
    outline: 2px solid var(--lossquake-focus-color, var(--lossquake-accent, #2563eb));
    outline-offset: 2px;
  }
  [part='share-menu'] {
    position: absolute;
    right: 0;
    top: calc(100% + 0.3rem);
    z-index: 10;
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    min-width: 14rem;
    padding: 0.4rem;
    border-radius: var(--lossquake-radius, 8px);
    background: var(--lossquake-background, #f3f5f8);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
  }
  [part='share-menu'] button {
    width: auto;
    height: auto;
    padding: 0.35rem 0.6rem;
    border-radius: 4px;
    border: none;
    text-align: left;
    font: inherit;
    color: inherit;
    display: block;
  }
  [part='embed-code'] {
    font:
      0.75rem ui-monospace,
      monospace;
    width: 100%;
    box-sizing: border-box;
  }
  [part='share-status'] {
    margin: 0.2rem 0.6rem 0;
    font-size: 0.8rem;
    opacity: 0.8;
  }
  [part='share-status']:empty {
    display: none;
  }
`;
