/**
 * Seeded dropout masks, drawn on the CPU. TF.js's Dropout layer with a fixed seed draws the same mask at every
 * step (its seed is not advanced), and without one it is unseeded; Keras advances a seeded generator per call.
 * Here the mask for (seed, layer, step) is a pure function, so a run repeats exactly and every backend drops the
 * same units — the WebGPU self-check compares backends through it.
 */

/** A 32-bit mix of the run seed, the layer index and the step (splitmix-style finaliser). */
export function maskSeed(seed: number, layer: number, step: number): number {
  let h = (seed ^ Math.imul(layer + 1, 0x9e3779b1) ^ Math.imul(step + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Keras's inverted dropout as a multiplier: each element is 1/(1 − rate) with probability 1 − rate, else 0.
 * mulberry32 draws the uniforms: fast (a few ms for the CIFAR network's 800k units at batch 64) and good enough
 * for masks.
 */
export function dropoutMask(size: number, rate: number, seed: number): Float32Array {
  const out = new Float32Array(size);
  const keep = 1 / (1 - rate);
  let a = seed >>> 0;
  for (let i = 0; i < size; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out[i] = u >= rate ? keep : 0;
  }
  return out;
}
