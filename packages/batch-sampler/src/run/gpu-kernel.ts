// The logistic model's landscapes on the GPU with raw WebGL2 (no regl: nothing evaluated from
// strings, so it runs under a strict CSP, and no bytes added): the rows in a float texture, one
// fragment per four grid cells summing softplus over the rows into a float render target, read back.
// No runtime imports, so the bench can load this file straight from dist/.

/**
 * One draw does at most the work the measured speed does in this long: a longer one would hold the
 * page (readPixels waits for it) and risks the GPU's watchdog losing the context.
 */
export const DRAW_BUDGET_MS = 50;

/** Four cells per fragment (RGBA): each row fetched once serves four columns. */
const LANES = 4;
/** Rows per texture line: any WebGL2 allows 2048. */
const ROWS_WIDTH = 1024;
/** Partial sums of this many rows are added into the total: float32 rounding grows with √64 + √(n/64), not n. */
const BLOCK = 64;

export const VERTEX = `#version 300 es
void main() {
  // One triangle over the whole target, without buffers.
  vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}`;

/** GLSL: a softplus of vec4 that keeps its digits for tiny and huge arguments (shared with the network table). */
export const SOFTPLUS = `
// ln(1 + e) for e in [0, 1] as 2·atanh(e / (2 + e)): u ≤ 1/3, so the series to u¹³ is within 2e-8,
// and tiny e keeps its digits (log(1.0 + e) would round 1 + e to 1 below 6e-8).
vec4 log1pUnit(vec4 e) {
  vec4 u = e / (2.0 + e);
  vec4 u2 = u * u;
  return 2.0 * u * (1.0 + u2 * (1.0 / 3.0 + u2 * (1.0 / 5.0 + u2 * (1.0 / 7.0 + u2 * (1.0 / 9.0
    + u2 * (1.0 / 11.0 + u2 / 13.0))))));
}

// Stable for large |t|: exp only of −|t|, never overflowing.
vec4 softplus(vec4 t) {
  return max(t, 0.0) + log1pUnit(exp(-abs(t)));
}
`;

const FRAGMENT = `#version 300 es
precision highp float;
precision highp int;
precision highp sampler2D;
uniform sampler2D rowsTexture; // (s·x1, s·x2) per row, s = 1 − 2y: the loss is softplus(s·x·w)
uniform int count;
uniform int size;
uniform vec2 w1Range;
uniform vec2 w2Range;
uniform int variance; // 0: the mean loss; 1: the population variance of the rows' losses
out vec4 result;
${SOFTPLUS}
vec2 rowAt(int k) {
  return texelFetch(rowsTexture, ivec2(k % ${ROWS_WIDTH}, k / ${ROWS_WIDTH}), 0).xy;
}

void main() {
  int column = int(gl_FragCoord.x) * ${LANES};
  int j = int(gl_FragCoord.y);
  float last = float(size - 1);
  vec4 i = vec4(float(column), float(column + 1), float(column + 2), float(column + 3));
  vec4 w1 = w1Range.x + (w1Range.y - w1Range.x) * (i / last);
  float w2 = w2Range.x + (w2Range.y - w2Range.x) * (float(j) / last);
  vec4 total = vec4(0.0);
  vec4 block = vec4(0.0);
  for (int k = 0; k < count; k++) {
    vec2 x = rowAt(k);
    block += softplus(x.x * w1 + x.y * w2);
    if ((k & ${BLOCK - 1}) == ${BLOCK - 1}) { total += block; block = vec4(0.0); }
  }
  vec4 mean = (total + block) / float(count);
  if (variance == 1) {
    // Two passes (the mean first): no cancellation, unlike E[l²] − E[l]².
    total = vec4(0.0);
    block = vec4(0.0);
    for (int k = 0; k < count; k++) {
      vec2 x = rowAt(k);
      vec4 d = softplus(x.x * w1 + x.y * w2) - mean;
      block += d * d;
      if ((k & ${BLOCK - 1}) == ${BLOCK - 1}) { total += block; block = vec4(0.0); }
    }
    mean = (total + block) / float(count);
  }
  // Beyond float32 a loss is stored as the largest float32, as core's lossGrid does.
  result = min(mean, vec4(3.4028234e38));
}`;

/**
 * A probe's timing: `run` once to warm it (the shader compiled, the JIT done), then the median of
 * `repeats` more runs, in ms; null as soon as a run answers false (a draw failed).
 */
export function medianRunMs(run: () => boolean, repeats: number): number | null {
  if (!run()) return null;
  const times: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const start = performance.now();
    if (!run()) return null;
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(repeats / 2)]!;
}

/** What the kernel needs of a data set and a grid (core's Dataset and Grid fit). */
export interface KernelData {
  n: number;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}
export interface KernelGrid {
  w1: readonly [number, number];
  w2: readonly [number, number];
  size: number;
}

export type Canvas = OffscreenCanvas | HTMLCanvasElement;

export function makeCanvas(): Canvas | null {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(1, 1);
  if (typeof document === 'object') return document.createElement('canvas');
  return null;
}

/**
 * A WebGL2 context on `canvas` that renders into float textures (EXT_color_buffer_float), which both
 * kernels read their sums from; null where either is missing.
 */
export function floatContext(canvas: Canvas | null): WebGL2RenderingContext | null {
  // Both canvas kinds give a WebGL2 context for 'webgl2'; the union's overloads hide that, and the
  // worker's type environment (no DOM) reads it differently again: one signature for both.
  const source = canvas as {
    getContext(id: 'webgl2', options: WebGLContextAttributes): unknown;
  } | null;
  const gl = (source?.getContext('webgl2', {
    antialias: false,
    depth: false,
    stencil: false,
    powerPreference: 'high-performance',
  }) ?? null) as WebGL2RenderingContext | null;
  return gl?.getExtension('EXT_color_buffer_float') ? gl : null;
}

/** Textures read and written texel for texel (no filtering between cells or rows). */
export function nearestTextures(gl: WebGL2RenderingContext, count: number): WebGLTexture[] {
  return Array.from({ length: count }, () => {
    const texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    return texture;
  });
}

/** The logistic loss summed on the GPU. `create()` is null where WebGL2 or float render targets are missing. */
export class LogisticGpuKernel {
  #gl: WebGL2RenderingContext;
  #program: WebGLProgram;
  #rows: WebGLTexture;
  #target: WebGLTexture;
  #framebuffer: WebGLFramebuffer;
  #uniforms: Record<
    'count' | 'size' | 'w1Range' | 'w2Range' | 'variance',
    WebGLUniformLocation | null
  >;
  #lost = false;
  #targetSize = [0, 0];
  #readback = new Float32Array(0);
  #upload = new Float32Array(0);

  static create(canvas: Canvas | null = makeCanvas()): LogisticGpuKernel | null {
    try {
      const gl = floatContext(canvas);
      if (!canvas || !gl) return null;
      const program = link(gl, VERTEX, FRAGMENT);
      if (!program) return null;
      const kernel = new LogisticGpuKernel(gl, program);
      canvas.addEventListener('webglcontextlost', () => (kernel.#lost = true));
      return kernel;
    } catch {
      return null;
    }
  }

  private constructor(gl: WebGL2RenderingContext, program: WebGLProgram) {
    this.#gl = gl;
    this.#program = program;
    [this.#rows, this.#target] = nearestTextures(gl, 2) as [WebGLTexture, WebGLTexture];
    this.#framebuffer = gl.createFramebuffer()!;
    const at = (name: string) => gl.getUniformLocation(program, name);
    this.#uniforms = {
      count: at('count'),
      size: at('size'),
      w1Range: at('w1Range'),
      w2Range: at('w2Range'),
      variance: at('variance'),
    };
  }

  /** The context was lost: every later call answers null (the caller computes on the CPU). */
  get lost(): boolean {
    return this.#lost || this.#gl.isContextLost();
  }

  /** Frees the context now (the page keeps few): every later call answers null. */
  dispose(): void {
    this.#lost = true;
    this.#gl.getExtension('WEBGL_lose_context')?.loseContext();
  }

  /**
   * Per cell (`values[j * size + i]`, as core's Landscape), the mean over `rows` of
   * softplus((1 − 2y)·(x1·w1 + x2·w2)), or with `variance` their population variance.
   * Null when the context is lost or the work does not fit the GPU's limits.
   */
  logistic(
    data: KernelData,
    rows: ArrayLike<number>,
    grid: KernelGrid,
    variance = false,
    out = new Float32Array(grid.size * grid.size),
  ): Float32Array | null {
    const gl = this.#gl;
    const count = rows.length;
    const { size } = grid;
    const width = Math.ceil(size / LANES);
    const lines = Math.ceil(count / ROWS_WIDTH);
    const limit = gl.getParameter(gl.MAX_TEXTURE_SIZE) as number;
    if (this.lost || count === 0 || lines > limit || width > limit || size > limit) return null;

    if (this.#upload.length < 2 * ROWS_WIDTH * lines)
      this.#upload = new Float32Array(2 * ROWS_WIDTH * lines);
    const upload = this.#upload;
    for (let k = 0; k < count; k++) {
      const r = rows[k]!;
      const s = data.y[r] ? -1 : 1;
      upload[2 * k] = s * data.x[2 * r]!;
      upload[2 * k + 1] = s * data.x[2 * r + 1]!;
    }
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.#rows);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RG32F, ROWS_WIDTH, lines, 0, gl.RG, gl.FLOAT, upload, 0);

    gl.bindFramebuffer(gl.FRAMEBUFFER, this.#framebuffer);
    if (this.#targetSize[0] !== width || this.#targetSize[1] !== size) {
      gl.bindTexture(gl.TEXTURE_2D, this.#target);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA32F, width, size, 0, gl.RGBA, gl.FLOAT, null);
      gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, this.#target, 0);
      if (gl.checkFramebufferStatus(gl.FRAMEBUFFER) !== gl.FRAMEBUFFER_COMPLETE) return null;
      this.#targetSize = [width, size];
      gl.bindTexture(gl.TEXTURE_2D, this.#rows);
    }
    gl.viewport(0, 0, width, size);
    gl.disable(gl.BLEND);
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.SCISSOR_TEST);
    gl.useProgram(this.#program);
    const u = this.#uniforms;
    gl.uniform1i(u.count, count);
    gl.uniform1i(u.size, size);
    gl.uniform2f(u.w1Range, grid.w1[0], grid.w1[1]);
    gl.uniform2f(u.w2Range, grid.w2[0], grid.w2[1]);
    gl.uniform1i(u.variance, variance ? 1 : 0);
    gl.drawArrays(gl.TRIANGLES, 0, 3);

    const lanes = width * LANES;
    if (this.#readback.length < lanes * size) this.#readback = new Float32Array(lanes * size);
    const readback = this.#readback;
    gl.readPixels(0, 0, width, size, gl.RGBA, gl.FLOAT, readback);
    if (this.lost) return null;
    for (let j = 0; j < size; j++)
      out.set(readback.subarray(j * lanes, j * lanes + size), j * size);
    return out;
  }
}

/** The linked program, or null where a shader does not compile here. */
export function link(
  gl: WebGL2RenderingContext,
  vertex: string,
  fragment: string,
): WebGLProgram | null {
  const program = gl.createProgram();
  for (const [type, source] of [
    [gl.VERTEX_SHADER, vertex],
    [gl.FRAGMENT_SHADER, fragment],
  ] as const) {
    const shader = gl.createShader(type);
    if (!shader) return null;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    gl.attachShader(program, shader);
  }
  gl.linkProgram(program);
  return gl.getProgramParameter(program, gl.LINK_STATUS) ? program : null;
}
