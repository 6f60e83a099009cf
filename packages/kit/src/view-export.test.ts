import { expect } from '@open-wc/testing';
import { downloadFrame, frameBlob, viewToHTML } from './view-export.js';

/** A view that has drawn (or not): captureFrame gives a 4×3 canvas filled red, or null. */
function view(drawn: boolean): HTMLElement & { captureFrame(): Promise<HTMLCanvasElement | null> } {
  const el = document.createElement('my-view') as HTMLElement & {
    captureFrame(): Promise<HTMLCanvasElement | null>;
  };
  el.captureFrame = () => {
    if (!drawn) return Promise.resolve(null);
    const canvas = document.createElement('canvas');
    canvas.width = 4;
    canvas.height = 3;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = 'red';
    ctx.fillRect(0, 0, 4, 3);
    return Promise.resolve(canvas);
  };
  return el;
}

async function pixel(blob: Blob): Promise<number[]> {
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  return [bitmap.width, bitmap.height, ...ctx.getImageData(1, 1, 1, 1).data];
}

describe('view export (kit)', () => {
  it('frameBlob encodes the frame as asked, and rejects naming the view before its first frame', async () => {
    const png = await frameBlob(view(true));
    expect(png.type).to.equal('image/png');
    const [w, h, r, g, b] = await pixel(png);
    expect([w, h, r, g, b]).to.deep.equal([4, 3, 255, 0, 0]);
    expect((await frameBlob(view(true), 'image/jpeg')).type).to.equal('image/jpeg');
    const failure = await frameBlob(view(false)).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).to.equal('<my-view> has not drawn a frame yet');
  });

  it('downloadFrame saves a JPEG for a .jpg or .jpeg name, else a PNG', async () => {
    const saved: { name: string; type: string }[] = [];
    // The real click starts a download; it is put back as it was after the test.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, type: '' });
      void fetch(this.href)
        .then((r) => r.blob())
        .then((blob) => (saved.find((s) => s.name === this.download)!.type = blob.type));
    };
    try {
      await downloadFrame(view(true), 'a.jpeg');
      await downloadFrame(view(true), 'b.JPG');
      await downloadFrame(view(true), 'c.png');
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(saved).to.deep.equal([
      { name: 'a.jpeg', type: 'image/jpeg' },
      { name: 'b.JPG', type: 'image/jpeg' },
      { name: 'c.png', type: 'image/png' },
    ]);
  });

  it('viewToHTML leaves out what the view set on itself and writes the current values over', () => {
    const el = view(true);
    el.setAttribute('levels', '7');
    el.setAttribute('role', 'img');
    el.setAttribute('tabindex', '0');
    el.setAttribute('aria-label', 'Loss, batch 3');
    el.setAttribute('azimuth', '10');
    expect(viewToHTML(el, true, [['azimuth', '42.5']])).to.equal(
      '<my-view levels="7" azimuth="42.5"></my-view>',
    );
    // An author's label stays.
    expect(viewToHTML(el, false)).to.equal(
      '<my-view levels="7" aria-label="Loss, batch 3" azimuth="10"></my-view>',
    );
  });
});
