// The script of csp-page.html: one surface showing the bowl, drawn under the page's strict policy.
// It registers the code generated ahead of time (../strict-csp.ts) first, as a page that opts in does;
// `?miss`: never, as a page that did not opt in (or a command changed without regenerating);
// `?late`: only once the surface has met the policy and said why it cannot draw.
// Errors that reach the window are kept in window.__errors, the surface's error events in
// window.__refusals, for the test.
import '../loss-surface.js';
import { bowl } from './landscapes.js';

const errors: string[] = [];
const refusals: string[] = [];
Object.assign(window, { __errors: errors, __refusals: refusals });
addEventListener('error', (event) => errors.push(String(event.message)));
addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));

const query = new URLSearchParams(location.search);
if (!query.has('miss') && !query.has('late')) await import('../strict-csp.js');

const surface = document.createElement('loss-surface');
// The surface says why it cannot draw while it connects: listen before it does.
if (query.has('late')) {
  surface.addEventListener(
    'error',
    (event) => {
      refusals.push((event as unknown as CustomEvent<{ message: string }>).detail.message);
      void import('../strict-csp.js');
    },
    { once: true },
  );
}
surface.setAttribute('transition', '0');
surface.style.cssText = 'width:160px;height:120px;max-width:none;aspect-ratio:auto';
surface.landscape = bowl(16);
document.body.append(surface);
