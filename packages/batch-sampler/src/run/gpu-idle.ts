// When a GPU probe may run: after the next frame (so a landscape computed now is drawn first) and
// then when the main thread is idle (a probe holds it for a shader compile and a few draws).

/** Resolves after the next frame, in the first idle period after it (at most `timeoutMs` later). */
export function afterFrameWhenIdle(timeoutMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => {
      if (typeof requestIdleCallback === 'function')
        requestIdleCallback(() => resolve(), { timeout: timeoutMs });
      else setTimeout(resolve, 0);
    };
    // A frame callback runs before that frame's paint: the timeout moves past the paint.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(idle));
    else idle();
  });
}
