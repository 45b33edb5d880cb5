// Facts about the real file ../shared/data/cifar10/cifar10_tiny_100.bin, read independently with numpy
// (np.fromfile(...).reshape(100, 3073)), for the Node and browser tests alike.

/** Labels of records 0..19 (also in cifar10_tiny_100_index.txt). */
export const TINY_FIRST_LABELS = [6, 9, 9, 4, 1, 1, 2, 7, 8, 3, 4, 7, 7, 2, 9, 9, 9, 3, 2, 6];

/** [record, y, x, [r, g, b]]. Record 0 is the official train set's first image (a frog), top-left (59, 62, 63). */
export const TINY_PIXELS: [number, number, number, [number, number, number]][] = [
  [0, 0, 0, [59, 62, 63]],
  [0, 5, 7, [119, 77, 37]],
  [42, 10, 20, [96, 85, 83]],
  [99, 31, 31, [80, 91, 23]],
];

/** Per-channel means (R, G, B) over all pixels of the 100 images. */
export const TINY_MEANS = [122.2034, 119.7129, 108.9359];

/** Sum of all 100 × 3,072 pixel bytes. */
export const TINY_PIXEL_SUM = 35927269;

/** Channel c of pixel (x, y) of image n in the CHW images of `parseCifar10`. */
export function chw(images: Uint8Array, n: number, c: number, y: number, x: number): number {
  return images[n * 3072 + c * 1024 + y * 32 + x];
}
