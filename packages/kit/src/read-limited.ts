// Reads a fetched body as text up to a bound: data sets and frames files share one limit.

/** Larger responses are refused before they are read: a data set of 100 000 rows is about 3 MB. */
export const MAX_DATA_BYTES = 20 * 1024 * 1024;

/**
 * The body of `response` as text, refusing one over MAX_DATA_BYTES before it is read (Content-Length)
 * or as it streams in (Content-Length may be missing or wrong), so a huge file never blocks the page.
 * `what` names the resource in the error, e.g. 'The data set "x.csv"'.
 */
export async function readLimitedText(response: Response, what: string): Promise<string> {
  const tooLarge = new Error(
    `${what} is larger than ${MAX_DATA_BYTES / 1024 / 1024} MB; lossquake reads at most that much.`,
  );
  if (Number(response.headers.get('content-length')) > MAX_DATA_BYTES) {
    void response.body?.cancel();
    throw tooLarge;
  }
  return readText(response, tooLarge);
}

/** How long reading may run before it yields to the page, in ms (well under the 50 ms of a long task). */
const READ_SLICE = 8;

// Counts bytes as they stream in. Chunks already received resolve read() at once, in microtasks of
// one task: reading yields to the page now and then, so a fast stream cannot make one long task.
async function readText(response: Response, tooLarge: Error): Promise<string> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  let slice = performance.now();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > MAX_DATA_BYTES) {
      await reader.cancel();
      throw tooLarge;
    }
    text += decoder.decode(value, { stream: true });
    if (performance.now() - slice > READ_SLICE) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      slice = performance.now();
    }
  }
  return text + decoder.decode();
}
