// Loads dist/lossquake.js from another origin (web-test-runner.config.mjs serves dist/ there with
// CORS, as a CDN does), and records the workers it starts and whether they answer.
window.__workers = [];
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(url, options) {
    super(url, options);
    const record = { url: String(url), answered: false };
    window.__workers.push(record);
    this.addEventListener('message', () => (record.answered = true));
  }
};
const { origin } = await (await fetch('/__lossquake__/cdn')).json();
window.__cdn = origin;
window.__lossquake = await import(`${origin}/lossquake.js`);
