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
  await new Promise((resolve) => setTimeout(resolve, 800));
  const canvas = contour.shadowRoot.querySelector('canvas');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) report.contourPixels++;
  const message = surface.shadowRoot.querySelector('[part="message"]');
  const surfaceCanvas = surface.shadowRoot.querySelector('canvas');
  const surfaceData = surfaceCanvas
    .getContext('2d')
    .getImageData(0, 0, surfaceCanvas.width, surfaceCanvas.height).data;
  let drawn = 0;
  for (let i = 3; i < surfaceData.length; i += 4) if (surfaceData[i] > 0) drawn++;
  report.surface = message ? `message: ${message.textContent.trim()}` : `drew ${drawn} pixels`;
  report.surfacePixels = drawn;
  report.iteration = sampler.iteration;
  report.ok = true;
} catch (error) {
  report.errors.push(String(error?.stack ?? error));
}
parent.postMessage({ lossquakeSandbox: report }, '*');
