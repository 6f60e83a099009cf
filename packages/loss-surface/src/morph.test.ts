import { expect } from '@open-wc/testing';
import { Morph, ease, landscapeRange } from './morph.js';
import { landscapeOf } from './test-helpers/landscapes.js';

describe('Morph', () => {
  const a = landscapeOf(5, () => 1);
  const b = landscapeOf(5, (u) => 1 + 4 * u);

  it('push() with duration 0 shows the landscape at once', () => {
    const morph = new Morph();
    morph.push(a, 0, 0);
    expect(morph.t(0)).to.equal(1);
    expect(morph.heightAt(0, 0, 1)).to.be.closeTo(1, 1e-6);
  });

  it('push() morphs from what is shown to the next landscape over the duration, eased', () => {
    const morph = new Morph();
    morph.push(a, 0, 0);
    morph.push(b, 1000, 400);
    expect(morph.t(1000)).to.equal(0);
    expect(morph.t(1200)).to.be.closeTo(0.5, 1e-9);
    expect(morph.t(1100)).to.be.closeTo(ease(0.25), 1e-9);
    expect(morph.running(1399)).to.equal(true);
    expect(morph.running(1400)).to.equal(false);
    // At x = 1 (u = 1): a is 1, b is 5.
    expect(morph.heightAt(1, 0, morph.t(1200))).to.be.closeTo(3, 1e-5);
    expect(morph.range(1400)).to.deep.equal([1, 5]);
  });

  it('push() mid-morph starts from the blend on screen, not from either landscape', () => {
    const morph = new Morph();
    morph.push(a, 0, 0);
    morph.push(b, 0, 400);
    const version = morph.version;
    morph.push(a, 200, 400); // halfway: 3 at x = 1
    expect(morph.version).to.equal(version + 1);
    expect(morph.heightAt(1, 0, 0)).to.be.closeTo(3, 1e-5);
    expect(morph.heightAt(1, 0, 1)).to.be.closeTo(1, 1e-5);
  });

  it('landscapeRange() widens a flat landscape so the axis never collapses', () => {
    expect(landscapeRange(a)).to.deep.equal([0.5, 1.5]);
    expect(landscapeRange(b)).to.deep.equal([1, 5]);
  });
});
