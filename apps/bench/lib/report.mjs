// The markdown report: one table per section, lossquake beside Plotly.js, with a target column.
const FRAME = 1000 / 60;
/** A frame "held the display rate" when it took at most one 60 Hz frame plus 5% jitter. */
const ON_TIME = FRAME * 1.05;

const ms = (x) =>
  x === undefined || x === null
    ? '–'
    : x >= 100
      ? x.toFixed(0)
      : x >= 1
        ? x.toFixed(1)
        : x.toFixed(2);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mark = (ok) => (ok === undefined ? '' : ok ? '✓' : '✗');
const ratio = (plotly, ours) => (plotly && ours ? `${(plotly / ours).toFixed(1)}×` : '–');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? s.length % 2
      ? s[(s.length - 1) / 2]
      : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
    : undefined;
};

function table(head, rows) {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function find(pages, section, query) {
  return pages.find(
    (p) =>
      p.section === section &&
      !p.error &&
      Object.entries(query).every(([k, v]) => String(p.query[k]) === String(v)),
  );
}

function header(data) {
  const idle = data.pages.find((p) => p.section === 'idle') ?? {};
  return [
    '# lossquake bench',
    '',
    `- Browser: ${data.browser} (headless, puppeteer-core), WebGL renderer: ${idle.renderer ?? '?'} (${idle.vendor ?? '?'})`,
    `- Idle page rAF interval: median ${ms(idle.interval?.median)} ms, p95 ${ms(idle.interval?.p95)} ms (n=${idle.interval?.n ?? 0}) — rAF ticks at about ${idle.interval?.median ? Math.round(1000 / idle.interval.median) : '?'} Hz`,
    `- Machine: ${data.machine.cpus} × ${data.machine.cpu}, Node ${data.machine.node}; 1-minute load average ${data.machine.loadAverage?.join(' → ') ?? '?'} (browser run start → end); ${data.date}; run took ${data.seconds} s${data.quick ? ' (--quick)' : ''}`,
    '- Workload (both libraries): blobs, 1000 rows, logistic, weights [-20, 20]², epoch shuffling, seed 1; every update computes its landscape with core `lossGrid`.',
    '',
  ].join('\n');
}

function bytesSection({ lossquake, plotly }) {
  const row = (name, b, target) =>
    b.skipped
      ? [name, b.skipped, '', '', '']
      : [name, kb(b.bytes), `${kb(b.minified)} (${b.minifiedBy})`, kb(b.gzip), target];
  const chunkName = (file) => file.slice(file.lastIndexOf('/') + 1);
  return [
    '## Bytes',
    '',
    table(
      ['script', 'file', 'minified', 'gzip (zlib -9)', 'target < 70 KB gz'],
      [
        row(
          'lossquake `dist/lossquake.js` (the entry a page includes)',
          lossquake,
          lossquake.gzip ? mark(lossquake.gzip < 70 * 1024) : '',
        ),
        ...(lossquake.chunks ?? []).map((chunk) =>
          row(`  chunk \`dist/chunks/${chunkName(chunk.file)}\` (on demand)`, chunk, ''),
        ),
        row('plotly.js-dist-min `plotly.min.js`', plotly, ''),
      ],
    ),
    lossquake.pages ? pagesTable(lossquake.pages) : '',
    lossquake.gzip
      ? `\nPlotly is ${(plotly.gzip / lossquake.gzip).toFixed(0)}× lossquake's entry, gzipped.`
      : '',
    ...(lossquake.pages ?? []).map(packagesTable),
    lossquake.gzip ? `\nTarget: the entry ≤ 70 KB gz: ${over(lossquake.gzip)}.` : '',
    '',
  ].join('\n');
}

const over = (gzip) =>
  gzip <= 70 * 1024 ? `${kb(70 * 1024 - gzip)} under` : `${kb(gzip - 70 * 1024)} over`;

/** What a page downloads in all: each file gzipped alone, summed (as a browser fetches them). */
function pagesTable(pages) {
  return [
    '',
    table(
      ['page', 'files', 'minified', 'gzip (sum of the files)'],
      pages.map((p) => [p.name, p.files.join(', '), kb(p.minified), kb(p.gzip)]),
    ),
  ].join('\n');
}

/** What each dependency costs in a page's files (lib/package-bytes.mjs: from their source maps). */
function packagesTable({ name, packages }) {
  const minified = packages.reduce((sum, p) => sum + p.minified, 0);
  return [
    '',
    `Per dependency, ${name}: from the shipped files' source maps (every character charged to the package of the source it maps to, after terser). gzip does not split: "gzip alone" is the package's characters gzipped by themselves; "share of the gzip" divides each file's gzip in proportion to those.`,
    '',
    table(
      ['package', 'minified', 'share', 'gzip alone', 'share of the gzip'],
      packages.map((p) => [
        p.name,
        kb(p.minified),
        `${((100 * p.minified) / minified).toFixed(1)} %`,
        kb(p.gzipAlone),
        kb(p.gzipShare),
      ]),
    ),
  ].join('\n');
}

function coreSection(core) {
  const lines = ['## Core alone: `lossGrid` in Node (core-bench.mjs)', ''];
  if (core.skipped)
    return [
      ...lines,
      `Skipped: ${core.skipped}`,
      core.log ? '```\n' + core.log + '\n```' : '',
      '',
    ].join('\n');
  const rows = core.results ?? [];
  const known = rows.length && 'lossGridMs' in rows[0] && 'referenceMs' in rows[0];
  if (known) {
    const perSecond = (x) => `${(x / 1e6).toFixed(0)} M/s`;
    lines.push(
      'Median ms per call and per-sample loss evaluations per second (grid points × rows), `lossGrid` beside the plain reference loop (`lossGridReference`), same process, one core.',
      '',
      table(
        [
          'res',
          'batch',
          'lossGrid ms',
          'reference ms',
          'speed-up',
          'lossGrid evals/s',
          'reference evals/s',
          'max rel. error',
          'target (< 2 ms)',
        ],
        rows.map((r) => [
          r.resolution,
          r.batchSize,
          ms(r.lossGridMs),
          ms(r.referenceMs),
          `${r.speedup.toFixed(1)}×`,
          perSecond(r.lossGridEvaluationsPerSecond),
          perSecond(r.referenceEvaluationsPerSecond),
          r.maxRelativeError.toExponential(1),
          r.resolution === 64 && r.batchSize === 100 ? mark(r.lossGridMs < 2) : '',
        ]),
      ),
    );
    const env = core.environment ?? {};
    lines.push('', `Node ${env.node ?? '?'}, load average ${env.loadAverage ?? '?'} when it ran.`);
  } else {
    lines.push('```json', JSON.stringify(core, null, 2), '```');
  }
  lines.push('');
  return lines.join('\n');
}

function firstFrameSection(pages, libs) {
  const rows = ['surface', 'contour'].map((view) => {
    const of = (lib) =>
      pages.filter(
        (p) =>
          p.section === 'first-frame' && !p.error && p.query.lib === lib && p.query.view === view,
      );
    const ours = of('ours');
    const plotly = of('plotly');
    const m = (list, key) => median(list.map((p) => p[key]));
    const oursMs = m(ours, 'firstFrame');
    const target =
      view === 'surface' && oursMs !== undefined ? `< 300 ms ${mark(oursMs < 300)}` : '';
    return [
      view,
      `${ms(oursMs)} (n=${ours.length})`,
      `${ms(m(plotly, 'firstFrame'))} (n=${plotly.length})`,
      ratio(m(plotly, 'firstFrame'), oursMs),
      `${ms(m(ours, 'loadMs'))} / ${ms(m(plotly, 'loadMs'))}`,
      target,
    ];
  });
  return [
    '## First frame (resolution 64)',
    '',
    'From adding the element (or calling `Plotly.newPlot`) to the end of the first animation frame with a draw in it; median over fresh pages. Script load + evaluation is apart.',
    '',
    table(
      [
        'view',
        'lossquake ms',
        'Plotly ms',
        'Plotly / ours',
        'script load ms (ours / Plotly)',
        'target',
      ],
      rows,
    ),
    libs.includes('ours') ? '' : '\n(lossquake not built: only Plotly measured)',
    '',
  ].join('\n');
}

/** Each measured (view, resolution, batch) of a section, with lossquake's and Plotly's results side by side. */
function pairs(pages, section) {
  const keys = new Set(
    pages
      .filter((p) => p.section === section)
      .map((p) => `${p.query.view} ${p.query.res} ${p.query.batch}`),
  );
  return [...keys].map((key) => {
    const [view, res, batch] = key.split(' ');
    const ours = find(pages, section, { lib: 'ours', view, res, batch });
    const plotly = find(pages, section, { lib: 'plotly', view, res, batch });
    return { view, res, batch, ours, plotly };
  });
}

function updateSection(pages) {
  const rows = pairs(pages, 'update').map(({ view, res, batch, ours, plotly }) => {
    const cell = (r) =>
      r ? `${ms(r.update.median)} · ${ms(r.update.p95)} (n=${r.update.n})` : '–';
    const target = res === '64' && ours ? `≤ 1 frame ${mark(ours.update.median <= ON_TIME)}` : '';
    return [
      view,
      res,
      batch,
      cell(ours),
      cell(plotly),
      ratio(plotly?.update.median, ours?.update.median),
      ms(ours?.compute.median ?? plotly?.compute.median),
      target,
    ];
  });
  return [
    '## Update: new batch → end of the next animation frame',
    '',
    'Median · p95 ms over consecutive batches (n), each timed from the new batch (before its landscape is computed) to the end of the animation frame after the hand-over (`el.landscape = …` with transition 0; `Plotly.react` with the new z). Back to back, so one display frame (~16.7 ms) is the floor. A group stops after 40 batches or 6 s (at least 5), hence smaller n where updates are slow. `lossGrid` is the landscape computation alone, inside the update.',
    '',
    table(
      [
        'view',
        'res',
        'batch',
        'lossquake',
        'Plotly',
        'Plotly / ours',
        'lossGrid ms',
        'target (res 64)',
      ],
      rows,
    ),
    '',
  ].join('\n');
}

function throughSamplerSection(pages) {
  const rows = pages
    .filter((p) => p.section === 'through-sampler' && !p.error)
    .map((p) => {
      const { view, batch } = p.query;
      const res = String(p.query.res);
      const direct = find(pages, 'update', { lib: 'ours', view, res, batch });
      const cell = (u) => (u ? `${ms(u.median)} · ${ms(u.p95)} (n=${u.n})` : '–');
      return [
        view,
        res,
        batch,
        cell(p.update),
        cell(direct?.update),
        direct ? `${(p.update.median / direct.update.median).toFixed(2)}×` : '–',
        res === '64' ? `≤ 1 frame ${mark(p.update.median <= ON_TIME)}` : '',
      ];
    });
  return [
    '## Update through the sampler: `sampler.step()` → end of the next animation frame',
    '',
    "Median · p95 ms, a view linked to a paused `<batch-sampler>` (transition 0): from `step()` (the next batch dealt; both beats, `batch-change` then `weights-change`) to the end of the next animation frame, back to back. A landscape past 10⁶ evaluations goes to a worker, which computes the next batch's as soon as one is shown: back to back, a step waits for what is left of it. Beside it the direct row of the update table (the same view handed `lossGrid`'s landscape). Plotly has no sampler.",
    '',
    table(
      [
        'view',
        'res',
        'batch',
        'through the sampler',
        'direct',
        'sampler / direct',
        'target (res 64)',
      ],
      rows,
    ),
    '',
  ].join('\n');
}

function figureSection(pages) {
  const figures = pages.filter((p) => p.section === 'figure');
  const kinds = [...new Set(figures.map((p) => `${p.query.res}|${p.query.compositing ?? 'gpu'}`))];
  const rows = kinds.map((kind) => {
    const [res, compositing] = kind.split('|');
    const pick = (lib) =>
      figures.find(
        (p) =>
          !p.error &&
          p.query.lib === lib &&
          String(p.query.res) === res &&
          (p.query.compositing ?? 'gpu') === compositing,
      );
    const [ours, plotly] = [pick('ours'), pick('plotly')];
    const cell = (r) =>
      r
        ? `${r.framesPerSecond} fps · ${r.batchesPerSecond} batches/s (frame ${ms(r.interval.median)} · ${ms(r.interval.p95)}; work ${ms(r.frameWork.median)} · ${ms(r.frameWork.p95)}; ${r.longTasks.count} long)`
        : '–';
    const target =
      res === '64' && compositing === 'gpu' && ours
        ? `≥ 57 fps & ≥ 57/s ${mark(ours.framesPerSecond >= 57 && ours.batchesPerSecond >= 57)}`
        : '';
    const how = compositing === 'gpu' ? 'SwiftShader as the GPU' : 'software compositing';
    return [`${res}²`, how, cell(ours), cell(plotly), target];
  });
  const rate = figures[0]?.query.rate;
  return [
    `## The figure: sampler + surface + contour playing at rate ${rate}`,
    '',
    "The article's figure on one page (batch 10, the two views side by side, 390×293 CSS px each), playing for 5 s: frames per second (rAF timestamps: what the reader sees), batches per second (`batch-change` events), the rAF interval and main-thread work per frame (median · p95 ms) and long tasks (> 50 ms). Plotly has no sampler: its page deals a batch on a timer at the same rate, computes its landscape and reacts both charts (a beat is skipped while a react is still running). Target: ≥ 57 frames/s and ≥ 57 batches/s at 64².",
    '',
    'Compositing: the bench\'s browser rasterizes and composites the page on SwiftShader as if it were a GPU, and headless Chromium reads every frame back; a trivially changing page spends 6–9 ms of SwiftShader\'s CPU per frame on that alone. The "software compositing" row is the same page in a browser started with `--disable-gpu-compositing`, as Chrome composites where it blocklists the GPU (WebGL still on SwiftShader).',
    '',
    table(['res', 'compositing', 'lossquake', 'Plotly', 'target (res 64)'], rows),
    '',
  ].join('\n');
}

function throughputSection(pages) {
  const rows = pairs(pages, 'throughput').map(({ view, res, batch, ours, plotly }) => {
    const cell = (r) =>
      r
        ? `${r.updatesPerSecond} (${r.updates} in ${r.seconds} s; frame ${ms(r.interval.median)} · ${ms(r.interval.p95)} ms)`
        : '–';
    const target = res === '64' && ours ? `≥ 57/s ${mark(ours.updatesPerSecond >= 57)}` : '';
    return [
      view,
      res,
      batch,
      cell(ours),
      cell(plotly),
      ratio(ours?.updatesPerSecond, plotly?.updatesPerSecond),
      target,
    ];
  });
  return [
    '## Throughput: a new batch in every animation frame',
    '',
    "Updates per second while each rAF callback computes the next batch's landscape and hands it over (transition 0 / `Plotly.react`), for 2 s; with the rAF interval (median · p95 ms). The display allows 60/s. Target: ≥ 57/s (60/s less 5%).",
    '',
    table(
      [
        'view',
        'res',
        'batch',
        'lossquake updates/s',
        'Plotly updates/s',
        'ours / Plotly',
        'target (res 64)',
      ],
      rows,
    ),
    '',
  ].join('\n');
}

function morphSection(pages) {
  const rows = pairs(pages, 'morph').map(({ view, res, ours, plotly }) => {
    const cell = (r) =>
      r ? `${ms(r.interval.median)} · ${ms(r.interval.p95)} (n=${r.interval.n})` : '–';
    const work = (r) => (r ? `${ms(r.frameWork.median)} · ${ms(r.frameWork.p95)}` : '–');
    const tasks = (r) => (r ? `${r.longTasks.count}` : '–');
    const wanted = res === '64' || (view === 'contour' && res === '128');
    const target = wanted && ours ? `≤ 16.7 ms ${mark(ours.interval.median <= ON_TIME)}` : '';
    return [
      view,
      res,
      cell(ours),
      work(ours),
      tasks(ours),
      cell(plotly),
      work(plotly),
      tasks(plotly),
      target,
    ];
  });
  return [
    '## Sustained frames during a morph',
    '',
    'A new batch (size 10) every 400 ms for 2 s, so every frame is a morph frame: lossquake morphs itself (transition 400); Plotly has no morph for surface or contour traces, so its page calls `Plotly.react` with interpolated z in every frame. "Frame" = interval between rAF timestamps (what the reader sees), median · p95 (n frames); "main-thread work" = rAF timestamp to the end of that frame; long tasks = main-thread tasks > 50 ms (PerformanceObserver). Target: median frame within one display frame (≤ 16.7 ms + 5%).',
    '',
    table(
      [
        'view',
        'res',
        'lossquake frame ms',
        'ours main-thread work',
        'ours long tasks',
        'Plotly frame ms',
        'Plotly main-thread work',
        'Plotly long tasks',
        'target',
      ],
      rows,
    ),
    '',
  ].join('\n');
}

function badSrcSection(pages) {
  const rows = pages
    .filter((p) => p.section === 'bad-src' && !p.error)
    .flatMap(({ el, inputs }) =>
      inputs.map((i) => [
        `\`<${el}>\``,
        i.input,
        i.longTasks ? `${ms(i.longestTask)} (${i.longTasks})` : 'none',
        ms(i.longestWait),
        ms(i.errorAfter.median),
        `≤ 200 ms ${mark(i.longestTask <= 200)}`,
      ]),
    );
  const repeats = pages.find((p) => p.section === 'bad-src')?.query.repeats;
  return [
    '## A bad `src`: the longest main-thread task until `error`',
    '',
    `Each element, showing good data, is pointed at each bad input in turn (${repeats}× each, worst shown), from setting \`src\` to its \`error\` event (issue 7: the page stays responsive). "Long tasks" are the Long Tasks API's (over 50 ms; the longest, and how many); "longest wait" is the longest a MessageChannel ping waited for the main thread (any task, or a run of short ones). Target: no task over 200 ms.`,
    '',
    table(
      ['element', 'input', 'long tasks ms (n)', 'longest wait ms', 'error after ms', 'target'],
      rows,
    ),
    '',
  ].join('\n');
}

function networkSection(pages) {
  const rows = pages
    .filter((p) => p.section === 'network' && !p.error)
    .map((p) => [
      `${p.resolution}²`,
      p.samples,
      p.batchSize,
      p.parameters,
      ms(p.planMs),
      ms(p.tableMs),
      ms(p.step.median),
      ms(p.step.p95),
      `table ≤ 2000 ms ${mark(p.tableMs <= 2000)}`,
    ]);
  return [
    '## Real networks: a 16-16 network’s landscapes (`model="mlp"`, spirals, Adam)',
    '',
    'From inserting the sampler: "plan" is connecting (the seeded run ahead and its PCA plane, main thread); "table" runs until `landscape-ready` (the per-row table L[row, a, b] built in bands on the shared worker pool, then the full landscape and σ² from it). A step is `step()` to its `weights-change`: both beats, each batch landscape a sum of table rows. Plotly has no equivalent.',
    '',
    table(
      [
        'res',
        'rows',
        'batch',
        'P',
        'plan ms',
        'table ms',
        'step median ms',
        'step p95 ms',
        'target',
      ],
      rows,
    ),
    '',
  ].join('\n');
}

function gpuComputeSection(pages) {
  const all = pages.filter((p) => p.section === 'gpu-compute' && !p.error);
  const measured = all.filter((p) => !p.table);
  const tables = all.filter((p) => p.table);
  const rows = measured.map((p) => [
    `${p.resolution}²`,
    p.batchSize,
    ms(p.cpu.median),
    p.gpu ? ms(p.gpu.median) : 'no WebGL2 float target',
    p.gpu ? ratio(p.cpu.median, p.gpu.median) : '–',
    p.gap === undefined ? '–' : p.gap.toExponential(1),
  ]);
  const renderer = measured.find((p) => p.renderer)?.renderer ?? 'unknown';
  return [
    '## GPU compute against the CPU: one batch landscape (blobs, logistic, [−20, 20]²)',
    '',
    `From the rows to the landscape's Float32Array in hand: core's \`lossGrid\` (its logistic fast path) and the sampler's WebGL2 kernel (rows in a float texture, a fragment per four cells, \`readPixels\`). Median ms per landscape. Renderer: ${renderer}. The sampler uses the GPU only where the same two timings at 64² × 100 favour it. Plotly has no equivalent.`,
    '',
    table(['res', 'batch', 'CPU ms', 'GPU ms', 'CPU/GPU', 'max rel. gap'], rows),
    '',
    ...(tables.length ? networkTableRows(tables) : []),
  ].join('\n');
}

/** The network's per-row table: one core, the worker pool, the GPU kernel (reported, never asserted). */
function networkTableRows(tables) {
  const rows = tables.map((p) => [
    `${p.resolution}²`,
    p.table,
    p.parameters,
    ms(p.cpu.median),
    `${ms(p.pool.median)} (${p.cores})`,
    p.gpu ? ms(p.gpu.median) : 'no WebGL2 float target',
    p.gpu ? ratio(p.pool.median, p.gpu.median) : '–',
    p.gap === undefined ? '–' : p.gap.toExponential(1),
  ]);
  return [
    "### A network's per-row table (spirals, 2-16-16-1 tanh, a random plane over [−1, 1]²)",
    '',
    "The whole table L[row, j, i], median ms: core's `fillRowTable` on one core (what one worker does), on a pool of workers in 8 bands each (as the sampler builds it; workers in brackets), and the sampler's WebGL2 table kernel (a fragment per cell and four rows, `readPixels`). The sampler uses the GPU only where its probe beats the pool's measured pace by 1.5×. Gap: the worst |GPU − CPU| relative to the loss (absolute below 1e−3).",
    '',
    table(
      ['res', 'rows', 'P', '1 core ms', 'pool ms (workers)', 'GPU ms', 'pool/GPU', 'max gap'],
      rows,
    ),
    '',
  ];
}

function docsLoadSection(pages) {
  const runs = pages.filter((p) => p.section === 'docs-load' && !p.error);
  const names = [...new Set(runs.map((p) => p.query.page))];
  const rows = names.map((name) => {
    const of = runs.filter((p) => p.query.page === name);
    const first = of.map((p) => p.longTasks[0]?.[1] ?? 0);
    const later = of.map((p) => p.longTasks.slice(1).reduce((sum, [, d]) => sum + d, 0));
    const fcp = of.map((p) => p.fcp).filter((t) => t !== null);
    // Long tasks are whole milliseconds: shown as such (0 where there were none).
    const whole = (xs) => (xs.length ? String(Math.round(median(xs))) : '–');
    return [
      `${name}.html`,
      whole(first),
      whole(later),
      whole(of.map((p) => p.longTasks.length)),
      whole(fcp),
      String(of.length),
    ];
  });
  const seconds = runs[0]?.query.seconds;
  return [
    '## The docs pages starting: main-thread long tasks',
    '',
    `Each built docs page (apps/docs/dist, with its own copy of the bundle) in a fresh tab for ${seconds} s: the first long task (the module evaluating and the elements connecting, the first WebGL context among it), the other long tasks summed (what a reader scrolling or clicking meets: table builds, GPU probes, first draws), how many there were, and the first contentful paint. Medians over the runs. A long task is one over 50 ms (PerformanceObserver).`,
    '',
    table(['page', 'first long task ms', 'later long tasks ms', 'long tasks', 'first paint ms', 'runs'], rows), // prettier-ignore
    '',
  ].join('\n');
}

function errorsSection(pages) {
  const failed = pages.filter((p) => p.error);
  if (!failed.length) return '';
  return [
    '## Pages that failed',
    '',
    ...failed.map((p) => `- ${p.section} ${JSON.stringify(p.query)}: ${p.error.split('\n')[0]}`),
    '',
  ].join('\n');
}

export function report(data) {
  const { pages } = data;
  const has = (section) => pages.some((p) => p.section === section);
  return [
    header(data),
    bytesSection(data.bytes),
    coreSection(data.core),
    has('first-frame') ? firstFrameSection(pages, data.libs) : '',
    has('update') ? updateSection(pages) : '',
    has('through-sampler') ? throughSamplerSection(pages) : '',
    has('throughput') ? throughputSection(pages) : '',
    has('figure') ? figureSection(pages) : '',
    has('morph') ? morphSection(pages) : '',
    has('network') ? networkSection(pages) : '',
    has('gpu-compute') ? gpuComputeSection(pages) : '',
    has('bad-src') ? badSrcSection(pages) : '',
    has('docs-load') ? docsLoadSection(pages) : '',
    errorsSection(pages),
  ]
    .filter(Boolean)
    .join('\n');
}
