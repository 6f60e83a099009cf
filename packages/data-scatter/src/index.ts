// @lossquake/data-scatter: the <data-scatter> element (registered on import).
export { DataScatter } from './data-scatter.js';
