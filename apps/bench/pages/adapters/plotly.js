// Plotly.js (plotly.js-dist-min) drawing the same landscapes: a surface trace for <loss-surface>,
// a filled contour trace for <loss-contour>, with the same colour maps and levels.
const src = '/apps/bench/node_modules/plotly.js-dist-min/plotly.min.js';

/** d3's Blues (schemeBlues[9]), the surface's default map; the contour uses viridis, as ours. */
const blues = [
  '#f7fbff',
  '#deebf7',
  '#c6dbef',
  '#9ecae1',
  '#6baed6',
  '#4292c6',
  '#2171b5',
  '#08519c',
  '#08306b',
];
const colorscales = {
  surface: blues.map((colour, k) => [k / (blues.length - 1), colour]),
  contour: 'Viridis',
};
const levels = 10;

let Plotly;

export function load() {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => {
      Plotly = window.Plotly;
      resolve();
    };
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

const axis = (range, size) =>
  Array.from({ length: size }, (_, i) => range[0] + ((range[1] - range[0]) * i) / (size - 1));

/** Plotly wants z as rows (z[j][i]); typed-array views of the landscape's rows cost no copy. */
function rowsOf(values, size) {
  const z = new Array(size);
  for (let j = 0; j < size; j++) z[j] = values.subarray(j * size, (j + 1) * size);
  return z;
}

/** The landscape's [min, max]. */
function range(values) {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

function trace(view, landscape, levelRange, values = landscape.values) {
  const { grid } = landscape;
  const base = {
    x: axis(grid.w1, grid.size),
    y: axis(grid.w2, grid.size),
    z: rowsOf(values, grid.size),
    colorscale: colorscales[view],
    showscale: false,
  };
  if (view === 'surface') return { ...base, type: 'surface' };
  // `levels` bands over a fixed range (the first landscape's), as <loss-contour>'s default
  // level-scale="fixed" draws them.
  const [min, max] = levelRange;
  const size = (max - min) / levels || 1;
  return {
    ...base,
    type: 'contour',
    autocontour: false,
    contours: { coloring: 'fill', start: min + size, end: max - size / 2, size, showlines: true },
    line: { width: 0.5 },
  };
}

function layout(view, { width = 640, height = 480 } = {}) {
  const common = {
    width,
    height,
    margin: { l: 50, r: 10, t: 10, b: 40 },
    showlegend: false,
  };
  if (view === 'contour')
    return { ...common, xaxis: { title: { text: 'W1' } }, yaxis: { title: { text: 'W2' } } };
  return {
    ...common,
    margin: { l: 0, r: 0, t: 0, b: 0 },
    // matplotlib's default view (azimuth -60°, elevation 30°), as <loss-surface>'s default camera.
    scene: {
      camera: { eye: { x: 1.1, y: -1.9, z: 1.25 } },
      xaxis: { title: { text: 'W1' } },
      yaxis: { title: { text: 'W2' } },
      zaxis: { title: { text: 'Loss' } },
    },
  };
}

const config = { displayModeBar: false, responsive: false };

/** Draws `landscape` in `box` (640×480 unless `size` says); resolves when Plotly.newPlot's promise does. */
export async function mount(box, view, landscape, { size } = {}) {
  const div = document.createElement('div');
  if (size) div.style.cssText = `width:${size.width}px;height:${size.height}px`;
  box.append(div);
  const frame = layout(view, size);
  const levelRange = range(landscape.values);
  await Plotly.newPlot(div, [trace(view, landscape, levelRange)], frame, config);
  return {
    /** Hands a new landscape over: Plotly.react with the new z. */
    set: (next) => Plotly.react(div, [trace(view, next, levelRange)], frame, config),
    /** One frame of a morph: z = values computed by the caller. */
    setValues: (next, values) =>
      Plotly.react(div, [trace(view, next, levelRange, values)], frame, config),
    remove: () => Plotly.purge(div),
  };
}
