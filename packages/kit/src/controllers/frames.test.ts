import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { Landscape } from '@lossquake/core';
import { FramesController } from './frames.js';

const size = 3;
/** Frame f: every cell holds f, so a shown landscape names its own index. */
const framesFile = (count: number) =>
  URL.createObjectURL(
    new Blob(
      [
        JSON.stringify({
          grid: { w1: [0, 1], w2: [0, 1], size },
          frames: Array.from({ length: count }, (_, f) => ({ values: Array(size * size).fill(f) })),
        }),
      ],
      { type: 'application/json' },
    ),
  );

class FramesProbe extends LitElement {
  shown: number[] = [];
  failures: string[] = [];
  clears = 0;
  frames = new FramesController(this, {
    show: (landscape: Landscape, index: number) => {
      // The landscape handed over is the frame the index names.
      if (landscape.values[0] !== index)
        throw new Error(`frame ${index} shows ${landscape.values[0]}`);
      this.shown.push(index);
    },
    fail: (message) => this.failures.push(message),
    clear: () => this.clears++,
  });
}
customElements.define('frames-probe', FramesProbe);

async function probe(): Promise<FramesProbe> {
  return fixture<FramesProbe>(html`<frames-probe></frames-probe>`);
}

describe('FramesController', () => {
  it('load(src) shows frame 0, then every frame in turn, looping, while playing', async () => {
    const el = await probe();
    el.frames.frameRate = 60;
    el.frames.playing = true;
    el.frames.load(framesFile(3));
    await waitUntil(() => el.shown.length >= 5, 'five frames shown');
    expect(el.shown.slice(0, 5)).to.deep.equal([0, 1, 2, 0, 1]);
    expect(el.frames.frames).to.have.length(3);
  });

  it('holds the frame shown while not playing, and goes on when playing again', async () => {
    const el = await probe();
    el.frames.frameRate = 60;
    el.frames.load(framesFile(3));
    await waitUntil(() => el.shown.length === 1, 'frame 0');
    // Six frames' worth of time at 60 fps: a paused controller shows nothing new.
    await new Promise((resolve) => setTimeout(resolve, (1000 / 60) * 6));
    expect(el.shown).to.deep.equal([0]);
    el.frames.playing = true;
    await waitUntil(() => el.shown.length >= 2, 'frame 1');
    expect(el.shown.slice(0, 2)).to.deep.equal([0, 1]);
  });

  it('stops when the host leaves the page and resumes when it comes back', async () => {
    const el = await probe();
    el.frames.frameRate = 60;
    el.frames.playing = true;
    el.frames.load(framesFile(2));
    await waitUntil(() => el.shown.length >= 2, 'two frames');
    const parent = el.parentNode!;
    el.remove();
    const count = el.shown.length;
    await new Promise((resolve) => setTimeout(resolve, (1000 / 60) * 6));
    expect(el.shown.length).to.equal(count);
    parent.appendChild(el);
    await waitUntil(() => el.shown.length > count, 'playing again');
  });

  it('reports a file that fails to load, and clears the frames when src goes', async () => {
    const el = await probe();
    el.frames.load(URL.createObjectURL(new Blob(['{"grid": 1'])));
    await waitUntil(() => el.failures.length === 1, 'the failure');
    expect(el.failures[0]).to.match(/^Could not load frames from blob:.*not JSON/);
    el.frames.load(framesFile(2));
    await waitUntil(() => el.shown.length === 1, 'frame 0');
    el.frames.load(null);
    expect(el.clears).to.equal(1);
    expect(el.frames.frames).to.have.length(0);
  });

  it('a second load abandons the first', async () => {
    const el = await probe();
    el.frames.load(framesFile(4));
    el.frames.load(framesFile(2));
    await waitUntil(() => el.shown.length === 1, 'frame 0');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.frames.frames).to.have.length(2);
    expect(el.shown).to.deep.equal([0]);
  });
});
