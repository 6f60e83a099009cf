// Samplers that play together (`group="name"`) and the page-level "pause all": every connected
// sampler is known here, so a reader's call on one reaches its group, and one call reaches them all.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AttributeType } from '@lossquake/kit';

/** The event that pauses every sampler of a page, dispatched on `document` or `window`. */
export const PAUSE_ALL = 'lossquake-pause-all';

/** The calls a group shares: what moves a run in time. */
export type GroupCall = 'play' | 'pause' | 'step' | 'stepBack' | 'seek' | 'reset';

/** A sampler as its group sees it. */
export interface GroupHost extends ReactiveControllerHost, Element {
  group: string | null;
  play(): Promise<void>;
  pause(): void;
  step(): Promise<void>;
  stepBack(): Promise<void>;
  seek(iteration: number): Promise<void>;
  reset(): void;
}

/** `group="name"`: any name; an empty one is no group. */
export const groupType: AttributeType<string | null> = {
  expected: 'a group name',
  parse: (value) => (typeof value === 'string' ? value.trim() || null : undefined),
};

// How a peer takes each call: through its own public method, so it checks its own arguments and
// fires its own events.
const relay: Record<
  GroupCall,
  (peer: GroupHost, args: readonly unknown[]) => Promise<void> | void
> = {
  play: (peer) => peer.play(),
  pause: (peer) => peer.pause(),
  step: (peer) => peer.step(),
  stepBack: (peer) => peer.stepBack(),
  seek: (peer, [iteration]) => peer.seek(iteration as number),
  reset: (peer) => peer.reset(),
};

const connected = new Set<GroupHost>();
// True while a call is handed on to a group: the members it reaches apply it without handing it on
// again, so a call never echoes back and forth.
let relaying = false;

export class GroupController implements ReactiveController {
  #host: GroupHost;

  constructor(host: GroupHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this.#host);
    listenForPauseAll(this.#host.ownerDocument);
  }

  hostDisconnected(): void {
    connected.delete(this.#host);
  }

  /** The other samplers of this one's group in the same document or shadow root. */
  peers(): GroupHost[] {
    const host = this.#host;
    if (!host.group) return [];
    const root = host.getRootNode();
    return [...connected].filter(
      (other) => other !== host && other.group === host.group && other.getRootNode() === root,
    );
  }

  /** Applies `own` (this sampler's `call` with `args`), then the same call to every peer; resolves once all did. */
  together(
    call: GroupCall,
    args: readonly unknown[],
    own: () => Promise<void> | void,
  ): Promise<void> {
    if (relaying) return Promise.resolve(own());
    const peers = this.peers();
    if (peers.length === 0) return Promise.resolve(own());
    relaying = true;
    try {
      const done = [Promise.resolve(own())];
      for (const peer of peers) {
        done.push(Promise.resolve(relay[call](peer, args)));
      }
      return Promise.all(done).then(() => undefined);
    } finally {
      relaying = false;
    }
  }

  /** Runs `body` without handing its calls on: a change of this sampler's own settings (`start-at`). */
  alone<T>(body: () => T): T {
    const was = relaying;
    relaying = true;
    try {
      return body();
    } finally {
      relaying = was;
    }
  }
}

/** Whether `node` lies inside `root`, looking through shadow roots to their hosts. */
function within(node: Node, root: Node): boolean {
  for (let at: Node | null = node; at; at = at instanceof ShadowRoot ? at.host : at.parentNode) {
    if (at === root) return true;
  }
  return false;
}

/** Pauses every sampler inside `root` (a document, shadow root or element), shadow roots included. */
export function pauseAll(root: Node = document): void {
  for (const sampler of [...connected]) if (within(sampler, root)) sampler.pause();
}

const listening = new WeakSet<EventTarget>();

// One listener per document and its window, however many samplers: an event sent to either works.
function listenForPauseAll(page: Document): void {
  for (const target of [page, page.defaultView]) {
    if (!target || listening.has(target)) continue;
    listening.add(target);
    target.addEventListener(PAUSE_ALL, () => pauseAll(page));
  }
}
