// One console.warn per distinct problem, so a bad attribute does not flood the console on every update.
const seen = new Set<string>();

export function warnOnce(key: string, message: string): void {
  if (seen.has(key)) return;
  seen.add(key);
  console.warn(message);
}
