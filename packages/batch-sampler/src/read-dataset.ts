// Reads a data set from a URL (CSV or JSON, at most 20 MB) or from an inline JSON <script> child.
import { parseDataset, type Dataset, type DatasetFormat } from '@lossquake/core';
import { readLimitedText } from '@lossquake/kit';

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
