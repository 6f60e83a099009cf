// toBlob() and captureFrame(): the bands' canvas and the SVG overlay (axes, legend, marks) composed into one image.
import type { Layout } from './layout.js';

// The SVG is styled by the shadow root's stylesheet, which a serialized copy loses: inline what shows.
const STYLED = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'visibility',
];

function inlineStyles(source: Element, copy: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLED.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(';');
  copy.setAttribute('style', style);
  // The copy is a clone: child k matches child k.
  [...source.children].forEach((child, k) => inlineStyles(child, copy.children[k]!));
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the overlay could not be rendered to an image'));
    image.src = url;
  });
}

/**
 * The frame as the reader sees it, at device resolution: background, the plot's canvases (bands, then
 * the trail), then axes, legend and marks.
 */
export async function composeCanvas(
  host: HTMLElement,
  [bands, ...over]: [HTMLCanvasElement, ...(HTMLCanvasElement | null)[]],
  overlay: SVGSVGElement,
  layout: Layout,
): Promise<HTMLCanvasElement> {
  const ratio = bands.width / Math.max(1, layout.plot.width);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(layout.width * ratio);
  canvas.height = Math.round(layout.height * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2-D canvas available');
  const background = getComputedStyle(host).backgroundColor;
  ctx.fillStyle = background && background !== 'rgba(0, 0, 0, 0)' ? background : '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (const plot of [bands, ...over]) {
    if (plot && plot.width > 0)
      ctx.drawImage(plot, Math.round(layout.plot.x * ratio), Math.round(layout.plot.y * ratio));
  }
  const copy = overlay.cloneNode(true) as SVGSVGElement;
  inlineStyles(overlay, copy);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.querySelectorAll('.hit').forEach((hit) => hit.remove());
  const text = new XMLSerializer().serializeToString(copy);
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** `canvas` encoded as `type` (PNG by default). */
