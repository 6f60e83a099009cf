// Test helpers: record lossquake events in order, wait for one typed, and count console warnings.
import { oneEvent } from '@open-wc/testing';
import type { LossquakeEventMap } from '@lossquake/kit';

export type Recorded = { type: keyof LossquakeEventMap; detail: unknown };

const types: (keyof LossquakeEventMap)[] = [
  'batch-change',
  'weights-change',
  'sampler-reset',
  'landscape-ready',
  'error',
];

/** Records every lossquake event `target` dispatches, in order, until `stop()`. */
export function record(target: EventTarget): {
  events: Recorded[];
  types(): string[];
  stop(): void;
} {
  const events: Recorded[] = [];
  const listener = (event: Event) =>
    events.push({
      type: event.type as keyof LossquakeEventMap,
      detail: (event as CustomEvent).detail,
    });
  for (const type of types) target.addEventListener(type, listener);
  return {
    events,
    types: () => events.map((e) => e.type),
    stop: () => types.forEach((type) => target.removeEventListener(type, listener)),
  };
}

/** Runs `body` with console.warn replaced, and returns the warnings it logged. */
export async function warnings(body: () => unknown): Promise<string[]> {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  try {
    await body();
  } finally {
    console.warn = original;
  }
  return messages;
}

/** The next lossquake event `type` from `target`, typed. */
export function once<K extends keyof LossquakeEventMap>(
  target: EventTarget,
  type: K,
): Promise<LossquakeEventMap[K]> {
  return oneEvent<LossquakeEventMap[K]>(target, type);
}
