// A plane given by script through the sampler's `plane` property (`b.plane = a.plane`, so two runs
// share one plane) instead of its own `pca` or `random` one. Apart from the class because it is
// checked twice, in one place: its shape when it is set, its fit to the network when a run is made.
import type { Plane } from '@lossquake/core';
import { warnOnce } from '@lossquake/kit';
import type { NetworkRun } from './run/network-plane.js';

/** What the checks read of the sampler. */
interface PlaneHost {
  readonly id: string;
  readonly planeKind: string;
}

const named = (sampler: PlaneHost) => `<batch-sampler${sampler.id ? ` id="${sampler.id}"` : ''}>`;

/** A plane object as `plane` hands it out: an origin and two directions of one length, and two labels. */
export function isPlane(value: unknown): value is Plane {
  const plane = value as Partial<Plane> | null;
  const origin = plane?.origin;
  const directions = plane?.directions;
  return (
    origin instanceof Float64Array &&
    Array.isArray(directions) &&
    directions.length === 2 &&
    directions.every((d) => d instanceof Float64Array && d.length === origin.length) &&
    Array.isArray(plane?.labels) &&
    plane.labels.length === 2 &&
    plane.labels.every((l) => typeof l === 'string')
  );
}

/** Whether `value` may be set as `plane`: a plane, or null for the sampler's own; else it warns once. */
export function acceptPlane(sampler: PlaneHost, value: unknown): value is Plane | null {
  if (value === null || isPlane(value)) return true;
  warnOnce(
    `plane-property:${sampler.id}`,
    `${named(sampler)} plane: expected a plane { origin, directions: [d1, d2], labels } or null; keeping the plane in use.`,
  );
  return false;
}

/**
 * Warns once when the plane `given` was not used for `network`'s run: it has another number of
 * weights than the network, which `networkRun` then draws on its own plane.
 */
export function warnUnfitPlane(sampler: PlaneHost, given: Plane | null, network: NetworkRun): void {
  if (!given || network.plane === given) return;
  warnOnce(
    `plane-size:${sampler.id}`,
    `${named(sampler)} plane: the plane given has ${given.origin.length} weights, this network ${network.network.size}; drawing on its own ${sampler.planeKind} plane.`,
  );
}
