// Registers <data-scatter> (once, even when two copies of lossquake load).
import { define } from '@lossquake/kit';
import { DataScatter } from './data-scatter.component.js';

define('data-scatter', DataScatter);

declare global {
  interface HTMLElementTagNameMap {
    'data-scatter': DataScatter;
  }
}

export { DataScatter };
