import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../batch-sampler.js';
import type { BatchSampler } from '../batch-sampler.js';
import type { BatchChangeDetail, WeightsChangeDetail } from '@lossquake/kit';
import { runColumns, type ExportedRun } from './export-run.js';
import { applyState, encodeState } from './share-state.js';
import { defineFakeView, fakeColour, type FakeView } from '../test-helpers/fake-view.js';
import { warnings } from '../test-helpers/events.js';

async function sampler(
  template = html`<batch-sampler seed="3" samples="200" resolution="8"></batch-sampler>`,
) {
  const s = (await fixture(template)) as unknown as BatchSampler;
  await s.updateComplete;
  return s;
}

/** Steps `n` times, collecting the batch-change and weights-change payloads. */
async function collect(s: BatchSampler, body: () => Promise<void>) {
  const batches: BatchChangeDetail[] = [];
  const steps: WeightsChangeDetail[] = [];
  const onBatch = (e: CustomEvent<BatchChangeDetail>) => batches.push(e.detail);
  const onWeights = (e: CustomEvent<WeightsChangeDetail>) => steps.push(e.detail);
  s.addEventListener('batch-change', onBatch);
  s.addEventListener('weights-change', onWeights);
  await body();
  s.removeEventListener('batch-change', onBatch);
  s.removeEventListener('weights-change', onWeights);
  return { batches, steps };
}

/** A CSV of numbers, empty fields and space-separated row lists, parsed independently of the exporter. */
function parseCSV(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split('\n');
  const names = header!.split(',');
  return lines.map((line) => {
    const fields = line.split(',');
    expect(fields).to.have.length(names.length);
    return Object.fromEntries(names.map((name, i) => [name, fields[i]!]));
  });
}

function sameLandscape(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

describe('<batch-sampler> exportRun()', () => {
  it('CSV and JSON carry the same numbers as the weights-change and batch-change events', async () => {
    const s = await sampler(
      html`<batch-sampler
        seed="3"
        samples="200"
        resolution="8"
        optimizer="momentum"
      ></batch-sampler>`,
    );
    const initial = s.weights;
    const { batches, steps } = await collect(s, async () => {
      for (let k = 0; k < 4; k++) await s.step();
      s.pick([1.5, -2.25]);
      for (let k = 0; k < 2; k++) await s.step();
    });
    expect(steps).to.have.length(7);

    const csv = parseCSV(s.exportRun('csv'));
    expect(Object.keys(csv[0]!)).to.deep.equal([...runColumns]);
    expect(csv).to.have.length(8);
    expect(csv[0]).to.include({ iteration: '0', kind: 'start', loss: '', rows: '' });
    expect([Number(csv[0]!['w1']), Number(csv[0]!['w2'])]).to.deep.equal([...initial]);

    const json = JSON.parse(s.exportRun('json')) as ExportedRun;
    expect(json).to.include({
      seed: 3,
      batchSize: 10,
      sampling: 'epoch',
      optimizer: 'momentum',
      model: 'logistic',
      rows: 200,
    });
    expect(json.learningRate).to.equal(s.learningRate);
    expect(json.dataset).to.deep.equal({ kind: 'blobs', samples: 200 });
    expect(json.steps).to.have.length(8);

    let batch = 0;
    steps.forEach((event, k) => {
      const row = csv[k + 1]!;
      const step = json.steps[k + 1]!;
      const picked = event.gradient[0] === 0 && event.gradient[1] === 0 && k === 4;
      expect(row['kind'], `row ${k + 1}`).to.equal(picked ? 'pick' : 'step');
      expect(step.kind).to.equal(row['kind']);
      // Bit-equal: every digit was written.
      expect(Number(row['iteration'])).to.equal(event.iteration);
      expect([Number(row['w1']), Number(row['w2'])]).to.deep.equal([...event.weights]);
      expect(Number(row['loss'])).to.equal(event.loss);
      expect([Number(row['g1']), Number(row['g2'])]).to.deep.equal([...event.gradient]);
      expect([step.w1, step.w2, step.loss, step.g1, step.g2]).to.deep.equal([
        ...event.weights,
        event.loss,
        ...event.gradient,
      ]);
      if (!picked) {
        const announced = batches[batch++]!;
        expect(announced.iteration).to.equal(event.iteration);
        expect(row['rows']!.split(' ').map(Number)).to.deep.equal([...announced.rows]);
        expect(step.rows).to.deep.equal([...announced.rows]);
        expect([Number(row['epoch']), Number(row['batch'])]).to.deep.equal([
          announced.epoch,
          announced.batch,
        ]);
      }
    });
    // The path is the weights column.
    expect(csv.map((r) => [Number(r['w1']), Number(r['w2'])])).to.deep.equal(
      s.path.map((w) => [...w]),
    );
  });
});

describe('<batch-sampler> toHTML()', () => {
  it('gives a snippet that, pasted into a fresh page, reopens at the same weights and landscape', async () => {
    const s = await sampler(
      html`<batch-sampler
        id="orig"
        seed="5"
        samples="300"
        resolution="12"
        batch-size="7"
        optimizer="adam"
        learning-rate="0.3"
        weights="-4 9"
        extent="-10 10 -8 12"
        sampling="replacement"
        controls
      ></batch-sampler>`,
    );
    for (let k = 0; k < 6; k++) await s.step();
    s.pick([2, 3.125]);
    for (let k = 0; k < 3; k++) await s.step();
    const snippet = s.toHTML();
    expect(snippet).to.match(/^<batch-sampler id="orig"/);
    expect(snippet).to.contain('start-at="9"').and.contain('picks="6 2 3.125"');

    const seen = { weights: s.weights, path: s.path, rows: [...s.rows], landscape: s.landscape! };
    await s.step();
    const next = s.weights;

    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    s.remove(); // the copy reuses the id
    host.innerHTML = snippet;
    const copy = host.firstElementChild as unknown as BatchSampler;
    await copy.updateComplete;
    expect(copy.iteration).to.equal(9);
    expect(copy.weights.every((w, i) => Object.is(w, seen.weights[i]))).to.be.true;
    expect(copy.path.map((w) => [...w])).to.deep.equal(seen.path.map((w) => [...w]));
    expect([...copy.rows]).to.deep.equal(seen.rows);
    expect(copy.landscape!.grid).to.deep.equal(seen.landscape.grid);
    expect(sameLandscape(copy.landscape!.values, seen.landscape.values)).to.be.true;
    // And it goes on the same way.
    await copy.step();
    expect([...copy.weights]).to.deep.equal([...next]);
  });

  it('carries an inline data set along, and a src as the attribute', async () => {
    const s = await sampler(
      html`<batch-sampler resolution="8"
        ><script type="application/json">
          {
            "x": [
              [0, 0],
              [1, 1],
              [0, 3],
              [1, 4]
            ],
            "y": [0, 0, 1, 1]
          }
        </script></batch-sampler
      >`,
    );
    await waitUntil(() => s.dataset.n === 4);
    await s.step();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.innerHTML = s.toHTML();
    const copy = host.firstElementChild as unknown as BatchSampler;
    await waitUntil(() => copy.dataset.n === 4 && copy.iteration === 1);
    expect([...copy.weights]).to.deep.equal([...s.weights]);
    expect(s.toHTML()).not.to.contain('samples=');
  });
});

describe('<batch-sampler> toHTML() of an inline data set', () => {
  it('escapes "<!--<script>" in it, so that the markup after the snippet survives', async () => {
    const s = await sampler(html`<batch-sampler resolution="8"></batch-sampler>`);
    const script = document.createElement('script');
    script.type = 'application/json';
    const note = '<!--<script> </script>';
    const x = [
      [0, 0],
      [1, 1],
      [0, 3],
      [1, 4],
    ];
    script.textContent = JSON.stringify({ note, x, y: [0, 0, 1, 1] });
    s.append(script);
    await waitUntil(() => s.dataset.n === 4);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.innerHTML = `${s.toHTML()}<p id="after">after</p>`;
    expect(host.querySelector('#after'), 'the markup after the sampler').to.exist;
    const copy = host.querySelector('batch-sampler') as unknown as BatchSampler;
    const copied = copy.querySelector('script')?.textContent ?? '';
    expect(JSON.parse(copied)).to.deep.equal({ note, x, y: [0, 0, 1, 1] });
    await waitUntil(() => copy.dataset.n === 4);
  });
});

describe('#state= fragments', () => {
  it('encodeState → applyState restores a sampler run (with picks)', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <batch-sampler id="st" seed="4" samples="200" resolution="8"></batch-sampler>
      </div>`,
    );
    const s = page.querySelector('batch-sampler') as unknown as BatchSampler;
    s.batchSize = 25;
    for (let k = 0; k < 3; k++) await s.step();
    s.pick([-1, 0.5]);
    await s.step();
    const fragment = `#state=${encodeState([s], page)}`;
    expect(fragment).to.match(/^#state=[A-Za-z0-9_-]+$/);

    const other = await fixture<HTMLDivElement>(
      html`<div>
        <batch-sampler id="st" seed="4" samples="200" resolution="8"></batch-sampler>
      </div>`,
    );
    const target = other.querySelector('batch-sampler') as unknown as BatchSampler;
    await target.step(); // the reader there has moved on
    target.pick([9, 9]);
    const restored = applyState(fragment, other);
    expect(restored).to.deep.equal([target]);
    await target.updateComplete;
    expect(target.batchSize).to.equal(25);
    expect(target.iteration).to.equal(4);
    expect(target.path.map((w) => [...w])).to.deep.equal(s.path.map((w) => [...w]));
  });

  it('ignores a malformed fragment with one warning', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><batch-sampler></batch-sampler></div>`);
    let restored: Element[] = [];
    const warned = await warnings(() => (restored = applyState('#state=not-a-state', page)));
    expect(restored).to.have.length(0);
    expect(warned).to.have.length(1);
    expect(applyState('#other=1', page)).to.have.length(0);
  });
});

/** Reads a recorded WebM: its duration (after the seek-to-the-end workaround) and one frame's pixels. */
async function decode(blob: Blob, at: number) {
  const video = document.createElement('video');
  video.muted = true;
  video.src = URL.createObjectURL(blob);
  await new Promise((resolve, reject) => {
    video.onloadedmetadata = resolve;
    video.onerror = () => reject(new Error('the video does not decode'));
  });
  // MediaRecorder's WebM has no duration in its header: seeking far makes the browser find it.
  if (!Number.isFinite(video.duration)) {
    video.currentTime = 1e9;
    await new Promise((resolve) => (video.ondurationchange = resolve));
  }
  const duration = video.duration;
  video.currentTime = at;
  await new Promise((resolve) => (video.onseeked = resolve));
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  // On a busy machine the seeked frame may not be decoded yet when `seeked` fires (it draws as
  // transparent): draw again until it is there, for up to 3 s.
  const end = performance.now() + 3000;
  do {
    ctx.drawImage(video, 0, 0);
    if (ctx.getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1).data[3]! > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  } while (performance.now() < end);
  URL.revokeObjectURL(video.src);
  return { duration, width: video.videoWidth, height: video.videoHeight, ctx };
}

const near = (data: Uint8ClampedArray, rgb: number[], tolerance = 40) =>
  rgb.every((c, i) => Math.abs(data[i]! - c) <= tolerance);

describe('<batch-sampler> record()', () => {
  it('records two linked views side by side as a WebM of about the asked length, then pauses again', async () => {
    const tag = defineFakeView();
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <batch-sampler id="rec" seed="2" samples="100" resolution="8" rate="8"></batch-sampler>
      </div>`,
    );
    const s = page.querySelector('batch-sampler') as unknown as BatchSampler;
    const first = document.createElement(tag) as FakeView;
    first.setAttribute('for', 'rec');
    const second = document.createElement(tag) as FakeView;
    s.append(second); // nested: linked as a descendant
    page.append(first);
    await nextFrame();
    expect(s.paused).to.be.true;
    const blob = await s.record({ seconds: 2, fps: 20 });
    expect(blob.type).to.equal('video/webm');
    expect(blob.size).to.be.greaterThan(0);
    expect(s.paused, 'paused again').to.be.true;
    expect(s.iteration, 'played while recording').to.be.greaterThan(2);

    const video = await decode(blob, 0.05);
    expect(video.duration).to.be.within(1, 3.5);
    // Two 120×80 frames side by side.
    expect([video.width, video.height]).to.deep.equal([240, 80]);
    // The first frame shows iteration 0's colour in both halves.
    expect(near(video.ctx.getImageData(30, 40, 1, 1).data, fakeColour(0))).to.be.true;
    expect(near(video.ctx.getImageData(180, 40, 1, 1).data, fakeColour(0))).to.be.true;
  });

  it('rejects, without throwing, when no view is linked', async () => {
    const s = await sampler();
    let message = '';
    await s.record({ seconds: 1 }).catch((error: Error) => (message = error.message));
    expect(message).to.contain('no linked view');
  });
});

describe('<batch-sampler controls> share menu', () => {
  async function withClipboard<T>(
    writeText: (text: string) => Promise<void>,
    body: () => Promise<T>,
  ) {
    // An own property shadows Navigator.prototype's getter until it is deleted again.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      return await body();
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  }

  async function downloads(body: () => unknown): Promise<{ name: string; text: string }[]> {
    const saved: { name: string; href: string }[] = [];
    // An own click on the prototype shadows HTMLElement's until it is deleted again.
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, href: this.href });
    };
    try {
      await body();
    } finally {
      delete (HTMLAnchorElement.prototype as Partial<HTMLAnchorElement>).click;
    }
    return Promise.all(
      saved.map(async ({ name, href }) => ({ name, text: await (await fetch(href)).text() })),
    );
  }

  it('opens from the keyboard and exports the run, and copies the embed code', async () => {
    const tag = defineFakeView();
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <batch-sampler id="menu" seed="3" samples="200" resolution="8" controls></batch-sampler>
      </div>`,
    );
    const s = page.querySelector('batch-sampler') as unknown as BatchSampler;
    const view = document.createElement(tag);
    view.setAttribute('for', 'menu');
    page.append(view);
    await s.step();
    await s.updateComplete;
    const root = s.shadowRoot!;
    const summary = root.querySelector<HTMLElement>('[part~="share-button"]')!;
    const details = summary.parentElement as HTMLDetailsElement;
    expect(details.open).to.be.false;
    summary.focus();
    await sendKeys({ press: 'Enter' });
    expect(details.open).to.be.true;
    const menu = root.querySelector<HTMLElement>('[part~="share-menu"]')!;
    expect(menu.getAttribute('aria-label')).to.equal('Share and export');
    expect(menu.getBoundingClientRect().height).to.be.greaterThan(0);

    const files = await downloads(() =>
      root.querySelector<HTMLButtonElement>('[part~="share-csv"]')!.click(),
    );
    expect(files).to.have.length(1);
    expect(files[0]!.name).to.equal('lossquake-run.csv');
    expect(files[0]!.text).to.equal(s.exportRun('csv'));

    let copied = '';
    await withClipboard(
      (text) => {
        copied = text;
        return Promise.resolve();
      },
      async () => {
        root.querySelector<HTMLButtonElement>('[part~="share-embed"]')!.click();
        await waitUntil(() => copied !== '');
      },
    );
    expect(copied).to.equal(`${s.toHTML()}\n<${tag} for="menu"></${tag}>`);

    // Without a usable clipboard the code is shown, selected, to copy by hand.
    await withClipboard(
      () => Promise.reject(new Error('denied')),
      async () => {
        root.querySelector<HTMLButtonElement>('[part~="share-embed"]')!.click();
        await waitUntil(() => root.querySelector('[part~="embed-code"]'));
      },
    );
    const area = root.querySelector<HTMLTextAreaElement>('[part~="embed-code"]')!;
    expect(area.value).to.equal(copied);
    expect([area.selectionStart, area.selectionEnd]).to.deep.equal([0, copied.length]);

    await sendKeys({ press: 'Escape' });
    expect(details.open).to.be.false;
  });
});
