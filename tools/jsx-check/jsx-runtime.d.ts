// A stand-in for a framework's JSX runtime, typed the way React 19, Preact and Solid type theirs (a
// JSX namespace whose IntrinsicElements a project extends), so the typings are checked with none installed.
export namespace JSX {
  type Element = { readonly rendered: true };
  interface IntrinsicElements {
    div: { children?: unknown };
  }
  interface ElementChildrenAttribute {
    children: unknown;
  }
}
export declare function jsx(type: unknown, props: unknown, key?: unknown): JSX.Element;
export declare const jsxs: typeof jsx;
export declare const Fragment: unique symbol;
