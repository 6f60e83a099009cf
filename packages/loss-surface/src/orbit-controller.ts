// How the reader turns the surface: drag to orbit, two-finger pinch or ctrl+wheel to zoom, arrow and
// +/- keys, double-click or Home to return to the attributes' view; auto-rotation; and surfaces of one
// camera group kept in step through `camera-change` events on the document.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit, screenScale, type CameraChangeDetail } from '@lossquake/kit';
import { wrapAzimuth, type CameraState } from './camera.js';
import { azimuthType, elevationType, zoomType } from './attributes.js';

export interface OrbitHost extends ReactiveControllerHost, HTMLElement, CameraState {
  cameraGroup: string | null;
  autoRotate: boolean;
}

/** Degrees per CSS pixel of drag, per arrow key press, and per second of auto-rotation. */
const DRAG_SPEED = 0.5;
const KEY_STEP = 5;
const ROTATE_SPEED = 12;
/** Zoom factor per +/- key press. */
const ZOOM_STEP = 1.15;

type Point = { x: number; y: number };

export class OrbitController implements ReactiveController {
  #host: OrbitHost;
  #reducedMotion: () => boolean;
  // `scale`: screen pixels per CSS pixel of the host when the drag began (a slide deck scales it).
  #drag: (Point & { id: number; scale: { x: number; y: number } }) | null = null;
  #pointers = new Map<number, Point>();
  #lastSpin = 0;

  constructor(host: OrbitHost, reducedMotion: () => boolean) {
    this.#host = host;
    this.#reducedMotion = reducedMotion;
    host.addController(this);
  }

  /** Auto-rotation is on and turning now (not under reduced motion, not while dragged). */
  get spinning(): boolean {
    return this.#host.autoRotate && !this.#reducedMotion() && !this.#drag;
  }

  /** Turns by the auto-rotation due since the last frame (at most 0.1 s of it, after a pause). */
  spin(now: number): void {
    if (this.spinning && this.#lastSpin) {
      const seconds = Math.min(100, now - this.#lastSpin) / 1000;
      this.#host.azimuth = wrapAzimuth(this.#host.azimuth + ROTATE_SPEED * seconds);
    }
    this.#lastSpin = now;
  }

  hostConnected(): void {
    const host = this.#host;
    document.addEventListener('camera-change', this.#onGroupCamera);
    host.addEventListener('pointerdown', this.#onPointerDown);
    host.addEventListener('pointermove', this.#onPointerMove);
    host.addEventListener('pointerup', this.#onPointerUp);
    host.addEventListener('pointercancel', this.#onPointerUp);
    host.addEventListener('wheel', this.#onWheel, { passive: false });
    host.addEventListener('dblclick', this.#onDoubleClick);
    host.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    const host = this.#host;
    document.removeEventListener('camera-change', this.#onGroupCamera);
    host.removeEventListener('pointerdown', this.#onPointerDown);
    host.removeEventListener('pointermove', this.#onPointerMove);
    host.removeEventListener('pointerup', this.#onPointerUp);
    host.removeEventListener('pointercancel', this.#onPointerUp);
    host.removeEventListener('wheel', this.#onWheel);
    host.removeEventListener('dblclick', this.#onDoubleClick);
    host.removeEventListener('keydown', this.#onKeyDown);
    this.#drag = null;
    this.#pointers.clear();
  }

  /** Moves the camera as the reader asked (within bounds, silently), and tells the camera group. */
  #turn(next: Partial<CameraState>): void {
    const host = this.#host;
    if (next.azimuth !== undefined) host.azimuth = wrapAzimuth(next.azimuth);
    if (next.elevation !== undefined) host.elevation = Math.max(-90, Math.min(90, next.elevation));
    if (next.zoom !== undefined) host.zoom = Math.max(0.25, Math.min(8, next.zoom));
    const { azimuth, elevation, zoom, cameraGroup: group } = host;
    emit(host, 'camera-change', { azimuth, elevation, zoom, group } satisfies CameraChangeDetail);
  }

  /** The view the attributes ask for (or the default), where double-click and Home return. */
  #home(): CameraState {
    const read = (name: string, type: typeof elevationType, fallback: number) => {
      const value = type.parse(this.#host.getAttribute(name));
      return value === undefined ? fallback : (type.clamp?.(value) ?? value);
    };
    return {
      azimuth: read('azimuth', azimuthType, -60),
      elevation: read('elevation', elevationType, 30),
      zoom: read('zoom', zoomType, 1),
    };
  }

  #onGroupCamera = (event: Event): void => {
    const { detail } = event as CustomEvent<CameraChangeDetail>;
    const host = this.#host;
    if (event.composedPath()[0] === host || !host.cameraGroup || detail.group !== host.cameraGroup)
      return;
    host.azimuth = detail.azimuth;
    host.elevation = detail.elevation;
    host.zoom = detail.zoom;
  };

  #onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    this.#pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.#pointers.size !== 1) {
      this.#drag = null; // a second finger: a pinch, not a drag
      return;
    }
    const scale = screenScale(this.#host);
    this.#drag = { id: event.pointerId, x: event.clientX, y: event.clientY, scale };
    try {
      this.#host.setPointerCapture(event.pointerId);
    } catch {
      // a synthetic pointer cannot be captured; dragging still works inside the element
    }
  };

  #onPointerMove = (event: PointerEvent): void => {
    if (!this.#pointers.has(event.pointerId)) return;
    const before = this.#spread();
    this.#pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.#pointers.size === 2) {
      const after = this.#spread();
      if (before > 0 && after > 0) this.#turn({ zoom: this.#host.zoom * (after / before) });
      return;
    }
    const drag = this.#drag;
    if (!drag || drag.id !== event.pointerId) return;
    // In the surface's own pixels: a drag across it turns it as far, however the page scales it.
    const dx = (event.clientX - drag.x) / drag.scale.x;
    const dy = (event.clientY - drag.y) / drag.scale.y;
    drag.x = event.clientX;
    drag.y = event.clientY;
    if (dx === 0 && dy === 0) return;
    // Dragging right turns the surface as ArrowRight does; dragging down tilts it as ArrowUp does.
    this.#turn({
      azimuth: this.#host.azimuth - dx * DRAG_SPEED,
      elevation: this.#host.elevation + dy * DRAG_SPEED,
    });
  };

  /** Distance between the two pointers of a pinch (0 otherwise). */
  #spread(): number {
    const [a, b] = [...this.#pointers.values()];
    return a && b && this.#pointers.size === 2 ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  }

  #onPointerUp = (event: PointerEvent): void => {
    this.#pointers.delete(event.pointerId);
    if (this.#drag?.id === event.pointerId) this.#drag = null;
  };

  // A plain wheel scrolls the page, as a reader expects in an article; ctrl or ⌘ with it zooms.
  #onWheel = (event: WheelEvent): void => {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    this.#turn({ zoom: this.#host.zoom * Math.exp(-event.deltaY * 0.002) });
  };

  #onDoubleClick = (): void => this.#turn(this.#home());

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const { azimuth, elevation, zoom } = this.#host;
    const moves: Record<string, () => Partial<CameraState>> = {
      ArrowLeft: () => ({ azimuth: azimuth + KEY_STEP }),
      ArrowRight: () => ({ azimuth: azimuth - KEY_STEP }),
      ArrowUp: () => ({ elevation: elevation + KEY_STEP }),
      ArrowDown: () => ({ elevation: elevation - KEY_STEP }),
      '+': () => ({ zoom: zoom * ZOOM_STEP }),
      '=': () => ({ zoom: zoom * ZOOM_STEP }),
      '-': () => ({ zoom: zoom / ZOOM_STEP }),
      _: () => ({ zoom: zoom / ZOOM_STEP }),
      Home: () => this.#home(),
      '0': () => this.#home(),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    this.#turn(move());
  };
}
