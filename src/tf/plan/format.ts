/** Durations and speeds as a student reads them: "3 min 20 s", "about 9 h 40 min", "6.5 images/s". */

/**
 * A duration in the largest units that read naturally: "less than 1 s", "45 s", "3 min 20 s", "12 min",
 * "2 h 5 min", "1 day 9 h". Estimates more than ten minutes away lose their seconds, more than a day away their
 * minutes: a finer figure would claim a precision the estimate does not have.
 *
 * @param ms milliseconds; not finite or negative gives "unknown".
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return 'unknown';
  const s = Math.round(ms / 1000);
  if (s < 1) return 'less than 1 s';
  if (s < 60) return `${s} s`;
  if (s < 600) {
    const m = Math.floor(s / 60);
    const rest = s - 60 * m;
    return rest ? `${m} min ${rest} s` : `${m} min`;
  }
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  if (min < 24 * 60) {
    const h = Math.floor(min / 60);
    const rest = min - 60 * h;
    return rest ? `${h} h ${rest} min` : `${h} h`;
  }
  const hours = Math.round(min / 60);
  const d = Math.floor(hours / 24);
  const h = hours - 24 * d;
  return `${d} day${d > 1 ? 's' : ''}${h ? ` ${h} h` : ''}`;
}

/** "0.42 images/s", "6.5 images/s", "1,240 images/s": two significant digits below 10, whole numbers above. */
export function formatSpeed(imagesPerSecond: number, unit = 'images/s'): string {
  if (!Number.isFinite(imagesPerSecond) || imagesPerSecond <= 0) return `— ${unit}`;
  const v = imagesPerSecond;
  const text = v >= 10 ? Math.round(v).toLocaleString('en-US') : String(Number(v.toPrecision(2)));
  return `${text} ${unit}`;
}
