import { expect } from '@open-wc/testing';
import type { AxisLabel } from './axes.js';
import { identity, type CameraMatrices } from './camera.js';
import { placeLabels } from './labels.js';

// An identity camera on a 200 × 200 frame: a label at (x, y) lands at pixel (100(1 + x), 100(1 − y)).
const camera: CameraMatrices = {
  view: identity(),
  projection: identity(),
  viewProjection: identity(),
  eye: [0, 0, 1],
};
const at = (px: number, py: number, text: string, axis: AxisLabel['axis']): AxisLabel => ({
  text,
  position: [px / 100 - 1, 1 - py / 100, 0],
  kind: 'tick',
  axis,
});
const placed = (labels: AxisLabel[]) =>
  placeLabels(labels, camera, 200, 200, 10).map((label) => label.text);

describe('placeLabels', () => {
  it('keeps two ticks of one axis that nearly touch; drops another axis’s tick as close', () => {
    // "20" and "10", 10 px font: boxes 15.4 px wide, 13 px high. Their centres 15 px apart leave a
    // gap of about 2 px between the boxes: no overlap.
    expect(placed([at(100, 100, '20', 'w2'), at(100, 115, '10', 'w2')])).to.deep.equal([
      '20',
      '10',
    ]);
    // The same two from different axes would read as one axis's values: the second goes.
    expect(placed([at(100, 100, '20', 'w2'), at(100, 115, '10', 'loss')])).to.deep.equal(['20']);
    // 7 px apart, beyond the 6 px (0.6 em) kept between axes: both stay.
    expect(placed([at(100, 100, '20', 'w2'), at(100, 120, '10', 'loss')])).to.deep.equal([
      '20',
      '10',
    ]);
  });

  it('drops overlapping labels whatever their axis', () => {
    expect(placed([at(100, 100, '20', 'w1'), at(104, 103, '10', 'w1')])).to.deep.equal(['20']);
  });
});

describe('placeLabels thinning', () => {
  it('keeps the round ticks of a crowded axis: 20, 10, 0, −10, −20 rather than 15, 5, −5, −15', () => {
    // Nine ticks 12 px apart on one axis: every other one must go (boxes are 13 px high).
    const values = [-20, -15, -10, -5, 0, 5, 10, 15, 20];
    const labels = values.map((v, k) => at(100, 40 + 12 * k, String(v).replace('-', '−'), 'w2'));
    expect(placed(labels)).to.deep.equal(['−20', '−10', '0', '10', '20']);
    // Another axis's title where −20 would go: the round ones still stay (placed in axis order, the
    // first tick's loss left 15, 5, −5, −15).
    const title: AxisLabel = { ...at(100, 28, 'Loss', 'loss'), kind: 'title' };
    expect(placed([...labels, title])).to.deep.equal(['−10', '0', '10', '20', 'Loss']);
  });
});
