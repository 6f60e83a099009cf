// One console.warn per distinct problem, so a bad attribute does not flood the console on every
// update, with bounded memory: a problem is remembered by a short fingerprint, never by the whole
// value (20 bad 10 MB attributes must not hold 200 MB), and only the most recent ones are kept.

/** Distinct problems remembered per memory; past it the oldest is forgotten (it may warn again). */
const REMEMBERED = 256;
/** Characters of a value shown in a message; the rest is summarised by its length. */
const SHOWN = 80;

/** A short, stable key for any text: its length and a 32-bit FNV-1a hash of all of it. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length}:${(hash >>> 0).toString(36)}`;
}

/** `text`, cut to SHOWN characters with a note of the full length when longer. */
export function clip(text: string): string {
  return text.length > SHOWN ? `${text.slice(0, SHOWN)}… (${text.length} characters)` : text;
}

/** Remembers which problems were already reported; `first(key)` is true once per key. */
export class WarnMemory {
  #keys = new Set<string>();

  first(key: string): boolean {
    const short = key.length > SHOWN ? fingerprint(key) : key;
    if (this.#keys.has(short)) return false;
    if (this.#keys.size >= REMEMBERED) this.#keys.delete(this.#keys.values().next().value!);
    this.#keys.add(short);
    return true;
  }
}

const page = new WarnMemory();

export function warnOnce(key: string, message: string): void {
  if (page.first(key)) console.warn(message);
}
