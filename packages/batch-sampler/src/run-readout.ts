// The sampler's read-only properties that only read its training run (`iteration`, `path`, `rows`…).
// Apart from the class so that each is one documented line there, `@fromRun((run) => run.path)`,
// and the way from a sampler to its run (pending setting changes applied first) is written once.
import type { TrainingRun } from './run/training-run.js';

// Each sampler's current run, as its run controller (controllers/run.ts) hands it over.
const runs = new WeakMap<object, () => TrainingRun>();

/** Lets the `@fromRun` properties of `sampler` read `current()`: its run with its settings applied. */
export function readsRun(sampler: object, current: () => TrainingRun): void {
  runs.set(sampler, current);
}

/**
 * Declares a read-only property as what `read` takes from the run; the field's type must hold it:
 *
 *     @fromRun((run) => run.path) readonly path!: readonly Vec2[];
 */
export function fromRun<T>(read: (run: TrainingRun) => T) {
  return <K extends string>(proto: { readonly [P in K]: T }, name: K): void => {
    // Not enumerable, as a class's own getter is not.
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: object) {
        return read(runs.get(this)!());
      },
    });
  };
}
