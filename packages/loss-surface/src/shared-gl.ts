// One WebGL context for every <loss-surface> on the page (browsers keep about 16 and silently drop the
// oldest): an offscreen canvas with one regl instance, its commands and cached meshes, one frame loop
// that draws each visible surface that needs it, and the context's loss and restore.
import createREGL from 'regl';
import type { Regl, Buffer, Elements, Texture2D, DrawCommand } from 'regl';
import { colormapTable, type ColormapName } from '@lossquake/kit';
import { gridLines, gridPositions, gridTriangles, wireStride } from './mesh.js';
import { createSurfaceCommand, createWireCommand } from './commands/surface.js';
import { createFlatCommand } from './commands/lines.js';
import { contextCanvas, contextOf, fit, isSoftware, present, type GLCanvas } from './gl-canvas.js';

export type SharedStatus = 'ready' | 'lost' | 'unavailable';

/** What a surface gives the shared loop. */
export interface SurfaceClient {
  /** On screen and the page visible. */
  readonly visible: boolean;
  /** Something changed, or a morph or rotation is running. */
  needsDraw(now: number): boolean;
  /** Draws into the shared canvas and copies the frame out; called inside one frame. */
  render(gl: SharedGL, now: number): void;
  /** The context became ready, was lost, or cannot exist (with a message). */
  statusChanged(status: SharedStatus, message: string): void;
}

export interface SurfaceMesh {
  positions: Buffer;
  triangles: Elements;
  /** What a software renderer draws while the surface moves: at most MOVING_CELLS cells a side. */
  moving: Elements;
  /** Triangles in `triangles` and in `moving`. */
  counts: { still: number; moving: number };
  wire: Elements;
}

/**
 * Cells a side of the mesh a software renderer draws while a morph or a rotation runs. Its cost grows
 * with the triangles (SwiftShader: about 20 ms of GPU-process time per frame for 64², 5 for 16²), and
 * the landscapes are smooth, so the coarser mesh during motion reads the same; once still, every
 * cell is drawn again.
 */
export const MOVING_CELLS = 32;

export interface Commands {
  surface: DrawCommand;
  wire: DrawCommand;
  flat: DrawCommand;
}

/** What a surface may use while it renders. */
export interface SharedGL {
  regl: Regl;
  /** Bumped each time the context is (re)created: resources from another generation are gone. */
  generation: number;
  /** A software renderer: no MSAA, and a coarser mesh while the surface moves. */
  software: boolean;
  canvas: GLCanvas;
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

const clients = new Set<SurfaceClient>();
let canvas: GLCanvas | null = null;
let shared: SharedGL | null = null;
let status: SharedStatus = 'ready';
let message = '';
let generation = 0;
let contextsCreated = 0;
let frameHandle = 0;
const meshes = new Map<number, SurfaceMesh>();
const colormaps = new Map<string, Texture2D>();

/** Why a surface cannot draw, in words for the reader. */
function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/unsafe-eval|Content Security Policy|EvalError/i.test(text) || error instanceof EvalError) {
    return "3-D view unavailable: this page's Content-Security-Policy forbids 'unsafe-eval', which WebGL drawing (regl) needs.";
  }
  return `3-D view unavailable: WebGL could not start (${text}).`;
}

function createShared(target: GLCanvas): SharedGL {
  const gl = contextOf(target);
  if (!gl) throw new Error('this browser or device offers no WebGL');
  if (gl.isContextLost()) throw new Error('the WebGL context is lost');
  contextsCreated++;
  const software = isSoftware(gl);
  let failure: unknown = null;
  const regl = createREGL({
    gl,
    optionalExtensions: ['OES_element_index_uint'],
    onDone: (error: Error | null) => {
      if (error) failure = error;
    },
  } as never) as Regl | null;
  if (!regl || failure) throw failure ?? new Error('regl could not start');
  try {
    // Compiling the commands is where a strict Content-Security-Policy stops regl (it generates code).
    const commands: Commands = {
      surface: createSurfaceCommand(regl),
      wire: createWireCommand(regl),
      flat: createFlatCommand(regl),
    };
    const own = ++generation;
    return {
      regl,
      generation: own,
      software,
      canvas: target,
      commands,
      mesh: (size) => meshFor(regl, size, software),
      colormap: (name) => colormapFor(regl, name),
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

function triangleElements(regl: Regl, triangles: Uint16Array | Uint32Array): Elements {
  return regl.elements({
    data: triangles,
    primitive: 'triangles',
    type: triangles instanceof Uint32Array ? 'uint32' : 'uint16',
  });
}

function meshFor(regl: Regl, size: number, software: boolean): SurfaceMesh {
  let mesh = meshes.get(size);
  if (!mesh) {
    const triangles = gridTriangles(size);
    const stride = software ? Math.ceil((size - 1) / MOVING_CELLS) : 1;
    const moving = stride > 1 ? gridTriangles(size, stride) : triangles;
    const still = triangleElements(regl, triangles);
    const wire = gridLines(size, wireStride(size));
    mesh = {
      positions: regl.buffer(gridPositions(size)),
      triangles: still,
      moving: moving === triangles ? still : triangleElements(regl, moving),
      counts: { still: triangles.length / 3, moving: moving.length / 3 },
      wire: regl.elements({
        data: wire,
        primitive: 'lines',
        type: wire instanceof Uint32Array ? 'uint32' : 'uint16',
      }),
    };
    meshes.set(size, mesh);
  }
  return mesh;
}

function colormapFor(regl: Regl, name: ColormapName): Texture2D {
  let texture = colormaps.get(name);
  if (!texture) {
    texture = regl.texture({
      data: colormapTable(name, 256),
      width: 256,
      height: 1,
      mag: 'linear',
      min: 'linear',
      wrap: 'clamp',
    });
    colormaps.set(name, texture);
  }
  return texture;
}

function dropShared(): void {
  meshes.clear();
  colormaps.clear();
  if (shared) {
    try {
      shared.regl.destroy();
    } catch {
      // a lost context may refuse; its resources are gone either way
    }
  }
  shared = null;
}

function setStatus(next: SharedStatus, text: string): void {
  status = next;
  message = text;
  for (const client of clients) client.statusChanged(next, text);
}

function start(): void {
  if (shared || status === 'unavailable') return;
  canvas ??= contextCanvas();
  if (!canvas) {
    setStatus('unavailable', describeFailure(new Error('this browser or device offers no WebGL')));
    return;
  }
  canvas.addEventListener('webglcontextlost', onLost);
  canvas.addEventListener('webglcontextrestored', onRestored);
  try {
    shared = createShared(canvas);
    setStatus('ready', '');
  } catch (error) {
    shared = null;
    setStatus('unavailable', describeFailure(error));
  }
}

function onLost(event: Event): void {
  event.preventDefault(); // without this the browser never restores the context
  dropShared();
  setStatus('lost', 'WebGL context lost — restoring…');
}

function onRestored(): void {
  if (!canvas || clients.size === 0) return;
  try {
    shared = createShared(canvas);
    setStatus('ready', '');
    request();
  } catch (error) {
    shared = null;
    setStatus('unavailable', describeFailure(error));
  }
}

function stop(): void {
  if (frameHandle) cancelAnimationFrame(frameHandle);
  frameHandle = 0;
  const context = shared?.regl._gl;
  dropShared();
  if (canvas) {
    canvas.removeEventListener('webglcontextlost', onLost);
    canvas.removeEventListener('webglcontextrestored', onRestored);
    // Release the context now rather than at garbage collection; the next surface makes a new canvas.
    context?.getExtension('WEBGL_lose_context')?.loseContext();
    canvas = null;
  }
  status = 'ready';
  message = '';
}

/** Registers a surface; the first one creates the shared context. Returns the current status. */
export function attach(client: SurfaceClient): { status: SharedStatus; message: string } {
  clients.add(client);
  start();
  client.statusChanged(status, message);
  request();
  return { status, message };
}

/** Unregisters a surface; the last one frees the context, its resources and the frame loop. */
export function detach(client: SurfaceClient): void {
  if (!clients.delete(client)) return;
  if (clients.size === 0) stop();
}

/** Asks for a frame: every visible surface that needs a draw gets one. */
export function request(): void {
  if (frameHandle || clients.size === 0 || !shared) return;
  frameHandle = requestAnimationFrame(frame);
}

function frame(): void {
  frameHandle = 0;
  const now = performance.now();
  let again = false;
  for (const client of clients) {
    if (!shared) break;
    if (!client.visible || !client.needsDraw(now)) continue;
    try {
      client.render(shared, now);
    } catch (error) {
      console.warn('<loss-surface> could not draw a frame:', error);
    }
    again ||= client.needsDraw(now);
  }
  if (again) request();
}

/** Draws every visible surface that needs it now, outside the frame loop (tests, exports). */
export function drawNow(client: SurfaceClient): boolean {
  if (!shared || !client.visible) return false;
  client.render(shared, performance.now());
  return true;
}

// Test hooks: what a page with many surfaces costs.
/** 1 while a frame is scheduled, else 0. */
export function activeFrameLoops(): number {
  return frameHandle ? 1 : 0;
}
/** Surfaces registered with the shared context. */
export function registeredSurfaces(): number {
  return clients.size;
}
/** WebGL contexts this module has created since the page loaded. */
export function createdContexts(): number {
  return contextsCreated;
}
/** The shared canvas (null when no surface is connected). */
export function sharedCanvas(): GLCanvas | null {
  return canvas;
}
/** The generation of the live context, or -1 when there is none. */
export function currentGeneration(): number {
  return shared?.generation ?? -1;
}
/** Whether the live context runs on a software renderer (false without one). */
export function sharedSoftware(): boolean {
  return shared?.software ?? false;
}
/** The shared context's status. */
export function sharedStatus(): SharedStatus {
  return status;
}
