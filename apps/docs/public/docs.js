// The docs site's own behaviour (no inline scripts, so pages run under a strict CSP): copy buttons on
// code panels, "draw a new batch" buttons, and the example modules that a page asks for.
// Loaded before lossquake.js, so the reduced-motion switch below runs before any sampler upgrades.

// A reader who asked for less motion gets no autoplay: the samplers show their controls instead, so
// playing is one click away but never starts by itself.
if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
  for (const sampler of document.querySelectorAll('batch-sampler[autoplay]')) {
    sampler.removeAttribute('autoplay');
    sampler.setAttribute('controls', '');
  }
}

/** Copies a code panel's text: the Clipboard API, else a selection and execCommand. */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

const status = document.createElement('p');
status.className = 'visually-hidden';
status.setAttribute('role', 'status');
document.body.append(status);

document.addEventListener('click', async (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const copy = target?.closest('[data-copy]');
  if (copy) {
    const code = copy.closest('.source')?.querySelector('pre code');
    if (!code) return;
    const copied = await copyText(code.textContent ?? '');
    copy.dataset.state = copied ? 'copied' : 'failed';
    copy.textContent = copied ? 'Copied' : 'Press Ctrl+C';
    status.textContent = copied
      ? 'Code copied to the clipboard'
      : 'Copy failed: select the code and press Ctrl+C';
    if (!copied) window.getSelection()?.selectAllChildren(code);
    setTimeout(() => {
      copy.textContent = 'Copy';
      delete copy.dataset.state;
    }, 1600);
    return;
  }
  const button = target?.closest(
    '[data-step-sampler], [data-play-samplers], [data-reset-samplers]',
  );
  if (!button) return;
  await customElements.whenDefined('batch-sampler');
  const samplers = (name) =>
    (button.getAttribute(name) ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id))
      .filter((sampler) => sampler && typeof sampler.step === 'function');
  if (button.hasAttribute('data-step-sampler')) {
    for (const sampler of samplers('data-step-sampler')) sampler.step();
  } else if (button.hasAttribute('data-reset-samplers')) {
    for (const sampler of samplers('data-reset-samplers')) sampler.reset();
    const player = button.parentElement?.querySelector('[data-play-samplers]');
    player?.setAttribute('aria-pressed', 'false');
    if (player) player.textContent = 'Play all';
  } else {
    const group = samplers('data-play-samplers');
    const play = group.some((sampler) => sampler.paused);
    for (const sampler of group) {
      if (play) sampler.play();
      else sampler.pause();
    }
    button.setAttribute('aria-pressed', String(play));
    button.textContent = play ? 'Pause all' : 'Play all';
  }
});

/** The measured quake beside theory, from a sampler's `quakeMagnitude`, after every batch. */
function showQuake(output, sampler) {
  const update = () => {
    const quake = sampler.quakeMagnitude;
    if (!quake || quake.measured === null) return;
    output.textContent =
      `Measured over ${quake.batches} batch${quake.batches === 1 ? '' : 'es'}: ${quake.measured.toFixed(2)}` +
      ` · theory for batch size ${sampler.batchSize}: ${quake.theory.toFixed(2)}`;
  };
  sampler.addEventListener('batch-change', update);
  sampler.addEventListener('sampler-reset', update);
  update();
}

// Example modules: each is also shown on its page, so the code a reader sees is the code that runs.
async function startExamples() {
  await customElements.whenDefined('batch-sampler');
  for (const output of document.querySelectorAll('output[data-quake-for]')) {
    const sampler = document.getElementById(output.getAttribute('data-quake-for') ?? '');
    if (sampler) showQuake(output, sampler);
  }
  if (document.querySelector('svg[data-dataset-for]')) {
    const { showDataset } = await import('./examples/scatter.js');
    for (const svg of document.querySelectorAll('svg[data-dataset-for]')) {
      const sampler = document.getElementById(svg.getAttribute('data-dataset-for') ?? '');
      if (sampler) showDataset(svg, sampler);
    }
  }
  if (document.getElementById('events-demo')) await import('./examples/events.js');
}

// Not awaited at the top level: this module must finish evaluating before lossquake.js runs.
startExamples().catch((error) => console.error('docs.js:', error));
