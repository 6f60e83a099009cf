// expose.js for pages that load dist/lossquake.strict-csp.js: window.__lossquake is that bundle's
// module instance, the one the page's tags come from.
import * as lossquake from '/packages/lossquake/dist/lossquake.strict-csp.js';

window.__lossquake = lossquake;
