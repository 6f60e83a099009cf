// A page whose CSS resets everything (`* { all: unset }`) and forces canvases wide
// (pages/hostile.css): the elements, unsized, still lay out at a default size and draw.
import { expect } from '@open-wc/testing';
import {
  canvasOf,
  closePages,
  openPage,
  paintedPixels,
  waitFor,
  type BatchSampler,
} from './helpers.js';

describe('a page with hostile CSS', () => {
  afterEach(closePages);

  it('keeps the internals intact and gives unsized elements a sensible default size', async () => {
    const page = await openPage('hostile.html', { width: 640, height: 1400 });
    const { doc, win, probe } = page;
    // The reset really reached the hosts.
    expect(win.getComputedStyle(doc.querySelector('loss-contour')!).display).to.equal('inline');

    const sampler = doc.querySelector('batch-sampler') as BatchSampler;
    await sampler.step();
    for (const tag of ['loss-contour', 'loss-surface']) {
      const view = doc.querySelector(tag)!;
      const canvas = canvasOf(view)!;
      await waitFor(() => paintedPixels(canvas) > 2000, `${tag} pixels`);
      const box = canvas.getBoundingClientRect();
      // 4:3 of the width available (the page's 640 px), not 0 and not the viewport's height.
      expect(box.width, `${tag} canvas width`).to.be.within(150, 640);
      expect(box.height, `${tag} canvas height`).to.be.within(100, 500);
      // Nothing of one view lies over another: the two stack in the page's flow.
      const frame = view.shadowRoot!.querySelector('.frame')!.getBoundingClientRect();
      expect(frame.height, `${tag} frame height`).to.be.closeTo((frame.width * 3) / 4, 2);
    }
    const contour = doc.querySelector('loss-contour')!.shadowRoot!.querySelector('.frame')!;
    const surface = doc.querySelector('loss-surface')!.shadowRoot!.querySelector('.frame')!;
    expect(surface.getBoundingClientRect().top).to.be.at.least(
      contour.getBoundingClientRect().bottom - 1,
    );
    // The sampler's controls keep their own styles: visible buttons in a row.
    const buttons = [...sampler.shadowRoot!.querySelectorAll('button')];
    expect(buttons.length).to.be.at.least(4);
    for (const button of buttons.slice(0, 4)) {
      const rect = button.getBoundingClientRect();
      expect(rect.width, 'button width').to.be.greaterThan(16);
      expect(rect.height, 'button height').to.be.greaterThan(16);
    }
    expect(probe.errors).to.deep.equal([]);
  });
});
