// The surface as a picture: the frame with its tick labels and titles composed into a new canvas at
// device resolution, on the themed background (white when none is set), for toBlob(), download() and
// a sampler's record(); and the markup that reopens the same view.
import type { CameraState } from './camera.js';
import type { PlacedLabel } from './labels.js';

/**
 * Draws `frame` (the surface's canvas, just drawn) and `labels` (CSS pixels) into a new canvas, in
 * the fonts and colour `host` computes; `cssWidth` is the frame's width in CSS pixels.
 */
export function composeFrame(
  host: Element,
  frame: HTMLCanvasElement,
  labels: readonly PlacedLabel[],
  cssWidth: number,
): HTMLCanvasElement | null {
  const out = document.createElement('canvas');
  out.width = frame.width;
  out.height = frame.height;
  const context = out.getContext('2d');
  if (!context) return null;
  const style = getComputedStyle(host);
  const ratio = frame.width / Math.max(1, cssWidth);
  const background = style.getPropertyValue('--lossquake-surface-background').trim();
  context.fillStyle = background || '#fff';
  context.fillRect(0, 0, out.width, out.height);
  context.drawImage(frame, 0, 0);
  context.fillStyle = style.color;
  // The labels' font is set on their layer, not the host (a page rule can reach the host).
  const labelLayer = host.shadowRoot?.querySelector('.labels');
  const font = labelLayer ? getComputedStyle(labelLayer) : style;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  // Ticks in the host's font size, titles 1.15 times larger (as .labels .title), rounded as on screen.
  const tickSize = parseFloat(font.fontSize) || 11;
  const titleSize = Math.round(tickSize * 1.15);
  for (const label of labels) {
    context.font =
      label.kind === 'title'
        ? `italic ${titleSize * ratio}px ${font.fontFamily}`
        : `${tickSize * ratio}px ${font.fontFamily}`;
    context.fillText(label.text, label.x * ratio, label.y * ratio);
  }
  return out;
}

/** Encodes a canvas; rejects rather than giving null, so a caller never saves an empty file. */
/** The camera where the reader left it, as the attributes that restore it (toHTML writes them). */
export function cameraAttributes(camera: CameraState): [string, string][] {
  const attributes: [string, string][] = [
    ['azimuth', String(Math.round(camera.azimuth * 10) / 10)],
    ['elevation', String(Math.round(camera.elevation * 10) / 10)],
  ];
  if (camera.zoom !== 1) attributes.push(['zoom', String(Math.round(camera.zoom * 100) / 100)]);
  return attributes;
}
