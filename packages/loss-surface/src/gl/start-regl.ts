// Starting regl on a WebGL context and building the surface's commands. regl generates JavaScript for
// each command and compiles it with Function, which a Content-Security-Policy without 'unsafe-eval'
// forbids; so the code for our commands is generated ahead of time (tools/regl-codegen.mjs writes
// generated-code.ts) and handed to regl through our patch's `cachedCode` lookup
// (patches/regl@2.1.1.patch). The table adds about 26 KB gzipped to a bundle and most pages need
// none of it, so it is opt-in: the lookup below is empty until a page imports
// `@lossquake/loss-surface/strict-csp` (src/strict-csp.ts), which registers it. Code regl asks for
// that is not there is compiled as before, so a miss behaves exactly as regl without the patch: it
// draws, or under a strict policy it throws and the surface says why.
//
// regl's minified build, the one dist/lossquake.js ships, is the only one we load: the code it
// generates differs from its checked build's (which adds its development checks to every command),
// and keeping one build's code keeps the table to one copy instead of two.
import createREGL from 'regl/dist/regl.min.js';
import type { Regl, DrawCommand } from 'regl';
import { createSurfaceCommand, createWireCommand } from './commands/surface.js';
import { createFlatCommand } from './commands/lines.js';
import { createCameraScope } from './commands/camera.js';
import { codeKey } from './code-key.js';

export interface Commands {
  camera: DrawCommand;
  surface: DrawCommand;
  wire: DrawCommand;
  flat: DrawCommand;
}

/** A function generated ahead of time, called with the values regl links into it. */
export type GeneratedFunction = (...linked: unknown[]) => unknown;

/** A function regl would compile from `source` with these linked names, or undefined. */
export type CodeLookup = (
  linkedNames: readonly string[],
  source: string,
) => GeneratedFunction | undefined;

/** The code generated ahead of time that pages have registered, by codeKey; empty by default. */
const registered = new Map<string, GeneratedFunction>();

/** Adds a table of generated code (generated-code.ts) to what regl may run without Function. */
export function addGeneratedCode(table: Readonly<Record<string, GeneratedFunction>>): void {
  for (const [key, code] of Object.entries(table)) registered.set(key, code);
}

/** The registered code for this source; with nothing registered, no hashing at all. */
export const generatedLookup: CodeLookup = (linkedNames, source) =>
  registered.size === 0 ? undefined : registered.get(codeKey(linkedNames, source));

/** The extensions every surface context asks for; the generated code depends on them. */
const OPTIONAL_EXTENSIONS = ['OES_element_index_uint'];

export function startRegl(gl: WebGLRenderingContext, cachedCode: CodeLookup): Regl {
  let failure: Error | null = null;
  const regl = createREGL({
    gl,
    optionalExtensions: OPTIONAL_EXTENSIONS,
    cachedCode,
    onDone: (error: Error | null) => {
      if (error) failure = error;
    },
  } as never) as Regl | null;
  if (!regl || failure) throw failure ?? new Error('regl could not start');
  return regl;
}

/** Builds every command once; where a strict policy stops regl on a miss, this throws. */
export function createCommands(regl: Regl): Commands {
  return {
    camera: createCameraScope(regl),
    surface: createSurfaceCommand(regl),
    wire: createWireCommand(regl),
    flat: createFlatCommand(regl),
  };
}
