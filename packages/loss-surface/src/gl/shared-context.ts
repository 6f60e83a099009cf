// One WebGL context for every <loss-surface> on the page (browsers keep about 16 and silently drop the
// oldest): an offscreen canvas with one regl instance, its commands and cached meshes, one frame loop
// that draws each visible surface that needs it, and the context's loss and restore. The page holds one
// instance (pageContext); a test may make its own.
import type { Regl, Texture2D } from 'regl';
import { colormapTable, type ColormapName } from '@lossquake/kit';
import {
  addGeneratedCode,
  createCommands,
  generatedLookup,
  startRegl,
  type CodeLookup,
  type Commands,
  type GeneratedFunction,
} from './start-regl.js';
import { contextCanvas, contextOf, fit, isSoftware, present, type GLCanvas } from './gl-canvas.js';
import { createMesh, type SurfaceMesh } from './surface-mesh.js';

export type SharedStatus = 'ready' | 'lost' | 'unavailable';

/** What a surface gives the shared loop. */
export interface SurfaceClient {
  /** On screen and the page visible. */
  visible(): boolean;
  /** Something changed, or a morph or rotation is running. */
  needsDraw(now: number): boolean;
  /** Draws into the shared canvas and copies the frame out; called inside one frame. */
  render(gl: SharedGL, now: number): void;
  /** The context became ready, was lost, or cannot exist (with a message). */
  statusChanged(status: SharedStatus, message: string): void;
}

export type { Commands };

/** What a surface may use while it renders. */
export interface SharedGL {
  regl: Regl;
  /** Bumped each time the context is (re)created: resources from another generation are gone. */
  generation: number;
  /** A software renderer: no MSAA, and a coarser mesh while the surface moves. */
  software: boolean;
  commands: Commands;
  mesh(size: number): SurfaceMesh;
  colormap(name: ColormapName): Texture2D;
  /** Makes the canvas fit a width×height frame (device pixels) and clears it. */
  begin(width: number, height: number): void;
  /** Puts the frame just drawn into a surface's own canvas, in the same task. */
  present(element: HTMLCanvasElement, width: number, height: number): void;
}

/** The largest frame drawn through the shared canvas, per side in device pixels. */
export const MAX_FRAME = 2048;

/** regl was stopped compiling its code: the page's policy forbids eval and Function. */
function evalRefused(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return error instanceof EvalError || /unsafe-eval|Content Security Policy|EvalError/i.test(text);
}

/** Why a surface cannot draw, in words for the reader. */
function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (evalRefused(error)) {
    return "3-D view unavailable: this page's Content-Security-Policy forbids 'unsafe-eval', which WebGL drawing (regl) needs.";
  }
  return `3-D view unavailable: WebGL could not start (${text}).`;
}

export class SharedContext {
  #clients = new Set<SurfaceClient>();
  #canvas: GLCanvas | null = null;
  #shared: SharedGL | null = null;
  #status: SharedStatus = 'ready';
  #message = '';
  #generation = 0;
  #contextsCreated = 0;
  #frameHandle = 0;
  #frames = 0;
  /** The last start failed because the policy forbids eval: registered code may fix that. */
  #evalRefused = false;
  /** Where regl finds its code generated ahead of time; a test swaps it to see a miss. */
  codeLookup: CodeLookup = generatedLookup;

  /** Registers a surface; the first one creates the context. */
  attach(client: SurfaceClient): void {
    this.#clients.add(client);
    this.create();
    client.statusChanged(this.#status, this.#message);
    this.request();
  }

  /** Unregisters a surface; the last one frees the context, its resources and the frame loop. */
  detach(client: SurfaceClient): void {
    if (this.#clients.delete(client) && this.#clients.size === 0) this.destroy();
  }

  /** Asks for a frame: every visible surface that needs a draw gets one. */
  request(): void {
    if (this.#frameHandle || this.#clients.size === 0 || !this.#shared) return;
    this.#frameHandle = requestAnimationFrame(this.#frame);
  }

  /** Draws one surface now, outside the frame loop (exports); false when it cannot. */
  drawNow(client: SurfaceClient): boolean {
    if (!this.#shared || !client.visible()) return false;
    client.render(this.#shared, performance.now());
    return true;
  }

  /** Makes the canvas and the context, unless there is one or WebGL is known to be missing. */
  create(): void {
    if (this.#shared || this.#status === 'unavailable') return;
    this.#canvas ??= contextCanvas();
    if (!this.#canvas) {
      this.#setStatus(
        'unavailable',
        describeFailure(new Error('this browser or device offers no WebGL')),
      );
      return;
    }
    this.#canvas.addEventListener('webglcontextlost', this.#onLost);
    this.#canvas.addEventListener('webglcontextrestored', this.#onRestored);
    this.#start(this.#canvas);
  }

  /**
   * Starts again where a strict policy stopped regl, once code generated ahead of time has been
   * registered since (strict-csp.ts may be imported after the first surface met the policy).
   */
  retryRefused(): void {
    if (!this.#evalRefused || this.#shared || !this.#canvas || this.#clients.size === 0) return;
    this.#start(this.#canvas);
    this.request();
  }

  /** Frees the context now rather than at garbage collection; the next create() makes a new canvas. */
  destroy(): void {
    if (this.#frameHandle) cancelAnimationFrame(this.#frameHandle);
    this.#frameHandle = 0;
    const context = this.#shared?.regl._gl;
    this.#drop();
    if (this.#canvas) {
      this.#canvas.removeEventListener('webglcontextlost', this.#onLost);
      this.#canvas.removeEventListener('webglcontextrestored', this.#onRestored);
      context?.getExtension('WEBGL_lose_context')?.loseContext();
      this.#canvas = null;
    }
    // A later surface tries again: WebGL may be back (a GPU process restarted, a test's stub removed).
    this.#status = 'ready';
    this.#message = '';
    this.#evalRefused = false;
  }

  // What tests and benchmarks read (through src/testing.ts).
  /** 1 while a frame is scheduled, else 0. */
  get activeFrameLoops(): number {
    return this.#frameHandle ? 1 : 0;
  }
  get registeredSurfaces(): number {
    return this.#clients.size;
  }
  /** WebGL contexts this instance has created. */
  get createdContexts(): number {
    return this.#contextsCreated;
  }
  /** Contexts created and not yet released (0 or 1). */
  get liveContexts(): number {
    return this.#shared ? 1 : 0;
  }
  get status(): SharedStatus {
    return this.#status;
  }
  get canvas(): GLCanvas | null {
    return this.#canvas;
  }
  /** The generation of the live context, or -1 when there is none. */
  get generation(): number {
    return this.#shared?.generation ?? -1;
  }
  get software(): boolean {
    return this.#shared?.software ?? false;
  }

  #frame = (): void => {
    this.#frameHandle = 0;
    const now = performance.now();
    let again = false;
    // The canvas takes each frame's size (a hand-over is the whole canvas), and every resize waits
    // for the GPU process: 0.5–2 ms, and at a page's start up to 300 ms on software GL. Surfaces of
    // different sizes drawing every frame take turns in order one frame and in reverse the next, so
    // the last size of one frame is the first of the next: with two sizes, one resize a frame, not two.
    const clients = [...this.#clients];
    if ((this.#frames++ & 1) === 1) clients.reverse();
    for (const client of clients) {
      const shared = this.#shared;
      if (!shared) break;
      if (!client.visible() || !client.needsDraw(now)) continue;
      try {
        client.render(shared, now);
      } catch (error) {
        console.warn('<loss-surface> could not draw a frame:', error);
      }
      again ||= client.needsDraw(now);
    }
    if (again) this.request();
  };

  #start(canvas: GLCanvas): void {
    try {
      this.#shared = this.#open(canvas);
      this.#evalRefused = false;
      this.#setStatus('ready', '');
    } catch (error) {
      this.#shared = null;
      this.#evalRefused = evalRefused(error);
      this.#setStatus('unavailable', describeFailure(error));
    }
  }

  #open(target: GLCanvas): SharedGL {
    const gl = contextOf(target);
    if (!gl) throw new Error('this browser or device offers no WebGL');
    if (gl.isContextLost()) throw new Error('the WebGL context is lost');
    this.#contextsCreated++;
    const software = isSoftware(gl);
    // Where generated code misses, compiling is where a strict Content-Security-Policy stops regl.
    const regl = startRegl(gl, this.codeLookup);
    try {
      const commands = createCommands(regl);
      const meshes = new Map<number, SurfaceMesh>();
      const colormaps = new Map<ColormapName, Texture2D>();
      return {
        regl,
        generation: ++this.#generation,
        software,
        commands,
        mesh: (size) => getOrMake(meshes, size, () => createMesh(regl, size, software)),
        colormap: (name) => getOrMake(colormaps, name, () => colormapTexture(regl, name)),
        begin: (width, height) => {
          fit(target, width, height, MAX_FRAME);
          regl.poll();
          regl.clear({ color: [0, 0, 0, 0], depth: 1 });
        },
        present: (element, width, height) => present(target, element, width, height),
      };
    } catch (error) {
      regl.destroy();
      throw error;
    }
  }

  #drop(): void {
    try {
      this.#shared?.regl.destroy();
    } catch {
      // a lost context may refuse; its resources are gone either way
    }
    this.#shared = null;
  }

  #setStatus(next: SharedStatus, text: string): void {
    this.#status = next;
    this.#message = text;
    for (const client of this.#clients) client.statusChanged(next, text);
  }

  #onLost = (event: Event): void => {
    event.preventDefault(); // without this the browser never restores the context
    this.#drop();
    this.#setStatus('lost', 'WebGL context lost — restoring…');
  };

  #onRestored = (): void => {
    if (!this.#canvas || this.#clients.size === 0) return;
    this.#start(this.#canvas);
    this.request();
  };
}

function getOrMake<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

function colormapTexture(regl: Regl, name: ColormapName): Texture2D {
  return regl.texture({
    data: colormapTable(name, 256),
    width: 256,
    height: 1,
    mag: 'linear',
    min: 'linear',
    wrap: 'clamp',
  });
}

/** The context every surface on this page shares. */
export const pageContext = new SharedContext();

/**
 * Lets regl run this code generated ahead of time instead of compiling it with Function (what
 * `@lossquake/loss-surface/strict-csp` does with generated-code.ts); a surface that a strict policy
 * already stopped starts again.
 */
export function useGeneratedCode(table: Readonly<Record<string, GeneratedFunction>>): void {
  addGeneratedCode(table);
  pageContext.retryRefused();
}
