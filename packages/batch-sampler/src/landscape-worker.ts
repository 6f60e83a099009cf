// The module Web Worker that computes large landscapes off the main thread (see landscape-service.ts).
import { getModel, lossGrid } from '@lossquake/core';
import { computeFull } from './run/landscape-jobs.js';
import type { LandscapeRequest, LandscapeResponse } from './run/landscape-service.js';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<LandscapeRequest>) => void) | null;
  postMessage(message: LandscapeResponse, transfer: Transferable[]): void;
};

scope.onmessage = ({ data: request }) => {
  try {
    const model = getModel(request.model);
    if (request.kind === 'batch') {
      const landscape = lossGrid(model, request.data, request.rows, request.grid);
      scope.postMessage({ id: request.id, landscape }, [landscape.values.buffer]);
    } else {
      const { full, sigma2 } = computeFull(model, request.data, request.grid);
      scope.postMessage({ id: request.id, full, sigma2 }, [
        full.values.buffer,
        sigma2.values.buffer,
      ]);
    }
  } catch (error) {
    scope.postMessage(
      { id: request.id, error: error instanceof Error ? error.message : String(error) },
      [],
    );
  }
};
