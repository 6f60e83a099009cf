// record(): the linked views playing, composited side by side into one canvas and encoded as WebM.

/** A view that can hand over its current frame as the reader sees it (with axes, labels, legend). */
export interface RecordableView extends Element {
  /** The composed frame at device resolution, or null when nothing is drawn yet. */
  captureFrame?(): Promise<HTMLCanvasElement | null> | HTMLCanvasElement | null;
}

export interface RecordOptions {
  /** Length of the video (default 5, 0.5..60). */
  seconds?: number;
  /** Frames per second (default 30, 1..60). */
  fps?: number;
}

/** How often the encoder hands over what it has written; the video holds its first frame this long. */
const CHUNK_MS = 250;

const webmTypes = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'];

/** The WebM type this browser's MediaRecorder can write, or null when it cannot record. */
export function webmType(): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  return webmTypes.find((type) => MediaRecorder.isTypeSupported(type)) ?? null;
}

// A view's frame: what it composes itself, else its first canvas as it is (without DOM labels).
async function frameOf(
  view: RecordableView,
): Promise<(CanvasImageSource & { width: number; height: number }) | null> {
  try {
    if (typeof view.captureFrame === 'function') return await view.captureFrame();
  } catch {
    return null;
  }
  return view.shadowRoot?.querySelector('canvas') ?? view.querySelector('canvas');
}

const clamp = (value: number, min: number, max: number, fallback: number): number =>
  Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;

/**
 * Records `views` for `seconds`: each tick it asks every view for its frame and draws them left to
 * right (in document order, top-aligned, on white) into one canvas whose stream MediaRecorder
 * encodes. `start` runs once the encoder has started, `stop` when the recording ends.
 */
export async function recordViews(
  views: readonly RecordableView[],
  options: RecordOptions,
  hooks: { start(): void; stop(): void },
): Promise<Blob> {
  const seconds = clamp(Number(options.seconds ?? 5), 0.5, 60, 5);
  const fps = clamp(Number(options.fps ?? 30), 1, 60, 30);
  const type = webmType();
  if (!type) throw new Error('this browser cannot record video (no MediaRecorder for WebM)');
  if (views.length === 0) throw new Error('no linked view to record');

  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2-D canvas available');
  type Frame = CanvasImageSource & { width: number; height: number };
  const capture = async (): Promise<Frame[]> =>
    (await Promise.all(views.map(frameOf))).filter(
      (f): f is Frame => !!f && f.width > 0 && f.height > 0,
    );
  // Frames are painted from timer tasks with the latest captured views, while the next capture
  // (asynchronous for some views) runs: a slow view repeats its frame rather than stalling the video.
  const paint = (frames: readonly Frame[]): void => {
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    let x = 0;
    for (const frame of frames) {
      context.drawImage(frame, x, 0);
      x += frame.width;
    }
  };
  let latest = await capture();
  if (!latest.length) throw new Error('the linked views have nothing drawn yet');
  // The size is fixed by the first frames: an encoder cannot change it mid-stream. Even sizes suit VP8/VP9.
  const width = latest.reduce((sum, f) => sum + f.width, 0);
  const height = Math.max(...latest.map((f) => f.height));
  canvas.width = width + (width % 2);
  canvas.height = height + (height % 2);
  paint(latest);

  const stream = canvas.captureStream(fps);
  const recorder = new MediaRecorder(stream, { mimeType: type });
  const chunks: Blob[] = [];
  let firstChunk: () => void = () => {};
  const encoded = new Promise<void>((resolve) => (firstChunk = resolve));
  recorder.ondataavailable = (event) => {
    if (event.data.size) chunks.push(event.data);
    firstChunk();
  };
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
  let capturing = false;
  const timer = setInterval(() => {
    paint(latest);
    if (capturing) return;
    capturing = true;
    void capture()
      .then((frames) => {
        if (frames.length === latest.length) latest = frames;
      })
      .finally(() => (capturing = false));
  }, 1000 / fps);
  let playing = false;
  try {
    // The encoder may take a while to start (software VP8/VP9): count the seconds from its start.
    const started = new Promise((resolve, reject) => {
      recorder.onstart = resolve;
      recorder.onerror = () => reject(new Error('the video encoder failed'));
    });
    recorder.start(CHUNK_MS);
    await started;
    // Hold the start until the encoder has written its first chunk, so the video opens on the
    // state before playing even when a busy machine starts the encoder late (at most a second).
    let hold = 0;
    await Promise.race([
      encoded,
      new Promise((resolve) => (hold = window.setTimeout(resolve, 1000))),
    ]);
    clearTimeout(hold);
    hooks.start();
    playing = true;
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  } finally {
    clearInterval(timer);
    if (playing) hooks.stop();
    if (recorder.state !== 'inactive') {
      recorder.stop();
      await stopped;
    }
    stream.getTracks().forEach((track) => track.stop());
  }
  return new Blob(chunks, { type: 'video/webm' });
}
