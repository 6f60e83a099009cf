// Small SVG charts generated at build time (no script needed to see them): ln(1 + e⁻ˣ), whose point
// public/softplus.js lets the reader drag, and the quake's magnitude against batch size beside theory.
import { escapeHtml } from './html.mjs';
import { loss as softplusNeg, readout as softplusReadout } from '../public/softplus.js';

const W = 560;
const H = 340;
const M = { top: 16, right: 18, bottom: 46, left: 58 };

function linear([d0, d1], [r0, r1]) {
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

function logScale([d0, d1], [r0, r1]) {
  const l0 = Math.log10(d0);
  const l1 = Math.log10(d1);
  return (v) => r0 + ((Math.log10(v) - l0) / (l1 - l0)) * (r1 - r0);
}

/** A tick label, with a real minus sign (−), as the views' axes write theirs. */
const fmt = (v) =>
  (Math.abs(v) >= 1 || v === 0
    ? String(Number(v.toPrecision(3)))
    : String(Number(v.toPrecision(2)))
  ).replace('-', '−');

/** Axes, gridlines, tick labels and axis titles for a plot area. */
function axes({ x, y, xTicks, yTicks, xLabel, yLabel, xFormat = fmt, yFormat = fmt }) {
  const left = M.left;
  const right = W - M.right;
  const top = M.top;
  const bottom = H - M.bottom;
  let out = '<g class="chart-grid">';
  for (const t of xTicks)
    out += `<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top}" y2="${bottom}"/>`;
  for (const t of yTicks)
    out += `<line x1="${left}" x2="${right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/>`;
  out += '</g><g class="chart-axis">';
  out += `<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}"/><line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}"/>`;
  for (const t of xTicks) {
    out += `<text x="${x(t).toFixed(1)}" y="${bottom + 18}" text-anchor="middle">${escapeHtml(xFormat(t))}</text>`;
  }
  for (const t of yTicks) {
    out += `<text x="${left - 8}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${escapeHtml(yFormat(t))}</text>`;
  }
  out += `<text class="chart-title" x="${(left + right) / 2}" y="${H - 8}" text-anchor="middle">${xLabel}</text>`;
  out += `<text class="chart-title" transform="translate(16 ${(top + bottom) / 2}) rotate(-90)" text-anchor="middle">${yLabel}</text>`;
  return out + '</g>';
}

function path(points) {
  return points.map(([px, py], k) => `${k ? 'L' : 'M'}${px.toFixed(1)} ${py.toFixed(1)}`).join('');
}

function svg(id, title, description, body) {
  return (
    `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>` +
    `${body}</svg>`
  );
}

/** Figure 7's scales (viewBox units), written on its SVG so public/softplus.js reads them, not copies. */
const SOFTPLUS_X = [-10, 10];
const SOFTPLUS_Y = [-2, 12];
/** Where the reader's point starts: on the slope, left of the bend. */
const SOFTPLUS_START = -2;

/**
 * ln(1 + e⁻ˣ) on [−10, 10] beside its two straight asymptotes, max(0, −x), with a point the reader
 * drags along the curve (public/softplus.js; the SVG alone is the whole figure without script). Axes
 * and curves are hidden from assistive technology: the title, the description and the point (a
 * slider whose value text is the loss) say what they show.
 */
export function softplusChart() {
  const xRange = [M.left, W - M.right];
  const yRange = [H - M.bottom, M.top];
  const x = linear(SOFTPLUS_X, xRange);
  const y = linear(SOFTPLUS_Y, yRange);
  const curve = [];
  for (let k = 0; k <= 200; k++) {
    const v = SOFTPLUS_X[0] + ((SOFTPLUS_X[1] - SOFTPLUS_X[0]) * k) / 200;
    curve.push([x(v), y(softplusNeg(v))]);
  }
  const hinge = path([
    [x(-10), y(10)],
    [x(0), y(0)],
    [x(10), y(0)],
  ]);
  const px = x(SOFTPLUS_START).toFixed(1);
  const py = y(softplusNeg(SOFTPLUS_START)).toFixed(1);
  const legendX = W - M.right - 150;
  const figure =
    `<g aria-hidden="true">` +
    axes({
      x,
      y,
      xTicks: [-10, -5, 0, 5, 10],
      yTicks: [-2, 0, 2, 4, 6, 8, 10, 12],
      xLabel: 'x',
      yLabel: 'ln(1 + e⁻ˣ)',
    }) +
    `<path class="chart-hinge" d="${hinge}"/>` +
    `<path class="chart-line" d="${path(curve)}"/>` +
    `<g class="chart-legend" transform="translate(${legendX} ${M.top + 10})">` +
    `<line class="chart-line" x1="0" x2="24" y1="0" y2="0"/><text x="32" y="4">ln(1 + e⁻ˣ)</text>` +
    `<line class="chart-hinge" x1="0" x2="24" y1="22" y2="22"/><text x="32" y="26">max(0, −x)</text></g>` +
    `<line class="chart-drop" x1="${px}" x2="${px}" y1="${py}" y2="${y(SOFTPLUS_Y[0]).toFixed(1)}"/></g>` +
    `<circle class="chart-thumb" cx="${px}" cy="${py}" r="7" tabindex="0" role="slider"` +
    ` aria-label="x, where the loss is read" aria-valuemin="${SOFTPLUS_X[0]}" aria-valuemax="${SOFTPLUS_X[1]}"` +
    ` aria-valuenow="${SOFTPLUS_START}" aria-valuetext="${escapeHtml(softplusReadout(SOFTPLUS_START))}"/>`;
  const title = 'The function ln(1 + e^−x)';
  const description =
    'A smooth curve that follows the line y = −x for negative x and 0 for positive x; it bends only near x = 0, where it equals ln 2. Drag the point, or focus it and press the arrow keys, to read the loss at any x.';
  const scales =
    `data-softplus data-x-domain="${SOFTPLUS_X.join(' ')}" data-x-range="${xRange.join(' ')}"` +
    ` data-y-domain="${SOFTPLUS_Y.join(' ')}" data-y-range="${yRange.join(' ')}"`;
  return (
    `<svg class="chart softplus" viewBox="0 0 ${W} ${H}" role="group" aria-labelledby="softplus-title" aria-describedby="softplus-desc" ${scales}>` +
    `<title id="softplus-title">${escapeHtml(title)}</title><desc id="softplus-desc">${escapeHtml(description)}</desc>` +
    `${figure}</svg>` +
    `<p class="chart-readout" id="softplus-readout">${escapeHtml(softplusReadout(SOFTPLUS_START))}</p>`
  );
}

/** Measured quake magnitudes (dots) against batch size beside theory (lines), log-log. */
export function quakeChart(quake) {
  const rows = quake.results;
  const x = logScale([1, 1000], [M.left, W - M.right]);
  const values = rows.flatMap((r) => [
    r.measuredReplacement,
    r.measuredEpoch,
    r.theoryReplacement,
    r.theoryEpoch,
  ]);
  const lo = 10 ** Math.floor(Math.log10(Math.min(...values)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values)));
  const y = logScale([lo, hi], [H - M.bottom, M.top]);
  const yTicks = [];
  for (let decade = lo; decade <= hi; decade *= 10)
    for (const m of [1, 2, 5]) if (decade * m <= hi) yTicks.push(decade * m);
  const line = (key) => path(rows.map((r) => [x(r.batchSize), y(r[key])]));
  const dots = (key, shape) =>
    rows
      .map((r) => {
        const cx = x(r.batchSize).toFixed(1);
        const cy = y(r[key]).toFixed(1);
        return shape === 'circle'
          ? `<circle cx="${cx}" cy="${cy}" r="4.5"><title>B = ${r.batchSize}: ${r[key].toFixed(3)}</title></circle>`
          : `<rect x="${cx - 4}" y="${cy - 4}" width="8" height="8"><title>B = ${r.batchSize}: ${r[key].toFixed(3)}</title></rect>`;
      })
      .join('');
  const legend = [
    ['chart-line series-a', 'theory σ/√B (with replacement)'],
    ['chart-line series-b dashed', 'theory with (N−B)/(N−1) (epoch)'],
  ];
  let legendSvg = `<g class="chart-legend" transform="translate(${W - M.right - 250} ${M.top + 10})">`;
  legend.forEach(([cls, label], k) => {
    legendSvg += `<line class="${cls}" x1="0" x2="24" y1="${k * 22}" y2="${k * 22}"/><text x="32" y="${k * 22 + 4}">${escapeHtml(label)}</text>`;
  });
  legendSvg += `<circle class="series-a" cx="12" cy="44" r="4.5"/><text x="32" y="48">measured, with replacement</text>`;
  legendSvg += `<rect class="series-b" x="8" y="62" width="8" height="8"/><text x="32" y="70">measured, epoch shuffling</text></g>`;
  const body =
    axes({
      x,
      y,
      xTicks: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
      yTicks,
      xLabel: 'batch size B',
      yLabel: 'quake magnitude (RMS loss change)',
    }) +
    `<path class="chart-line series-a" d="${line('theoryReplacement')}"/>` +
    `<path class="chart-line series-b dashed" d="${line('theoryEpoch')}"/>` +
    `<g class="series-a">${dots('measuredReplacement', 'circle')}</g>` +
    `<g class="series-b">${dots('measuredEpoch', 'square')}</g>` +
    legendSvg;
  return svg(
    'quake-chart',
    'Quake magnitude against batch size',
    'On log-log axes the measured magnitudes fall on a line of slope minus one half, as theory predicts; epoch batches fall below it for large batch sizes.',
    body,
  );
}

/** The same numbers as a table, so they can be read exactly (and by a screen reader). */
export function quakeTable(quake) {
  const cell = (v) => `<td>${v.toFixed(3)}</td>`;
  const rows = quake.results
    .map(
      (r) =>
        `<tr><th scope="row">${r.batchSize}</th>${cell(r.measuredReplacement)}${cell(r.theoryReplacement)}${cell(r.measuredEpoch)}${cell(r.theoryEpoch)}</tr>`,
    )
    .join('');
  return (
    `<div class="table-wrap"><table class="numbers"><caption>Quake magnitude, N = ${quake.rows} rows, ${quake.batchesPerPoint} batches per batch size, ${quake.gridSize}×${quake.gridSize} grid over [${quake.extent[0]}, ${quake.extent[1]}]²</caption>` +
    '<thead><tr><th scope="col">B</th><th scope="col">replacement, measured</th><th scope="col">σ/√B</th><th scope="col">epoch, measured</th><th scope="col">σ/√B·√((N−B)/(N−1))</th></tr></thead>' +
    `<tbody>${rows}</tbody></table></div>`
  );
}
