// 100 add/remove cycles of each element: nothing may outlive them — no frame loop, timer, observer or
// WebGL context (counted by pages/probe.js and by the surface module's own test hooks).
import { expect } from '@open-wc/testing';
import { closePages, delay, frames, openPage, type Page } from './helpers.js';

const CYCLES = 100;

interface Census {
  timeouts: number;
  intervals: number;
  frames: number;
  observers: Record<string, number>;
  contexts: number;
}

function census(page: Page): Census {
  const { probe } = page;
  return {
    timeouts: probe.timeouts.size,
    intervals: probe.intervals.size,
    frames: probe.frames.size,
    observers: probe.liveObservers(),
    contexts: probe.liveContexts(),
  };
}

/** Waits until the page is quiet (pending timers from the last cycle fire), then counts. */
async function settledCensus(page: Page): Promise<Census> {
  await delay(1200);
  await frames(page.win, 2);
  return census(page);
}

describe('100 add/remove cycles', () => {
  afterEach(closePages);

  type Attributes = Record<string, string>;
  const cases: [string, (i: number) => Attributes][] = [
    [
      'batch-sampler',
      (i) => ({
        samples: '200',
        resolution: '16',
        controls: '',
        autoplay: '',
        ...(i % 2 ? { src: '/packages/batch-sampler/src/test-fixtures/small.csv' } : {}),
      }),
    ],
    [
      'loss-contour',
      (i): Attributes =>
        i % 2 ? { src: '/__lossquake__/data/frames.json' } : { for: 's', transition: '50' },
    ],
    [
      'loss-surface',
      (i): Attributes =>
        i % 2
          ? { src: '/__lossquake__/data/frames.json', 'auto-rotate': '' }
          : { for: 's', transition: '50' },
    ],
  ];

  for (const [tag, attributes] of cases) {
    it(`of <${tag}> leave no frame loop, timer, observer or WebGL context behind`, async () => {
      const page = await openPage('blank.html', { width: 400, height: 300 });
      const sampler = page.create('batch-sampler', { id: 's', samples: '100', resolution: '12' });
      page.doc.body.append(sampler);
      await sampler.step();
      const before = await settledCensus(page);
      const bundle = await page.bundle();
      const createdBefore = bundle.createdContexts();
      const probedBefore = page.probe.contexts.length;

      for (let i = 0; i < CYCLES; i++) {
        const element = page.create(tag as 'loss-contour', attributes(i));
        element.style.cssText = 'display:block;width:80px;height:60px';
        page.doc.body.append(element);
        await frames(page.win, 1);
        // Every fifth time the element lives through a step of the sampler first.
        if (i % 5 === 0) await sampler.step();
        element.remove();
      }

      const after = await settledCensus(page);
      expect(after.frames, 'pending animation frames').to.equal(before.frames);
      expect(after.intervals, 'intervals').to.equal(before.intervals);
      expect(after.timeouts, 'pending timeouts').to.be.at.most(before.timeouts);
      expect(after.observers, 'observers watching something').to.deep.equal(before.observers);
      expect(after.contexts, 'live WebGL contexts').to.equal(before.contexts);
      expect(bundle.activeFrameLoops(), 'surface frame loop').to.equal(0);
      expect(bundle.registeredSurfaces(), 'registered surfaces').to.equal(0);
      if (tag === 'loss-surface') {
        // Each cycle's surface joins the shared context before the last one's leaves (the release
        // waits a microtask, for moves in the DOM), so the cycles may share one: at least one was
        // made, and once the last surface is gone every context the surfaces made is released.
        expect(bundle.createdContexts() - createdBefore, 'contexts created').to.be.at.least(1);
        expect(bundle.liveContexts(), 'the shared context released').to.equal(0);
        const made = page.probe.contexts.slice(probedBefore);
        expect(made.length, 'contexts the surfaces made').to.be.at.least(1);
        const live = made.filter((gl) => !gl.isContextLost());
        expect(live.length, 'each context released').to.equal(0);
      }
      expect(page.probe.errors).to.deep.equal([]);
      expect(page.probe.rejections).to.deep.equal([]);
    });
  }
});
