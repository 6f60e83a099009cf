import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import {
  batchGradient,
  createGrid,
  createSchedule,
  logistic,
  lossGrid,
  makeDataset,
  perSampleVariance,
  quakeMagnitude,
  theoreticalQuake,
  varianceMap,
  type Landscape,
  type Vec2,
} from '@lossquake/core';
import './batch-sampler.js';
import type { BatchSampler } from './batch-sampler.js';
import {
  emit,
  type BatchChangeDetail,
  type SamplerResetDetail,
  type WeightsChangeDetail,
} from '@lossquake/kit';
import { once, record, warnings } from './test-helpers/events.js';
import { MAX_REPLAY_ROWS, Timeline } from './run/timeline.js';
import { forceLandscapeBackend } from './run/gpu-landscape.js';

const FIXTURES = '/packages/batch-sampler/src/test-fixtures';

async function sampler(markup = html`<batch-sampler></batch-sampler>`): Promise<BatchSampler> {
  return fixture<BatchSampler>(markup);
}

/** A property of `s` by name (a setting the table names). */
const setting = (s: BatchSampler, name: string): unknown =>
  (s as unknown as Record<string, unknown>)[name];

function expectClose(actual: number, expected: number, relative = 1e-6): void {
  expect(Math.abs(actual - expected)).to.be.at.most(
    relative * Math.max(1, Math.abs(expected)),
    `${actual} vs ${expected}`,
  );
}

describe('<batch-sampler> step()', () => {
  it('fires batch-change then weights-change per step, with payloads matching an independent computation', async () => {
    const s = await sampler(
      html`<batch-sampler
        seed="3"
        batch-size="20"
        learning-rate="0.7"
        resolution="24"
      ></batch-sampler>`,
    );
    const data = makeDataset('blobs', { n: 1000, seed: 3 });
    const schedule = createSchedule(1000, 20, { sampling: 'epoch', seed: 3 });
    const grid = createGrid([-20, 20, -20, 20], 24);
    const log = record(s);
    let w: Vec2 = [15, 15]; // the logistic model's default weights
    for (let k = 1; k <= 4; k++) await s.step();
    // The full landscape (576k sample-cells) comes from the worker at its own pace: leave it out.
    const steps = log.events.filter((e) => e.type !== 'landscape-ready');
    expect(steps.map((e) => e.type)).to.deep.equal(
      Array(4).fill(['batch-change', 'weights-change']).flat(),
    );
    for (let k = 1; k <= 4; k++) {
      const batch = steps[2 * k - 2]!.detail as BatchChangeDetail;
      const step = steps[2 * k - 1]!.detail as WeightsChangeDetail;
      const expected = schedule.next().value;
      expect(batch).to.include({ iteration: k, epoch: 0, batch: k - 1 });
      expect([...batch.rows]).to.deep.equal([...expected.rows]);
      expect(batch.weights).to.deep.equal(w);
      expect(batch.landscape.values).to.deep.equal(
        lossGrid(logistic, data, expected.rows, grid).values,
      );
      const g = batchGradient(logistic, data, expected.rows, w);
      const next: Vec2 = [w[0] - 0.7 * g[0], w[1] - 0.7 * g[1]];
      expect(step.iteration).to.equal(k);
      expect(step.previous).to.deep.equal(w);
      expect(step.gradient).to.deep.equal(g);
      expect(step.weights).to.deep.equal(next);
      expect(step.path).to.have.length(k + 1);
      expect(step.path[k]).to.deep.equal(next);
      w = next;
    }
    expect(s.iteration).to.equal(4);
    expect(s.weights).to.deep.equal(w);
    expect(s.lastStep!.weights).to.deep.equal(w);
    // The payload is a copy of the sampler's landscape (payloads are frozen copies).
    expect(s.landscape!.values).to.deep.equal(
      (steps[6]!.detail as BatchChangeDetail).landscape.values,
    );
  });

  it('events bubble and cross shadow roots to a document listener (error aside)', async () => {
    const s = await sampler();
    const seen: string[] = [];
    const listener = (event: Event) => seen.push(event.type);
    document.addEventListener('batch-change', listener);
    document.addEventListener('weights-change', listener);
    await s.step();
    document.removeEventListener('batch-change', listener);
    document.removeEventListener('weights-change', listener);
    expect(seen).to.deep.equal(['batch-change', 'weights-change']);
  });

  it('before the first batch, landscape is the full landscape and rows are empty', async () => {
    const s = await sampler(html`<batch-sampler resolution="16" samples="300"></batch-sampler>`);
    const full = await s.fullLandscapeReady();
    expect(s.iteration).to.equal(0);
    expect(s.rows).to.have.length(0);
    expect(s.landscape).to.equal(full);
    const data = makeDataset('blobs', { n: 300, seed: 1 });
    expect(full.values).to.deep.equal(
      lossGrid(logistic, data, 'all', createGrid([-20, 20, -20, 20], 16)).values,
    );
  });

  it('computes a large full landscape off the main thread, equal to lossGrid(…, "all")', async () => {
    const s = await sampler(html`<batch-sampler samples="2000" resolution="48"></batch-sampler>`);
    expect(s.fullLandscape).to.equal(null);
    const ready = await once(s, 'landscape-ready');
    const data = makeDataset('blobs', { n: 2000, seed: 1 });
    expect(ready.detail.landscape.values).to.deep.equal(
      lossGrid(logistic, data, 'all', createGrid([-20, 20, -20, 20], 48)).values,
    );
    expect(s.landscape!.values).to.deep.equal(ready.detail.landscape.values);
  });

  it('a large batch landscape arrives through the worker, still in order and equal to lossGrid', async () => {
    // The CPU path, bit-equal to lossGrid (a GPU measured faster would answer within 1e-5).
    await forceLandscapeBackend('cpu');
    const s = await sampler(
      html`<batch-sampler samples="2000" batch-size="800" resolution="40"></batch-sampler>`,
    );
    const data = makeDataset('blobs', { n: 2000, seed: 1 });
    const grid = createGrid([-20, 20, -20, 20], 40);
    const log = record(s);
    void s.step();
    await s.step();
    expect(log.types().filter((t) => t !== 'landscape-ready')).to.deep.equal([
      'batch-change',
      'weights-change',
      'batch-change',
      'weights-change',
    ]);
    const batches = log.events
      .filter((e) => e.type === 'batch-change')
      .map((e) => e.detail as BatchChangeDetail);
    expect(batches.map((b) => b.iteration)).to.deep.equal([1, 2]);
    expect(batches[1]!.landscape.values).to.deep.equal(
      lossGrid(logistic, data, batches[1]!.rows, grid).values,
    );
  });

  it('sampleLandscape(k) is the k-th row of the batch alone', async () => {
    const s = await sampler(html`<batch-sampler resolution="16"></batch-sampler>`);
    expect(s.sampleLandscape(0)).to.equal(null);
    await s.step();
    const data = makeDataset('blobs', { n: 1000, seed: 1 });
    const sample = s.sampleLandscape(3)!;
    expect(sample.values).to.deep.equal(
      lossGrid(logistic, data, [s.rows[3]!], createGrid([-20, 20, -20, 20], 16)).values,
    );
    expect(s.sampleLandscape(10)).to.equal(null);
  });
});

describe('<batch-sampler> quake statistics', () => {
  it('varianceMap and quakeMagnitude agree with core’s statistics over the batches seen', async () => {
    const s = await sampler(
      html`<batch-sampler samples="200" resolution="12" batch-size="5"></batch-sampler>`,
    );
    expect(s.varianceMap).to.equal(null);
    const full = await s.fullLandscapeReady();
    const batches: Landscape[] = [];
    s.addEventListener('batch-change', (e) => batches.push(e.detail.landscape));
    for (let k = 0; k < 12; k++) await s.step();
    const variance = varianceMap(batches);
    s.varianceMap!.values.forEach((v, c) => expectClose(v, variance.values[c]!, 1e-5));
    const data = makeDataset('blobs', { n: 200, seed: 1 });
    const sigma2 = perSampleVariance(logistic, data, createGrid([-20, 20, -20, 20], 12));
    const quake = s.quakeMagnitude!;
    expect(quake.batches).to.equal(12);
    expectClose(quake.measured!, quakeMagnitude(full, batches), 1e-5);
    expectClose(quake.theory, theoreticalQuake(sigma2, 5, 200, 'epoch'), 1e-5);
    // Stepping back and forth does not count a batch twice.
    await s.stepBack();
    await s.step();
    expect(s.quakeMagnitude!.batches).to.equal(12);
  });
});

describe('<batch-sampler> timeline', () => {
  async function run(seed: number, steps: number, optimizer = 'momentum'): Promise<Vec2[]> {
    const s = await sampler(
      html`<batch-sampler seed=${seed} optimizer=${optimizer} resolution="8"></batch-sampler>`,
    );
    const visited = [s.point];
    for (let k = 0; k < steps; k++) {
      await s.step();
      visited.push(s.point);
    }
    s.remove();
    return visited;
  }

  it('the same seed replays the same run bit for bit; another seed does not', async () => {
    const a = await run(7, 15);
    const b = await run(7, 15);
    const c = await run(8, 15);
    expect(b).to.deep.equal(a);
    expect(c).not.to.deep.equal(a);
  });

  it('stepBack() and seek(n) restore the exact state, and fire reset(seek), batch-change, weights-change', async () => {
    const reference = await run(4, 12, 'adam');
    const s = await sampler(
      html`<batch-sampler seed="4" optimizer="adam" resolution="8"></batch-sampler>`,
    );
    for (let k = 0; k < 12; k++) await s.step();
    const log = record(s);
    await s.stepBack();
    expect(s.iteration).to.equal(11);
    expect(s.weights).to.deep.equal(reference[11]);
    expect(log.types()).to.deep.equal(['sampler-reset', 'batch-change', 'weights-change']);
    expect((log.events[0]!.detail as SamplerResetDetail).reason).to.equal('seek');
    expect(log.events[1]!.detail).to.include({ iteration: 11 });
    expect((log.events[1]!.detail as BatchChangeDetail).weights).to.deep.equal(reference[10]);
    expect((log.events[2]!.detail as WeightsChangeDetail).path).to.deep.equal(
      reference.slice(0, 12),
    );
    await s.seek(3);
    expect(s.weights).to.deep.equal(reference[3]);
    expect(s.path).to.deep.equal(reference.slice(0, 4));
    await s.step();
    expect(s.weights).to.deep.equal(reference[4]); // Adam's moments were restored with the weights
    await s.seek(12);
    expect(s.weights).to.deep.equal(reference[12]);
    await s.seek(0);
    expect(s.weights).to.deep.equal(reference[0]);
    expect(s.rows).to.have.length(0);
  });

  it('seek(n) past the steps taken replays from the seed; start-at opens there', async () => {
    const reference = await run(2, 20);
    const s = await sampler(
      html`<batch-sampler seed="2" optimizer="momentum" resolution="8"></batch-sampler>`,
    );
    await s.seek(20);
    expect(s.weights).to.deep.equal(reference[20]);
    const opened = await sampler(
      html`<batch-sampler
        seed="2"
        optimizer="momentum"
        resolution="8"
        start-at="17"
      ></batch-sampler>`,
    );
    expect(opened.iteration).to.equal(17);
    expect(opened.weights).to.deep.equal(reference[17]);
    expect(opened.rows).to.have.length(10);
  });

  it('stepBack() at the start fires nothing and changes nothing', async () => {
    const s = await sampler(html`<batch-sampler seed="4" resolution="8"></batch-sampler>`);
    const log = record(s);
    await s.stepBack();
    await s.stepBack();
    expect(log.types()).to.deep.equal([]);
    expect(s.iteration).to.equal(0);
    // One step and back again is a real seek.
    await s.step();
    await s.stepBack();
    expect(log.types()).to.include('sampler-reset');
    expect(s.iteration).to.equal(0);
  });

  it('lastStep and the weights-change after stepBack() and seek(n) are step n’s, as first fired', async () => {
    const s = await sampler(html`<batch-sampler optimizer="adam" resolution="8"></batch-sampler>`);
    const fired: WeightsChangeDetail[] = [];
    s.addEventListener('weights-change', (e) => fired.push(e.detail));
    for (let k = 0; k < 5; k++) await s.step();
    const first = fired.splice(0);
    await s.stepBack();
    expect(fired.splice(0)).to.deep.equal([first[3]]);
    expect(s.lastStep).to.deep.equal(first[3]);
    await s.seek(2);
    expect(fired.splice(0)).to.deep.equal([first[1]]);
    expect(s.lastStep).to.deep.equal(first[1]);
    await s.seek(5);
    expect(fired.splice(0)).to.deep.equal([first[4]]);
    expect(s.lastStep).to.deep.equal(first[4]);
    await s.seek(0);
    expect(fired).to.deep.equal([]);
    expect(s.lastStep).to.equal(null);
  });

  it('seek() with a bad iteration warns once and keeps the state', async () => {
    const s = await sampler();
    await s.step();
    const warned = await warnings(() => s.seek(Number.NaN));
    expect(warned).to.have.length(1);
    expect(s.iteration).to.equal(1);
  });
});

describe('<batch-sampler> resets', () => {
  const cases: [string, string, string][] = [
    ['dataset', 'moons', 'data'],
    ['samples', '300', 'data'],
    ['seed', '9', 'seed'],
    ['batch-size', '25', 'batch-size'],
    ['sampling', 'replacement', 'sampling'],
    ['optimizer', 'adam', 'optimizer'],
    ['learning-rate', '0.25', 'learning-rate'],
    ['weights', '3 -4', 'weights'],
    ['extent', '-5 5 -5 5', 'extent'],
    ['resolution', '32', 'resolution'],
  ];
  for (const [attribute, value, reason] of cases) {
    it(`changing ${attribute} resets the run with reason '${reason}'`, async () => {
      const s = await sampler(html`<batch-sampler resolution="16"></batch-sampler>`);
      await s.step();
      await s.step();
      const log = record(s);
      s.setAttribute(attribute, value);
      await Promise.resolve();
      const resets = log.events.filter((e) => e.type !== 'landscape-ready');
      expect(resets.map((e) => e.type)).to.deep.equal(['sampler-reset']);
      expect(resets[0]!.detail).to.deep.equal({ reason });
      expect(s.iteration).to.equal(0);
      expect(s.path).to.have.length(1);
      expect(s.lastStep).to.equal(null);
    });
  }

  it('the weights attribute sets where the run starts; the weights property reads where it is', async () => {
    const s = await sampler(html`<batch-sampler weights="2 -3"></batch-sampler>`);
    expect(s.weights).to.deep.equal([2, -3]);
    await s.step();
    expect(s.weights).not.to.deep.equal([2, -3]);
    s.weights = [5, 5];
    expect(s.iteration).to.equal(0);
    expect(s.weights).to.deep.equal([5, 5]);
  });

  it('several changes in one task make one reset, named for the most sweeping', async () => {
    const s = await sampler();
    await s.step();
    const log = record(s);
    s.setAttribute('optimizer', 'momentum');
    s.setAttribute('batch-size', '50');
    s.setAttribute('seed', '4');
    await aTimeout(0);
    expect(log.events.filter((e) => e.type === 'sampler-reset').map((e) => e.detail)).to.deep.equal(
      [{ reason: 'seed' }],
    );
  });

  it('rate, controls, loop and autoplay do not reset; reset() does, with reason reset', async () => {
    const s = await sampler();
    await s.step();
    const log = record(s);
    s.setAttribute('rate', '5');
    s.setAttribute('controls', '');
    s.setAttribute('loop', '');
    s.setAttribute('max-iterations', '20');
    await aTimeout(0);
    // The full landscape comes from the worker whenever it is done: only resets matter here.
    const resets = () => log.events.filter((e) => e.type !== 'landscape-ready');
    expect(resets()).to.have.length(0);
    expect(s.iteration).to.equal(1);
    s.reset();
    expect(resets().map((e) => e.detail)).to.deep.equal([{ reason: 'reset' }]);
  });
});

describe('<batch-sampler> bad attributes', () => {
  const cases: [string, string, string, unknown][] = [
    ['batch-size', 'ten', 'batchSize', 10],
    ['batch-size', '2.5e400', 'batchSize', 10],
    ['batch-size', '0', 'batchSize', 1],
    ['resolution', 'fine', 'resolution', 64],
    ['resolution', '4', 'resolution', 8],
    ['resolution', '1000', 'resolution', 256],
    ['samples', 'lots', 'samples', 1000],
    ['samples', '1', 'samples', 2],
    ['rate', 'fast', 'rate', 2],
    ['rate', '0', 'rate', 0.1],
    ['rate', '100', 'rate', 60],
    ['extent', '5 -5 0 1', 'extent', [-20, 20, -20, 20]],
    ['sampling', 'random', 'sampling', 'epoch'],
    ['optimizer', 'rmsprop', 'optimizer', 'sgd'],
    ['learning-rate', '-1', 'learningRate', 1],
    ['dataset', 'swirls', 'dataset', undefined],
  ];
  for (const [attribute, value, property, expected] of cases) {
    it(`${attribute}="${value}" keeps a good value and warns once`, async () => {
      // (batch-size 2, so that 2 samples do not also clamp the batch size)
      const s = await sampler(
        html`<batch-sampler batch-size=${attribute === 'samples' ? 2 : 10}></batch-sampler>`,
      );
      const warned = await warnings(async () => {
        s.setAttribute(attribute, value);
        s.setAttribute(attribute, value);
        await aTimeout(0);
        await s.step();
      });
      expect(warned).to.have.length(1);
      expect(warned[0]).to.contain('<batch-sampler').and.contain(attribute).and.contain(value);
      if (expected !== undefined) expect(setting(s, property)).to.deep.equal(expected);
      else expect(s.dataset.n).to.equal(1000);
      s.remove();
    });
  }

  it('learning-rate="0" and an extent with w2 reversed ("-20 20 5 -5") are refused', async () => {
    const s = await sampler(html`<batch-sampler resolution="8"></batch-sampler>`);
    const warned = await warnings(async () => {
      s.setAttribute('learning-rate', '0');
      s.setAttribute('extent', '-20 20 5 -5');
      await s.step();
    });
    expect(warned).to.have.length(2);
    expect(s.learningRate).to.equal(1); // the logistic model's default
    expect(s.extent).to.deep.equal([-20, 20, -20, 20]);
    expect(s.landscape!.grid.w2).to.deep.equal([-20, 20]);
  });

  // Each attribute: a good value, then a bad one, which must keep the good one (not the default).
  const afterGood: [string, string, string, string, unknown][] = [
    ['dataset', 'moons', 'swirls', 'datasetKind', 'moons'],
    ['samples', '300', 'lots', 'samples', 300],
    ['seed', '9', 'nine', 'seed', 9],
    ['model', 'logistic', 'transformer', 'model', 'logistic'],
    ['batch-size', '25', 'ten', 'batchSize', 25],
    ['sampling', 'replacement', 'random', 'sampling', 'replacement'],
    ['optimizer', 'adam', 'rmsprop', 'optimizer', 'adam'],
    ['learning-rate', '0.25', '0', 'learningRate', 0.25],
    ['weights', '3 -4', 'three', 'initialWeights', [3, -4]],
    ['extent', '-5 5 -6 6', '-20 20 5 -5', 'extent', [-5, 5, -6, 6]],
    ['resolution', '32', 'fine', 'resolution', 32],
    ['rate', '5', 'fast', 'rate', 5],
    ['start-at', '3', 'soon', 'startAt', 3],
    ['max-iterations', '20', 'many', 'maxIterations', 20],
    ['picks', '1 2 3', '1 2', 'picks', [{ iteration: 1, weights: [2, 3] }]],
  ];
  for (const [attribute, good, bad, property, expected] of afterGood) {
    it(`${attribute}="${bad}" after "${good}" keeps "${good}", warns once and resets nothing`, async () => {
      const s = await sampler(html`<batch-sampler resolution="8"></batch-sampler>`);
      s.setAttribute(attribute, good);
      await s.step();
      const log = record(s);
      const warned = await warnings(async () => {
        s.setAttribute(attribute, bad);
        s.setAttribute(attribute, bad);
        await aTimeout(0);
      });
      expect(warned).to.have.length(1);
      expect(warned[0]).to.contain(attribute).and.contain(bad).and.contain('keeping');
      expect(setting(s, property)).to.deep.equal(expected);
      expect(log.types().filter((t) => t === 'sampler-reset')).to.deep.equal([]);
      s.remove();
    });
  }

  it('a batch size above the rows is clamped to the rows with one warning', async () => {
    const s = await sampler(html`<batch-sampler samples="50"></batch-sampler>`);
    const warned = await warnings(async () => {
      s.setAttribute('batch-size', '80');
      await s.step();
    });
    expect(warned).to.have.length(1);
    expect(warned[0]).to.contain('batch-size').and.contain('50');
    expect(s.rows).to.have.length(50);
  });
});

describe('<batch-sampler> data', () => {
  it('loads a CSV from src and resets with reason data', async () => {
    const s = await sampler();
    const reset = once(s, 'sampler-reset');
    s.src = `${FIXTURES}/small.csv`;
    expect((await reset).detail.reason).to.equal('data');
    expect(s.dataset.n).to.equal(40);
  });

  it('a missing src fires error, shows the message in place and keeps the previous data', async () => {
    const s = await sampler(html`<batch-sampler samples="300"></batch-sampler>`);
    let bubbled = false;
    const onDocument = () => (bubbled = true);
    document.addEventListener('error', onDocument);
    const failed = once(s, 'error');
    s.src = `${FIXTURES}/missing.csv`;
    const { detail } = await failed;
    document.removeEventListener('error', onDocument);
    expect(detail.message).to.contain('404');
    expect(bubbled).to.equal(false);
    await s.updateComplete;
    const alert = s.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('missing.csv').and.contain('404');
    expect(alert.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(s.dataset.n).to.equal(300);
  });

  it('a bad CSV fires error naming the line, and the previous data stays', async () => {
    const s = await sampler();
    s.src = `${FIXTURES}/small.csv`;
    await once(s, 'sampler-reset');
    const failed = once(s, 'error');
    s.src = `${FIXTURES}/bad.csv`;
    expect((await failed).detail.message)
      .to.contain('line 3')
      .and.contain('oops');
    await s.updateComplete;
    expect(s.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('line 3');
    expect(s.dataset.n).to.equal(40);
  });

  it('a second src aborts the first load', async () => {
    const s = await sampler();
    const errors: string[] = [];
    s.addEventListener('error', (e) =>
      errors.push((e as unknown as CustomEvent<{ message: string }>).detail.message),
    );
    s.src = `${FIXTURES}/bad.csv`;
    await s.updateComplete;
    s.src = `${FIXTURES}/small.csv`;
    await once(s, 'sampler-reset');
    await aTimeout(50);
    expect(errors).to.deep.equal([]);
    expect(s.dataset.n).to.equal(40);
  });

  it('reads an inline <script type="application/json"> child', async () => {
    const s = await sampler(
      html`<batch-sampler batch-size="2"
        ><script type="application/json">
          {
            "x": [
              [0, 0],
              [1, 1],
              [2, 0],
              [0, 3]
            ],
            "y": [0, 1, 0, 1]
          }
        </script></batch-sampler
      >`,
    );
    expect(s.dataset.n).to.equal(4);
    expect([...s.dataset.y]).to.deep.equal([0, 1, 0, 1]);
  });

  it('takes a Dataset object through the dataset property', async () => {
    const s = await sampler();
    const data = makeDataset('xor', { n: 60, seed: 2 });
    s.dataset = data;
    expect(s.dataset).to.equal(data);
    await s.step();
    expect(Math.max(...s.rows)).to.be.below(60);
  });
});

describe('<batch-sampler> playing', () => {
  it('play() plays at rate, pause() stops at a whole step, and play/pause events fire', async () => {
    const s = await sampler(html`<batch-sampler rate="40" resolution="8"></batch-sampler>`);
    const played = oneEvent(s, 'play');
    await s.play();
    await played;
    expect(s.paused).to.equal(false);
    await once(s, 'weights-change');
    await once(s, 'weights-change');
    const paused = oneEvent(s, 'pause');
    s.pause();
    await paused;
    const at = s.iteration;
    expect(at).to.be.at.least(2);
    expect(s.lastStep!.iteration).to.equal(at);
    await aTimeout(100);
    expect(s.iteration).to.equal(at);
  });

  it('loops at max-iterations with loop, and stops there without it', async () => {
    const s = await sampler(
      html`<batch-sampler rate="60" resolution="8" max-iterations="3" loop></batch-sampler>`,
    );
    void s.play();
    const reset = await once(s, 'sampler-reset');
    expect(reset.detail.reason).to.equal('seek');
    s.loop = false;
    await oneEvent(s, 'pause');
    expect(s.iteration).to.equal(3);
  });

  it('autoplay starts only once the sampler is on screen', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <div style="height: 3000px"></div>
        <batch-sampler autoplay rate="30" resolution="8"></batch-sampler>
      </div>`,
    );
    const s = wrapper.querySelector('batch-sampler')!;
    const log = record(s);
    try {
      await aTimeout(300);
      expect(s.paused).to.equal(true);
      expect(log.events).to.have.length(0);
      s.scrollIntoView();
      await once(s, 'batch-change');
      expect(s.paused).to.equal(false);
    } finally {
      s.pause();
      window.scrollTo(0, 0); // the next tests' fixtures start at the top of the page
    }
  });

  it('autoplay waits for the reader under prefers-reduced-motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const s = await sampler(
        html`<batch-sampler autoplay rate="30" resolution="8"></batch-sampler>`,
      );
      const log = record(s);
      await aTimeout(400);
      expect(s.paused).to.equal(true);
      expect(log.events).to.have.length(0);
      await s.play();
      await once(s, 'batch-change');
      s.pause();
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('fires nothing after it is removed from the page', async () => {
    const s = await sampler(
      html`<batch-sampler rate="60" resolution="8" samples="3000"></batch-sampler>`,
    );
    void s.play();
    await once(s, 'weights-change');
    const log = record(s);
    s.remove();
    await aTimeout(300);
    expect(log.events).to.deep.equal([]);
  });
});

describe('<batch-sampler> linking and picks', () => {
  it('weights-pick from a descendant moves the weights, keeps the iteration and fires weights-change', async () => {
    const s = await sampler(html`<batch-sampler><span></span></batch-sampler>`);
    await s.step();
    const changed = once(s, 'weights-change');
    emit(s.querySelector('span')!, 'weights-pick', { weights: [1.5, 2.5] });
    const { detail } = await changed;
    const data = makeDataset('blobs', { n: 1000, seed: 1 });
    expect(detail.iteration).to.equal(1);
    expect(detail.weights).to.deep.equal([1.5, 2.5]);
    expect(detail.gradient).to.deep.equal([0, 0]);
    let sum = 0;
    for (const r of s.rows)
      sum += logistic.loss(data.x[2 * r]!, data.x[2 * r + 1]!, data.y[r]!, 1.5, 2.5);
    expectClose(detail.loss, sum / s.rows.length, 1e-12);
    expect(s.weights).to.deep.equal([1.5, 2.5]);
    expect(s.path).to.have.length(3);
    expect(s.iteration).to.equal(1);
  });
});

describe('<batch-sampler> without and with controls', () => {
  it('takes no room without controls', async () => {
    const s = await sampler();
    expect(s.getBoundingClientRect().height).to.equal(0);
  });

  it('controls step, play and change the batch size and optimiser', async () => {
    const s = await sampler(html`<batch-sampler controls resolution="8"></batch-sampler>`);
    const root = s.shadowRoot!;
    const part = (name: string) => root.querySelector<HTMLElement>(`[part~="${name}"]`)!;
    for (const name of [
      'controls',
      'step-back',
      'play',
      'step',
      'reset',
      'batch-size',
      'optimizer',
      'readout',
    ]) {
      expect(part(name), name).to.exist;
    }
    for (const name of ['step-back', 'play', 'step', 'reset'])
      expect(part(name).getAttribute('aria-label')).to.be.a('string');
    part('step').click();
    await s.updateComplete;
    expect(s.iteration).to.equal(1);
    expect(part('readout').textContent)
      .to.match(/epoch\s*1/)
      .and.match(/batch\s*1\/100/);
    const slider = part('batch-size') as HTMLInputElement;
    const reset = once(s, 'sampler-reset');
    slider.value = String(Number(slider.value) + 1);
    slider.dispatchEvent(new Event('input'));
    expect((await reset).detail.reason).to.equal('batch-size');
    expect(s.batchSize).to.equal(20);
    const select = part('optimizer') as HTMLSelectElement;
    select.value = 'adam';
    select.dispatchEvent(new Event('change'));
    expect(s.optimizer).to.equal('adam');
    part('play').click();
    expect(s.paused).to.equal(false);
    await s.updateComplete;
    expect(part('play').getAttribute('aria-label')).to.equal('Pause');
    s.pause();
  });

  it('the readout says when training leaves the window, and a network’s readout shows the plane', async () => {
    const s = await sampler(
      html`<batch-sampler controls resolution="8" learning-rate="1e6"></batch-sampler>`,
    );
    const readout = () => s.shadowRoot!.querySelector('[part~="readout"]')!.textContent;
    expect(readout()).not.to.include('outside the window');
    await s.step();
    await s.updateComplete;
    expect(readout()).to.include('outside the window');
    const net = await sampler(
      html`<batch-sampler
        controls
        model="mlp"
        samples="60"
        layers="4"
        resolution="8"
        max-iterations="10"
      ></batch-sampler>`,
    );
    await net.step();
    await net.updateComplete;
    const text = net.shadowRoot!.querySelector('[part~="readout"]')!.textContent;
    const { planeLoss, offPlane } = net.lastStep!;
    expect(text)
      .to.match(/on the plane\s*\S+/)
      .and.match(/off the plane\s*\S+/);
    expect(planeLoss).to.be.a('number');
    expect(offPlane).to.be.above(0);
  });

  it('a long seek yields to the page between slices, and lands where a direct replay does', async () => {
    const s = await sampler(
      html`<batch-sampler
        resolution="8"
        max-iterations="1000000"
        optimizer="momentum"
      ></batch-sampler>`,
    );
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const log = record(s);
    await s.seek(60_000);
    clearInterval(timer);
    // The page ran in between: timers fired while the seek was under way.
    expect(ticks).to.be.greaterThan(2);
    expect(s.iteration).to.equal(60_000);
    expect(log.types()).to.deep.equal(['sampler-reset', 'batch-change', 'weights-change']);
    const direct = new Timeline({
      model: logistic,
      data: makeDataset('blobs', { n: 1000, seed: 1 }),
      batchSize: 10,
      sampling: 'epoch',
      seed: 1,
      optimizer: 'momentum',
      learningRate: 1,
      initial: [15, 15],
    });
    direct.seek(60_000);
    expect(s.point).to.deep.equal(direct.weights);
  });

  it('a jump stops at its work budget with one warning; the next one goes on from there', async () => {
    const s = await sampler(
      html`<batch-sampler
        resolution="8"
        samples="1000"
        batch-size="1000"
        max-iterations="1000000"
      ></batch-sampler>`,
    );
    const seen = await warnings(() => s.seek(100_000));
    const reachable = MAX_REPLAY_ROWS / 1000;
    expect(s.iteration).to.equal(reachable);
    expect(seen.filter((m) => m.includes('stopped at'))).to.have.length(1);
    await s.seek(reachable + 3);
    expect(s.iteration).to.equal(reachable + 3);
  });
});
