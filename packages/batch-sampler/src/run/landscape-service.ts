// Computes large landscapes in a module Web Worker, or, where workers are unavailable (CSP, sandbox),
// on the main thread in slices of a few milliseconds. Results come back in the order asked for.
import { getModel, type Dataset, type Grid, type Landscape } from '@lossquake/core';
import { batchLandscapeJob, fullLandscapeJob, type FullLandscapes } from './landscape-jobs.js';
import { landscapeWorkerUrl } from '../landscape-worker-url.js';

interface RequestBase {
  id: number;
  model: string;
  data: Dataset;
  grid: Grid;
}
export type LandscapeRequest =
  (RequestBase & { kind: 'batch'; rows: Uint32Array }) | (RequestBase & { kind: 'full' });
export type LandscapeResponse = { id: number } & (
  { landscape: Landscape } | { full: Landscape; sigma2: Landscape } | { error: string }
);

interface Pending {
  request: LandscapeRequest;
  resolve(result: Landscape | FullLandscapes | null): void;
}

/** How long one main-thread slice may run before yielding, in ms (well under the 50 ms of a long task). */
const SLICE_BUDGET = 8;

export class LandscapeService {
  /** Where the work runs: 'worker' once a worker answered, 'inline' after falling back. */
  mode: 'idle' | 'worker' | 'inline' = 'idle';

  #worker: Worker | null = null;
  #workerBroken = typeof Worker === 'undefined';
  #nextId = 1;
  #inWorker = new Map<number, Pending>();
  #inline: Pending[] = [];
  #inlineTimer: ReturnType<typeof setTimeout> | null = null;
  // The job of #inline[0], which stays queued (so cancel() drops it) until it is done.
  #inlineJob: { pending: Pending; job: Generator<void, Landscape | FullLandscapes> } | null = null;

  /** The mean loss of `rows` over `grid`; null when cancelled before it was done. */
  batch(model: string, data: Dataset, rows: Uint32Array, grid: Grid): Promise<Landscape | null> {
    return this.#request({
      id: this.#nextId++,
      kind: 'batch',
      model,
      data,
      rows,
      grid,
    }) as Promise<Landscape | null>;
  }

  /** The full-data landscape and σ² per cell; null when cancelled before it was done. */
  full(model: string, data: Dataset, grid: Grid): Promise<FullLandscapes | null> {
    return this.#request({
      id: this.#nextId++,
      kind: 'full',
      model,
      data,
      grid,
    }) as Promise<FullLandscapes | null>;
  }

  /** Drops every request not yet answered (they resolve to null); a busy worker is stopped. */
  cancel(): void {
    if (this.#inWorker.size) {
      this.#worker?.terminate();
      this.#worker = null;
    }
    const dropped = [...this.#inWorker.values(), ...this.#inline];
    this.#inWorker.clear();
    this.#inline = [];
    this.#inlineJob = null;
    if (this.#inlineTimer !== null) clearTimeout(this.#inlineTimer);
    this.#inlineTimer = null;
    for (const pending of dropped) pending.resolve(null);
  }

  /** Cancels everything and stops the worker; a later request starts a new one. */
  destroy(): void {
    this.cancel();
    this.#worker?.terminate();
    this.#worker = null;
  }

  #request(request: LandscapeRequest): Promise<Landscape | FullLandscapes | null> {
    return new Promise((resolve) => {
      const pending = { request, resolve };
      const worker = this.#ensureWorker();
      if (worker) {
        this.#inWorker.set(request.id, pending);
        worker.postMessage(request);
      } else {
        this.#queueInline(pending);
      }
    });
  }

  #ensureWorker(): Worker | null {
    if (this.#worker || this.#workerBroken) return this.#worker;
    try {
      const worker = new Worker(landscapeWorkerUrl(), { type: 'module' });
      worker.onmessage = (event: MessageEvent<LandscapeResponse>) => this.#answer(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.#fallBack(worker);
      };
      worker.onmessageerror = () => this.#fallBack(worker);
      this.#worker = worker;
    } catch {
      // A CSP without worker-src for this URL, or a sandbox: compute on the main thread instead.
      this.#workerBroken = true;
    }
    return this.#worker;
  }

  #answer(response: LandscapeResponse): void {
    const pending = this.#inWorker.get(response.id);
    if (!pending) return;
    this.#inWorker.delete(response.id);
    this.mode = 'worker';
    if ('error' in response) {
      console.warn(`<batch-sampler>: a landscape could not be computed: ${response.error}`);
      pending.resolve(null);
    } else if ('landscape' in response) {
      pending.resolve(response.landscape);
    } else {
      pending.resolve({ full: response.full, sigma2: response.sigma2 });
    }
  }

  // The worker script failed to load or run: finish its requests here, in the order they were made.
  #fallBack(worker: Worker): void {
    if (worker !== this.#worker) return;
    worker.terminate();
    this.#worker = null;
    this.#workerBroken = true;
    const stranded = [...this.#inWorker.values()].sort((a, b) => a.request.id - b.request.id);
    this.#inWorker.clear();
    for (const pending of stranded) this.#queueInline(pending);
  }

  #queueInline(pending: Pending): void {
    this.mode = 'inline';
    this.#inline.push(pending);
    if (this.#inlineTimer === null && !this.#inlineJob)
      this.#inlineTimer = setTimeout(this.#runInline, 0);
  }

  #runInline = (): void => {
    this.#inlineTimer = null;
    const start = performance.now();
    while (performance.now() - start < SLICE_BUDGET) {
      if (!this.#inlineJob) {
        const pending = this.#inline[0];
        if (!pending) return;
        this.#inlineJob = { pending, job: startJob(pending.request) };
      }
      const { pending, job } = this.#inlineJob;
      const next = job.next();
      if (next.done) {
        this.#inlineJob = null;
        this.#inline.shift();
        pending.resolve(next.value);
      }
    }
    if (this.#inlineJob || this.#inline.length) this.#inlineTimer = setTimeout(this.#runInline, 0);
  };
}

function startJob(request: LandscapeRequest): Generator<void, Landscape | FullLandscapes> {
  const model = getModel(request.model);
  return request.kind === 'batch'
    ? batchLandscapeJob(model, request.data, request.rows, request.grid)
    : fullLandscapeJob(model, request.data, request.grid);
}
