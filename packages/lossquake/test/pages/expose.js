// Hands the page's own instance of the bundle (the module its tags come from) to the tests, without
// eval (the strict-CSP page forbids it): window.__lossquake.
import * as lossquake from '/packages/lossquake/dist/lossquake.js';

window.__lossquake = lossquake;
