// Where the landscape worker's script lives. The lossquake bundle replaces this module with one that
// builds the worker from an inline copy of its code, so dist/lossquake.js stays one file.
export function landscapeWorkerUrl(): URL | string {
  return new URL('./landscape-worker.js', import.meta.url);
}
