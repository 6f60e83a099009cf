// A page written in JSX with the generated typings, as the guide tells a React, Preact or Solid user
// to set them up. Each `@ts-expect-error` marks a wrong attribute: tsc fails if the typings let it pass.
import type { CustomElements } from '../../packages/lossquake/dist/jsx.js';
import type { CustomElements as SamplerElements } from '../../packages/batch-sampler/dist/jsx.js';
import type { CustomElements as SurfaceElements } from '../../packages/loss-surface/dist/jsx.js';
import type { CustomElements as ContourElements } from '../../packages/loss-contour/dist/jsx.js';

declare module 'jsx-check/jsx-runtime' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- frameworks type JSX as a namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the guide's one-line setup
    interface IntrinsicElements extends CustomElements {}
  }
}

const steps: number[] = [];
const picks: (readonly [number, number])[] = [];

export const figure = (
  <div>
    <batch-sampler
      id="q"
      dataset="moons"
      batch-size={20}
      rate={2}
      autoplay
      onweights-change={(e) => steps.push(e.detail.loss)}
    />
    <loss-surface for="q" colormap="viridis" z-range="grow" show-path={false} />
    <loss-contour
      for="q"
      landscape="variance"
      levels={12}
      onweights-pick={(e) => picks.push(e.detail.weights)}
    />
  </div>
);

export const wrong = [
  // @ts-expect-error -- colormap is one of the named maps
  <loss-surface colormap="rainbow" />,
  // @ts-expect-error -- transition is a number of milliseconds
  <loss-surface transition="slow" />,
  // @ts-expect-error -- dataset is blobs, moons or xor
  <batch-sampler dataset="spiral" />,
  // @ts-expect-error -- show-full is a boolean
  <loss-contour show-full="yes" />,
  // @ts-expect-error -- no such attribute (frame-rate is)
  <loss-contour framerate={2} />,
  // @ts-expect-error -- a weights-change detail has no `nonsense`
  <batch-sampler onweights-change={(e) => e.detail.nonsense} />,
];

// Each element package ships the same typings for its own tag.
export const own: [
  SamplerElements['batch-sampler'],
  SurfaceElements['loss-surface'],
  ContourElements['loss-contour'],
] = [
  { sampling: 'replacement', 'learning-rate': 0.5 },
  { for: 'q', wireframe: true, azimuth: -60 },
  { 'level-spacing': 'log', compact: true },
];
export const ownWrong: [
  SamplerElements['batch-sampler'],
  SurfaceElements['loss-surface'],
  ContourElements['loss-contour'],
] = [
  // @ts-expect-error -- sampling is one of the named schemes
  { sampling: 'shuffle' },
  // @ts-expect-error -- azimuth is a number of degrees
  { azimuth: 'left' },
  // @ts-expect-error -- level-spacing is linear or log
  { 'level-spacing': 'sqrt' },
];
