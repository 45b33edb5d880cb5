// The small engine's WebAssembly kernels load in the background: <nn-mathlet> paints at once on the JavaScript
// kernels, moves to the WebAssembly ones once they have loaded, and shows the same numbers on both. A file of its
// own, so the page starts with the kernels not yet loaded.
import { expect, fixture, html } from '@open-wc/testing';
import { loadWasmKernels, wasmKernelsActive } from '../../src/nn/index.js';
import { gradientWorkspace } from '../../src/nn/evaluate.js';
import type { ParamKey } from '../internal/params.js';
import { MathletHarness } from './harness.js';
import { NnMathlet } from './nn-mathlet.js';

const KEYS: ParamKey[] = ['W1.0.0', 'b1.2', 'W2.1.1', 'b2.0'];

/** What the mathlet shows at its point, and the engine's derivatives behind its panels, for a few parameters. */
function numbers(h: MathletHarness) {
  const net = h.el.network;
  return {
    shown: [h.text('.dp'), h.text('.do'), h.text('.readout')],
    output: h.el.output,
    derivatives: KEYS.map((k) => [net.paramGradient(h.el.point, k, 1), net.nodeDerivatives(h.el.point, k)]),
  };
}

describe('<nn-mathlet> and the WebAssembly kernels', () => {
  it('paints before the kernels have loaded, runs on them once they have, and shows the same numbers', async () => {
    const el = await fixture<NnMathlet>(html`<nn-mathlet selected="W1.0.0" hidden-units="3"></nn-mathlet>`);
    const h = new MathletHarness(el);
    // The first paint did not wait for the kernels: they are fetched and compiled after it.
    expect(wasmKernelsActive()).to.equal(false);
    expect(gradientWorkspace(el.network.model).wasm).to.equal(null);
    const before = numbers(h);
    expect(before.shown[0]).to.match(/\d/);

    expect(await loadWasmKernels()).to.equal(true);
    el.requestUpdate();
    await h.settle();
    // The render after the load computed its gradients in WebAssembly memory (a workspace made only now would hold
    // zeros), and every number is the one the JavaScript kernels gave.
    const ws = gradientWorkspace(el.network.model);
    expect(ws.wasm).to.not.equal(null);
    expect(ws.grads!.flat.buffer).to.equal(ws.wasm!.memory.buffer);
    expect(ws.grads!.flat.some((v) => v !== 0)).to.equal(true);
    expect(numbers(h)).to.deep.equal(before);

    // A student's drag and wiggle run on the kernels from here on.
    await h.dragPointTo(0.7, 0.6);
    expect(el.point[0]).to.be.closeTo(0.7, 0.05);
    await el.runWiggle();
    await h.settle();
    const rows = [...h.root.querySelectorAll('.wiggle-table tbody tr')].map((r) => Number(r.children[1].textContent));
    expect(rows.length).to.be.greaterThan(3);
    expect(rows.at(-1)).to.be.closeTo(Number(h.text('.dp')), 1e-3);
  });
});
