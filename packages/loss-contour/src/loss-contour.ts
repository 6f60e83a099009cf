// Registers <loss-contour> (once, even when two copies of lossquake load).
import { define } from '@lossquake/kit';
import { LossContour } from './loss-contour.component.js';

define('loss-contour', LossContour);

declare global {
  interface HTMLElementTagNameMap {
    'loss-contour': LossContour;
  }
}

export { LossContour };
