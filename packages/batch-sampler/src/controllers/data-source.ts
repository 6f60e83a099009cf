// Where a sampler's rows come from when they are not generated: a Dataset object set on it, `src`
// (fetched; a newer src aborts the older load) or an inline <script type="application/json"> child
// (watched for edits). A failure keeps the previous data, shows its message in place, fires `error`;
// the message goes when that source loads well or goes away.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { checkDataset, type Dataset } from '@lossquake/core';
import { emit, warnOnce } from '@lossquake/kit';
import { fetchDataset, inlineDataset, inlineText } from '../read-dataset.js';
import { isDataset } from '../settings.js';
import type { RunSettings } from '../share/export-run.js';

export interface DataSourceHost extends ReactiveControllerHost, Element {
  src: string | null;
}

/**
 * Whether `page` has yet to fire DOMContentLoaded: it is parsing, or running its deferred and module
 * scripts (readyState says 'interactive' both then and after the event, so navigation timing tells).
 */
function beforeContentLoaded(page: Document): boolean {
  if (page.readyState !== 'interactive') return page.readyState === 'loading';
  const [timing] = page.defaultView?.performance.getEntriesByType('navigation') ?? [];
  return (timing as PerformanceNavigationTiming | undefined)?.domContentLoadedEventStart === 0;
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export class DataSourceController implements ReactiveController {
  /** A Dataset object set through the `dataset` property: it wins over every other source. */
  assigned: Dataset | null = null;
  /** What `src` gave; kept while a newer src loads, and when it fails. */
  loaded: Dataset | null = null;
  /** What the inline child gave, and its text as written (toHTML writes it back). */
  inline: Dataset | null = null;
  inlineText: string | null = null;
  /** The last failure's message, shown until that source loads well or is removed. */
  error: string | null = null;
  /** Which source failed: its own success or removal clears the message. */
  #failed: 'src' | 'inline' | null = null;
  #host: DataSourceHost;
  #onData: () => void;
  #src: string | null = null;
  #load: AbortController | null = null;
  #observer: MutationObserver | null = null;

  /** `onData` runs whenever the data these sources give changes. */
  constructor(host: DataSourceHost, onData: () => void) {
    this.#host = host;
    this.#onData = onData;
    host.addController(this);
  }

  /** The data in use: given, loaded or inline, else what `generate` makes. */
  choose(generate: () => Dataset): Dataset {
    return this.assigned ?? this.loaded ?? this.inline ?? generate();
  }

  /**
   * Takes a Dataset object set through `dataset` (true), or lets a kind or null through (false),
   * which drops an object set before: the sampler generates its kind again.
   */
  assign(value: unknown): boolean {
    if (isDataset(value)) {
      try {
        checkDataset(value);
      } catch (error) {
        // A property set has no `error` event (as attributes have none): warn and keep the data.
        warnOnce(
          `dataset:${describe(error)}`,
          `<${this.#host.localName}${this.#host.id ? ` id="${this.#host.id}"` : ''}> dataset: ${describe(error)}; keeping the data in use.`,
        );
        return true;
      }
      this.assigned = value;
      this.#onData();
      return true;
    }
    if ((value === null || typeof value === 'string') && this.assigned) {
      this.assigned = null;
      this.#onData();
    }
    return false;
  }

  /** How the data in use came, as exportRun('json') tells it; `generated` when from no source. */
  origin(generated: RunSettings['dataset']): RunSettings['dataset'] {
    if (this.assigned) return { given: true };
    if (this.loaded && this.#host.src) return { src: this.#host.src };
    return this.inline ? { given: true } : generated;
  }

  /** The inline child's text when the data in use came from it (toHTML writes it back), else null. */
  get inlineInUse(): string | null {
    return this.assigned || this.loaded || !this.inline ? null : this.inlineText;
  }

  hostConnected(): void {
    this.#observer = new MutationObserver(() => this.#readInline());
    this.#observer.observe(this.#host, { childList: true, subtree: true, characterData: true });
    this.#readInline();
    if (this.#host.src && !this.#load) this.#fetch(this.#host.src);
  }

  hostUpdate(): void {
    if (this.#host.src !== this.#src && this.#host.isConnected) this.#fetch(this.#host.src);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#load?.abort();
    this.#load = null;
  }

  render() {
    return this.error ? html`<p part="error" role="alert">${this.error}</p>` : nothing;
  }

  #fetch(src: string | null): void {
    this.#load?.abort();
    this.#load = null;
    this.#src = src;
    if (!src) {
      this.#clear('src');
      if (this.loaded) {
        this.loaded = null;
        this.#onData();
      }
      return;
    }
    const load = new AbortController();
    this.#load = load;
    fetchDataset(src, load.signal).then(
      (data) => {
        if (this.#load !== load) return;
        this.#load = null;
        this.loaded = data;
        this.#clear('src');
        this.#onData();
      },
      (error: unknown) => {
        if (this.#load !== load || load.signal.aborted) return;
        this.#load = null;
        this.#fail('src', describe(error));
      },
    );
  }

  #readInline(): void {
    const text = inlineText(this.#host);
    if (text === this.inlineText) return;
    this.inlineText = text;
    try {
      const data = inlineDataset(this.#host);
      this.#clear('inline');
      if (data === null && this.inline === null) return;
      this.inline = data;
      this.#onData();
    } catch (error) {
      this.#fail('inline', describe(error));
    }
  }

  #fail(source: 'src' | 'inline', message: string): void {
    this.error = message;
    this.#failed = source;
    this.#host.requestUpdate();
    // An inline data set fails while the element upgrades, before a page's script can listen: the
    // event waits for DOMContentLoaded while the page still parses or runs its module scripts (else
    // for the current task's code), and is dropped if the message was cleared meanwhile.
    const deliver = () => {
      if (this.error === message) emit(this.#host, 'error', { message });
    };
    const page = this.#host.ownerDocument;
    if (beforeContentLoaded(page))
      page.addEventListener('DOMContentLoaded', deliver, { once: true });
    else queueMicrotask(deliver);
  }

  /** Takes the message down when `source`, the one that failed, loaded well or went away. */
  #clear(source: 'src' | 'inline'): void {
    if (this.#failed !== source) return;
    this.error = null;
    this.#failed = null;
    this.#host.requestUpdate();
  }
}
