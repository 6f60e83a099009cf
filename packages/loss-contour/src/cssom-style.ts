// Inline positions written through CSSOM only. Lit's styleMap writes a style attribute on its first
// render, which a Content-Security-Policy without 'unsafe-inline' styles blocks; CSSOM writes are allowed.
import { noChange } from 'lit';
import {
  Directive,
  directive,
  PartType,
  type AttributePart,
  type PartInfo,
} from 'lit/directive.js';

class CssomStyle extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style')
      throw new Error('cssomStyle() must be the whole value of a style attribute');
  }

  render(_styles: Readonly<Record<string, string>>) {
    return noChange;
  }

  override update(part: AttributePart, [styles]: [Readonly<Record<string, string>>]) {
    const { style } = part.element;
    for (const [name, value] of Object.entries(styles)) style.setProperty(name, value);
    return noChange;
  }
}

/** `style=${cssomStyle({ left: '4px' })}`: always the same properties, set without a style attribute. */
export const cssomStyle = directive(CssomStyle);
