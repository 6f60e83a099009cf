// Helpers for the docs' end-to-end tests: open a built page in an iframe, read what its console said,
// bring a view on screen and wait until its canvas shows a drawing.
import { sendMouse } from '@web/test-runner-commands';

export interface ConsoleEntry {
  level: string;
  text: string;
}

export interface DocsWindow extends Window {
  __docsConsole?: ConsoleEntry[];
}

export interface OpenPage {
  frame: HTMLIFrameElement;
  window: DocsWindow;
  document: Document;
  close(): void;
}

export const DIST = '/apps/docs/dist/';

/** Loads a built page in an iframe and waits for the lossquake elements to be defined. */
export async function openPage(
  page: string,
  { width = 1000, height = 760 } = {},
): Promise<OpenPage> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:${height}px;border:0;display:block`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = DIST + page;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as DocsWindow;
  const tags = ['batch-sampler', 'loss-surface', 'loss-contour'];
  await Promise.race([
    Promise.all(tags.map((tag) => win.customElements.whenDefined(tag))),
    delay(15000).then(() => {
      throw new Error(`${page}: lossquake elements were not defined within 15 s`);
    }),
  ]);
  return { frame, window: win, document: frame.contentDocument!, close: () => frame.remove() };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns a truthy value or `timeout` ms pass; returns the last value. */
export async function until<T>(check: () => T, timeout = 8000, every = 100): Promise<T> {
  const end = performance.now() + timeout;
  let value = check();
  while (!value && performance.now() < end) {
    await delay(every);
    value = check();
  }
  return value;
}

/** Console warnings, errors, uncaught errors and failed loads the page has logged so far. */
export function problems(page: OpenPage): ConsoleEntry[] {
  return [...(page.window.__docsConsole ?? [])];
}

export interface CanvasLook {
  /** Distinct colours among sampled pixels (quantised to 32 levels per channel). */
  colours: number;
  /** Share of sampled pixels that differ from the top-left pixel. */
  drawn: number;
}

/** Samples a view's canvas on a 48×48 lattice: how many colours and how much differs from the corner. */
export function look(canvas: HTMLCanvasElement | null | undefined): CanvasLook {
  if (!canvas || canvas.width < 2 || canvas.height < 2) return { colours: 0, drawn: 0 };
  // Read a copy: a surface's canvas shows handed-over frames (a 'bitmaprenderer' context), not a 2-D one.
  const context = new OffscreenCanvas(canvas.width, canvas.height).getContext('2d', {
    willReadFrequently: true,
  });
  if (!context) return { colours: 0, drawn: 0 };
  context.drawImage(canvas, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  const colours = new Set<number>();
  let differs = 0;
  let samples = 0;
  const corner = [data[0]!, data[1]!, data[2]!, data[3]!] as const;
  for (let sy = 0; sy < 48; sy++) {
    for (let sx = 0; sx < 48; sx++) {
      const x = Math.floor(((sx + 0.5) / 48) * width);
      const y = Math.floor(((sy + 0.5) / 48) * height);
      const k = 4 * (y * width + x);
      const [r, g, b, a] = [data[k]!, data[k + 1]!, data[k + 2]!, data[k + 3]!];
      colours.add(((r >> 3) << 15) | ((g >> 3) << 10) | ((b >> 3) << 5) | (a >> 3));
      if (
        Math.abs(r - corner[0]) +
          Math.abs(g - corner[1]) +
          Math.abs(b - corner[2]) +
          Math.abs(a - corner[3]) >
        12
      )
        differs++;
      samples++;
    }
  }
  return { colours: colours.size, drawn: differs / samples };
}

/** The canvas a view shows its frames in, in its shadow root. */
export function viewCanvas(view: Element): HTMLCanvasElement | null {
  return view.shadowRoot?.querySelector('canvas') ?? null;
}

/** What counts as drawn: a surface covers part of its box in several shades; contours show bands. */
export function isDrawn(view: Element): boolean {
  const seen = look(viewCanvas(view));
  return view.localName === 'loss-surface'
    ? seen.drawn > 0.05 && seen.colours >= 4
    : seen.colours >= 3;
}

/** Scrolls a view into the iframe's viewport (views pause drawing off-screen) and waits for a drawing. */
export async function drawnOnScreen(view: Element, timeout = 8000): Promise<boolean> {
  view.scrollIntoView({ block: 'center' });
  return until(() => isDrawn(view), timeout);
}

/** Waits for `count` animation frames of `win`. */
export async function frames(win: Window, count = 2): Promise<void> {
  for (let i = 0; i < count; i++)
    await new Promise((resolve) => win.requestAnimationFrame(resolve));
}

/**
 * Clicks an element inside the page's iframe with the real mouse, at its centre, once it has stopped
 * moving: views that come on screen with the scroll may still lay out and shift what is below them.
 */
export async function click(page: OpenPage, element: Element): Promise<void> {
  const where = () => {
    const box = element.getBoundingClientRect();
    return `${box.x},${box.y},${box.width},${box.height}`;
  };
  const end = performance.now() + 5000;
  let scrolled: string;
  do {
    element.scrollIntoView({ block: 'center' });
    scrolled = where();
    await frames(page.window, 2);
  } while (where() !== scrolled && performance.now() < end);
  const inner = element.getBoundingClientRect();
  const outer = page.frame.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [
      Math.round(outer.x + inner.x + inner.width / 2),
      Math.round(outer.y + inner.y + inner.height / 2),
    ],
  });
}
