// The default box both views take, so a surface and a contour side by side line up: the width they
// are given up to 560 px, 4:3, their layout and paint contained (a page's CSS cannot reach inside).
import { css } from 'lit';

export const viewBox = css`
  :host {
    display: block;
    position: relative;
    width: 100%;
    max-width: 560px;
    aspect-ratio: 4 / 3;
    contain: content;
  }
`;
