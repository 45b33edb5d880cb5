/** Side of a CIFAR-10 image in pixels (images are square). */
export const CIFAR10_IMAGE_SIZE = 32;

/** Colour channels per image (R, G, B). */
export const CIFAR10_CHANNELS = 3;

/** Pixel bytes per image: three 32×32 planes. */
export const CIFAR10_IMAGE_BYTES = CIFAR10_IMAGE_SIZE * CIFAR10_IMAGE_SIZE * CIFAR10_CHANNELS; // 3,072

/** Bytes per record in the official binary files: one label byte, then the image. */
export const CIFAR10_RECORD_BYTES = 1 + CIFAR10_IMAGE_BYTES; // 3,073

/**
 * The ten CIFAR-10 class names, indexed by label (as in `batches.meta.txt`).
 * Label 1 is "automobile"; the homework's transfer task calls it "car".
 */
export const CIFAR10_CLASSES = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
] as const;

/** One CIFAR-10 class name. */
export type Cifar10ClassName = (typeof CIFAR10_CLASSES)[number];
