// The "Real networks" page's readouts: what a network sampler's plane holds of its run, and the
// quake of several samplers against theory in one table. Everything is read from the elements'
// public API (`plane`, `weights`, `weights-change`, `quakeMagnitude`), so it is recomputed here.

const dot = (u, v) => u.reduce((sum, x, k) => sum + x * v[k], 0);
const percent = (share) => `${(100 * share).toFixed(share < 0.1 ? 1 : 0)} %`;

/**
 * The least-squares part of `vector` in the plane's span, by the 2×2 normal equations (random
 * directions are not orthogonal): what share of its squared length lies in the plane.
 */
function shareInPlane(plane, vector) {
  const [d1, d2] = plane.directions;
  const [g11, g12, g22] = [dot(d1, d1), dot(d1, d2), dot(d2, d2)];
  const [r1, r2] = [dot(d1, vector), dot(d2, vector)];
  const det = g11 * g22 - g12 * g12;
  const [a, b] = [(g22 * r1 - g12 * r2) / det, (g11 * r2 - g12 * r1) / det];
  const length2 = dot(vector, vector);
  return length2 > 0 ? (a * r1 + b * r2) / length2 : 0;
}

/** θ's distance from the plane: the part of θ − origin the plane cannot hold. */
function offPlane(plane, weights) {
  const r = weights.map((w, k) => w - plane.origin[k]);
  return Math.sqrt(Math.max(0, dot(r, r) * (1 - shareInPlane(plane, r))));
}

/** What the plane is: its share of the path (PCA) or the angle of its directions (random). */
function describePlane(plane) {
  if (plane.kind === 'pca' && plane.explained) {
    const [pc1, pc2] = plane.explained;
    return `PC1 holds ${percent(pc1)} of the path, PC2 ${percent(pc2)}`;
  }
  if (plane.kind === 'random') return `random directions, cosine ${plane.cosine.toFixed(3)}`;
  return 'the two weights themselves';
}

/** One line under a network sampler's plot, after every step: the plane, how far off it, the steps in it. */
export function showPlane(output, sampler) {
  let steps = 0;
  let sum = 0;
  let last = null;
  const write = () => {
    const plane = sampler.plane;
    if (!plane) return;
    const parts = [
      describePlane(plane),
      `P = ${plane.origin.length}, so 2/P = ${percent(2 / plane.origin.length)}`,
      `off the plane ${offPlane(plane, sampler.weights).toFixed(2)}`,
    ];
    if (steps > 0)
      parts.push(`last step ${percent(last)} in the plane (mean ${percent(sum / steps)})`);
    output.textContent = parts.join(' · ');
  };
  sampler.addEventListener('weights-change', (event) => {
    const { weights, previous, picked } = event.detail;
    const plane = sampler.plane;
    if (plane && !picked) {
      last = shareInPlane(
        plane,
        weights.map((w, k) => w - previous[k]),
      );
      sum += last;
      steps++;
    }
    write();
  });
  sampler.addEventListener('sampler-reset', () => {
    [steps, sum, last] = [0, 0, null];
    write();
  });
  // The plane exists once the run ahead is planned, which may be after this runs.
  sampler.updateComplete?.then(write);
  write();
}

/**
 * A table row per sampler: batch size, batches seen, the quake measured, its theory, and the
 * single-row spread σ that theory implies, √(mean σ²) = theory · √(B(N − 1)/(N − B)).
 */
export function showQuakeTable(table, samplers) {
  const body = table.tBodies[0] ?? table.createTBody();
  const rows = samplers.map((sampler) => {
    const row = body.insertRow();
    row.dataset.sampler = sampler.id;
    for (let k = 0; k < 5; k++) row.insertCell();
    const update = () => {
      const quake = sampler.quakeMagnitude;
      const [b, n] = [sampler.batchSize, sampler.dataset.n];
      const sigma = quake && b < n ? quake.theory * Math.sqrt((b * (n - 1)) / (n - b)) : null;
      const cells = [
        String(sampler.batchSize),
        String(quake?.batches ?? 0),
        quake?.measured == null ? '–' : quake.measured.toFixed(3),
        quake?.theory == null ? '–' : quake.theory.toFixed(3),
        sigma === null ? '–' : sigma.toFixed(3),
      ];
      cells.forEach((text, k) => (row.cells[k].textContent = text));
    };
    sampler.addEventListener('batch-change', update);
    sampler.addEventListener('sampler-reset', update);
    sampler.addEventListener('landscape-ready', update);
    update();
    return row;
  });
  return rows;
}

for (const output of document.querySelectorAll('output[data-plane-for]')) {
  const sampler = document.getElementById(output.getAttribute('data-plane-for') ?? '');
  if (sampler) showPlane(output, sampler);
}
for (const table of document.querySelectorAll('table[data-quake-table]')) {
  const ids = (table.getAttribute('data-quake-table') ?? '').split(/\s+/);
  const samplers = ids.map((id) => document.getElementById(id)).filter(Boolean);
  showQuakeTable(table, samplers);
}

// A figure may draw one run on another's plane (`data-plane-from="id"`): both pictures then show the
// same slice of weight space.
await customElements.whenDefined('batch-sampler');
for (const sampler of document.querySelectorAll('batch-sampler[data-plane-from]')) {
  const source = document.getElementById(sampler.getAttribute('data-plane-from') ?? '');
  if (source && 'plane' in source) sampler.plane = source.plane;
}
