// Many GL users on one page: the page's own WebGL canvases keep their contexts when surfaces arrive,
// and 30 surfaces share one context instead of exhausting the browser's (about 16) and losing the oldest.
import { expect } from '@open-wc/testing';
import {
  canvasOf,
  closePages,
  delay,
  frames,
  messageOf,
  openPage,
  paintedPixels,
  waitFor,
  type Page,
} from './helpers.js';

/** The page's own WebGL canvases, each cleared to its own colour, kept readable. */
function ownCanvases(page: Page, count: number): WebGLRenderingContext[] {
  const contexts: WebGLRenderingContext[] = [];
  for (let i = 0; i < count; i++) {
    const canvas = page.doc.createElement('canvas');
    canvas.width = canvas.height = 8;
    page.doc.body.append(canvas);
    const gl = canvas.getContext('webgl', { preserveDrawingBuffer: true })!;
    gl.clearColor(i / count, 0.5, 1 - i / count, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    contexts.push(gl);
  }
  return contexts;
}

async function addSurfaces(page: Page, count: number): Promise<HTMLElement[]> {
  const surfaces: HTMLElement[] = [];
  for (let i = 0; i < count; i++) {
    const surface = page.create('loss-surface', { for: 's', transition: '0' });
    surface.style.cssText = 'display:inline-block;width:56px;height:48px';
    page.doc.body.append(surface);
    surfaces.push(surface);
  }
  await waitFor(
    () => surfaces.every((s) => paintedPixels(canvasOf(s)) > 50),
    `${count} surfaces drawn`,
    30000,
  );
  return surfaces;
}

describe('WebGL contexts on a busy page', () => {
  afterEach(closePages);

  let page: Page;
  const lost: string[] = [];
  beforeEach(async () => {
    page = await openPage('blank.html', { width: 700, height: 500 });
    const sampler = page.create('batch-sampler', { id: 's', samples: '100', resolution: '12' });
    page.doc.body.append(sampler);
    lost.length = 0;
    page.doc.addEventListener(
      'webglcontextlost',
      (e) => lost.push((e.target as Element).localName),
      true,
    );
  });

  it("adding 10 surfaces to a page with 12 WebGL canvases of its own loses none of the page's", async () => {
    const own = ownCanvases(page, 12);
    await addSurfaces(page, 10);
    await frames(page.win, 3);
    expect(own.map((gl) => gl.isContextLost())).to.deep.equal(own.map(() => false));
    // Their pictures are still there.
    const pixel = new Uint8Array(4);
    const fourth = own[3]!;
    fourth.readPixels(0, 0, 1, 1, fourth.RGBA, fourth.UNSIGNED_BYTE, pixel);
    expect(pixel[1]).to.be.closeTo(128, 2);
    expect(lost).to.deep.equal([]);
    // The surfaces added one context between them.
    expect(page.probe.liveContexts()).to.equal(13);
    expect(page.probe.errors).to.deep.equal([]);
  });

  it('30 surfaces on one page all draw, and no context is lost', async () => {
    const surfaces = await addSurfaces(page, 30);
    await delay(300);
    expect(lost).to.deep.equal([]);
    expect(surfaces.map(messageOf).filter(Boolean)).to.deep.equal([]);
    expect(page.probe.liveContexts()).to.equal(1);
    const bundle = await page.bundle();
    expect(bundle.registeredSurfaces()).to.equal(30);
    expect(bundle.sharedStatus()).to.equal('ready');
    expect(page.probe.errors).to.deep.equal([]);
  });
});
