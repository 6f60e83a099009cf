// Registers <loss-surface> once and types it for document.createElement and querySelector.
import { define } from '@lossquake/kit';
import { LossSurface } from './loss-surface.component.js';

define('loss-surface', LossSurface);

declare global {
  interface HTMLElementTagNameMap {
    'loss-surface': LossSurface;
  }
}

export { LossSurface };
