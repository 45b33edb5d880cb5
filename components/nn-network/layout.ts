import { allParamKeys, parseParamKey, type ParamKey } from '../internal/params.js';

/** Where every node, edge and slider of the drawn network sits, in CSS pixels. */
export interface NetLayout {
  width: number;
  height: number;
  r: number;
  inputs: Array<[number, number]>;
  hidden: Array<[number, number]>;
  /** Indexed by output unit (0 purple, 1 gold); gold is drawn on top. */
  outputs: Array<[number, number]>;
  sliderWidth: number;
  /** Centre of each parameter's slider. */
  sliders: Map<ParamKey, [number, number]>;
}

/**
 * Columns: inputs (x on top), hidden units, outputs (gold on top). Weight sliders sit on their edge (first layer
 * near the hidden unit, second near the hidden unit too), where they do not collide for 3 hidden units; bias
 * sliders sit under their node.
 */
export function layoutNetwork(width: number, hiddenCount: number): NetLayout {
  const w = Math.max(280, width);
  const r = w < 420 ? 16 : 19;
  // Narrow (a phone): taller, so the second layer's six sliders, 24 px tall, sit at least 24 px apart.
  const height = Math.round(Math.min(460, Math.max(w < 480 ? 440 : 330, w * 0.7)));
  const top = 26;
  const usable = height - top - 34;
  const xIn = r + 18;
  const xOut = w - r - 30;
  const xHid = (xIn + xOut) / 2;
  const rowY = (i: number, n: number) => top + ((i + 0.5) / n) * usable;
  const inputs: Array<[number, number]> = [0, 1].map((i) => [xIn, top + ((i + 1) / 3) * usable]);
  const hidden: Array<[number, number]> = Array.from({ length: hiddenCount }, (_, j) => [xHid, rowY(j, hiddenCount)]);
  // Gold (unit 1) on top, purple (unit 0) below.
  const outputs: Array<[number, number]> = [
    [xOut, top + (2 / 3) * usable],
    [xOut, top + (1 / 3) * usable],
  ];
  const sliderWidth = Math.round(Math.min(84, Math.max(38, (xHid - xIn) * 0.34)));
  const sliders = new Map<ParamKey, [number, number]>();
  const along = (a: [number, number], b: [number, number], t: number): [number, number] => [
    a[0] + (b[0] - a[0]) * t,
    a[1] + (b[1] - a[1]) * t,
  ];
  for (const key of allParamKeys(hiddenCount)) {
    const ref = parseParamKey(key)!;
    if (ref.name === 'W1') sliders.set(key, along(inputs[ref.from!], hidden[ref.to], 0.7));
    else if (ref.name === 'W2') sliders.set(key, along(hidden[ref.from!], outputs[ref.to], 0.4));
    else {
      const node = ref.name === 'b1' ? hidden[ref.to] : outputs[ref.to];
      sliders.set(key, [node[0] + 6, node[1] + r + 12]);
    }
  }
  return { width: w, height, r, inputs, hidden, outputs, sliderWidth, sliders };
}
