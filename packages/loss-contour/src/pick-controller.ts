// Picking weights on the contour plane: the pointer's position (for the readout), a keyboard crosshair
// (arrows move it, Shift by one grid cell, Enter or Space picks, Escape drops it), and `weights-pick`
// on a click or a keyboard pick.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Vec2 } from '@lossquake/core';
import { emit, pointIn } from '@lossquake/kit';
import type { PlotFrame } from './plot-frame.js';

/** Arrow presses across the whole extent (without Shift). */
const STEPS_PER_EXTENT = 20;

export class PickController implements ReactiveController {
  /** Weights under the pointer, or null. */
  hover: Vec2 | null = null;
  /** Weights under the keyboard crosshair, or null. */
  cursor: Vec2 | null = null;
  #host: ReactiveControllerHost & HTMLElement;
  #frame: () => PlotFrame | null;
  #start: () => Vec2 | null;

  /** `frame` maps the plot now shown; the crosshair starts at `start()` (the weights) or the centre. */
  constructor(
    host: ReactiveControllerHost & HTMLElement,
    frame: () => PlotFrame | null,
    start: () => Vec2 | null,
  ) {
    this.#host = host;
    this.#frame = frame;
    this.#start = start;
    host.addController(this);
  }

  /** Where the readout reads: the crosshair, else the pointer. */
  get at(): Vec2 | null {
    return this.cursor ?? this.hover;
  }

  hostConnected(): void {
    if (!this.#host.hasAttribute('tabindex')) this.#host.tabIndex = 0;
    this.#host.addEventListener('keydown', this.#onKeyDown);
    this.#host.addEventListener('blur', this.#onBlur);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeyDown);
    this.#host.removeEventListener('blur', this.#onBlur);
  }

  onClick = (event: MouseEvent): void => {
    const weights = this.#underPointer(event);
    if (weights) emit(this.#host, 'weights-pick', { weights });
  };

  onPointerMove = (event: PointerEvent): void => {
    this.#set('hover', this.#underPointer(event));
  };

  onPointerLeave = (): void => {
    this.#set('hover', null);
  };

  #set(which: 'hover' | 'cursor', weights: Vec2 | null): void {
    this[which] = weights;
    this.#host.requestUpdate();
  }

  // The hit area lies in the overlay's <svg>, whose box is the element's: plot pixels are relative to
  // it, in its own CSS pixels (a page may scale or zoom it: a slide deck does).
  #underPointer(event: MouseEvent): Vec2 | null {
    const frame = this.#frame();
    const svg = (event.currentTarget as SVGElement | null)?.ownerSVGElement;
    if (!frame || !svg) return null;
    return clampTo(frame, frame.toWeights(...pointIn(svg, event.clientX, event.clientY)));
  }

  #onBlur = (): void => {
    if (this.cursor) this.#set('cursor', null);
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    const frame = this.#frame();
    if (!frame || event.altKey || event.ctrlKey || event.metaKey) return;
    const { w1, w2, size } = frame.grid;
    const steps = event.shiftKey ? size - 1 : STEPS_PER_EXTENT;
    const step1 = (w1[1] - w1[0]) / steps;
    const step2 = (w2[1] - w2[0]) / steps;
    const moves: Record<string, Vec2> = {
      ArrowLeft: [-step1, 0],
      ArrowRight: [step1, 0],
      ArrowUp: [0, step2],
      ArrowDown: [0, -step2],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const from = this.cursor ?? this.#start() ?? [(w1[0] + w1[1]) / 2, (w2[0] + w2[1]) / 2];
      this.#set('cursor', clampTo(frame, [from[0] + move[0], from[1] + move[1]]));
    } else if ((event.key === 'Enter' || event.key === ' ') && this.cursor) {
      event.preventDefault();
      emit(this.#host, 'weights-pick', { weights: this.cursor });
    } else if (event.key === 'Escape' && this.cursor) {
      this.#set('cursor', null);
    }
  };
}

/** `w` moved into the grid's window. */
function clampTo({ grid }: PlotFrame, w: Vec2): Vec2 {
  const clamp = (v: number, [a, b]: readonly [number, number]) => Math.min(b, Math.max(a, v));
  return [clamp(w[0], grid.w1), clamp(w[1], grid.w2)];
}
