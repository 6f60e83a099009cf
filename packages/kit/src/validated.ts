// @validated: one decorator for every attribute-backed property of the elements. The attribute and
// the property setter go through the same check: a bad value keeps the last good one and warns once,
// naming element, attribute, value and what was expected; removing the attribute restores the default.
import type { ReactiveElement } from 'lit';
import { accept, rawAttribute, same, type AttributeType } from './attributes.js';

export interface ValidatedOptions {
  /** The attribute's name; by default the property name in lower case, as Lit names it. */
  attribute?: string;
  /** Writes the property back to its attribute (as Lit's `reflect`). */
  reflect?: boolean;
}

/** An element may implement this to react at once (not at its next update) to an accepted change. */
export interface ValidatedHost {
  validatedChanged?(name: string, old: unknown): void;
}

type Store = Record<symbol, unknown> & ReactiveElement & ValidatedHost;

/**
 * Declares a validated property. The field's initialiser is its default, which the manifest
 * analyzer reads (tools/cem.config.mjs turns the decorator into an attribute entry):
 *
 *     @validated(levelsType) levels = 10;
 *     @validated(batchSizeType, { attribute: 'batch-size' }) batchSize = 10;
 *
 * The first assignment, the initialiser's, is taken as it is; every later one is checked by `type`.
 * An accepted change requests an update (`changed.has(name)` in `willUpdate`) and calls the
 * host's `validatedChanged(name, old)` when it has one.
 */
export function validated<T>(type: AttributeType<T>, options: ValidatedOptions = {}) {
  // The target is any element prototype: a class whose property shadows an HTMLElement one with
  // another type (the sampler's `dataset`) is not a ReactiveElement to TypeScript.
  return (proto: object, name: string): void => {
    const attribute = options.attribute ?? name.toLowerCase();
    const value = Symbol(name);
    const initial = Symbol(`${name} default`);
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: true,
      get(this: Store) {
        return this[value];
      },
      set(this: Store, next: unknown) {
        if (!(initial in this)) {
          this[initial] = next;
          this[value] = next;
          return;
        }
        const old = this[value] as T;
        const good = accept(this, attribute, next, type, old, this[initial] as T);
        if (same(good, old)) return;
        this[value] = good;
        this.requestUpdate(name, old);
        this.validatedChanged?.(name, old);
      },
    });
    (proto.constructor as typeof ReactiveElement).createProperty(name, {
      attribute,
      converter: rawAttribute,
      reflect: options.reflect ?? false,
      noAccessor: true,
    });
  };
}
