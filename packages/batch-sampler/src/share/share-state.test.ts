// #state= links are anyone's to write: what applyState() refuses, and that a real round trip still restores.
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../batch-sampler.js';
import type { BatchSampler } from '../batch-sampler.js';
import { applyState, encodeState } from './share-state.js';
import { contractAttributes } from './state-attributes.js';
import { once, warnings } from '../test-helpers/events.js';

const FIXTURES = '/packages/batch-sampler/src/test-fixtures';

/** A fragment as an attacker writes it, encoded here without encodeState(). */
function crafted(entries: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(entries));
  const base64 = btoa(String.fromCharCode(...bytes));
  return `#state=${base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

type Entry = { tag: string; attributes: Record<string, string> };

function decoded(fragment: string): Entry[] {
  const base64 = fragment.replace('#state=', '').replace(/-/g, '+').replace(/_/g, '/');
  return <Entry[]>(
    JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))))
  );
}

// The views live in other packages; this page (a test file has its own) stands in for them under
// their real tags, because the allow-list is keyed by those tags. Their toHTML() copies every
// attribute, as the real views' does.
class StandInView extends LitElement {
  toHTML(): string {
    const attributes = [...this.attributes].map((a) => ` ${a.name}="${a.value}"`).join('');
    return `<${this.localName}${attributes}></${this.localName}>`;
  }
}
for (const tag of ['loss-surface', 'loss-contour'])
  if (!customElements.get(tag)) customElements.define(tag, class extends StandInView {});

declare global {
  interface Window {
    pwned?: string;
  }
}

describe('applyState(fragment) from a crafted link', () => {
  afterEach(() => delete window.pwned);

  it('sets no event handler or style, runs no script, and warns once listing what it dropped', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <batch-sampler id="a" samples="200" resolution="8"></batch-sampler>
        <loss-contour for="a"></loss-contour>
      </div>`,
    );
    const sampler = page.querySelector('batch-sampler') as unknown as BatchSampler;
    const failed = once(sampler, 'error');
    let restored: Element[] = [];
    const warned = await warnings(
      () =>
        (restored = applyState(
          crafted([
            {
              id: 'a',
              tag: 'batch-sampler',
              // a same-origin src that 404s fires the sampler's `error`: onerror would run on it
              attributes: { onerror: 'window.pwned="onerror"', src: `${FIXTURES}/missing.csv` },
            },
            {
              tag: 'loss-contour',
              index: 0,
              attributes: {
                style: 'position:fixed;inset:0;z-index:9999',
                onmouseover: 'window.pwned="onmouseover"',
                onplay: 'window.pwned="onplay"',
                colormap: 'magma',
              },
            },
            { tag: 'evil-thing', index: 0, attributes: { onclick: 'x' } },
          ]),
          page,
        )),
    );
    await failed;
    const view = page.querySelector('loss-contour')!;
    view.dispatchEvent(new MouseEvent('mouseover'));
    view.dispatchEvent(new Event('play'));
    await aTimeout(0);
    expect(window.pwned).to.equal(undefined);
    for (const element of [sampler, view])
      for (const name of ['onerror', 'onmouseover', 'onplay', 'style'])
        expect(element.hasAttribute(name), `${element.localName} ${name}`).to.equal(false);
    expect(view.getAttribute('colormap')).to.equal('magma');
    expect(restored).to.deep.equal([sampler, view]);
    expect(warned).to.have.length(1);
    for (const dropped of ['onerror', 'style', 'onmouseover', 'onplay', 'evil-thing'])
      expect(warned[0]).to.contain(dropped);
  });

  it('restores a same-origin src and drops a cross-origin or data: one, unless the page allows it', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <batch-sampler id="a" samples="200"></batch-sampler>
        <batch-sampler id="b" samples="200"></batch-sampler>
        <batch-sampler id="c" samples="200"></batch-sampler>
      </div>`,
    );
    const [a, b, c] = [...page.querySelectorAll('batch-sampler')];
    const link = crafted([
      { id: 'a', tag: 'batch-sampler', attributes: { src: `${FIXTURES}/small.csv` } },
      { id: 'b', tag: 'batch-sampler', attributes: { src: 'https://attacker.example/d.csv' } },
      { id: 'c', tag: 'batch-sampler', attributes: { src: 'data:text/csv,1,2,0%0A3,4,1' } },
    ]);
    const warned = await warnings(() => applyState(link, page));
    expect(a!.getAttribute('src')).to.equal(`${FIXTURES}/small.csv`);
    expect(b!.hasAttribute('src')).to.equal(false);
    expect(c!.hasAttribute('src')).to.equal(false);
    expect(warned).to.have.length(1);
    expect(warned[0]).to.contain('id="b"').and.contain('id="c"').and.contain('src');

    applyState(link, page, { allowCrossOriginSrc: true });
    expect(b!.getAttribute('src')).to.equal('https://attacker.example/d.csv');
    expect(c!.getAttribute('src')).to.equal('data:text/csv,1,2,0%0A3,4,1');
  });

  it('restores nothing, throws nothing and warns once when an attribute name is invalid', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div><batch-sampler id="a" seed="2"></batch-sampler></div>`,
    );
    const sampler = page.querySelector('batch-sampler')!;
    const link = crafted([
      { id: 'a', tag: 'batch-sampler', attributes: { seed: '9' } },
      { id: 'a', tag: 'batch-sampler', attributes: { 'bad name': '1', rate: '5' } },
    ]);
    let restored: Element[] = [];
    const warned = await warnings(() => (restored = applyState(link, page)));
    expect(restored).to.have.length(0);
    expect(sampler.getAttribute('seed')).to.equal('2');
    expect(sampler.hasAttribute('rate')).to.equal(false);
    expect(warned).to.have.length(1);
    expect(warned[0]).to.contain('bad name').and.contain('nothing restored');
    // An index that is not a number would find Array.prototype, not an element, and throw on it.
    const odd = crafted([{ tag: 'batch-sampler', index: '__proto__', attributes: { seed: '9' } }]);
    expect(await warnings(() => expect(applyState(odd, page)).to.deep.equal([]))).to.have.length(1);
    expect(sampler.getAttribute('seed')).to.equal('2');
  });

  it('lets a bad value through only as the element takes it: kept last good value and its own warning', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div><batch-sampler id="a" rate="3"></batch-sampler></div>`,
    );
    const sampler = page.querySelector('batch-sampler') as unknown as BatchSampler;
    const warned = await warnings(() =>
      applyState(crafted([{ id: 'a', tag: 'batch-sampler', attributes: { rate: 'fast' } }]), page),
    );
    expect(sampler.rate).to.equal(3);
    expect(warned).to.have.length(1);
    expect(warned[0]).to.contain('<batch-sampler id="a">').and.contain('rate');
  });
});

describe('encodeState → applyState', () => {
  it('restores every contract attribute of a sampler and both views, with no warning', async () => {
    const settings = html`<batch-sampler
      id="s"
      class="figure"
      controls
      loop
      dataset="moons"
      samples="300"
      seed="7"
      model="logistic"
      layers="4 3"
      activation="relu"
      plane="random"
      batch-size="20"
      sampling="replacement"
      optimizer="adam"
      learning-rate="0.05"
      weights="1 -2"
      extent="-10 10 -8 8"
      resolution="16"
      rate="5"
      max-iterations="40"
    ></batch-sampler>`;
    const source = await fixture<HTMLDivElement>(html`<div>${settings}</div>`);
    const sampler = source.querySelector('batch-sampler') as unknown as BatchSampler;
    for (let k = 0; k < 3; k++) await sampler.step();
    sampler.pick([0.5, 0.25]);
    await sampler.step();
    const views: Element[] = [];
    for (const tag of ['loss-surface', 'loss-contour']) {
      const view = document.createElement(tag);
      view.setAttribute('style', 'width: 50px'); // not the contract's: neither stored nor restored
      for (const name of contractAttributes[tag]!)
        view.setAttribute(name, name === 'src' ? `${FIXTURES}/frames.json` : `value-of-${name}`);
      source.append(view);
      views.push(view);
    }
    const fragment = `#state=${encodeState([sampler, ...views], source)}`;
    const stored = decoded(fragment);
    // Every attribute the sampler's contract has is stored, but `src` (this one generates its data),
    // `autoplay` (off here) and `group` (none here).
    const unset = ['src', 'autoplay', 'group'];
    expect(Object.keys(stored[0]!.attributes).sort()).to.deep.equal(
      contractAttributes['batch-sampler']!.filter((n) => !unset.includes(n)),
    );
    expect(Object.keys(stored[1]!.attributes).sort()).to.deep.equal(
      [...contractAttributes['loss-surface']!].sort(),
    );

    const target = await fixture<HTMLDivElement>(
      html`<div>
        <batch-sampler id="s"></batch-sampler>
        <loss-surface></loss-surface>
        <loss-contour></loss-contour>
      </div>`,
    );
    let restored: Element[] = [];
    const warned = await warnings(() => (restored = applyState(fragment, target)));
    expect(warned).to.deep.equal([]);
    expect(restored).to.have.length(3);
    stored.forEach((entry, i) => {
      for (const [name, value] of Object.entries(entry.attributes))
        expect(restored[i]!.getAttribute(name), `${entry.tag} ${name}`).to.equal(value);
      expect(restored[i]!.hasAttribute('style')).to.equal(false);
    });
    const copy = restored[0] as unknown as BatchSampler;
    await copy.updateComplete;
    expect(copy.iteration).to.equal(4);
    expect(copy.path.map((w) => [...w])).to.deep.equal(sampler.path.map((w) => [...w]));
    expect(copy.hasAttribute('class')).to.equal(false);
  });
});
