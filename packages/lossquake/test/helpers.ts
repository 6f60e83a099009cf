// Opens the fixture pages of test/pages/ in iframes (same origin, so tests can look inside) and reads
// what their probe.js recorded: errors, warnings, live timers, observers and contexts.
import type { BatchSampler } from '@lossquake/batch-sampler';
import type { LossContour } from '@lossquake/loss-contour';
import type { LossSurface } from '@lossquake/loss-surface';

export const PAGES = '/packages/lossquake/test/pages/';
export const BUNDLE = '/packages/lossquake/dist/lossquake.js';
export const TAGS = ['batch-sampler', 'loss-contour', 'loss-surface'] as const;

export interface Probe {
  errors: string[];
  rejections: string[];
  warnings: string[];
  consoleErrors: string[];
  violations: string[];
  timeouts: Set<number>;
  intervals: Set<number>;
  frames: Set<number>;
  contexts: WebGLRenderingContext[];
  liveObservers(): Record<'ResizeObserver' | 'IntersectionObserver' | 'MutationObserver', number>;
  liveContexts(): number;
}

/**
 * The page's instance of the bundle: its exports (BatchSampler, LossSurface, …), plus the surface's
 * shared WebGL context as the page sees it (its test hooks, read through the bundle).
 */
export interface Bundle {
  [name: string]: unknown;
  activeFrameLoops(): number;
  registeredSurfaces(): number;
  createdContexts(): number;
  /** Contexts the surfaces hold now (0 or 1). */
  liveContexts(): number;
  sharedStatus(): 'ready' | 'lost' | 'unavailable';
}

/** <loss-surface>'s test hooks: a registered symbol, so the bundle in any frame answers to it. */
const SURFACE_HOOKS = Symbol.for('lossquake.loss-surface.testing');

interface ContextHooks {
  activeFrameLoops: number;
  registeredSurfaces: number;
  createdContexts: number;
  liveContexts: number;
  status: 'ready' | 'lost' | 'unavailable';
}

/** Frames a <loss-surface> has drawn (from its test hooks). */
export function framesDrawn(surface: Element): number {
  return (surface as unknown as Record<symbol, { framesDrawn: number }>)[SURFACE_HOOKS]!
    .framesDrawn;
}

export interface PageWindow extends Window {
  __probe: Probe;
  [key: string]: unknown;
}

export interface Page {
  frame: HTMLIFrameElement;
  win: PageWindow;
  doc: Document;
  probe: Probe;
  /** Creates an element in the page (not yet attached). */
  create<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attributes?: Record<string, string>,
  ): HTMLElementTagNameMap[K];
  /** The page's own instance of the bundle's exports (the module the page loaded). */
  bundle(): Promise<Bundle>;
}

const opened: HTMLIFrameElement[] = [];

/** Opens test/pages/`name` in an iframe of the given size and waits until the elements are defined. */
export async function openPage(
  name: string,
  { width = 640, height = 480, defined = true } = {},
): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:${height}px;border:0;display:block`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = PAGES + name;
  document.body.append(frame);
  opened.push(frame);
  await loaded;
  const win = frame.contentWindow as PageWindow;
  if (defined) {
    await Promise.race([
      Promise.all(TAGS.map((tag) => win.customElements.whenDefined(tag))),
      delay(10000).then(() => {
        throw new Error(`${name}: the elements were not defined within 10 s`);
      }),
    ]);
  }
  const doc = frame.contentDocument!;
  return {
    frame,
    win,
    doc,
    probe: win.__probe,
    create: (tag, attributes = {}) => {
      const element = doc.createElement(tag);
      for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
      return element;
    },
    // pages/expose.js hands over the page's module instance: the one its tags come from.
    bundle: async () => {
      const module = await waitFor(
        () => win.__lossquake as { LossSurface: Record<symbol, ContextHooks> },
        'window.__lossquake',
      );
      const shared = () => module.LossSurface[SURFACE_HOOKS]!;
      return {
        ...module,
        activeFrameLoops: () => shared().activeFrameLoops,
        registeredSurfaces: () => shared().registeredSurfaces,
        createdContexts: () => shared().createdContexts,
        liveContexts: () => shared().liveContexts,
        sharedStatus: () => shared().status,
      };
    },
  };
}

export function closePages(): void {
  for (const frame of opened.splice(0)) frame.remove();
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `condition` every 20 ms until it is truthy; throws with `what` after `timeout` ms. */
export async function waitFor<T>(condition: () => T, what: string, timeout = 8000): Promise<T> {
  const end = performance.now() + timeout;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await delay(20);
  }
}

/** Waits for `count` animation frames of `win`. */
export async function frames(win: Window, count = 2): Promise<void> {
  for (let i = 0; i < count; i++)
    await new Promise((resolve) => win.requestAnimationFrame(resolve));
}

/** Pixels of a view's canvas with any opacity. */
export function paintedPixels(canvas: HTMLCanvasElement | null | undefined): number {
  if (!canvas || !canvas.width || !canvas.height) return 0;
  // Read a copy: a surface's canvas shows handed-over frames (a 'bitmaprenderer' context).
  const copy = new OffscreenCanvas(canvas.width, canvas.height).getContext('2d', {
    willReadFrequently: true,
  })!;
  copy.drawImage(canvas, 0, 0);
  const data = copy.getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
  return painted;
}

export function canvasOf(element: Element): HTMLCanvasElement | null {
  return element.shadowRoot?.querySelector('canvas') ?? null;
}

/** Every element under `root`, through open shadow roots. */
export function deepElements(root: Document | ShadowRoot | Element): Element[] {
  const found: Element[] = [];
  const visit = (node: Document | ShadowRoot | Element) => {
    for (const element of Array.from(node.querySelectorAll('*'))) {
      found.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  return found;
}

/** The in-place message of an element (error or status), or ''. */
export function messageOf(element: Element): string {
  const node = element.shadowRoot?.querySelector('[part~="error"], [part~="message"]');
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Waits for the element's `error` event, returning its message. */
export function nextError(element: Element, timeout = 8000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no error event from <${element.localName}>`)),
      timeout,
    );
    element.addEventListener(
      'error',
      (event) => {
        clearTimeout(timer);
        resolve((event as CustomEvent<{ message: string }>).detail?.message ?? '');
      },
      { once: true },
    );
  });
}

export type { BatchSampler, LossContour, LossSurface };
