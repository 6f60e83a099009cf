// A network's per-row table L[row, j, i] on the GPU (core's fillRowTable, in float32): one fragment
// per (cell, block of four rows) runs the forward pass of those rows at the cell's weights into an
// RGBA32F target, read back. Raw WebGL2 as gpu-kernel.ts, and like it no runtime imports beyond it,
// so the bench can load this file straight from dist/.
import {
  floatContext,
  link,
  makeCanvas,
  medianRunMs,
  nearestTextures,
  SOFTPLUS,
  VERTEX,
  type Canvas,
} from './gpu-kernel.js';

/** Rows per fragment (RGBA): each weight formed at a cell serves four rows. */
const LANES = 4;
/** θ's numbers per texture line: any WebGL2 allows 2048. */
const THETA_WIDTH = 1024;

/** What the kernel needs of a network (core's Network fits): the shape decides the shader. */
export interface TableNetwork {
  inputs: number;
  layers: readonly number[];
  activation: 'tanh' | 'relu';
}
/** core's Plane: θ(a, b) = origin + a·d1 + b·d2. */
export interface TablePlane {
  origin: ArrayLike<number>;
  directions: readonly [ArrayLike<number>, ArrayLike<number>];
}
export interface TableData {
  n: number;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}
export interface TableGrid {
  w1: readonly [number, number];
  w2: readonly [number, number];
  size: number;
}

/** P, the network's parameter count, in core's layout (W1, b1, W2, b2, …, one output). */
export function parameterCount({ inputs, layers }: TableNetwork): number {
  let p = 0;
  let fanIn = inputs;
  for (const out of [...layers, 1]) {
    p += out * fanIn + out;
    fanIn = out;
  }
  return p;
}

/**
 * The fragment shader for one network shape. Layer sizes are constants, so loops unroll and the
 * activations stay in registers: vec4 per neuron, the four rows of the fragment's block. A weight
 * at the cell is dot((o, d1, d2)[k], (1, a, b)): θ is never formed per cell in memory.
 */
function fragmentSource({ inputs, layers, activation }: TableNetwork): string {
  const ins = [inputs, ...layers];
  const outs = [...layers, 1];
  const widest = Math.max(1, ...layers);
  const body: string[] = [];
  let offset = 0;
  let source = 'x';
  ins.forEach((nIn, l) => {
    const nOut = outs[l]!;
    const bias = offset + nIn * nOut;
    const last = l === ins.length - 1;
    const target = source === 'hA' ? 'hB' : 'hA';
    body.push(`
  for (int o = 0; o < ${nOut}; o++) {
    vec4 s = vec4(weight(${bias} + o));
    for (int q = 0; q < ${nIn}; q++) s += weight(${offset} + o * ${nIn} + q) * ${source}[q];
    ${last ? 'z = s;' : `${target}[o] = activate(s);`}
  }`);
    offset = bias + nOut;
    source = target;
  });
  // tanh from e^{−2|s|} ∈ (0, 1]: never overflows (GLSL's tanh may give NaN past |s| ≈ 44 on
  // some drivers), within ~1e−7 absolute, which is what a sum of activations needs.
  const activate =
    activation === 'relu'
      ? 'return max(s, 0.0);'
      : 'vec4 t = exp(-2.0 * abs(s)); return sign(s) * (1.0 - t) / (1.0 + t);';
  return `#version 300 es
precision highp float;
precision highp int;
precision highp sampler2D;
uniform sampler2D theta;  // texel k: (origin[k], d1[k], d2[k], 0)
uniform sampler2D rows;   // texel (f, block): feature f of the block's four rows; f = inputs: their signs 1 − 2y
uniform int size;
uniform vec2 w1Range;
uniform vec2 w2Range;
out vec4 result;
${SOFTPLUS}
vec3 plane;
float weight(int k) {
  return dot(texelFetch(theta, ivec2(k % ${THETA_WIDTH}, k / ${THETA_WIDTH}), 0).xyz, plane);
}
vec4 activate(vec4 s) { ${activate} }

void main() {
  int i = int(gl_FragCoord.x);
  int j = int(gl_FragCoord.y) % size;
  int block = int(gl_FragCoord.y) / size;
  float last = float(size - 1);
  plane = vec3(1.0, w1Range.x + (w1Range.y - w1Range.x) * (float(i) / last),
    w2Range.x + (w2Range.y - w2Range.x) * (float(j) / last));
  vec4 x[${inputs}];
  for (int f = 0; f < ${inputs}; f++) x[f] = texelFetch(rows, ivec2(f, block), 0);
  vec4 hA[${widest}];
  vec4 hB[${widest}];
  vec4 z;${body.join('')}
  vec4 signs = texelFetch(rows, ivec2(${inputs}, block), 0);
  // Beyond float32 a loss is stored as the largest float32, as core's table does.
  result = min(softplus(signs * z), vec4(3.4028234e38));
}`;
}

/** A network's row table on the GPU. `create()` is null where WebGL2 or float render targets are missing. */
export class NetworkGpuKernel {
  #gl: WebGL2RenderingContext;
  #canvas: Canvas;
  #programs = new Map<string, WebGLProgram | null>();
  #theta: WebGLTexture;
  #rows: WebGLTexture;
  #target: WebGLTexture;
  #framebuffer: WebGLFramebuffer;
  #targetSize = [0, 0];
  #lost = false;
  #readback = new Float32Array(0);

  static create(canvas: Canvas | null = makeCanvas()): NetworkGpuKernel | null {
    try {
      const gl = floatContext(canvas);
      if (!canvas || !gl) return null;
      const kernel = new NetworkGpuKernel(gl, canvas);
      canvas.addEventListener('webglcontextlost', () => (kernel.#lost = true));
      return kernel;
    } catch {
      return null;
    }
  }

  private constructor(gl: WebGL2RenderingContext, canvas: Canvas) {
    this.#gl = gl;
    this.#canvas = canvas;
    [this.#theta, this.#rows, this.#target] = nearestTextures(gl, 3) as [
      WebGLTexture,
      WebGLTexture,
      WebGLTexture,
    ];
    this.#framebuffer = gl.createFramebuffer()!;
  }

  /** The context was lost: every later call answers false (the caller builds on the CPU). */
  get lost(): boolean {
    return this.#lost || this.#gl.isContextLost();
  }

  /** Frees the context now (the page keeps few). */
  dispose(): void {
    this.#lost = true;
    this.#gl.getExtension('WEBGL_lose_context')?.loseContext();
  }

  /** The canvas whose context this is (tests lose it on purpose). */
  get canvas(): Canvas {
    return this.#canvas;
  }

  #program(network: TableNetwork): WebGLProgram | null {
    const key = `${network.inputs}|${network.layers.join(',')}|${network.activation}`;
    if (!this.#programs.has(key))
      this.#programs.set(key, link(this.#gl, VERTEX, fragmentSource(network)));
    return this.#programs.get(key)!;
  }

  /**
   * core's fillRowTable on the GPU: row r's loss, r in rowStart .. rowEnd − 1, at every cell into
   * out[(r − rowStart)·size² + j·size + i]. One draw per as many rows as the target's height holds.
   * False (out partly written) when the context is lost or the work does not fit the GPU's limits.
   */
  fillRowTable(
    network: TableNetwork,
    data: TableData,
    plane: TablePlane,
    grid: TableGrid,
    rowStart: number,
    rowEnd: number,
    out: Float32Array,
  ): boolean {
    const gl = this.#gl;
    const { inputs } = network;
    const p = parameterCount(network);
    const { size } = grid;
    const limit = gl.getParameter(gl.MAX_TEXTURE_SIZE) as number;
    const blocksPerDraw = Math.floor(limit / size);
    if (this.lost || plane.origin.length !== p || size > limit || blocksPerDraw < 1) return false;
    const program = this.#program(network);
    if (!program) return false;

    const [d1, d2] = plane.directions;
    const theta = new Float32Array(4 * THETA_WIDTH * Math.ceil(p / THETA_WIDTH));
    for (let k = 0; k < p; k++) {
      theta[4 * k] = plane.origin[k]!;
      theta[4 * k + 1] = d1[k]!;
      theta[4 * k + 2] = d2[k]!;
    }
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.#theta);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA32F, THETA_WIDTH, theta.length / (4 * THETA_WIDTH), 0, gl.RGBA, gl.FLOAT, theta); // prettier-ignore

    gl.useProgram(program);
    const at = (name: string) => gl.getUniformLocation(program, name);
    gl.uniform1i(at('theta'), 0);
    gl.uniform1i(at('rows'), 1);
    gl.uniform1i(at('size'), size);
    gl.uniform2f(at('w1Range'), grid.w1[0], grid.w1[1]);
    gl.uniform2f(at('w2Range'), grid.w2[0], grid.w2[1]);
    gl.disable(gl.BLEND);
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.SCISSOR_TEST);

    const cells = size * size;
    for (let first = rowStart; first < rowEnd; first += blocksPerDraw * LANES) {
      const last = Math.min(rowEnd, first + blocksPerDraw * LANES);
      const blocks = Math.ceil((last - first) / LANES);
      // The rows texture: per block, each feature of its four rows, then their signs (0 pads).
      const width = inputs + 1;
      const upload = new Float32Array(4 * width * blocks);
      for (let r = first; r < last; r++) {
        const block = Math.floor((r - first) / LANES);
        const lane = (r - first) % LANES;
        for (let f = 0; f < inputs; f++)
          upload[4 * (block * width + f) + lane] = data.x[r * inputs + f]!;
        upload[4 * (block * width + inputs) + lane] = data.y[r] ? -1 : 1;
      }
      gl.activeTexture(gl.TEXTURE1);
      gl.bindTexture(gl.TEXTURE_2D, this.#rows);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA32F, width, blocks, 0, gl.RGBA, gl.FLOAT, upload);

      const height = blocks * size;
      gl.bindFramebuffer(gl.FRAMEBUFFER, this.#framebuffer);
      if (this.#targetSize[0] !== size || this.#targetSize[1] !== height) {
        gl.activeTexture(gl.TEXTURE2);
        gl.bindTexture(gl.TEXTURE_2D, this.#target);
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA32F, size, height, 0, gl.RGBA, gl.FLOAT, null);
        gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, this.#target, 0); // prettier-ignore
        if (gl.checkFramebufferStatus(gl.FRAMEBUFFER) !== gl.FRAMEBUFFER_COMPLETE) return false;
        this.#targetSize = [size, height];
      }
      gl.viewport(0, 0, size, height);
      gl.drawArrays(gl.TRIANGLES, 0, 3);

      const values = 4 * cells * blocks;
      if (this.#readback.length < values) this.#readback = new Float32Array(values);
      const readback = this.#readback;
      gl.readPixels(0, 0, size, height, gl.RGBA, gl.FLOAT, readback);
      if (this.lost) return false;
      // Texel (i, block·size + j) holds the block's four rows at cell j·size + i.
      for (let r = first; r < last; r++) {
        const block = Math.floor((r - first) / LANES);
        const lane = (r - first) % LANES;
        const to = (r - rowStart) * cells;
        const from = block * cells * 4 + lane;
        for (let c = 0; c < cells; c++) out[to + c] = readback[from + 4 * c]!;
      }
    }
    return true;
  }
}

/** The probe: a 2-input 16-16 tanh network (the page's default), 64 rows on a 32² grid. */
const PROBE = { rows: 64, size: 32, repeats: 3 };

/** Seeded numbers in [−1, 1) for the probe (no core at run time: the bench loads this from dist/). */
function probeNumbers(count: number, seed: number): Float64Array {
  let state = seed >>> 0;
  return Float64Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  });
}

/**
 * How fast this GPU builds tables, in multiply-adds (rows × cells × P) per ms: the median of a few
 * draws of a probe table, after one that compiles the shader; null where WebGL2 float targets are
 * missing or a draw fails. Its context is its own and freed before it returns. The sampler runs it
 * in a worker (an OffscreenCanvas): on software GL, making a context and compiling hold a thread
 * for about half a second, which should not be the page's.
 */
export function measureTablePace(): number | null {
  const kernel = NetworkGpuKernel.create();
  if (!kernel) return null;
  try {
    const network: TableNetwork = { inputs: 2, layers: [16, 16], activation: 'tanh' };
    const p = parameterCount(network);
    const plane: TablePlane = {
      origin: probeNumbers(p, 1),
      directions: [probeNumbers(p, 2), probeNumbers(p, 3)],
    };
    const data: TableData = {
      n: PROBE.rows,
      x: probeNumbers(2 * PROBE.rows, 4),
      y: Uint8Array.from({ length: PROBE.rows }, (_, k) => k & 1),
    };
    const grid: TableGrid = { w1: [-1, 1], w2: [-1, 1], size: PROBE.size };
    const out = new Float32Array(PROBE.rows * PROBE.size ** 2);
    const run = () => kernel.fillRowTable(network, data, plane, grid, 0, PROBE.rows, out);
    const ms = medianRunMs(run, PROBE.repeats);
    if (ms === null) return null;
    return (PROBE.rows * PROBE.size ** 2 * p) / Math.max(ms, 1e-3);
  } finally {
    kernel.dispose();
  }
}
