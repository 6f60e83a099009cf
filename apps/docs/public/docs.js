// The docs site's own behaviour (no inline scripts, so pages run under a strict CSP): copy buttons on
// code panels, "copy this state" and the `#state=` link that reopens a figure, "draw a new batch"
// buttons, and the example modules that a page asks for.
// Loaded before lossquake.strict-csp.js (the bundle the pages load: the site is served under a strict
// CSP), so the reduced-motion switch below runs before any sampler upgrades.

const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Autoplay off, controls on: playing is one click away but never starts by itself. */
function calm(sampler) {
  sampler.removeAttribute('autoplay');
  sampler.setAttribute('controls', '');
}

// A reader who asked for less motion gets no autoplay: the samplers show their controls instead.
if (reducedMotion)
  for (const sampler of document.querySelectorAll('batch-sampler[autoplay]')) calm(sampler);

// A `#state=` link finds samplers again by id: one without an id gets one from its figure's id and
// its place in the figure, the same on every load of the page.
for (const figure of document.querySelectorAll('figure[id]')) {
  figure.querySelectorAll('batch-sampler').forEach((sampler, k) => {
    if (!sampler.id) sampler.id = `${figure.id}-sampler-${k + 1}`;
  });
}

const tags = ['batch-sampler', 'loss-surface', 'loss-contour'];
const defined = () => Promise.all(tags.map((tag) => customElements.whenDefined(tag)));

/**
 * The lossquake module, imported from the URL the page loads it from (this file sits beside it), so
 * it is the page's own module instance: nothing is defined twice. Imported only when needed, so
 * this file still runs before the bundle does.
 */
const lossquake = () => import('./lossquake.strict-csp.js');

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

const labels = new WeakMap();
const timers = new WeakMap();

/** A copy button says what happened for a moment, then shows its own label again. */
function showCopied(button, copied, message) {
  if (!labels.has(button)) labels.set(button, button.textContent ?? '');
  button.dataset.state = copied ? 'copied' : 'failed';
  button.textContent = copied ? 'Copied' : 'Copy failed';
  status.textContent = message;
  clearTimeout(timers.get(button));
  timers.set(
    button,
    setTimeout(() => {
      button.textContent = labels.get(button);
      delete button.dataset.state;
    }, 1600),
  );
}

/** The fragment this page last wrote itself, so its own hashchange does not restore anything. */
let writtenState = '';

/**
 * "Copy this state": the embed code of the figure's samplers and their views as the reader sees
 * them now, on the clipboard, and the same state in the address bar (`#state=…`).
 */
async function copyState(button) {
  const samplers = [...(button.closest('figure')?.querySelectorAll('batch-sampler') ?? [])];
  if (!samplers.length) return;
  await defined();
  const { embedCode, encodeState, linkedViews } = await lossquake();
  const code = samplers.map((sampler) => embedCode(sampler, linkedViews(sampler))).join('\n');
  const elements = samplers.flatMap((sampler) => [sampler, ...linkedViews(sampler)]);
  writtenState = `#state=${encodeState(elements)}`;
  location.hash = writtenState;
  const copied = await copyText(code);
  showCopied(
    button,
    copied,
    copied
      ? 'Embed code of this state copied; the address now links to it'
      : 'Copy failed; the address links to this state',
  );
}

/** Reopens the figure a `#state=` fragment describes and scrolls it into view. */
async function restoreState() {
  const hash = location.hash;
  if (!/^#(?:.*&)?state=/.test(hash) || hash === writtenState) return;
  writtenState = hash;
  await defined();
  const { applyState } = await lossquake();
  const restored = applyState(hash);
  if (reducedMotion) {
    for (const element of restored) {
      if (element.localName !== 'batch-sampler' || !element.hasAttribute('autoplay')) continue;
      calm(element);
      element.pause();
    }
  }
  restored[0]?.closest('figure')?.scrollIntoView({ block: 'start' });
}

restoreState().catch((error) => console.error('docs.js:', error));
window.addEventListener('hashchange', () =>
  restoreState().catch((error) => console.error('docs.js:', error)),
);

document.addEventListener('click', async (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const copy = target?.closest('[data-copy]');
  if (copy) {
    const code = copy.closest('.source')?.querySelector('pre code');
    if (!code) return;
    const copied = await copyText(code.textContent ?? '');
    showCopied(
      copy,
      copied,
      copied ? 'Code copied to the clipboard' : 'Copy failed: select the code and press Ctrl+C',
    );
    if (!copied) {
      copy.textContent = 'Press Ctrl+C';
      window.getSelection()?.selectAllChildren(code);
    }
    return;
  }
  const copyStateButton = target?.closest('[data-copy-state]');
  if (copyStateButton) {
    await copyState(copyStateButton);
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
  // A sampler's `group` hands each call on to the rest of its group: call one sampler per group.
  const leaders = (name) =>
    samplers(name).filter(
      (sampler, k, all) => !sampler.group || all.findIndex((s) => s.group === sampler.group) === k,
    );
  if (button.hasAttribute('data-step-sampler')) {
    for (const sampler of leaders('data-step-sampler')) sampler.step();
  } else if (button.hasAttribute('data-reset-samplers')) {
    for (const sampler of leaders('data-reset-samplers')) sampler.reset();
  } else {
    const play = samplers('data-play-samplers').some((sampler) => sampler.paused);
    for (const sampler of leaders('data-play-samplers')) {
      if (play) sampler.play();
      else sampler.pause();
    }
  }
});

// "Play all" says what a click does, also after a reader paused a figure with its own pause button.
async function followPlaying(button) {
  await customElements.whenDefined('batch-sampler');
  const samplers = (button.getAttribute('data-play-samplers') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id))
    .filter(Boolean);
  const update = () => {
    const playing = samplers.length > 0 && samplers.every((sampler) => !sampler.paused);
    button.setAttribute('aria-pressed', String(playing));
    button.textContent = playing ? 'Pause all' : 'Play all';
  };
  for (const sampler of samplers) {
    sampler.addEventListener('play', update);
    sampler.addEventListener('pause', update);
  }
}
document.querySelectorAll('[data-play-samplers]').forEach((button) => void followPlaying(button));

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
  if (document.getElementById('events-demo')) await import('./examples/events.js');
  if (document.querySelector('output[data-plane-for], table[data-quake-table]'))
    await import('./examples/networks.js');
}

// Figure 7's draggable point: plain SVG, so it need not wait for the lossquake elements.
if (document.querySelector('svg[data-softplus]'))
  import('./softplus.js').catch((error) => console.error('docs.js:', error));

// Not awaited at the top level: this module must finish evaluating before the bundle runs.
startExamples().catch((error) => console.error('docs.js:', error));
