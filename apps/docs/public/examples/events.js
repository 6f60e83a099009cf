// The guide's event example: print what <batch-sampler id="events-demo"> announces.
const sampler = document.getElementById('events-demo');
const log = document.getElementById('events-log');
const pair = ([w1, w2]) => `(${w1.toFixed(2)}, ${w2.toFixed(2)})`;

function write(line) {
  log.textContent = [line, ...log.textContent.split('\n')].slice(0, 30).join('\n');
}

sampler.addEventListener('batch-change', (event) => {
  const { iteration, epoch, batch, rows } = event.detail;
  write(
    `batch-change    iteration ${iteration}, epoch ${epoch}, batch ${batch}, ${rows.length} rows`,
  );
});
sampler.addEventListener('weights-change', (event) => {
  const { iteration, weights, loss } = event.detail;
  write(
    `weights-change  iteration ${iteration}, weights ${pair(weights)}, loss before the step ${loss.toFixed(3)}`,
  );
});
sampler.addEventListener('sampler-reset', (event) => {
  write(`sampler-reset   reason ${event.detail.reason}`);
});
// play and pause do not bubble (as on <video>): listen on the sampler itself.
for (const type of ['play', 'pause']) {
  sampler.addEventListener(type, () => write(`${type.padEnd(16)}iteration ${sampler.iteration}`));
}
