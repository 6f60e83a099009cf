// Reads a data set from a URL (CSV or JSON, at most 20 MB) or from an inline JSON <script> child.
import { parseDataset, type Dataset, type DatasetFormat } from '@lossquake/core';

/** Larger responses are refused before they are read: a data set of 100 000 rows is about 3 MB. */
export const MAX_DATA_BYTES = 20 * 1024 * 1024;

function formatOf(url: string, contentType: string | null): DatasetFormat | undefined {
  if (contentType?.includes('json') || /\.json(?:[?#]|$)/i.test(url)) return 'json';
  if (contentType?.includes('csv') || /\.(?:csv|txt)(?:[?#]|$)/i.test(url)) return 'csv';
  return undefined; // parseDataset tells them apart by the first character
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Fetches and parses `url`; every failure is an Error whose message a reader can act on. */
export async function fetchDataset(url: string, signal: AbortSignal): Promise<Dataset> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new Error(`Could not load the data set "${url}": ${describe(error)}.`, { cause: error });
  }
  if (!response.ok) {
    throw new Error(
      `Could not load the data set "${url}": HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    );
  }
  // A missing file behind a single-page-app fallback comes back as 200 with the site's HTML.
  if (response.headers.get('content-type')?.includes('text/html')) {
    void response.body?.cancel();
    throw new Error(
      `Could not load the data set "${url}": the server sent an HTML page, not CSV or JSON.`,
    );
  }
  const text = await readLimitedText(response, `The data set "${url}"`);
  try {
    return parseDataset(text, formatOf(url, response.headers.get('content-type')));
  } catch (error) {
    throw new Error(`Could not read the data set "${url}": ${describe(error)}.`, { cause: error });
  }
}

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

function inlineScript(host: Element): Element | null {
  return host.querySelector(':scope > script[type="application/json"]');
}

/** The text of the inline data set's <script>, or null when there is none (cheap: no parsing). */
export function inlineText(host: Element): string | null {
  return inlineScript(host)?.textContent ?? null;
}

/** The data set in an inline `<script type="application/json">` child, or null when there is none. */
export function inlineDataset(host: Element): Dataset | null {
  const script = inlineScript(host);
  if (!script) return null;
  try {
    return parseDataset(script.textContent ?? '', 'json');
  } catch (error) {
    throw new Error(`Could not read the inline data set: ${describe(error)}.`, { cause: error });
  }
}
