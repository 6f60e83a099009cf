// Figure 7 made live: the reader drags the point along ln(1 + e⁻ˣ) (or focuses it and presses the
// arrow keys) and reads the loss there. The chart is static SVG from scripts/charts.mjs, which writes
// its scales on the <svg data-softplus>; this only moves the point and rewrites the readout.

/** ln(1 + e⁻ˣ) without overflow for large |x|. */
export const loss = (x) => Math.max(-x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
/** Its derivative, −1 / (1 + eˣ): −1 on the left slope, 0 on the right. */
const slope = (x) => -1 / (1 + Math.exp(x));

/** Fixed digits with a real minus sign, and no "−0.0". */
function number(value, digits) {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text.replace('-', '−');
}

/** The words charts.mjs writes for the starting point; kept identical so the text never jumps. */
export function readout(x) {
  return `x = ${number(x, 1)}: loss ln(1 + e⁻ˣ) = ${loss(x).toFixed(3)}, slope ${number(slope(x), 3)}`;
}

/** A linear scale from the `data-*` attribute pair "d0 d1" → "r0 r1", and its inverse. */
function scale(svg, name) {
  const [d0, d1] = svg.getAttribute(`data-${name}-domain`).split(' ').map(Number);
  const [r0, r1] = svg.getAttribute(`data-${name}-range`).split(' ').map(Number);
  return {
    to: (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0),
    from: (r) => d0 + ((r - r0) / (r1 - r0)) * (d1 - d0),
    min: Math.min(d0, d1),
    max: Math.max(d0, d1),
  };
}

/** Keys and how far each moves x; Shift makes an arrow a whole unit. */
const STEP = 0.1;
const keySteps = { ArrowLeft: -STEP, ArrowDown: -STEP, ArrowRight: STEP, ArrowUp: STEP };

export function liven(svg) {
  const thumb = svg.querySelector('.chart-thumb');
  const drop = svg.querySelector('.chart-drop');
  const text = svg.parentElement?.querySelector('.chart-readout');
  if (!thumb) return;
  const x = scale(svg, 'x');
  const y = scale(svg, 'y');
  const bottom = y.to(y.min);

  function show(value) {
    // Tenths, as the slider steps, so a drag and the keys land on the same values.
    const v = Math.min(x.max, Math.max(x.min, Math.round(value / STEP) * STEP));
    const cx = x.to(v).toFixed(1);
    const cy = y.to(loss(v)).toFixed(1);
    thumb.setAttribute('cx', cx);
    thumb.setAttribute('cy', cy);
    drop?.setAttribute('x1', cx);
    drop?.setAttribute('x2', cx);
    drop?.setAttribute('y1', cy);
    drop?.setAttribute('y2', bottom.toFixed(1));
    const words = readout(v);
    thumb.setAttribute('aria-valuenow', String(Number(v.toFixed(1)) || 0));
    thumb.setAttribute('aria-valuetext', words);
    if (text) text.textContent = words;
  }

  const current = () => Number(thumb.getAttribute('aria-valuenow'));

  /** The pointer's x in data units, through the SVG's real screen transform (scaled pages too). */
  function fromPointer(event) {
    const matrix = svg.getScreenCTM();
    if (!matrix) return current();
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return x.from(point.x);
  }

  svg.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    svg.setPointerCapture(event.pointerId);
    thumb.focus({ preventScroll: true });
    show(fromPointer(event));
    event.preventDefault();
  });
  svg.addEventListener('pointermove', (event) => {
    if (svg.hasPointerCapture(event.pointerId)) show(fromPointer(event));
  });

  thumb.addEventListener('keydown', (event) => {
    let next;
    if (event.key in keySteps) next = current() + keySteps[event.key] * (event.shiftKey ? 10 : 1);
    else if (event.key === 'PageUp') next = current() + 1;
    else if (event.key === 'PageDown') next = current() - 1;
    else if (event.key === 'Home') next = x.min;
    else if (event.key === 'End') next = x.max;
    else return;
    event.preventDefault();
    show(next);
  });
}

// charts.mjs imports `readout` from this file at build time, in Node, where there is no page.
if (typeof document !== 'undefined')
  for (const svg of document.querySelectorAll('svg[data-softplus]')) liven(svg);
