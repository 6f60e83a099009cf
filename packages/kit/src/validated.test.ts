import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { numberType, enumType } from './attributes.js';
import { validated } from './validated.js';
import { warnings } from './test-helpers/warnings.js';

class ValidatedProbe extends LitElement {
  @validated(numberType({ min: 2, max: 50, integer: true })) levels = 10;
  @validated(enumType(['a', 'b'] as const), { attribute: 'the-mode', reflect: true }) mode:
    'a' | 'b' = 'a';
  changes: [string, unknown][] = [];
  validatedChanged(name: string, old: unknown): void {
    this.changes.push([name, old]);
  }
}
customElements.define('validated-probe', ValidatedProbe);

describe('@validated', () => {
  it('starts at the initialiser and reads a good attribute', async () => {
    const probe = await fixture<ValidatedProbe>(html`<validated-probe></validated-probe>`);
    expect(probe.levels).to.equal(10);
    probe.setAttribute('levels', '20');
    expect(probe.levels).to.equal(20);
    expect(probe.changes).to.deep.equal([['levels', 10]]);
  });

  it('keeps the last good value after a bad one, and warns once naming all four parts', async () => {
    const probe = await fixture<ValidatedProbe>(html`<validated-probe id="p"></validated-probe>`);
    probe.levels = 12;
    const seen = warnings(() => {
      probe.setAttribute('levels', 'many');
      probe.setAttribute('levels', 'x');
      probe.setAttribute('levels', 'many');
    });
    expect(probe.levels).to.equal(12);
    expect(seen).to.have.length(2);
    expect(seen[0]).to.contain('<validated-probe id="p">').and.contain('levels="many"');
    expect(seen[0]).to.contain('an integer from 2 to 50').and.contain('keeping 12');
  });

  it('clamps out-of-range numbers with a warning, and removing the attribute restores the default', async () => {
    const probe = await fixture<ValidatedProbe>(
      html`<validated-probe levels="30"></validated-probe>`,
    );
    expect(probe.levels).to.equal(30);
    const seen = warnings(() => (probe.levels = 99));
    expect(probe.levels).to.equal(50);
    expect(seen[0]).to.contain('using 50');
    probe.removeAttribute('levels');
    expect(probe.levels).to.equal(10);
  });

  it('uses the attribute name it is given, reflects, and requests an update', async () => {
    const probe = await fixture<ValidatedProbe>(
      html`<validated-probe the-mode="b"></validated-probe>`,
    );
    expect(probe.mode).to.equal('b');
    probe.mode = 'a';
    await probe.updateComplete;
    expect(probe.getAttribute('the-mode')).to.equal('a');
    warnings(() => (probe.mode = 'c' as 'a'));
    expect(probe.mode).to.equal('a');
  });

  it('does not report a change when the same value is set again', async () => {
    const probe = await fixture<ValidatedProbe>(html`<validated-probe></validated-probe>`);
    probe.levels = 10;
    probe.setAttribute('levels', '10');
    expect(probe.changes).to.deep.equal([]);
  });
});
