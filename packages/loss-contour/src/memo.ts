// Remembering the last result: a long trail, the full landscape's contour lines or a minimum search
// is computed again only when what it depends on changes, not on every pointer move.

/** `compute`, called again only when one of its arguments differs (===) from the last call's. */
export function memoLast<A extends readonly unknown[], R>(
  compute: (...args: A) => R,
): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args) => {
    if (!last || args.length !== last.args.length || args.some((a, k) => a !== last!.args[k]))
      last = { args, result: compute(...args) };
    return last.result;
  };
}
