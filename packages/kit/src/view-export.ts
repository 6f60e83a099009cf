// What every view's export does alike: its frame as an image (toBlob, download) and its markup to
// paste elsewhere (toHTML), which leaves out the attributes the element set on itself.
import { elementToHTML } from './markup.js';
import { saveBlob } from './save-blob.js';

/**
 * What a view sets on itself where the author did not (its role, focusability): left out, so the
 * snippet reads as the author wrote it; the pasted view sets them again.
 */
const SET_BY_VIEW = ['role', 'tabindex'];

/**
 * The view as an HTML snippet: its attributes (not its data), without those it set itself — its
 * aria-label too where it wrote the label (`ownsLabel`) — and with `current` ones (a camera where the
 * reader left it) written over.
 */
export function viewToHTML(
  view: Element,
  ownsLabel: boolean,
  current: Iterable<readonly [string, string]> = [],
): string {
  const own = ownsLabel ? [...SET_BY_VIEW, 'aria-label'] : SET_BY_VIEW;
  const attributes = new Map<string, string>();
  for (const { name, value } of view.attributes)
    if (!own.includes(name)) attributes.set(name, value);
  for (const [name, value] of current) attributes.set(name, value);
  return elementToHTML(view.localName, attributes);
}

/** A canvas encoded as `type` (PNG by default). */
export function encodeCanvas(canvas: HTMLCanvasElement, type = 'image/png'): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob ? resolve(blob) : reject(new Error(`the frame could not be encoded as ${type}`)),
      type,
    ),
  );
}

interface Capturing extends Element {
  captureFrame(): Promise<HTMLCanvasElement | null>;
}

/** The view's frame as it shows now, encoded as `type`; rejects before its first frame. */
export async function frameBlob(view: Capturing, type = 'image/png'): Promise<Blob> {
  const canvas = await view.captureFrame();
  if (!canvas) throw new Error(`<${view.localName}> has not drawn a frame yet`);
  return encodeCanvas(canvas, type);
}

/** Saves the view's frame as a file: JPEG where the name ends in .jpg or .jpeg, else PNG. */
export async function downloadFrame(view: Capturing, filename: string): Promise<void> {
  const jpeg = /\.jpe?g$/i.test(filename);
  saveBlob(await frameBlob(view, jpeg ? 'image/jpeg' : 'image/png'), filename);
}
