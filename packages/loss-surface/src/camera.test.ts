import { expect } from '@open-wc/testing';
import {
  cameraMatrices,
  identity,
  multiply,
  project,
  rotateZ,
  transform,
  wrapAzimuth,
  EYE_DISTANCE,
} from './camera.js';

describe('camera', () => {
  it('multiply(a, identity) is a, and rotations compose (two quarter turns make a half turn)', () => {
    const a = rotateZ(0.3);
    expect([...multiply(a, identity())]).to.deep.equal([...a]);
    const half = multiply(rotateZ(Math.PI / 2), rotateZ(Math.PI / 2));
    const [x, y] = transform(half, [1, 0, 0]);
    expect(x).to.be.closeTo(-1, 1e-6);
    expect(y).to.be.closeTo(0, 1e-6);
  });

  it('cameraMatrices puts the eye at azimuth/elevation on a sphere, as matplotlib does', () => {
    const { eye, view } = cameraMatrices({ azimuth: -60, elevation: 30, zoom: 1 }, 1);
    expect(eye[0]).to.be.closeTo(EYE_DISTANCE * Math.cos(Math.PI / 6) * 0.5, 1e-9);
    expect(eye[1]).to.be.closeTo(
      -EYE_DISTANCE * Math.cos(Math.PI / 6) * Math.sin(Math.PI / 3),
      1e-9,
    );
    expect(eye[2]).to.be.closeTo(EYE_DISTANCE * 0.5, 1e-9);
    // The eye maps to the view-space origin.
    const [x, y, z] = transform(view, eye);
    expect(Math.hypot(x, y, z)).to.be.lessThan(1e-5);
  });

  it('project() at the default view: +W1 goes right and down, +W2 right and up, +Loss up', () => {
    const m = cameraMatrices({ azimuth: -60, elevation: 30, zoom: 1 }, 4 / 3);
    const at = (p: [number, number, number]) => project(m, p, 400, 300);
    const o = at([0, 0, 0]);
    const x = at([1, 0, 0]);
    const y = at([0, 1, 0]);
    const z = at([0, 0, 0.5]);
    expect(x[0]).to.be.greaterThan(o[0]);
    expect(x[1]).to.be.greaterThan(o[1]);
    expect(y[0]).to.be.greaterThan(o[0]);
    expect(y[1]).to.be.lessThan(o[1]);
    expect(z[1]).to.be.lessThan(o[1]);
    expect(Math.abs(z[0] - o[0])).to.be.lessThan(1e-3);
  });

  it('project() from straight above (elevation 90) is well defined and keeps W2 pointing up the screen', () => {
    const m = cameraMatrices({ azimuth: -90, elevation: 90, zoom: 1 }, 1);
    const o = project(m, [0, 0, 0], 100, 100);
    const y = project(m, [0, 1, 0], 100, 100);
    expect(o.every(Number.isFinite)).to.equal(true);
    expect(y[1]).to.be.lessThan(o[1]);
  });

  it('zoom scales distances on screen about the centre', () => {
    const at = (zoom: number) => {
      const m = cameraMatrices({ azimuth: -60, elevation: 30, zoom }, 1);
      const a = project(m, [-1, -1, 0], 200, 200);
      const b = project(m, [1, 1, 0], 200, 200);
      return Math.hypot(a[0] - b[0], a[1] - b[1]);
    };
    expect(at(2) / at(1)).to.be.closeTo(2, 1e-6);
  });

  it('wrapAzimuth keeps angles in (-180, 180]', () => {
    expect(wrapAzimuth(190)).to.equal(-170);
    expect(wrapAzimuth(-180)).to.equal(180);
    expect(wrapAzimuth(-60)).to.equal(-60);
    expect(wrapAzimuth(720 + 30)).to.equal(30);
  });
});
