// The canvas behind the shared WebGL context, and how a finished frame reaches a surface's own canvas.
//
// Where the browser has WebGL in an OffscreenCanvas, each frame is handed over whole: the drawing
// buffer becomes an ImageBitmap that the surface's canvas shows through a 'bitmaprenderer' context,
// with no copy. Elsewhere a canvas element is drawn into and copied out through a 2-D context. With
// SwiftShader the hand-over took the GPU process about half the CPU time per morph frame of the copy.

/** A canvas with a WebGL context. */
export type GLCanvas = HTMLCanvasElement | OffscreenCanvas;

const ATTRIBUTES: WebGLContextAttributes = {
  alpha: true,
  depth: true,
  premultipliedAlpha: true,
  preserveDrawingBuffer: false,
};

const SOFTWARE = /SwiftShader|llvmpipe|softpipe|Software|Basic Render/i;

/** The renderer's name, unmasked where the browser allows. */
export function rendererName(gl: WebGLRenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
}

/** Whether the context runs on a software renderer (SwiftShader, llvmpipe, …). */
export function isSoftware(gl: WebGLRenderingContext): boolean {
  return SOFTWARE.test(rendererName(gl));
}

function newCanvas(offscreen: boolean): GLCanvas {
  return offscreen ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
}

function webgl(canvas: GLCanvas, attributes: WebGLContextAttributes): WebGLRenderingContext | null {
  try {
    return canvas.getContext('webgl', attributes) as WebGLRenderingContext | null;
  } catch {
    return null;
  }
}

function canHandOver(): boolean {
  return (
    typeof OffscreenCanvas === 'function' &&
    typeof OffscreenCanvas.prototype.transferToImageBitmap === 'function' &&
    typeof ImageBitmapRenderingContext === 'function'
  );
}

/**
 * A canvas whose WebGL context is made already (null when there is no WebGL): with 4× MSAA on a GPU,
 * without it on a software renderer, where MSAA quadruples the fill work — at resolution 64 it made a
 * morph frame take 50 ms instead of 33 on SwiftShader.
 */
export function contextCanvas(): GLCanvas | null {
  for (const offscreen of canHandOver() ? [true, false] : [false]) {
    const canvas = newCanvas(offscreen);
    const gl = webgl(canvas, { ...ATTRIBUTES, antialias: true });
    if (!gl) continue;
    if (!isSoftware(gl)) return canvas;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    const software = newCanvas(offscreen);
    if (webgl(software, { ...ATTRIBUTES, antialias: false })) return software;
  }
  return null;
}

/** The context a canvas from contextCanvas() holds (also after a restore). */
export function contextOf(canvas: GLCanvas): WebGLRenderingContext | null {
  return webgl(canvas, ATTRIBUTES);
}

/**
 * Sizes the canvas for a width×height frame: exactly, for a hand-over (the whole buffer is handed
 * over; surfaces of different sizes resize it between them), else at least, for a copy of a corner.
 */
export function fit(canvas: GLCanvas, width: number, height: number, max: number): void {
  const exact = !(canvas instanceof HTMLCanvasElement);
  const w = Math.min(max, exact ? width : Math.max(canvas.width, width));
  const h = Math.min(max, exact ? height : Math.max(canvas.height, height));
  if (w !== canvas.width) canvas.width = w;
  if (h !== canvas.height) canvas.height = h;
}

/** Puts the frame just drawn (its bottom-left width×height corner) into `target`. */
export function present(
  source: GLCanvas,
  target: HTMLCanvasElement,
  width: number,
  height: number,
) {
  if (source instanceof HTMLCanvasElement) {
    const context = target.getContext('2d');
    if (!context) return;
    // The shared canvas keeps no frame (preserveDrawingBuffer off): copy it out in the same task,
    // replacing what was there in one pass ('copy') rather than a clear and a draw.
    context.globalCompositeOperation = 'copy';
    context.drawImage(source, 0, source.height - height, width, height, 0, 0, width, height);
  } else {
    target.getContext('bitmaprenderer')?.transferFromImageBitmap(source.transferToImageBitmap());
  }
}
