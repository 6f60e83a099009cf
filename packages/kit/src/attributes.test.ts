// The attribute types at their edges: values that parse as numbers but break the maths behind them.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { extentType, type Extent } from './attributes.js';
import { validated } from './validated.js';
import { warnings } from './test-helpers/warnings.js';

class ExtentProbe extends LitElement {
  @validated(extentType()) extent: Extent = [-20, 20, -20, 20];
}
customElements.define('extent-probe', ExtentProbe);

describe('extentType()', () => {
  it('refuses a window whose span overflows, keeping the last good one with one warning', async () => {
    const probe = await fixture<ExtentProbe>(html`<extent-probe id="e"></extent-probe>`);
    probe.setAttribute('extent', '-5 5 -4 4');
    const seen = warnings(() => {
      probe.setAttribute('extent', '-1e308 1e308 -1 1');
      probe.setAttribute('extent', '-1e308 1e308 -1 1');
    });
    expect(probe.extent).to.deep.equal([-5, 5, -4, 4]);
    expect(seen).to.have.length(1);
    expect(seen[0]).to.contain('<extent-probe id="e">').and.contain('extent="-1e308 1e308 -1 1"');
    expect(seen[0]).to.contain('from -1e30 to 1e30').and.contain('keeping [-5, 5, -4, 4]');
  });

  it('refuses weights beyond ±1e30 and non-finite ones, and takes the widest allowed window', async () => {
    const probe = await fixture<ExtentProbe>(html`<extent-probe></extent-probe>`);
    const seen = warnings(() => {
      probe.setAttribute('extent', '-1 1 -1e31 0');
      probe.setAttribute('extent', '-Infinity 1 -1 1');
      probe.setAttribute('extent', '0 NaN -1 1');
    });
    expect(probe.extent).to.deep.equal([-20, 20, -20, 20]);
    expect(seen).to.have.length(3);
    probe.setAttribute('extent', '-1e30 1e30 -1e30 1e30');
    expect(probe.extent).to.deep.equal([-1e30, 1e30, -1e30, 1e30]);
  });
});
