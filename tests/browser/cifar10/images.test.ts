// The real file parsed in the browser, and imageToRGBA drawn on a canvas as a thumbnail would be.
import { expect } from '@open-wc/testing';
import { CIFAR10_CLASSES, imageToRGBA, parseCifar10, relabel, toFloatNHWC } from '../../../src/data/cifar10/index.js';
import { TINY_FIRST_LABELS, TINY_PIXELS } from '../../node/cifar10/expected.js';

describe('CIFAR-10 images in the browser', () => {
  let images: Uint8Array;
  let labels: Uint8Array;
  before(async () => {
    const bytes = await (await fetch('/shared-data/cifar10/cifar10_tiny_100.bin')).arrayBuffer();
    ({ images, labels } = parseCifar10(bytes));
  });

  it('parses the file fetched as an ArrayBuffer', () => {
    expect(Array.from(labels.subarray(0, 20))).to.deep.equal(TINY_FIRST_LABELS);
    expect(CIFAR10_CLASSES[labels[0]]).to.equal('frog');
    expect(Array.from(relabel(labels.subarray(0, 5)))).to.deep.equal([3, 2, 2, 3, 0]);
  });

  it('imageToRGBA draws through ImageData onto a canvas pixel for pixel', () => {
    const canvas = document.createElement('canvas');
    canvas.width = 32;
    canvas.height = 32;
    const context = canvas.getContext('2d')!;
    for (const [n, y, x, rgb] of TINY_PIXELS) {
      context.putImageData(new ImageData(imageToRGBA(images, n), 32, 32), 0, 0);
      expect(Array.from(context.getImageData(x, y, 1, 1).data)).to.deep.equal([...rgb, 255]);
    }
  });

  it('toFloatNHWC gives TensorFlow.js layout: pixel (x, y) channels side by side', () => {
    const out = toFloatNHWC(images);
    for (const [n, y, x, rgb] of TINY_PIXELS) {
      const at = ((n * 32 + y) * 32 + x) * 3;
      expect(Array.from(out.subarray(at, at + 3))).to.deep.equal(rgb.map((v) => Math.fround(v / 255)));
    }
  });
});
