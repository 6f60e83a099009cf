// Runs inside <iframe sandbox="allow-scripts">: an opaque origin, no storage, no access to the parent.
// Loads the bundle, takes two steps and posts what it saw to the parent.
const report = { ok: false, errors: [], steps: 0, contourPixels: 0, surface: '', storage: '' };
window.addEventListener('error', (event) => report.errors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => report.errors.push(String(event.reason)));
try {
  void localStorage.length;
  report.storage = 'available';
} catch (error) {
  report.storage = `blocked: ${error.name}`;
}
try {
  await import('/packages/lossquake/dist/lossquake.js');
  const sampler = document.getElementById('s');
  const contour = document.querySelector('loss-contour');
  const surface = document.querySelector('loss-surface');
  sampler.addEventListener('weights-change', () => report.steps++);
  await customElements.whenDefined('loss-contour');
  await sampler.step();
  await sampler.step();
  // The views draw on their own frames: wait until both have (or the surface says why not), for up
  // to 20 s (the test waits 30 s), rather than a fixed time a slow machine may not keep.
  const painted = (canvas) => {
    if (!canvas || !canvas.width || !canvas.height) return 0;
    // Read a copy: the surface's canvas shows handed-over frames (no 2-D context to read).
    const copy = new OffscreenCanvas(canvas.width, canvas.height).getContext('2d');
    copy.drawImage(canvas, 0, 0);
    const data = copy.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
    return count;
  };
  const message = () => surface.shadowRoot.querySelector('[part="message"]');
  const contourCanvas = () => contour.shadowRoot.querySelector('canvas');
  const surfaceCanvas = () => surface.shadowRoot.querySelector('canvas');
  const end = performance.now() + 20000;
  while (
    performance.now() < end &&
    !(painted(contourCanvas()) > 1000 && (message() || painted(surfaceCanvas()) > 500))
  ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  report.contourPixels = painted(contourCanvas());
  const drawn = painted(surfaceCanvas());
  report.surface = message() ? `message: ${message().textContent.trim()}` : `drew ${drawn} pixels`;
  report.surfacePixels = drawn;
  report.iteration = sampler.iteration;
  report.ok = true;
} catch (error) {
  report.errors.push(String(error?.stack ?? error));
}
parent.postMessage({ lossquakeSandbox: report }, '*');
