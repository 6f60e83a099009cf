// Flat-coloured geometry in world coordinates: the panes (triangles), grid and axis lines, the weights'
// trail (a line strip) and the weights marker (a round point). Data is small and changes with the
// camera or a training step, so it streams with each draw. Drawn inside the camera scope.
import type { Regl, DrawCommand } from 'regl';

export interface FlatProps {
  positions: Float32Array;
  color: readonly [number, number, number, number];
  primitive: 'triangles' | 'lines' | 'line strip' | 'points';
  depth: boolean;
  /** Pixels, for points. */
  pointSize?: number;
}

const vertex = `
precision highp float;
attribute vec3 position;
uniform mat4 viewProjection;
uniform float pointSize;
void main() {
  gl_Position = viewProjection * vec4(position, 1.0);
  gl_PointSize = pointSize;
}`;

const fragment = `
precision mediump float;
uniform vec4 color;
uniform float round;
void main() {
  if (round > 0.5) {
    vec2 p = gl_PointCoord * 2.0 - 1.0;
    float r = dot(p, p);
    if (r > 1.0) discard;
    // a white rim, so the marker reads on dark and light colours alike
    vec3 rgb = r > 0.55 ? vec3(1.0) : color.rgb;
    gl_FragColor = vec4(rgb * color.a, color.a);
    return;
  }
  gl_FragColor = vec4(color.rgb * color.a, color.a);
}`;

export function createFlatCommand(regl: Regl): DrawCommand {
  return regl({
    vert: vertex,
    frag: fragment,
    attributes: { position: regl.prop<FlatProps, 'positions'>('positions') },
    uniforms: {
      color: (_: unknown, props: FlatProps) => [...props.color],
      pointSize: (_: unknown, props: FlatProps) => props.pointSize ?? 1,
      round: (_: unknown, props: FlatProps) => (props.primitive === 'points' ? 1 : 0),
    },
    count: (_: unknown, props: FlatProps) => props.positions.length / 3,
    primitive: regl.prop<FlatProps, 'primitive'>('primitive'),
    // Panes, lines and the marker never hide anything drawn after them.
    depth: {
      enable: (_: unknown, props: FlatProps) => props.depth,
      mask: false,
    },
    blend: { enable: true, func: { src: 'one', dst: 'one minus src alpha' } },
  } as never);
}
