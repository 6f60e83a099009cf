// Where a pointer is in an element's own CSS pixels, whatever the page does to the element's box: a
// slide deck's `transform: scale()`, CSS `zoom`, a pinch-zoomed viewport. Both views' picking, the
// contour's hover readout and the surface's drag read positions through it.

/** The element's layout size in its own CSS pixels (what its drawing and layout are computed in). */
function layoutSize(element: Element): { width: number; height: number } {
  return element instanceof HTMLElement
    ? { width: element.offsetWidth, height: element.offsetHeight }
    : { width: element.clientWidth, height: element.clientHeight };
}

/**
 * Screen (client) pixels per CSS pixel of `element`, on each axis: 0.5 inside `scale(0.5)`, 0.75
 * inside `zoom: 0.75`. getBoundingClientRect gives the transformed and zoomed box, offsetWidth the
 * untransformed one, so their ratio is the scale. A rotation is not a scale: it reads as the ratio of
 * the bounding box, which is the best a plain 2-D plot can do. 1 for an element with no box.
 */
export function screenScale(element: Element): { x: number; y: number } {
  const box = element.getBoundingClientRect();
  const { width, height } = layoutSize(element);
  return {
    x: width > 0 && box.width > 0 ? box.width / width : 1,
    y: height > 0 && box.height > 0 ? box.height / height : 1,
  };
}

/** The client point (clientX, clientY) in `element`'s own CSS pixels, from its top-left corner. */
export function pointIn(element: Element, clientX: number, clientY: number): [number, number] {
  const box = element.getBoundingClientRect();
  const scale = screenScale(element);
  return [(clientX - box.left) / scale.x, (clientY - box.top) / scale.y];
}
