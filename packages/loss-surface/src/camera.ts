// The orbit camera as plain maths: view and projection matrices from azimuth, elevation and zoom, and
// the projection of a 3-D point to CSS pixels that the label overlay shares with the GPU.

/** A 4×4 matrix, column-major as WebGL reads it. */
export type Mat4 = Float32Array;
export type Vec3 = readonly [number, number, number];

export interface CameraState {
  /** Degrees; the viewer's angle around the vertical axis, from +W1 towards +W2 (matplotlib's azim). */
  azimuth: number;
  /** Degrees above the W1-W2 plane (matplotlib's elev), -90..90. */
  elevation: number;
  /** Magnification, 1 = the whole box fits. */
  zoom: number;
}

export interface CameraMatrices {
  view: Mat4;
  projection: Mat4;
  /** projection × view. */
  viewProjection: Mat4;
  /** The eye in world (box) coordinates. */
  eye: Vec3;
}

/**
 * The axes box in world units: W1 and W2 span [-1, 1], Loss spans [-BOX_HEIGHT, BOX_HEIGHT]
 * (matplotlib's default 4:4:3 box aspect).
 */
export const BOX_HEIGHT = 0.75;
/** Distance from the eye to the box centre, far enough that perspective stays gentle. */
export const EYE_DISTANCE = 6;
/** Radius of the sphere around the box that must fit in view at zoom 1. */
const BOX_RADIUS = Math.hypot(1, 1, BOX_HEIGHT);
/** Share of the smaller canvas side the box takes at zoom 1, leaving room for tick labels. */
const FILL = 0.84;

const BOX_CORNERS: Vec3[] = [-1, 1].flatMap((x) =>
  [-1, 1].flatMap((y) => [-BOX_HEIGHT, BOX_HEIGHT].map((z): Vec3 => [x, y, z])),
);

export const DEFAULT_CAMERA: CameraState = { azimuth: -60, elevation: 30, zoom: 1 };

export function identity(): Mat4 {
  const m = new Float32Array(16);
  m[0] = m[5] = m[10] = m[15] = 1;
  return m;
}

/** a × b (apply b first). */
export function multiply(a: Mat4, b: Mat4): Mat4 {
  const out = new Float32Array(16);
  for (let column = 0; column < 4; column++) {
    for (let row = 0; row < 4; row++) {
      let sum = 0;
      for (let k = 0; k < 4; k++) sum += a[k * 4 + row]! * b[column * 4 + k]!;
      out[column * 4 + row] = sum;
    }
  }
  return out;
}

/** Rotation by `angle` radians about the x axis. */
export function rotateX(angle: number): Mat4 {
  const m = identity();
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  m[5] = c;
  m[6] = s;
  m[9] = -s;
  m[10] = c;
  return m;
}

/** Rotation by `angle` radians about the z axis. */
export function rotateZ(angle: number): Mat4 {
  const m = identity();
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  m[0] = c;
  m[1] = s;
  m[4] = -s;
  m[5] = c;
  return m;
}

export function translate(x: number, y: number, z: number): Mat4 {
  const m = identity();
  m[12] = x;
  m[13] = y;
  m[14] = z;
  return m;
}

/** A perspective projection with focal lengths fx, fy (cot of the half field of view). */
export function perspective(fx: number, fy: number, near: number, far: number): Mat4 {
  const m = new Float32Array(16);
  m[0] = fx;
  m[5] = fy;
  m[10] = (far + near) / (near - far);
  m[11] = -1;
  m[14] = (2 * far * near) / (near - far);
  return m;
}

/** m × (x, y, z, 1), as homogeneous coordinates. */
export function transform(m: Mat4, p: Vec3): [number, number, number, number] {
  const [x, y, z] = p;
  return [
    m[0]! * x + m[4]! * y + m[8]! * z + m[12]!,
    m[1]! * x + m[5]! * y + m[9]! * z + m[13]!,
    m[2]! * x + m[6]! * y + m[10]! * z + m[14]!,
    m[3]! * x + m[7]! * y + m[11]! * z + m[15]!,
  ];
}

const radians = Math.PI / 180;

/**
 * The camera's matrices for a canvas of the given aspect (width / height). The view turns the world
 * so the eye, at (cos el cos az, cos el sin az, sin el) × distance, looks down -z with the Loss axis up:
 * built from two rotations rather than lookAt, so it has no singularity at the poles.
 */
export function cameraMatrices(camera: CameraState, aspect: number): CameraMatrices {
  const az = camera.azimuth * radians;
  const el = camera.elevation * radians;
  const view = multiply(
    translate(0, 0, -EYE_DISTANCE),
    multiply(rotateX(el - Math.PI / 2), rotateZ(-az - Math.PI / 2)),
  );
  const safeAspect = aspect > 0 && Number.isFinite(aspect) ? aspect : 1;
  const focal = ((FILL * EYE_DISTANCE) / BOX_RADIUS) * Math.min(1, safeAspect) * camera.zoom;
  const lens = perspective(focal / safeAspect, focal, 0.5, EYE_DISTANCE * 4);
  // Centre the box's outline on the canvas (seen from above it would sit low), then zoom about it.
  const centred = multiply(lens, view);
  let left = Infinity;
  let right = -Infinity;
  let bottom = Infinity;
  let top = -Infinity;
  for (const corner of BOX_CORNERS) {
    const [x, y, , w] = transform(centred, corner);
    left = Math.min(left, x / w);
    right = Math.max(right, x / w);
    bottom = Math.min(bottom, y / w);
    top = Math.max(top, y / w);
  }
  const shift = identity();
  shift[12] = -(left + right) / 2;
  shift[13] = -(bottom + top) / 2;
  const projection = multiply(shift, lens);
  const eye: Vec3 = [
    EYE_DISTANCE * Math.cos(el) * Math.cos(az),
    EYE_DISTANCE * Math.cos(el) * Math.sin(az),
    EYE_DISTANCE * Math.sin(el),
  ];
  return { view, projection, viewProjection: multiply(projection, view), eye };
}

/** A light above and to the left of the eye, so what the reader faces is lit. */
export function headlight(camera: CameraState): Vec3 {
  const az = (camera.azimuth - 35) * radians;
  const el = Math.min(80, Math.max(-80, camera.elevation + 30)) * radians;
  return [Math.cos(el) * Math.cos(az), Math.cos(el) * Math.sin(az), Math.sin(el)];
}

/** Where a world point lands on a width×height canvas, in CSS pixels from the top left; depth in 0..1. */
export function project(
  matrices: CameraMatrices,
  point: Vec3,
  width: number,
  height: number,
): [number, number, number] {
  const [x, y, z, w] = transform(matrices.viewProjection, point);
  return [((x / w + 1) / 2) * width, ((1 - y / w) / 2) * height, (z / w + 1) / 2];
}

/** Azimuth in (-180, 180]. */
export function wrapAzimuth(degrees: number): number {
  const wrapped = ((((degrees + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 ? 180 : wrapped;
}
