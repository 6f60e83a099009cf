import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DescriptionController } from './description.js';

class DescribedProbe extends LitElement {
  state = 'first';
  description = new DescriptionController(this, () => `Showing the ${this.state} landscape.`, 100);
}
customElements.define('described-probe', DescribedProbe);

describe('DescriptionController', () => {
  it('gives the host role="img" and an aria-label that follows describe()', async () => {
    const el = await fixture<DescribedProbe>(html`<described-probe></described-probe>`);
    expect(el.getAttribute('role')).to.equal('img');
    el.description.refresh();
    expect(el.getAttribute('aria-label')).to.equal('Showing the first landscape.');
    expect(el.description.ownsLabel).to.equal(true);
    el.state = 'second';
    el.description.refresh();
    // Within the interval the label waits, then catches up once.
    expect(el.getAttribute('aria-label')).to.equal('Showing the first landscape.');
    await waitUntil(() => el.getAttribute('aria-label') === 'Showing the second landscape.');
    expect(el.description.text).to.equal('Showing the second landscape.');
  });

  it('never overwrites an aria-label or a role the author wrote', async () => {
    const el = await fixture<DescribedProbe>(
      html`<described-probe role="figure" aria-label="Loss of the batch"></described-probe>`,
    );
    el.description.refresh();
    expect(el.getAttribute('role')).to.equal('figure');
    expect(el.getAttribute('aria-label')).to.equal('Loss of the batch');
    expect(el.description.ownsLabel).to.equal(false);
    expect(el.description.text).to.equal('Showing the first landscape.');
  });

  it('stops writing once the author replaces its label later', async () => {
    const el = await fixture<DescribedProbe>(html`<described-probe></described-probe>`);
    el.description.refresh();
    el.setAttribute('aria-label', 'My figure');
    el.state = 'second';
    el.description.refresh();
    await waitUntil(() => el.description.text === 'Showing the second landscape.');
    expect(el.getAttribute('aria-label')).to.equal('My figure');
  });
});
