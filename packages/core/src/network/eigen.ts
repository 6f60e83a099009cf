// The top eigenvectors of a small symmetric matrix, deterministically: what the PCA plane needs.

import { createRandom } from '../random.js';

/** Jacobi rotations until the off-diagonal is negligible: q×q `h` (destroyed) → values, vectors (columns of `s`). */
function jacobi(h: Float64Array, q: number): { values: Float64Array; s: Float64Array } {
  const s = new Float64Array(q * q);
  for (let i = 0; i < q; i++) s[i * q + i] = 1;
  for (let sweep = 0; sweep < 64; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < q; i++) {
      diag += h[i * q + i]! ** 2;
      for (let j = i + 1; j < q; j++) off += h[i * q + j]! ** 2;
    }
    if (off <= 1e-32 * diag || off === 0) break;
    for (let p = 0; p < q; p++) {
      for (let r = p + 1; r < q; r++) {
        const apr = h[p * q + r]!;
        if (apr === 0) continue;
        const theta = (h[r * q + r]! - h[p * q + p]!) / (2 * apr);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < q; k++) {
          const hkp = h[k * q + p]!;
          const hkr = h[k * q + r]!;
          h[k * q + p] = c * hkp - sn * hkr;
          h[k * q + r] = sn * hkp + c * hkr;
        }
        for (let k = 0; k < q; k++) {
          const hpk = h[p * q + k]!;
          const hrk = h[r * q + k]!;
          h[p * q + k] = c * hpk - sn * hrk;
          h[r * q + k] = sn * hpk + c * hrk;
        }
        for (let k = 0; k < q; k++) {
          const skp = s[k * q + p]!;
          const skr = s[k * q + r]!;
          s[k * q + p] = c * skp - sn * skr;
          s[k * q + r] = sn * skp + c * skr;
        }
      }
    }
  }
  const values = new Float64Array(q);
  for (let i = 0; i < q; i++) values[i] = h[i * q + i]!;
  return { values, s };
}

/** Modified Gram–Schmidt, twice, on the q columns of n×q `v` (column c is v[c]); a column that
 * vanishes is replaced by a fixed pseudo-random one, so rank-deficient matrices still get a basis. */
function orthonormalise(v: Float64Array[], n: number, refill: () => number): void {
  for (let c = 0; c < v.length; c++) {
    const col = v[c]!;
    const before = Math.sqrt(col.reduce((s, x) => s + x * x, 0));
    for (let pass = 0; pass < 2; pass++) {
      for (let b = 0; b < c; b++) {
        const other = v[b]!;
        let proj = 0;
        for (let k = 0; k < n; k++) proj += col[k]! * other[k]!;
        for (let k = 0; k < n; k++) col[k]! -= proj * other[k]!;
      }
    }
    let norm = 0;
    for (let k = 0; k < n; k++) norm += col[k]! ** 2;
    norm = Math.sqrt(norm);
    if (!(norm > 1e-10 * before) || norm === 0) {
      for (let k = 0; k < n; k++) col[k] = refill();
      c--; // orthonormalise the refilled column again
      continue;
    }
    for (let k = 0; k < n; k++) col[k]! /= norm;
  }
}

/**
 * The `count` largest eigenpairs of the symmetric n×n matrix `m` (row-major), by orthogonal
 * (subspace) iteration on count + 4 vectors with Rayleigh–Ritz, until each wanted Ritz pair's
 * residual ‖Mv − λv‖ is below 1e−11·λ₁. The extra vectors make the second pair converge at rate
 * λ₇/λ₂ rather than λ₃/λ₂. The start is a fixed seed, so the result is deterministic.
 */
export function topEigenvectors(
  m: Float64Array,
  n: number,
  count: number,
): { vectors: Float64Array[]; values: number[] } {
  const q = Math.min(n, count + 4);
  const random = createRandom(0x9ca);
  const refill = () => random.normal();
  let basis: Float64Array[] = Array.from({ length: q }, () =>
    Float64Array.from({ length: n }, refill),
  );
  orthonormalise(basis, n, refill);
  const images = Array.from({ length: q }, () => new Float64Array(n));
  let best: { vectors: Float64Array[]; values: number[] } = { vectors: [], values: [] };
  for (let iteration = 0; iteration < 3000; iteration++) {
    for (let c = 0; c < q; c++) {
      const v = basis[c]!;
      const z = images[c]!;
      for (let i = 0; i < n; i++) {
        let s = 0;
        const row = i * n;
        for (let k = 0; k < n; k++) s += m[row + k]! * v[k]!;
        z[i] = s;
      }
    }
    const h = new Float64Array(q * q);
    for (let a = 0; a < q; a++)
      for (let b = a; b < q; b++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += basis[a]![k]! * images[b]![k]!;
        h[a * q + b] = h[b * q + a] = s;
      }
    const { values, s } = jacobi(h, q);
    const order = Array.from({ length: q }, (_, i) => i).sort((a, b) => values[b]! - values[a]!);
    const ritz: Float64Array[] = [];
    const mapped: Float64Array[] = [];
    for (const c of order) {
      const v = new Float64Array(n);
      const z = new Float64Array(n);
      for (let b = 0; b < q; b++) {
        const w = s[b * q + c]!;
        for (let k = 0; k < n; k++) {
          v[k]! += w * basis[b]![k]!;
          z[k]! += w * images[b]![k]!;
        }
      }
      ritz.push(v);
      mapped.push(z);
    }
    const top = Math.max(values[order[0]!]!, 0);
    let worst = 0;
    for (let c = 0; c < Math.min(count, q); c++) {
      const lambda = values[order[c]!]!;
      let r = 0;
      for (let k = 0; k < n; k++) r += (mapped[c]![k]! - lambda * ritz[c]![k]!) ** 2;
      worst = Math.max(worst, Math.sqrt(r));
    }
    best = {
      vectors: ritz.slice(0, count),
      values: order.slice(0, count).map((c) => values[c]!),
    };
    if (worst <= 1e-11 * top || top === 0) break;
    basis = mapped;
    orthonormalise(basis, n, refill);
  }
  return best;
}
