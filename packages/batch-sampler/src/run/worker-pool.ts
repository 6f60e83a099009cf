// A small pool of module Web Workers shared by every sampler on a page: a few threads, started when
// work comes and stopped when idle, instead of one thread per sampler for its whole life. Where
// workers are unavailable (CSP, sandbox) the same tasks run on the main thread in short slices.

/** What is sent to a worker: the task's name and its inputs. */
export interface PoolMessage {
  task: string;
}

/** One kind of work the pool runs, written twice: whole (in a worker) and in slices (inline). */
export interface PoolTask<M extends PoolMessage = PoolMessage, R = unknown> {
  /** In a worker: the result, and the buffers it may hand back without copying. */
  whole(message: M): { result: R; transfer?: Transferable[] };
  /** On the main thread: the same result, yielding between slices of a few milliseconds. */
  sliced(message: M): Generator<void, R>;
}

export type PoolTasks = Readonly<Record<string, PoolTask<never, unknown>>>;

type Request = { id: number; message: PoolMessage };
type Response = { id: number; result: unknown } | { id: number; error: string };

export interface WorkerPoolOptions {
  /** Where the worker script is; it calls `serveTasks` with the same tasks. */
  url: () => URL | string;
  tasks: PoolTasks;
  /** Workers at most (default: the cores, at most 4). */
  size?: number;
  /** A worker idle this long is stopped, in ms (default 10 s). */
  idleMs?: number;
}

interface Job {
  id: number;
  message: PoolMessage;
  transfer: Transferable[];
  resolve(result: unknown): void;
  reject(reason: unknown): void;
  done(): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  idle: ReturnType<typeof setTimeout> | null;
}

/** How long one main-thread slice may run before yielding, in ms (well under the 50 ms of a long task). */
const SLICE_BUDGET = 8;
const IDLE_MS = 10_000;

/** Workers at most: the cores the browser reports (2 when it does not say), at most 4. */
export function defaultPoolSize(): number {
  const cores = typeof navigator === 'undefined' ? 0 : navigator.hardwareConcurrency;
  return Math.min(cores || 2, 4);
}

export class WorkerPool {
  readonly size: number;
  /** Where work runs: 'worker' once a worker answered, 'inline' after falling back. */
  mode: 'idle' | 'worker' | 'inline' = 'idle';

  #options: WorkerPoolOptions;
  #idleMs: number;
  #broken = typeof Worker === 'undefined';
  #nextId = 1;
  #slots: Slot[] = [];
  #queue: Job[] = [];
  #inline: Job[] = [];
  #inlineTimer: ReturnType<typeof setTimeout> | null = null;
  // The job of #inline[0], which stays queued (so an abort drops it) until it is done.
  #inlineJob: { job: Job; work: Generator<void, unknown> } | null = null;

  constructor(options: WorkerPoolOptions) {
    this.#options = options;
    this.size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
    this.#idleMs = options.idleMs ?? IDLE_MS;
  }

  /** Workers running now (started lazily, stopped when idle). */
  get workers(): number {
    return this.#slots.length;
  }

  /**
   * Runs `message.task` on an idle worker (else queued, first come first served), or inline where
   * workers are unavailable. `transfer` lists buffers the caller gives up. Aborting `signal` drops the
   * request (a worker busy with it is stopped) and rejects with the signal's reason.
   */
  run<R>(
    message: PoolMessage,
    transfer: Transferable[] = [],
    { signal }: { signal?: AbortSignal } = {},
  ): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      // The signal's reason is an AbortError DOMException unless the caller gave another.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => this.#abort(job, signal!.reason);
      const job: Job = {
        id: this.#nextId++,
        message,
        transfer,
        resolve: (result) => resolve(result as R),
        reject,
        done: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (this.#broken) this.#queueInline(job);
      else {
        this.#queue.push(job);
        this.#dispatch();
      }
    });
  }

  #dispatch(): void {
    while (this.#queue.length) {
      const slot = this.#slots.find((s) => !s.job) ?? this.#start();
      if (!slot) return;
      const job = this.#queue.shift()!;
      if (slot.idle !== null) clearTimeout(slot.idle);
      slot.idle = null;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, message: job.message } satisfies Request, job.transfer);
    }
  }

  // A new worker while there is room; null when the pool is full or workers turned out unavailable.
  #start(): Slot | null {
    if (this.#broken || this.#slots.length >= this.size) return null;
    let worker: Worker;
    try {
      worker = new Worker(this.#options.url(), { type: 'module' });
    } catch {
      // A CSP without worker-src for this URL, or a sandbox: compute on the main thread instead.
      this.#fallBack();
      return null;
    }
    const slot: Slot = { worker, job: null, idle: null };
    worker.onmessage = (event: MessageEvent<Response>) => this.#answer(slot, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.#fallBack();
    };
    worker.onmessageerror = () => this.#fallBack();
    this.#slots.push(slot);
    return slot;
  }

  #answer(slot: Slot, response: Response): void {
    const job = slot.job;
    if (!job || job.id !== response.id) return;
    slot.job = null;
    this.mode = 'worker';
    job.done();
    if ('error' in response) job.reject(new Error(response.error));
    else job.resolve(response.result);
    slot.idle = setTimeout(() => this.#stop(slot), this.#idleMs);
    this.#dispatch();
  }

  #stop(slot: Slot): void {
    if (slot.idle !== null) clearTimeout(slot.idle);
    slot.worker.terminate();
    this.#slots = this.#slots.filter((s) => s !== slot);
  }

  #abort(job: Job, reason: unknown): void {
    job.done();
    job.reject(reason);
    const slot = this.#slots.find((s) => s.job === job);
    if (slot) {
      // A worker cannot be interrupted: stop it, and start a fresh one for the queue if needed.
      this.#stop(slot);
      this.#dispatch();
      return;
    }
    this.#queue = this.#queue.filter((j) => j !== job);
    if (this.#inlineJob?.job === job) this.#inlineJob = null;
    this.#inline = this.#inline.filter((j) => j !== job);
  }

  // The worker script failed to load or run: finish every request here, in the order they were made.
  #fallBack(): void {
    this.#broken = true;
    const stranded = this.#slots.flatMap((s) => (s.job ? [s.job] : []));
    for (const slot of this.#slots) this.#stop(slot);
    const jobs = [...stranded, ...this.#queue].sort((a, b) => a.id - b.id);
    this.#queue = [];
    for (const job of jobs) this.#queueInline(job);
  }

  #queueInline(job: Job): void {
    this.mode = 'inline';
    this.#inline.push(job);
    if (this.#inlineTimer === null && !this.#inlineJob)
      this.#inlineTimer = setTimeout(this.#runInline, 0);
  }

  #runInline = (): void => {
    this.#inlineTimer = null;
    const start = performance.now();
    while (performance.now() - start < SLICE_BUDGET) {
      if (!this.#inlineJob) {
        const job = this.#inline[0];
        if (!job) return;
        try {
          this.#inlineJob = { job, work: this.#task(job.message).sliced(job.message as never) };
        } catch (error) {
          this.#settleInline(job, { error });
          continue;
        }
      }
      const { job, work } = this.#inlineJob;
      try {
        const next = work.next();
        if (next.done) this.#settleInline(job, { result: next.value });
      } catch (error) {
        this.#settleInline(job, { error });
      }
    }
    if (this.#inlineJob || this.#inline.length) this.#inlineTimer = setTimeout(this.#runInline, 0);
  };

  #settleInline(job: Job, outcome: { result: unknown } | { error: unknown }): void {
    this.#inlineJob = null;
    this.#inline.shift();
    job.done();
    if ('result' in outcome) return job.resolve(outcome.result);
    const { error } = outcome;
    job.reject(error instanceof Error ? error : new Error(`task failed: ${typeof error}`));
  }

  #task(message: PoolMessage): PoolTask<never, unknown> {
    const task = this.#options.tasks[message.task];
    if (!task) throw new Error(`no task named "${message.task}"`);
    return task;
  }
}

/** In a worker script: answers the pool's requests with `tasks`. */
export function serveTasks(tasks: PoolTasks): void {
  const scope = globalThis as unknown as {
    onmessage: ((event: MessageEvent<Request>) => void) | null;
    postMessage(message: Response, transfer: Transferable[]): void;
  };
  scope.onmessage = ({ data: { id, message } }) => {
    try {
      const task = tasks[message.task];
      if (!task) throw new Error(`no task named "${message.task}"`);
      const { result, transfer = [] } = task.whole(message as never);
      scope.postMessage({ id, result }, transfer);
    } catch (error) {
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }, []);
    }
  };
}
