// Accessibility of each element alone: axe-core finds no violations, and every control is reached
// by Tab and works from the keyboard. Runs in the test page itself (sendKeys types into it), with
// dist/lossquake.js imported as a page would.
import { expect, nextFrame } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  BUNDLE,
  canvasOf,
  framesDrawn,
  paintedPixels,
  waitFor,
  type BatchSampler,
  type LossContour,
  type LossSurface,
} from './helpers.js';

const AXE = '/node_modules/axe-core/axe.min.js';

interface AxeResults {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown }[] }[];
}
type Axe = { run(context: Element, options?: object): Promise<AxeResults> };

async function loadAxe(): Promise<Axe | null> {
  const existing = (window as unknown as { axe?: Axe }).axe;
  if (existing) return existing;
  if (!(await fetch(AXE, { method: 'HEAD' })).ok) return null;
  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = AXE;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
  return (window as unknown as { axe: Axe }).axe;
}

/** The element that has focus, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

let host: HTMLElement;
let sampler: BatchSampler;
let contour: LossContour;
let surface: LossSurface;

describe('accessibility of each element', () => {
  before(async () => {
    await import(/* @vite-ignore */ BUNDLE);
  });

  beforeEach(async () => {
    host = document.createElement('div');
    host.innerHTML = `
      <button id="before">before</button>
      <batch-sampler id="a11y-sampler" samples="100" resolution="16" controls></batch-sampler>
      <loss-contour for="a11y-sampler" transition="0" style="width:320px;height:240px"></loss-contour>
      <loss-surface for="a11y-sampler" transition="0" style="width:320px;height:240px"></loss-surface>`;
    document.body.append(host);
    sampler = host.querySelector('batch-sampler') as unknown as BatchSampler;
    contour = host.querySelector('loss-contour')!;
    surface = host.querySelector('loss-surface')!;
    await sampler.step();
    // axe looks at what the reader gets: both views drawn (bands on the contour, a frame of the surface).
    await waitFor(
      () => paintedPixels(canvasOf(contour)) > 500 && framesDrawn(surface) > 0,
      'the views drawn',
    );
  });
  afterEach(() => host.remove());

  for (const tag of ['batch-sampler', 'loss-contour', 'loss-surface']) {
    it(`<${tag}> alone: axe-core reports no violations`, async function () {
      const axe = await loadAxe();
      if (!axe) {
        console.warn(
          `${AXE} is missing: add axe-core (pnpm add -D -w axe-core) to run this check.`,
        );
        this.skip();
      }
      const element = host.querySelector(tag)!;
      const results = await axe.run(element, { resultTypes: ['violations'] });
      const found = results.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.nodes.map((n) => n.target))}`,
      );
      expect(found).to.deep.equal([]);
    });
  }

  it('every control is reached by Tab, in order', async () => {
    (host.querySelector('#before') as HTMLButtonElement).focus();
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      const root = active?.getRootNode();
      if (!active || !host.contains(root instanceof ShadowRoot ? root.host : active)) break;
      reached.push(active.getAttribute('part') ?? active.localName);
    }
    for (const control of ['step-back', 'play', 'step', 'reset', 'batch-size', 'optimizer'])
      expect(reached, reached.join(' → ')).to.include(control);
    expect(reached).to.include('loss-contour');
    expect(reached).to.include('loss-surface');
    expect(reached.indexOf('step-back')).to.be.below(reached.indexOf('loss-contour'));
    expect(reached.indexOf('loss-contour')).to.be.below(reached.indexOf('loss-surface'));
  });

  it('every control works from the keyboard', async () => {
    const part = (name: string) =>
      sampler.shadowRoot!.querySelector(`[part~="${name}"]`) as HTMLElement;
    // Step, step back: Enter and Space press buttons.
    part('step').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => sampler.iteration === 2, 'Enter on step');
    part('step-back').focus();
    await sendKeys({ press: 'Space' });
    await waitFor(() => sampler.iteration === 1, 'Space on step back');
    // Play and pause.
    part('play').focus();
    await sendKeys({ press: 'Enter' });
    expect(sampler.paused).to.equal(false);
    await sendKeys({ press: 'Enter' });
    expect(sampler.paused).to.equal(true);
    // Reset.
    part('reset').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => sampler.iteration === 0, 'Enter on reset');
    // Batch size: arrows move the slider.
    const size = sampler.batchSize;
    part('batch-size').focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => sampler.batchSize > size, 'ArrowRight on the batch slider');
    // Optimiser: arrows change a closed select.
    const optimizer = sampler.optimizer;
    part('optimizer').focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => sampler.optimizer !== optimizer, 'ArrowDown on the optimiser');

    // The contour: arrows move a crosshair, Enter picks the weights there.
    await sampler.step();
    const before = [...sampler.weights];
    contour.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => sampler.weights[0] !== before[0], 'Enter on the contour picks weights');
    expect(sampler.weights[0]).to.be.below(before[0]!);
    expect(sampler.weights[1]).to.be.above(before[1]!);

    // The surface: arrows turn the camera.
    const azimuth = surface.azimuth;
    surface.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await nextFrame();
    expect(surface.azimuth).to.equal(azimuth + 5);
    await sendKeys({ press: 'ArrowUp' });
    expect(surface.elevation).to.equal(35);
  });
});
