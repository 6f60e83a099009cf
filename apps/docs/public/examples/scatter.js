// Draws a <batch-sampler>'s data set into an <svg> and circles the rows of the current batch.
const SVG = 'http://www.w3.org/2000/svg';
const SIZE = 400;
const PAD = 40;

function node(name, attributes, parent) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  parent?.append(element);
  return element;
}

export function showDataset(svg, sampler) {
  svg.setAttribute('viewBox', `0 0 ${SIZE} ${SIZE}`);
  // The chart's accessible name, kept current as batches change: a <title> child.
  const title = node('title', {}, svg);
  const points = node('g', {}, svg);
  const batch = node('g', {}, svg);
  let scale = null;

  function drawData() {
    const data = sampler.dataset;
    if (!data) return;
    points.replaceChildren();
    svg.querySelectorAll('.axis').forEach((axis) => axis.remove());
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of data.x) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    lo = Math.floor(lo);
    hi = Math.ceil(hi);
    const px = (v) => PAD + ((v - lo) / (hi - lo)) * (SIZE - 2 * PAD);
    const py = (v) => SIZE - PAD - ((v - lo) / (hi - lo)) * (SIZE - 2 * PAD);
    scale = { px, py };
    const axis = node('g', { class: 'axis' }, svg);
    svg.insertBefore(axis, points);
    for (let t = lo; t <= hi; t++) {
      node('line', { x1: px(t), x2: px(t), y1: PAD, y2: SIZE - PAD, stroke: '#eef2f6' }, axis);
      node('line', { x1: PAD, x2: SIZE - PAD, y1: py(t), y2: py(t), stroke: '#eef2f6' }, axis);
      node(
        'text',
        { x: px(t), y: SIZE - PAD + 16, 'text-anchor': 'middle', fill: '#5b6474' },
        axis,
      ).textContent = t;
      node(
        'text',
        { x: PAD - 8, y: py(t) + 4, 'text-anchor': 'end', fill: '#5b6474' },
        axis,
      ).textContent = t;
    }
    node(
      'text',
      { x: SIZE / 2, y: SIZE - 4, 'text-anchor': 'middle', fill: '#0f172a' },
      axis,
    ).textContent = 'x₁';
    node('text', { x: PAD, y: PAD - 12, fill: '#0f172a' }, axis).textContent = 'x₂';
    for (let r = 0; r < data.n; r++) {
      node(
        'circle',
        {
          cx: px(data.x[2 * r]),
          cy: py(data.x[2 * r + 1]),
          r: 3.2,
          class: `row class-${data.y[r]}`,
        },
        points,
      );
    }
  }

  function drawBatch(rows) {
    const data = sampler.dataset;
    batch.replaceChildren();
    if (!data || !scale) return;
    for (const r of rows) {
      node(
        'circle',
        {
          cx: scale.px(data.x[2 * r]),
          cy: scale.py(data.x[2 * r + 1]),
          r: 6,
          class: `row in-batch class-${data.y[r]}`,
        },
        batch,
      );
    }
    title.textContent = `The training data, ${data.n} points in two classes; the ${rows.length} rows of the current batch are circled`;
  }

  sampler.addEventListener('batch-change', (event) => drawBatch(event.detail.rows));
  sampler.addEventListener('sampler-reset', (event) => {
    if (event.detail.reason === 'data') drawData();
    drawBatch(sampler.rows);
  });
  drawData();
  drawBatch(sampler.rows);
}
