// The key under which code regl generates is kept ahead of time (generated-code.ts): a 53-bit hash
// (cyrb53) of the linked names and the source, with the source's length. The generator and the page
// compute it the same way; a command whose generated source changes gets a new key, so it misses
// rather than running stale code.

/** What regl links into one generated function, and the function's source. */
export function codeKey(linkedNames: readonly string[], source: string): string {
  const text = `${linkedNames.join(',')}\n${source}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${text.length.toString(36)}-${hash.toString(36)}`;
}
