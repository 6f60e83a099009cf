import { expect } from '@open-wc/testing';
import { axesGeometry, lossToBox } from './axes.js';
import { cameraMatrices, project, BOX_HEIGHT } from './camera.js';

const grid = { w1: [-20, 20] as const, w2: [-20, 20] as const, size: 8 };

function at(azimuth: number, elevation: number) {
  const m = cameraMatrices({ azimuth, elevation, zoom: 1 }, 1);
  return axesGeometry(grid, [0, 14], m.eye, (p) => project(m, p, 1, 1)[0]);
}

describe('axesGeometry', () => {
  it('ticks W1 and W2 every 5 from -20 to 20 and Loss every 2 from 0 to 14, as the seed figure does', () => {
    const { labels } = at(-60, 30);
    const ticks = labels.filter((l) => l.kind === 'tick').map((l) => l.text);
    const w = ['−20', '−15', '−10', '−5', '0', '5', '10', '15', '20'];
    expect(ticks).to.deep.equal([...w, ...w, '0', '2', '4', '6', '8', '10', '12', '14']);
    expect(labels.filter((l) => l.kind === 'title').map((l) => l.text)).to.deep.equal([
      'W₁',
      'W₂',
      'Loss',
    ]);
  });

  it('axesGeometry(grid, range, eye, right, ticks) gives a small view fewer ticks', () => {
    const m = cameraMatrices({ azimuth: -60, elevation: 30, zoom: 1 }, 1);
    const { labels } = axesGeometry(grid, [0, 14], m.eye, (p) => project(m, p, 1, 1)[0], {
      weights: 4,
      loss: 3,
    });
    const ticks = labels.filter((l) => l.kind === 'tick').map((l) => l.text);
    const w = ['−20', '−10', '0', '10', '20'];
    expect(ticks).to.deep.equal([...w, ...w, '0', '5', '10']);
  });

  it('at the default view puts the panes at the back (x = -1, y = +1, floor) and Loss on the right edge', () => {
    const { panes, labels } = at(-60, 30);
    expect(panes[2]).to.equal(-BOX_HEIGHT); // floor
    expect(panes[18]).to.equal(-1); // x pane
    expect(panes[37]).to.equal(1); // y pane
    const loss = labels.find((l) => l.text === 'Loss')!;
    // matplotlib's default: the Loss axis stands at the back-right corner (x = +1, y = +1).
    expect(loss.position[0]).to.be.greaterThan(1);
    expect(loss.position[1]).to.be.greaterThan(1);
  });

  it('from below, the pane moves to the ceiling', () => {
    const { panes } = at(-60, -30);
    expect(panes[2]).to.equal(BOX_HEIGHT);
  });

  it('lossToBox(value, range) maps the range onto the box height', () => {
    expect(lossToBox(0, [0, 14])).to.equal(-BOX_HEIGHT);
    expect(lossToBox(14, [0, 14])).to.equal(BOX_HEIGHT);
    expect(lossToBox(7, [0, 14])).to.equal(0);
  });
});
