// The smooth switch from one landscape to the next: values interpolated in place, no allocation per frame.

/** Holds the landscape values on screen and eases them from `from` to `to`. */
export class Morph {
  /** The values on screen. */
  displayed = new Float32Array(0);
  #from = new Float32Array(0);
  #to = new Float32Array(0);

  /** Shows `values` at once (a first landscape, a new grid, or transition 0). */
  jump(values: ArrayLike<number>): void {
    this.#resize(values.length);
    this.displayed.set(values);
    this.#to.set(values);
  }

  /** Starts easing from what is on screen now towards `values`; false when it must jump instead. */
  start(values: ArrayLike<number>): boolean {
    if (values.length !== this.displayed.length) {
      this.jump(values);
      return false;
    }
    this.#from.set(this.displayed);
    this.#to.set(values);
    return true;
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
    const e = t <= 0 ? 0 : t * t * (3 - 2 * t); // smoothstep: bands ease in and out
    for (let k = 0; k < displayed.length; k++) displayed[k] = from[k] + (to[k] - from[k]) * e;
  }

  #resize(length: number): void {
    if (this.displayed.length === length) return;
    this.displayed = new Float32Array(length);
    this.#from = new Float32Array(length);
    this.#to = new Float32Array(length);
  }
}
