// An esbuild plugin that makes dist/lossquake.js smaller without changing what it does.
import { readFile } from 'node:fs/promises';
import { parse } from 'acorn';

/** Every AST node under `node`, except inside functions when `skipFunctions` is set. */
function* nodesIn(node, skipFunctions = false) {
  if (!node || typeof node.type !== 'string') return;
  if (skipFunctions && /Function/.test(node.type)) return;
  yield node;
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object') yield* nodesIn(child, skipFunctions);
    }
  }
}

const parseModule = (code) => parse(code, { ecmaVersion: 'latest', sourceType: 'module' });

/** What a top-level initialiser of d3-scale-chromatic may call: helpers that only build a value. */
const chromaticBuilders = new Set([
  'colors', // hex string -> array of colours
  'ramp', // colours -> t => colour
  'ramp$1', // schemes -> interpolateRgbBasis(last scheme)
  'interpolateRgbBasis',
  'interpolateCubehelixLong',
  'cubehelix$1', // d3-color's cubehelix()
  'rgb',
  'Array',
  'concat',
  'map',
]);

/**
 * d3-scale-chromatic ships one file that builds all of its ~50 colour schemes when it loads, so esbuild
 * keeps every one although we import five. Its top-level initialisers only build colour tables and
 * interpolators from the helpers above, so each call in them is marked pure and esbuild drops the
 * schemes nothing uses. A call to anything else stops the build: a new version must be looked at.
 */
export const pureColourSchemes = {
  name: 'pure-colour-schemes',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]d3-scale-chromatic[\\/].*\.m?js$/ }, async ({ path }) => {
      let code = await readFile(path, 'utf8');
      const starts = new Set();
      for (const statement of parseModule(code).body) {
        if (statement.type !== 'VariableDeclaration') continue;
        for (const { init } of statement.declarations) {
          for (const node of nodesIn(init, true)) {
            if (node.type !== 'CallExpression' && node.type !== 'NewExpression') continue;
            const callee =
              node.callee.type === 'MemberExpression' ? node.callee.property : node.callee;
            if (!chromaticBuilders.has(callee.name))
              throw new Error(
                `${path}: top-level call to ${callee.name}() is not known to be pure`,
              );
            starts.add(node.start);
          }
        }
      }
      for (const start of [...starts].sort((a, b) => b - a))
        code = `${code.slice(0, start)}/* @__PURE__ */ ${code.slice(start)}`;
      return { contents: code, loader: 'js' };
    });
  },
};
