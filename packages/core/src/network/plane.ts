// The 2-D plane in weight space that a network's landscapes are drawn on, and the path's place on it.

import { createRandom } from '../random.js';
import type { Network } from './mlp.js';
import { topEigenvectors } from './eigen.js';

/**
 * θ(a, b) = origin + a·d1 + b·d2. 'pca' directions are orthonormal and `explained` says how much
 * of the path each holds; 'random' ones are filter-normalised (Li et al. 2018) and not orthogonal,
 * so `cosine` reports their angle; 'identity' is the 2-weight model's own (w1, w2).
 */
export interface Plane {
  kind: 'identity' | 'pca' | 'random';
  origin: Float64Array;
  directions: [Float64Array, Float64Array];
  labels: [string, string];
  explained?: [number, number];
  cosine?: number;
}

/** Where θ lies relative to a plane: its least-squares coordinates and its distance off the plane. */
export interface Projection {
  point: [number, number];
  offPlane: number;
}

function dot(u: ArrayLike<number>, v: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < u.length; k++) s += u[k]! * v[k]!;
  return s;
}

/** The 2-weight logistic model's plane: a = w1, b = w2. */
export function identityPlane(): Plane {
  return {
    kind: 'identity',
    origin: new Float64Array(2),
    directions: [Float64Array.of(1, 0), Float64Array.of(0, 1)],
    labels: ['W₁', 'W₂'],
  };
}

/** θ = origin + a·d1 + b·d2, into `out` (a new array when omitted). */
export function planePoint(
  plane: Plane,
  a: number,
  b: number,
  out = new Float64Array(plane.origin.length),
): Float64Array {
  const { origin } = plane;
  const [d1, d2] = plane.directions;
  for (let k = 0; k < origin.length; k++) out[k] = origin[k]! + a * d1[k]! + b * d2[k]!;
  return out;
}

/**
 * The plane point nearest θ: the 2×2 normal equations [d1·d1 d1·d2; d1·d2 d2·d2]·(a, b) =
 * (d1·r, d2·r) with r = θ − origin, which hold for non-orthogonal (random) directions too.
 */
export function project(plane: Plane, theta: ArrayLike<number>): Projection {
  const { origin } = plane;
  const [d1, d2] = plane.directions;
  if (theta.length !== origin.length) {
    throw new RangeError(
      `project: θ must have ${origin.length} values (the plane's), got ${theta.length}`,
    );
  }
  let g11 = 0;
  let g12 = 0;
  let g22 = 0;
  let c1 = 0;
  let c2 = 0;
  for (let k = 0; k < origin.length; k++) {
    const r = theta[k]! - origin[k]!;
    const u = d1[k]!;
    const v = d2[k]!;
    g11 += u * u;
    g12 += u * v;
    g22 += v * v;
    c1 += u * r;
    c2 += v * r;
  }
  const det = g11 * g22 - g12 * g12;
  if (!(det > 0)) throw new RangeError('project: the plane has parallel or zero directions');
  const a = (g22 * c1 - g12 * c2) / det;
  const b = (g11 * c2 - g12 * c1) / det;
  let off = 0;
  for (let k = 0; k < origin.length; k++) {
    const e = theta[k]! - (origin[k]! + a * d1[k]! + b * d2[k]!);
    off += e * e;
  }
  return { point: [a, b], offPlane: Math.sqrt(off) };
}

function percent(share: number): string {
  return `${Math.round(100 * share)} % of the path`;
}

/**
 * The plane through the path's last point spanned by the two principal directions of
 * θ_t − θ_final (Li et al. 2018's `setup_PCA_directions`). Unlike their scikit-learn PCA we do not
 * centre the differences: the plane passes through θ_final, and uncentred directions are the ones
 * that put the path closest to a plane through that point. `explained` is each direction's share
 * of Σ‖θ_t − θ_final‖². Signs are fixed so the path's first point has positive coordinates.
 */
export function pcaPlane(path: readonly Float64Array[]): Plane {
  if (path.length < 2) throw new RangeError('pcaPlane: a path needs at least two points');
  const last = path[path.length - 1]!;
  const p = last.length;
  for (const theta of path) {
    if (theta.length !== p)
      throw new RangeError('pcaPlane: every path point must have the same length');
  }
  const diffs = path.slice(0, -1).map((theta) => {
    const d = new Float64Array(p);
    for (let k = 0; k < p; k++) d[k] = theta[k]! - last[k]!;
    return d;
  });
  const { vectors, values, total } = principalDirections(diffs, p);
  if (!(total > 0)) throw new RangeError('pcaPlane: the path never leaves its last point');
  for (const v of vectors) {
    // Sign: the first point with a clear coordinate along v gets a positive one.
    const first = diffs.find((d) => Math.abs(dot(d, v)) > 1e-12 * Math.sqrt(total));
    if (first && dot(first, v) < 0) for (let k = 0; k < p; k++) v[k] = -v[k]!;
  }
  const explained: [number, number] = [values[0]! / total, values[1]! / total];
  return {
    kind: 'pca',
    origin: Float64Array.from(last),
    directions: [vectors[0]!, vectors[1]!],
    labels: [`PC1 (${percent(explained[0])})`, `PC2 (${percent(explained[1])})`],
    explained,
  };
}

/**
 * The top two unit eigenvectors of XᵀX (X: the rows `diffs`), their eigenvalues and the trace.
 * Works on whichever of XᵀX (P×P) and the Gram matrix XXᵀ (T×T) is smaller; a Gram eigenvector u
 * maps to Xᵀu/‖Xᵀu‖. A rank-1 path gets a deterministic second direction orthogonal to the first.
 */
function principalDirections(
  diffs: readonly Float64Array[],
  p: number,
): { vectors: Float64Array[]; values: number[]; total: number } {
  const t = diffs.length;
  const gram = t <= p;
  const n = gram ? t : p;
  const m = new Float64Array(n * n);
  if (gram) {
    for (let i = 0; i < t; i++)
      for (let j = i; j < t; j++) m[i * n + j] = m[j * n + i] = dot(diffs[i]!, diffs[j]!);
  } else {
    for (const d of diffs)
      for (let i = 0; i < p; i++) {
        const di = d[i]!;
        if (di === 0) continue;
        for (let j = i; j < p; j++) m[i * n + j]! += di * d[j]!;
      }
    for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) m[i * n + j] = m[j * n + i]!;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += m[i * n + i]!;
  const { vectors: small, values } = topEigenvectors(m, n, 2);
  const vectors = small.map((u, c) => {
    if (!gram) return u;
    const v = new Float64Array(p);
    if (values[c]! > 1e-24 * total)
      for (let i = 0; i < t; i++) {
        const ui = u[i] ?? 0;
        const d = diffs[i]!;
        for (let k = 0; k < p; k++) v[k]! += ui * d[k]!;
      }
    return v;
  });
  while (vectors.length < 2) vectors.push(new Float64Array(p));
  // Re-orthonormalise in P dimensions. A direction the path hardly has (eigenvalue below 1e−12 of
  // the total: a straight path, or a one-step one) is rounding noise, so it becomes the first basis
  // vector e_k that keeps most of its length once made orthogonal to the direction before it.
  for (let c = 0; c < 2; c++) {
    const v = vectors[c]!;
    const real = (values[c] ?? 0) > 1e-12 * total;
    for (let k = real ? -1 : 0; k < p; k++) {
      if (k >= 0) {
        v.fill(0);
        v[k] = 1;
      }
      const before = Math.sqrt(dot(v, v));
      for (let pass = 0; pass < 2; pass++) {
        for (let b = 0; b < c; b++) {
          const proj = dot(v, vectors[b]!);
          for (let i = 0; i < p; i++) v[i]! -= proj * vectors[b]![i]!;
        }
      }
      const norm = Math.sqrt(dot(v, v));
      if (norm > 0.5 * before) {
        for (let i = 0; i < p; i++) v[i]! /= norm;
        break;
      }
    }
  }
  if (!((values[1] ?? 0) > 1e-12 * total)) values[1] = 0;
  return { vectors, values: [Math.max(values[0] ?? 0, 0), Math.max(values[1] ?? 0, 0)], total };
}

/**
 * Two seeded Gaussian directions through `origin`, filter-normalised as in Li et al. 2018
 * (`normalize_directions_for_weights`, ignore='biasbn'): each weight-matrix row (one neuron's
 * incoming weights) is scaled to the norm of the same row of `origin`, and every bias entry is 0.
 * `cosine` is cos∠(d1, d2), which they report: near 0 in high dimensions, but not 0.
 */
export function randomPlane(network: Network, origin: ArrayLike<number>, seed: number): Plane {
  if (origin.length !== network.size) {
    throw new RangeError(
      `randomPlane: origin must have the network's ${network.size} parameters, got ${origin.length}`,
    );
  }
  const random = createRandom(seed);
  const directions: [Float64Array, Float64Array] = [
    new Float64Array(network.size),
    new Float64Array(network.size),
  ];
  for (const d of directions) {
    for (let k = 0; k < d.length; k++) d[k] = random.normal();
    for (const block of network.layout) {
      if (block.cols === 1) {
        d.fill(0, block.offset, block.offset + block.rows);
        continue;
      }
      for (let o = 0; o < block.rows; o++) {
        const start = block.offset + o * block.cols;
        let dn = 0;
        let wn = 0;
        for (let i = start; i < start + block.cols; i++) {
          dn += d[i]! ** 2;
          wn += origin[i]! ** 2;
        }
        // Li et al. divide by ‖d‖ + 1e−10; a Gaussian row is never that short, so ours divides exactly.
        const scale = dn > 0 ? Math.sqrt(wn / dn) : 0;
        for (let i = start; i < start + block.cols; i++) d[i]! *= scale;
      }
    }
  }
  const [d1, d2] = directions;
  const norms = Math.sqrt(dot(d1, d1) * dot(d2, d2));
  return {
    kind: 'random',
    origin: Float64Array.from(origin),
    directions,
    labels: ['random direction 1', 'random direction 2'],
    cosine: norms > 0 ? dot(d1, d2) / norms : 0,
  };
}
