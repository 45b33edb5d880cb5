import { yieldToEventLoop } from '../../src/nn/event-loop.js';

/**
 * Resolves in the first task after the next frame is drawn (or after 100 ms where the page is hidden and frames do
 * not come): what a canvas was given before it has been drawn, in that frame, by then. Work split this way puts
 * each piece's drawing by the browser in a frame of its own.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      cancelAnimationFrame(frame);
      resolve();
    }, 100);
    const frame = requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  }).then(yieldToEventLoop);
}
