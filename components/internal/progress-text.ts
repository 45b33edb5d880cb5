// The CIFAR-10 labs' progress lines, written the same way in each: loading, timing the backends, time left.
import { formatDuration, formatSpeed } from '../../src/worker/index.js';

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

/** "Loading data: 3.1 of 30.7 MB (10%)", or "Loading data: 3.1 MB" while the size is unknown. */
export function loadingText(loading: { loaded: number; total: number | undefined }): string {
  const { loaded, total } = loading;
  return total ? `Loading data: ${mb(loaded)} of ${mb(total)} MB (${Math.floor((100 * loaded) / total)}%)` : `Loading data: ${mb(loaded)} MB`;
}

/** "Timing a few training steps on WebGPU (1 of 4)…". */
export function measuringText(m: { label: string; index: number; count: number }): string {
  return m.label ? `Timing a few training steps on ${m.label}${m.count > 1 ? ` (${m.index + 1} of ${m.count})` : ''}…` : 'Timing a few training steps…';
}

/** "6.3 images/s · about 2 min 10 s left" (the speed left out while unknown). */
export function speedAndTimeLeft(imagesPerSecond: number, etaMs: number): string {
  const left = Number.isFinite(etaMs) && etaMs >= 0 ? `about ${formatDuration(etaMs)} left` : 'time left: after a few steps';
  return imagesPerSecond > 0 ? `${formatSpeed(imagesPerSecond)} · ${left}` : left;
}
