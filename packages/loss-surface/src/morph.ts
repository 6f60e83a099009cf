// The morph between two landscapes: the heights and slopes before and after, and how far along we are.
// The GPU blends `from` and `to` with the same eased t; the CPU uses them for the marker and trail.
import {
  ease,
  landscapeRange,
  lerpRange,
  sameGrid,
  type Grid,
  type Landscape,
} from '@lossquake/core';
import { blend, heightAt, heightsAndSlopes } from './mesh.js';

export type Range = readonly [number, number];

export class Morph {
  grid: Grid | null = null;
  /** Heights and slopes (3 floats per vertex) before and after. */
  from: Float32Array = new Float32Array(0);
  to: Float32Array = new Float32Array(0);
  fromRange: Range = [0, 1];
  toRange: Range = [0, 1];
  /** The landscape being morphed to. */
  target: Landscape | null = null;
  /** Bumped whenever `from` or `to` change, so the GPU copies are refreshed once. */
  version = 0;
  /** z-range="grow": the union of every range pushed since the last restart, before and after. */
  grownFrom: Range = [0, 1];
  grownTo: Range = [0, 1];
  #start = 0;
  #duration = 0;
  #growthRestarts = true;

  /** New data (a sampler reset, another source): the next landscape's range starts the growth over. */
  restartGrowth(): void {
    this.#growthRestarts = true;
  }

  /** Starts a morph from what is shown at `now` to `landscape` over `duration` ms (0: at once). */
  push(landscape: Landscape, now: number, duration: number): void {
    const next = heightsAndSlopes(landscape);
    const range = landscapeRange(landscape);
    const otherGrid = !this.grid || !sameGrid(this.grid, landscape.grid);
    const grown: Range =
      this.#growthRestarts || otherGrid
        ? range
        : [Math.min(this.grownTo[0], range[0]), Math.max(this.grownTo[1], range[1])];
    this.#growthRestarts = false;
    if (otherGrid || duration <= 0) {
      this.from = next;
      this.fromRange = range;
      this.grownFrom = grown;
    } else {
      const t = this.t(now);
      this.from = t >= 1 ? this.to : blend(this.from, this.to, t, new Float32Array(this.to.length));
      this.fromRange = lerpRange(this.fromRange, this.toRange, t);
      this.grownFrom = lerpRange(this.grownFrom, this.grownTo, t);
    }
    this.to = next;
    this.toRange = range;
    this.grownTo = grown;
    this.grid = landscape.grid;
    this.target = landscape;
    this.#start = now;
    this.#duration = Math.max(0, duration);
    this.version++;
  }

  /** Shows nothing: no grid, no target. */
  clear(): void {
    this.grid = null;
    this.target = null;
    this.from = this.to = new Float32Array(0);
    this.fromRange = this.toRange = [0, 1];
    this.grownFrom = this.grownTo = [0, 1];
    this.#growthRestarts = true;
    this.#duration = 0;
    this.version++;
  }

  /** Eased progress at `now`, 0..1. */
  t(now: number): number {
    if (this.#duration <= 0) return 1;
    return ease((now - this.#start) / this.#duration);
  }

  /** True while the morph still moves. */
  running(now: number): boolean {
    return this.#duration > 0 && now - this.#start < this.#duration;
  }

  /** The range shown at `now` in auto mode. */
  range(now: number): Range {
    return lerpRange(this.fromRange, this.toRange, this.t(now));
  }

  /** The loss shown at box-floor point (x, y) at eased progress t; NaN outside the box or with no data. */
  heightAt(x: number, y: number, t: number): number {
    if (!this.grid) return NaN;
    const size = this.grid.size;
    const a = heightAt(this.from, size, x, y, 3);
    const b = heightAt(this.to, size, x, y, 3);
    return a + (b - a) * t;
  }
}
