// The smooth switch from one landscape to the next: values eased in place on animation frames, with
// no allocation per frame.
import { ease } from '@lossquake/core';

/** Holds the landscape values on screen and eases them from the last ones to the next. */
export class Morph {
  /** The values on screen. */
  displayed = new Float32Array(0);
  #from = new Float32Array(0);
  #to = new Float32Array(0);
  #frame = 0;
  #started = -1;
  #duration = 0;
  #onFrame: (t: number) => void = () => {};

  /** True while easing. */
  get running(): boolean {
    return this.#frame !== 0;
  }

  /** Shows `values` at once (a first landscape, a new grid, or transition 0). */
  jump(values: ArrayLike<number>): void {
    this.stop();
    this.#resize(values.length);
    this.displayed.set(values);
    this.#to.set(values);
  }

  /**
   * Eases from what is on screen to `values` over `duration` ms, calling `onFrame(t)` after each
   * animation frame's step (t = 0 on the first, exactly 1 on the last). False, having jumped, when
   * the values cannot be eased (another grid size).
   */
  start(values: ArrayLike<number>, duration: number, onFrame: (t: number) => void): boolean {
    if (values.length !== this.displayed.length) {
      this.jump(values);
      return false;
    }
    this.#from.set(this.displayed);
    this.#to.set(values);
    this.#duration = duration;
    this.#started = -1;
    this.#onFrame = onFrame;
    if (!this.#frame) this.#frame = requestAnimationFrame(this.#tick);
    return true;
  }

  /** Lands at once on the target and stops the frame loop. */
  stop(): void {
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.at(1);
  }

  /** Puts the values at progress t in [0, 1]; t = 1 lands exactly on the target. */
  at(t: number): void {
    const { displayed } = this;
    const from = this.#from;
    const to = this.#to;
    if (t >= 1) {
      displayed.set(to);
      return;
    }
    const e = ease(t); // bands ease in and out
    for (let k = 0; k < displayed.length; k++) displayed[k] = from[k]! + (to[k]! - from[k]!) * e;
  }

  #tick = (now: number): void => {
    this.#frame = 0;
    if (this.#started < 0) this.#started = now;
    const t = this.#duration > 0 ? Math.min(1, (now - this.#started) / this.#duration) : 1;
    this.at(t);
    if (t < 1) this.#frame = requestAnimationFrame(this.#tick);
    this.#onFrame(t);
  };

  #resize(length: number): void {
    if (this.displayed.length === length) return;
    this.displayed = new Float32Array(length);
    this.#from = new Float32Array(length);
    this.#to = new Float32Array(length);
  }
}
