import {
  expect,
  fixture,
  html,
  oneEvent,
  aTimeout,
  nextFrame,
  fixtureCleanup,
  waitUntil,
} from '@open-wc/testing';
import { resetMouse, sendMouse, sendKeys } from '@web/test-runner-commands';
import { colormapTable, type CameraChangeDetail } from '@lossquake/kit';
import { defineFakeSampler, type FakeSampler } from '@lossquake/kit/testing';
import './loss-surface.js';
import type { LossSurface } from './loss-surface.component.js';
import { STREAM_GAP } from './drawing-controller.js';
import { hooksOf, pageContext as context } from './testing.js';
import { cameraMatrices, project } from './camera.js';
import { bowl, terraces } from './test-helpers/landscapes.js';
import { countNear, differingShare, pixels, settle, type RGB } from './test-helpers/pixels.js';

defineFakeSampler('fake-sampler');

const blues = colormapTable('blues', 256);
const bluesBottom: RGB = [blues[0]!, blues[1]!, blues[2]!];
const bluesTop: RGB = [blues[1020]!, blues[1021]!, blues[1022]!];
const small = 'width:160px;height:120px;max-width:none;aspect-ratio:auto';

async function surface(
  template = html`<loss-surface style=${small} transition="0"></loss-surface>`,
): Promise<LossSurface> {
  const el = await fixture<LossSurface>(template);
  return el;
}

async function withWarnings<T>(
  run: () => Promise<T> | T,
): Promise<{ result: T; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    return { result: await run(), warnings };
  } finally {
    console.warn = original;
  }
}

async function allGone(): Promise<void> {
  fixtureCleanup();
  // A pointer left pressed or over a plot by one test must not reach the next test's surface.
  await resetMouse();
  await Promise.resolve();
  await nextFrame();
}

describe('<loss-surface>', () => {
  afterEach(allGone);

  it('landscape reads back the mode or the Landscape set, and currentLandscape what is on screen', async () => {
    const el = await surface(html`<loss-surface style=${small} transition="0"></loss-surface>`);
    expect(el.landscape).to.equal('batch');
    expect(el.currentLandscape).to.equal(null);
    el.setAttribute('landscape', 'full');
    expect([el.landscape, el.landscapeMode]).to.deep.equal(['full', 'full']);
    const shown = bowl(16);
    el.landscape = { ...shown, min: -999, max: 999 };
    await settle(el);
    // The element keeps a checked copy of the object: same values, min and max recomputed.
    const checked = el.landscape;
    if (typeof checked === 'string') throw new Error('expected the Landscape back');
    expect(checked.values).to.equal(shown.values);
    expect([checked.min, checked.max]).to.deep.equal([
      Math.min(...shown.values),
      Math.max(...shown.values),
    ]);
    expect(el.currentLandscape).to.equal(el.landscape);
    expect(el.landscapeMode).to.equal('full');
  });

  it('draws the surface with the colour map: its top and bottom colours are both on screen', async () => {
    const el = await surface();
    el.landscape = terraces(32, 10);
    await settle(el);
    const image = pixels(el);
    expect(countNear(image, bluesBottom, 12), 'bottom colour').to.be.greaterThan(100);
    expect(countNear(image, bluesTop, 12), 'top colour').to.be.greaterThan(100);
    expect(el.getAttribute('role')).to.equal('img');
  });

  it('viridis colours the same surface with viridis, not blues', async () => {
    const el = await surface(
      html`<loss-surface style=${small} transition="0" colormap="viridis"></loss-surface>`,
    );
    el.landscape = terraces(32, 10);
    await settle(el);
    const viridis = colormapTable('viridis', 256);
    const image = pixels(el);
    expect(
      countNear(image, [viridis[1020]!, viridis[1021]!, viridis[1022]!], 12),
    ).to.be.greaterThan(100);
    expect(countNear(image, bluesTop, 12)).to.equal(0);
  });

  it('morphs to the next landscape: pixels change on the way and end equal to a fresh render of it', async () => {
    // Long enough that a slow machine still draws frames well inside it: the picture "during" is the
    // first frame drawn after a third of the morph (counted from when the landscape was set).
    const transition = 2400;
    const el = await surface(
      html`<loss-surface style=${small} transition=${transition}></loss-surface>`,
    );
    el.landscape = bowl(32, 0.2, 0.2);
    await settle(el);
    const before = pixels(el);
    const next = bowl(32, 0.8, 0.7);
    const drawn = hooksOf(el).framesDrawn;
    const start = performance.now();
    el.landscape = next;
    while (performance.now() - start < transition / 3) await nextFrame();
    const during = pixels(el);
    expect(hooksOf(el).framesDrawn - drawn, 'frames drawn during the morph').to.be.greaterThan(2);
    expect(differingShare(before, during)).to.be.greaterThan(0.01);
    await settle(el);
    const after = pixels(el);
    // Halfway is neither landscape.
    expect(differingShare(during, after)).to.be.greaterThan(0.01);

    const fresh = await surface();
    fresh.landscape = next;
    await settle(fresh);
    expect(differingShare(after, pixels(fresh), 3)).to.be.lessThan(0.002);
    expect(differingShare(before, after)).to.be.greaterThan(0.02);
  });

  it('draws every cell once still; on a software renderer a coarser mesh while it morphs', async () => {
    const el = await surface(html`<loss-surface style=${small} transition="2400"></loss-surface>`);
    el.landscape = bowl(64, 0.2, 0.2);
    await settle(el);
    const all = 63 * 63 * 2;
    expect(hooksOf(el).trianglesDrawn, 'still').to.equal(all);
    const drawn = hooksOf(el).framesDrawn;
    el.landscape = bowl(64, 0.8, 0.7);
    await waitUntil(() => hooksOf(el).framesDrawn > drawn + 1, 'frames during the morph', {
      timeout: 2000,
    });
    // 63 cells a side become 32 (every second line and the border) on SwiftShader; a GPU draws all.
    expect(hooksOf(el).trianglesDrawn, 'moving').to.equal(context.software ? 32 * 32 * 2 : all);
    await settle(el);
    expect(hooksOf(el).trianglesDrawn, 'still again').to.equal(all);
  });

  it('a stream of landscapes (a sampler playing fast, no morph) is drawn coarser on software, then in full', async () => {
    const el = await surface(html`<loss-surface style=${small} transition="0"></loss-surface>`);
    el.landscape = bowl(64, 0.2, 0.2);
    await settle(el);
    const all = 63 * 63 * 2;
    expect(hooksOf(el).trianglesDrawn, 'one landscape').to.equal(all);
    // Ten landscapes a frame apart, as a sampler at rate 60 deals them.
    for (let k = 1; k <= 10; k++) {
      el.landscape = bowl(64, 0.2 + k * 0.05, 0.3);
      await nextFrame();
    }
    await nextFrame();
    expect(hooksOf(el).trianglesDrawn, 'streaming').to.equal(context.software ? 32 * 32 * 2 : all);
    // Once the stream pauses (STREAM_GAP), the last landscape is drawn again with every cell.
    await waitUntil(() => hooksOf(el).trianglesDrawn === all, 'every cell again', {
      timeout: STREAM_GAP + 2000,
    });
  });

  it('camera attributes turn the view: pixels change and labels move where the camera projects them', async () => {
    const el = await surface();
    el.landscape = bowl(32);
    await settle(el);
    const before = pixels(el);
    const tick = (text: string) =>
      hooksOf(el).labels.find((l) => l.text === text && l.kind === 'tick')!;
    // Matplotlib's default view: W1 runs left to right along the front.
    expect(tick('−20').x).to.be.lessThan(tick('20').x);

    el.setAttribute('azimuth', '120');
    el.setAttribute('elevation', '45');
    await settle(el);
    expect(differingShare(before, pixels(el))).to.be.greaterThan(0.05);
    // Seen from the other side, W1 runs right to left.
    const minus20 = hooksOf(el).labels.filter((l) => l.text === '−20')[0]!;
    const plus20 = hooksOf(el).labels.filter((l) => l.text === '20')[0]!;
    expect(minus20.x).to.be.greaterThan(plus20.x);
    // The title W1 sits where the camera puts its anchor (front edge y = +1 from this side, at the floor).
    const expected = project(
      cameraMatrices({ azimuth: 120, elevation: 45, zoom: 1 }, 160 / 120),
      [0, 1.42, -0.75],
      160,
      120,
    );
    const title = hooksOf(el).labels.find((l) => l.text === 'W₁')!;
    expect(title.x).to.be.closeTo(expected[0], 0.01);
    expect(title.y).to.be.closeTo(expected[1], 0.01);
    const span = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.labels span')].find(
      (s) => s.textContent === 'W₁',
    )!;
    const box = span.getBoundingClientRect();
    const host = el.getBoundingClientRect();
    expect(box.left + box.width / 2 - host.left).to.be.closeTo(expected[0], 1);
    expect(box.top + box.height / 2 - host.top).to.be.closeTo(expected[1], 1);
  });

  it('at 375 px wide no two visible labels overlap, and after a turn and zoom none sit outside the frame', async () => {
    const el = await surface(
      html`<loss-surface style="width:375px;max-width:none" transition="0"></loss-surface>`,
    );
    el.landscape = bowl(32);
    await settle(el);
    /** The boxes of the labels on screen, in CSS pixels relative to the host. */
    const boxes = () => {
      const host = el.getBoundingClientRect();
      return [...el.shadowRoot!.querySelectorAll<HTMLElement>('.labels span')].map((span) => {
        const r = span.getBoundingClientRect();
        const box = { text: span.textContent, left: r.left - host.left, top: r.top - host.top };
        return { ...box, right: box.left + r.width, bottom: box.top + r.height };
      });
    };
    const clashes = () => {
      const all = boxes();
      return all.flatMap((a, i) =>
        all
          .slice(i + 1)
          .filter(
            (b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom,
          )
          .map((b) => `${a.text} × ${b.text}`),
      );
    };
    const texts = () => boxes().map((b) => b.text);
    expect(clashes()).to.deep.equal([]);
    expect(texts()).to.include.members(['W₁', 'W₂', 'Loss']);
    expect(texts().length, 'ticks still shown').to.be.greaterThan(8);

    // Zoomed in and turned: some axes leave the frame; their labels go rather than pile at the edge.
    el.zoom = 2.5;
    el.azimuth = 30;
    await settle(el);
    expect(clashes()).to.deep.equal([]);
    const { width, height } = el.getBoundingClientRect();
    for (const box of boxes()) {
      expect(box.left, box.text).to.be.at.least(-0.5);
      expect(box.top, box.text).to.be.at.least(-0.5);
      expect(box.right, box.text).to.be.at.most(width + 0.5);
      expect(box.bottom, box.text).to.be.at.most(height + 0.5);
    }
    // Fewer than everything (the clipped axes' labels are gone), and nothing stacked at one edge.
    const rows = new Map<number, number>();
    for (const box of boxes())
      rows.set(Math.round(box.left), (rows.get(Math.round(box.left)) ?? 0) + 1);
    expect(Math.max(...rows.values()), 'labels piled at one x').to.be.at.most(3);
  });

  it('z-range pins the Loss axis: the pixels change, and a plateau at 10 of "0 40" takes the colour a quarter up the map', async () => {
    const el = await surface();
    el.landscape = terraces(32, 10);
    await settle(el);
    const auto = pixels(el);
    el.setAttribute('z-range', '0 40');
    await settle(el);
    const pinned = pixels(el);
    expect(differingShare(auto, pinned)).to.be.greaterThan(0.05);
    const quarter: RGB = [blues[64 * 4]!, blues[64 * 4 + 1]!, blues[64 * 4 + 2]!];
    expect(countNear(auto, bluesTop, 12), 'auto: the plateau is the top colour').to.be.greaterThan(
      100,
    );
    expect(countNear(pinned, bluesTop, 12), 'pinned: nothing reaches the top').to.equal(0);
    expect(countNear(pinned, quarter, 8), 'pinned: the plateau a quarter up').to.be.greaterThan(
      100,
    );
  });

  it('a drag turns the surface the same way as the arrow keys: right as ArrowRight, down as ArrowUp', async () => {
    const el = await surface();
    el.landscape = bowl(32, 0.2, 0.7);
    await settle(el);
    const box = el.getBoundingClientRect();
    const x = Math.round(box.left + box.width / 2);
    const y = Math.round(box.top + box.height / 2);
    // One key press turns 5°; a drag turns 0.5° per pixel, so 10 px matches one press.
    const drag = async (dx: number, dy: number) => {
      await sendMouse({ type: 'move', position: [x, y] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [x + dx, y + dy] });
      await sendMouse({ type: 'up' });
      await settle(el);
      return { camera: [el.azimuth, el.elevation], image: pixels(el) };
    };
    const press = async (key: string) => {
      el.focus();
      await sendKeys({ press: key });
      await settle(el);
      return { camera: [el.azimuth, el.elevation], image: pixels(el) };
    };
    const home = async () => {
      el.azimuth = -60;
      el.elevation = 30;
      await settle(el);
    };
    const start = pixels(el);
    for (const [key, dx, dy] of [
      ['ArrowRight', 10, 0],
      ['ArrowUp', 0, 10],
    ] as const) {
      const byKey = await press(key);
      await home();
      const byDrag = await drag(dx, dy);
      await home();
      expect(byDrag.camera, key).to.deep.equal(byKey.camera);
      expect(differingShare(start, byDrag.image), `${key}: the view turned`).to.be.greaterThan(
        0.01,
      );
      expect(differingShare(byKey.image, byDrag.image), key).to.be.lessThan(0.001);
    }
  });

  it('keeps an author’s aria-label (also in toHTML), and describes the view in its own label otherwise', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <loss-surface id="a" aria-label="Our figure" style=${small} transition="0"></loss-surface>
        <loss-surface id="b" style=${small} transition="0"></loss-surface>
      </div>`,
    );
    const [a, b] = ['a', 'b'].map((id) => wrapper.querySelector<LossSurface>(`#${id}`)!);
    a!.landscape = b!.landscape = bowl(16);
    await waitUntil(() => /Lowest loss/.test(b!.getAttribute('aria-label') ?? ''), 'description', {
      timeout: 5000,
    });
    expect(a!.getAttribute('aria-label')).to.equal('Our figure');
    expect(a!.toHTML()).to.contain('aria-label="Our figure"');
    expect(b!.toHTML()).not.to.contain('aria-label');
  });

  it('toBlob() rejects and captureFrame() gives null before the first frame', async () => {
    const el = document.createElement('loss-surface');
    expect(await el.captureFrame()).to.equal(null);
    const failure = await el.toBlob().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).to.be.instanceOf(Error);
  });

  it('zoom magnifies: the surface covers more of the canvas', async () => {
    const el = await surface();
    el.landscape = terraces(32, 10);
    await settle(el);
    const opaque = (image: ImageData) =>
      image.data.filter((_, k) => k % 4 === 3 && image.data[k] === 255).length;
    const before = opaque(pixels(el));
    el.zoom = 1.6;
    await settle(el);
    expect(opaque(pixels(el))).to.be.greaterThan(before * 1.5);
  });

  it('a camera group turns together: orbiting one sets the others’ azimuth, other groups stay', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <loss-surface id="a" camera-group="g" style=${small} transition="0"></loss-surface>
        <loss-surface id="b" camera-group="g" style=${small} transition="0"></loss-surface>
        <loss-surface id="c" camera-group="h" style=${small} transition="0"></loss-surface>
      </div>`,
    );
    const [a, b, c] = ['a', 'b', 'c'].map((id) => wrapper.querySelector<LossSurface>(`#${id}`)!);
    await settle(a!);
    const box = a!.getBoundingClientRect();
    const x = Math.round(box.left + box.width / 2);
    const y = Math.round(box.top + box.height / 2);
    const changed = oneEvent(a!, 'camera-change');
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x + 40, y + 10] });
    await sendMouse({ type: 'up' });
    const { detail } = (await changed) as CustomEvent<CameraChangeDetail>;
    expect(detail.group).to.equal('g');
    expect(a!.azimuth).to.not.equal(-60);
    expect(b!.azimuth).to.equal(a!.azimuth);
    expect(b!.elevation).to.equal(a!.elevation);
    expect(c!.azimuth).to.equal(-60);
  });

  it('keyboard arrows orbit and +/- zoom while focused; a plain wheel scrolls, ctrl+wheel zooms', async () => {
    const el = await surface();
    el.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.azimuth).to.equal(-55);
    await sendKeys({ press: 'ArrowUp' });
    expect(el.elevation).to.equal(35);
    await sendKeys({ press: '+' });
    expect(el.zoom).to.be.greaterThan(1);
    const plain = new WheelEvent('wheel', { deltaY: 100, cancelable: true, bubbles: true });
    el.dispatchEvent(plain);
    expect(plain.defaultPrevented).to.equal(false);
    const zoom = el.zoom;
    const pinch = new WheelEvent('wheel', {
      deltaY: -100,
      ctrlKey: true,
      cancelable: true,
      bubbles: true,
    });
    el.dispatchEvent(pinch);
    expect(pinch.defaultPrevented).to.equal(true);
    expect(el.zoom).to.be.greaterThan(zoom);
    el.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    expect([el.azimuth, el.elevation, el.zoom]).to.deep.equal([-60, 30, 1]);
  });

  it('bad attributes warn once and keep the last good value; out-of-range values are clamped', async () => {
    const el = await surface(html`<loss-surface style=${small} elevation="20"></loss-surface>`);
    const { warnings } = await withWarnings(async () => {
      el.setAttribute('elevation', 'high');
      el.setAttribute('elevation', 'high');
      el.setAttribute('colormap', 'rainbow');
      el.setAttribute('z-range', '5 1');
      el.setAttribute('show-path', 'maybe');
      el.setAttribute('transition', '-3');
      el.setAttribute('zoom', '100');
      el.setAttribute('landscape', 'variance');
      el.setAttribute('frame-rate', '0');
      await el.updateComplete;
    });
    expect(el.elevation).to.equal(20);
    expect(el.colormap).to.equal('blues');
    expect(el.zRange).to.equal('grow');
    expect(el.showPath).to.equal(true);
    expect(el.transition).to.equal(0);
    expect(el.zoom).to.equal(8);
    expect(el.landscape).to.equal('batch');
    expect(el.frameRate).to.equal(0.1);
    expect(warnings).to.have.length(8);
    expect(warnings[6]).to.contain('"variance"');
    expect(warnings[0])
      .to.contain('<loss-surface>')
      .and.contain('elevation')
      .and.contain('"high"')
      .and.contain('from -90 to 90');
    el.setAttribute('show-path', 'false');
    el.setAttribute('z-range', '0 20');
    expect(el.showPath).to.equal(false);
    expect(el.zRange).to.deep.equal([0, 20]);
  });

  it('follows a linked sampler: morphs to each batch, rests a marker on the surface, hides it on request', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <fake-sampler id="s"></fake-sampler>
        <loss-surface for="s" style=${small} transition="0"></loss-surface>
      </div>`,
    );
    const sampler = wrapper.querySelector<FakeSampler>('fake-sampler')!;
    const el = wrapper.querySelector<LossSurface>('loss-surface')!;
    const first = bowl(32, 0.5, 0.5);
    sampler.batch(first);
    sampler.step([0, 0]);
    await settle(el);
    expect(el.currentLandscape).to.equal(first);
    const marker: RGB = [230, 64, 26];
    expect(countNear(pixels(el), marker, 30)).to.be.greaterThan(4);
    const second = bowl(32, 0.3, 0.6);
    sampler.batch(second);
    await settle(el);
    expect(el.currentLandscape).to.equal(second);
    el.setAttribute('show-weights', 'false');
    el.setAttribute('show-path', 'false');
    await settle(el);
    expect(countNear(pixels(el), marker, 30)).to.equal(0);
    // The description follows at most once a second (a timer): wait for it to name batch 2.
    await waitUntil(() => /batch 2\b/.test(el.getAttribute('aria-label') ?? ''), 'description', {
      timeout: 5000,
    });
    expect(el.getAttribute('aria-label')).to.match(
      /batch 2\b.*Loss 0\.0\d* at the weights \(0\.00*, 0\.00*\).*Lowest loss/,
    );
  });

  it('plays src frames in turn at frame-rate, wrapping around, while no sampler is linked', async () => {
    const flat = (level: number) => Array.from({ length: 16 }, () => level);
    const json = {
      grid: bowl(4).grid,
      frames: [1, 2, 3].map((level) => ({ values: flat(level) })),
    };
    const url = URL.createObjectURL(new Blob([JSON.stringify(json)], { type: 'application/json' }));
    const el = await surface(
      html`<loss-surface style=${small} transition="0" frame-rate="30" src=${url}></loss-surface>`,
    );
    expect(el.frameRate).to.equal(30);
    const seen: number[] = [];
    await waitUntil(
      () => {
        const level = el.currentLandscape?.min;
        if (level !== undefined && level !== seen[seen.length - 1]) seen.push(level);
        return seen.length >= 4;
      },
      'four frames shown',
      { timeout: 10000, interval: 5 },
    );
    expect(seen.slice(0, 4)).to.deep.equal([1, 2, 3, 1]);
  });

  it('z-range="grow" (the default) only widens the Loss axis within a run; a sampler-reset starts it over', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <fake-sampler id="grow"></fake-sampler>
        <loss-surface for="grow" style=${small} transition="0"></loss-surface>
      </div>`,
    );
    const sampler = wrapper.querySelector<FakeSampler>('fake-sampler')!;
    const el = wrapper.querySelector<LossSurface>('loss-surface')!;
    expect(el.zRange).to.equal('grow');
    /** The highest Loss tick on screen after the surface settles on a landscape of height `top`. */
    const topTick = async (
      top: number,
      show: () => void = () => sampler.batch(terraces(16, top)),
    ) => {
      show();
      await settle(el);
      const labels = hooksOf(el).labels.map((l) => l.text);
      const loss = labels.slice(labels.indexOf('W₂') + 1, labels.indexOf('Loss'));
      return Math.max(...loss.map((text) => Number(text.replace('−', '-'))));
    };
    expect(await topTick(2)).to.be.within(1.5, 2);
    const tall = await topTick(8);
    expect(tall).to.be.within(6, 8);
    // A smaller batch keeps the axis: the quake reads against the one before.
    expect(await topTick(3)).to.equal(tall);
    expect(await topTick(1)).to.equal(tall);
    // A reset is a new run: the axis fits the next landscape again.
    sampler.reset();
    expect(await topTick(3)).to.be.within(2, 3);
    // `auto` still rescales to each landscape.
    el.setAttribute('z-range', 'auto');
    expect(await topTick(8)).to.be.within(6, 8);
    expect(await topTick(2)).to.be.within(1.5, 2);
  });

  it('removing src stops its frames and clears the surface, leaving the axes', async () => {
    const frames = [10, 12, 14].map((height) => ({ values: [...terraces(8, height).values] }));
    const json = { grid: terraces(8).grid, frames };
    const url = URL.createObjectURL(new Blob([JSON.stringify(json)], { type: 'application/json' }));
    const el = await surface(
      html`<loss-surface style=${small} transition="0" frame-rate="30" src=${url}></loss-surface>`,
    );
    await waitUntil(() => countNear(pixels(el), bluesTop, 20) > 50, 'frames drawn', {
      timeout: 10000,
    });
    el.removeAttribute('src');
    await waitUntil(() => el.currentLandscape === null, 'the frames dropped');
    await settle(el);
    expect(countNear(pixels(el), bluesTop, 20), 'surface pixels left').to.equal(0);
    // Five frame periods later nothing came back: the frames stopped with their source.
    await aTimeout(170);
    expect(el.currentLandscape).to.equal(null);
    expect(countNear(pixels(el), bluesTop, 20)).to.equal(0);
  });

  it('plays frames from src, and on bad data shows a message and fires error, keeping the last good frames', async () => {
    const good = bowl(4, 0.5, 0.5);
    const json = { grid: good.grid, frames: [{ values: [...good.values] }] };
    const url = URL.createObjectURL(new Blob([JSON.stringify(json)], { type: 'application/json' }));
    const el = await surface(
      html`<loss-surface style=${small} transition="0" src=${url}></loss-surface>`,
    );
    // The surface draws (empty axes) before its frames arrive: wait for the frames, then the drawing.
    await waitUntil(() => el.currentLandscape !== null, 'frames from src', { timeout: 10000 });
    await settle(el);
    expect(el.currentLandscape?.grid.size).to.equal(4);
    const bad = URL.createObjectURL(
      new Blob([JSON.stringify({ grid: good.grid, frames: [{ values: [1, 2, 'x'] }] })]),
    );
    const failed = oneEvent(el, 'error');
    el.src = bad;
    const { detail } = (await failed) as unknown as CustomEvent<{ message: string }>;
    expect(detail.message).to.contain('frames[0].values has 3 numbers');
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('frames[0].values');
    expect(el.currentLandscape?.grid.size).to.equal(4);
  });

  it('survives a move in the DOM without tearing down', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <div id="one"><loss-surface style=${small}></loss-surface></div>
        <div id="two"></div>
      </div>`,
    );
    const el = wrapper.querySelector<LossSurface>('loss-surface')!;
    el.landscape = bowl(16);
    await settle(el);
    const contexts = context.createdContexts;
    wrapper.querySelector('#two')!.append(el);
    await Promise.resolve();
    await nextFrame();
    expect(context.registeredSurfaces).to.equal(1);
    expect(context.createdContexts).to.equal(contexts);
    el.azimuth = 0;
    await settle(el);
    expect(countNear(pixels(el), bluesBottom, 12)).to.be.greaterThan(10);
  });
});

describe('<loss-surface> on a shared WebGL context', () => {
  afterEach(allGone);

  it('draws 30 surfaces in view through one context, without losing it', async () => {
    const before = context.createdContexts;
    const cell = 'display:inline-block;width:120px;height:90px;max-width:none;aspect-ratio:auto';
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width:800px">
        ${Array.from({ length: 30 }, () => html`<loss-surface style=${cell} transition="0"></loss-surface>`)}
      </div>`,
    );
    const surfaces = [...wrapper.querySelectorAll<LossSurface>('loss-surface')];
    let lost = 0;
    context.canvas!.addEventListener('webglcontextlost', () => lost++);
    surfaces.forEach((el, k) => (el.landscape = bowl(16, (k % 6) / 5, Math.floor(k / 6) / 4)));
    await Promise.all(surfaces.map((el) => settle(el, 20000)));
    expect(context.createdContexts - before).to.equal(1);
    expect(lost).to.equal(0);
    const visible = surfaces.filter((el) => el.getBoundingClientRect().top < innerHeight);
    expect(visible.length).to.be.greaterThan(10);
    for (const el of visible)
      expect(countNear(pixels(el), bluesBottom, 14), el.outerHTML).to.be.greaterThan(5);
  });

  it('two surfaces of different sizes morphing together resize the shared canvas once a frame, not twice', async () => {
    const wide = 'width:200px;height:150px;max-width:none;aspect-ratio:auto';
    const a = await surface(html`<loss-surface style=${small} transition="2000"></loss-surface>`);
    const b = await surface(html`<loss-surface style=${wide} transition="2000"></loss-surface>`);
    a.landscape = bowl(16, 0.2, 0.2);
    b.landscape = bowl(16, 0.3, 0.3);
    await Promise.all([settle(a), settle(b)]);
    // Every change of the shared canvas's width, while both morph (their widths differ).
    const canvas = context.canvas!;
    const width = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(canvas), 'width')!;
    let resizes = 0;
    Object.defineProperty(canvas, 'width', {
      configurable: true,
      get: () => width.get!.call(canvas) as number,
      set: (value: number) => (resizes++, width.set!.call(canvas, value)),
    });
    try {
      const [drawnA, drawnB] = [hooksOf(a).framesDrawn, hooksOf(b).framesDrawn];
      a.landscape = bowl(16, 0.8, 0.7);
      b.landscape = bowl(16, 0.7, 0.8);
      const start = performance.now();
      while (performance.now() - start < 800) await nextFrame();
      const frames = Math.min(hooksOf(a).framesDrawn - drawnA, hooksOf(b).framesDrawn - drawnB);
      expect(frames, 'frames both drew').to.be.greaterThan(5);
      expect(resizes).to.be.at.most(frames + 2);
    } finally {
      delete (canvas as { width?: number }).width;
    }
  });

  it('off-screen surfaces paint their first landscape once, then wait to be scrolled into view', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <loss-surface id="near" style=${small} transition="0"></loss-surface>
        <div style="height:3000px"></div>
        <loss-surface id="far" style=${small} transition="0"></loss-surface>
      </div>`,
    );
    const near = wrapper.querySelector<LossSurface>('#near')!;
    const far = wrapper.querySelector<LossSurface>('#far')!;
    near.landscape = far.landscape = bowl(16);
    try {
      await settle(near);
      // Laid out and given a landscape: painted once, so a print or a full-page capture shows it.
      const painted = hooksOf(far).framesDrawn;
      expect(painted).to.be.within(1, 2);
      far.landscape = bowl(16, 0.2, 0.7);
      await settle(near);
      expect(hooksOf(far).framesDrawn).to.equal(painted);
      far.scrollIntoView();
      await settle(far);
      expect(hooksOf(far).framesDrawn).to.be.greaterThan(painted);
    } finally {
      scrollTo(0, 0);
    }
  });

  it('removing 100 surfaces frees the context and leaves no frame loop running', async () => {
    const cell = 'display:inline-block;width:40px;height:30px;max-width:none;aspect-ratio:auto';
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        ${Array.from({ length: 100 }, () => html`<loss-surface style=${cell} auto-rotate></loss-surface>`)}
      </div>`,
    );
    const surfaces = [...wrapper.querySelectorAll<LossSurface>('loss-surface')];
    surfaces.forEach((el) => (el.landscape = bowl(8)));
    await nextFrame();
    await nextFrame();
    expect(context.registeredSurfaces).to.equal(100);
    expect(context.activeFrameLoops).to.equal(1); // auto-rotate keeps it running
    wrapper.remove();
    await Promise.resolve();
    expect(context.registeredSurfaces).to.equal(0);
    expect(context.activeFrameLoops).to.equal(0);
    expect(context.canvas).to.equal(null);
    const original = window.requestAnimationFrame.bind(window);
    let requested = 0;
    window.requestAnimationFrame = (callback) => {
      requested++;
      return original(callback);
    };
    try {
      for (const el of surfaces) el.azimuth = 10; // property changes on detached surfaces draw nothing
      await aTimeout(100);
    } finally {
      window.requestAnimationFrame = original;
    }
    expect(requested).to.equal(0);
  });

  it('shows a placeholder while the context is lost and draws again after restore', async () => {
    const el = await surface();
    el.landscape = terraces(32, 10);
    await settle(el);
    // Headless Chromium on SwiftShader never restores a context lost through WEBGL_lose_context, so
    // the browser's events are replayed on the live context: the element's handling is what is tested.
    const canvas = context.canvas!;
    const lostEvent = new Event('webglcontextlost', { cancelable: true });
    canvas.dispatchEvent(lostEvent);
    expect(
      lostEvent.defaultPrevented,
      'lost must be prevented for the browser to restore',
    ).to.equal(true);
    await el.updateComplete;
    expect(context.status).to.equal('lost');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('lost');
    const drawn = hooksOf(el).framesDrawn;
    el.azimuth = -50;
    await aTimeout(50);
    expect(hooksOf(el).framesDrawn, 'no drawing while lost').to.equal(drawn);
    canvas.dispatchEvent(new Event('webglcontextrestored'));
    await settle(el);
    expect(hooksOf(el).framesDrawn).to.be.greaterThan(drawn);
    expect(el.shadowRoot!.querySelector('.message')).to.equal(null);
    const image = pixels(el);
    expect(countNear(image, bluesTop, 12)).to.be.greaterThan(100);
    expect(countNear(image, bluesBottom, 12)).to.be.greaterThan(100);
  });

  it('a real context loss (WEBGL_lose_context) shows the placeholder and throws nothing', async () => {
    const el = await surface();
    el.landscape = terraces(16, 10);
    await settle(el);
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    try {
      const gl = context.canvas!.getContext('webgl') as WebGLRenderingContext;
      const lose = gl.getExtension('WEBGL_lose_context')!;
      const lost = oneEvent(context.canvas!, 'webglcontextlost');
      lose.loseContext();
      await lost;
      el.azimuth = 0;
      el.landscape = bowl(16);
      await aTimeout(100);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain(
        'WebGL context lost',
      );
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
    }
  });

  it('without WebGL shows a message in place and fires error; a later surface gets WebGL again', async () => {
    // A browser without WebGL: neither a canvas element nor an OffscreenCanvas gives a context.
    const prototypes = [HTMLCanvasElement.prototype, OffscreenCanvas.prototype];
    const originals = prototypes.map((p) => Object.getOwnPropertyDescriptor(p, 'getContext')!);
    prototypes.forEach((prototype, k) => {
      const getContext = originals[k]!.value as (...args: unknown[]) => unknown;
      Object.defineProperty(prototype, 'getContext', {
        ...originals[k],
        value(this: unknown, type: string, ...rest: unknown[]) {
          if (type === 'webgl' || type === 'experimental-webgl' || type === 'webgl2') return null;
          return getContext.call(this, type, ...rest);
        },
      });
    });
    let message = '';
    try {
      const wrapper = document.createElement('div');
      wrapper.addEventListener(
        'error',
        (event) =>
          (message = (event as unknown as CustomEvent<{ message: string }>).detail.message),
        true,
      );
      document.body.append(wrapper);
      const el = document.createElement('loss-surface');
      el.setAttribute('style', small);
      wrapper.append(el);
      await el.updateComplete;
      expect(message).to.contain('WebGL');
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('3-D view unavailable');
      wrapper.remove();
      await Promise.resolve();
    } finally {
      prototypes.forEach((prototype, k) =>
        Object.defineProperty(prototype, 'getContext', originals[k]!),
      );
    }
    const el = await surface();
    el.landscape = bowl(16);
    await settle(el);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(countNear(pixels(el), bluesBottom, 12)).to.be.greaterThan(10);
  });
});
