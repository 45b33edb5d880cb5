/**
 * The homework's transfer-learning task (problems 4–5): car (CIFAR label 1) → 0, cat (3) → 1, truck (9) → 2,
 * every other label → 3. This is the homework's `label_map`; labels missing from it go to `relabel`'s `otherLabel`.
 */
export const HOMEWORK_LABEL_MAP: Readonly<Record<number, number>> = Object.freeze({ 1: 0, 3: 1, 9: 2 });

/**
 * Class names of the 4-class transfer task, by new label.
 *
 * "other" (3) holds every CIFAR-10 class but automobile, cat and truck: bird, deer, dog, frog, horse, ship
 * (2, 4–8) **and airplane (0)**. The homework's prose lists "other" as 2, 4–8, but its `label_map` sends every
 * unlisted label to 3, airplanes included; this library follows the `label_map`.
 */
export const TRANSFER_CLASSES = ['car', 'cat', 'truck', 'other'] as const;

/**
 * Maps labels through `map`; a label not in `map` becomes `otherLabel`. Defaults give the homework's 4-class task
 * (`HOMEWORK_LABEL_MAP`, other = 3). Returns a new array; the input is not changed.
 *
 * @throws {RangeError} when a target label (a value of `map`, or `otherLabel`) is not an integer in 0..255.
 */
export function relabel(
  labels: ArrayLike<number>,
  map: Readonly<Record<number, number>> = HOMEWORK_LABEL_MAP,
  otherLabel = 3,
): Uint8Array {
  checkTarget(otherLabel, 'otherLabel');
  // A 256-entry table turns the per-label object lookup into one array read.
  const table = new Uint8Array(256).fill(otherLabel);
  for (const [from, to] of Object.entries(map)) {
    const key = Number(from);
    checkTarget(to, `map[${from}]`);
    if (Number.isInteger(key) && key >= 0 && key < 256) table[key] = to;
  }
  const out = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    out[i] = label >= 0 && label < 256 && Number.isInteger(label) ? table[label] : otherLabel;
  }
  return out;
}

function checkTarget(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 255) {
    throw new RangeError(`relabel: ${what} is ${value}; target labels must be integers in 0..255.`);
  }
}
