// Runs before the bundle (a classic script before a module): a CMS or framework sets properties on
// the not-yet-defined elements, as it would when lossquake loads late.
const sampler = document.getElementById('s');
sampler.batchSize = 20;
sampler.rate = 5;
sampler.weights = [3, -4];
const contour = document.getElementById('c');
contour.colormap = 'magma';
contour.showPath = false;
const surface = document.getElementById('f');
surface.elevation = 45;
surface.zoom = 2;
