// Fetches a view's `src`: frames JSON `{grid, frames: [{values}]}` of landscapes computed elsewhere.
import { FramesError, parseFrames, type Landscape } from '@lossquake/core';
import { readLimitedText } from './read-limited.js';

/**
 * The landscapes at `url`, checked strictly. Throws an Error whose message says what went wrong:
 * the HTTP status, a file over 20 MB, text that is not JSON, or a FramesError naming the bad frame.
 */
export async function loadFrames(url: string, signal?: AbortSignal): Promise<Landscape[]> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new FramesError(`HTTP ${response.status} ${response.statusText}`.trim());
  // At most 20 MB, read in slices: a huge file fails instead of freezing the page.
  const text = await readLimitedText(response, 'The file');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FramesError(`not JSON (${(error as Error).message})`);
  }
  return parseFrames(data);
}
