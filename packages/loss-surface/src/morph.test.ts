import { expect } from '@open-wc/testing';
import { ease } from '@lossquake/core';
import { Morph } from './morph.js';
import { buildScene } from './scene.js';
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

  it('push() runs from the old landscape at t = 0 to the new one at t = 1, monotone between', () => {
    const morph = new Morph();
    morph.push(a, 0, 0);
    morph.push(b, 1000, 500);
    // At x = 1 the old landscape is 1 and the new one 5; the marker rests on what is shown.
    const shown = (now: number) => morph.heightAt(1, 0, morph.t(now));
    const marker = (now: number) =>
      buildScene({
        morph,
        now,
        camera: { azimuth: -60, elevation: 30, zoom: 1 },
        width: 160,
        height: 120,
        zRange: [0, 10],
        path: null,
        weights: [20, 0],
      }).marker![2]!;
    expect(shown(1000)).to.be.closeTo(1, 1e-6);
    expect(shown(1500)).to.be.closeTo(5, 1e-6);
    for (let now = 1000; now < 1500; now += 25) {
      expect(shown(now + 25)).to.be.at.least(shown(now));
      expect(marker(now + 25)).to.be.at.least(marker(now));
    }
    expect(marker(1500)).to.be.greaterThan(marker(1000));
  });
});
