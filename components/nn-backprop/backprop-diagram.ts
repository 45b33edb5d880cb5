import { svg, type SVGTemplateResult } from 'lit';
import type { BackpropPass } from '../../src/labs/index.js';
import type { Step, ValueId } from './backprop-steps.js';

/** The column (0 = input x, k = layer k, L + 1 = the loss) a value belongs to. */
export function columnOf(id: ValueId, layers: number): number {
  if (id === 'x') return 0;
  if (id === 'L') return layers + 1;
  const m = /(\d+)$/.exec(id);
  return m ? Number(m[1]) : -1;
}

const W = 360;
const H = 200;
const f2 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '' : v.toFixed(2));

/**
 * The network as columns of units, with the current step's reads (amber) and write (blue) marked; a value shows
 * once a step has computed it. Cached values the backward step reads are ringed.
 */
export function diagram(p: BackpropPass, known: ReadonlySet<ValueId>, step: Step | undefined): SVGTemplateResult {
  const L = p.layers.length;
  const cols = L + 2;
  const cx = (c: number) => 30 + (c * (W - 60)) / (cols - 1);
  const sizes = [p.x.length, ...p.layers.map((l) => l.a.length), 1];
  const cy = (c: number, i: number) => H / 2 + (i - (sizes[c] - 1) / 2) * 62;
  const reads = new Set((step?.reads ?? []).map((id) => columnOf(id, L)));
  const cached = new Set((step?.cached ?? []).map((id) => columnOf(id, L)));
  const writes = step ? columnOf(step.writes, L) : -1;
  const edgeOn = (k: number) => !!step && (step.reads.includes(`W${k}`) || step.writes === `dW${k}`);
  const edges: SVGTemplateResult[] = [];
  for (let c = 1; c < cols; c++)
    for (let i = 0; i < sizes[c - 1]; i++)
      for (let j = 0; j < sizes[c]; j++)
        edges.push(svg`<line class=${c <= L && edgeOn(c) ? 'edge on' : 'edge'} x1=${cx(c - 1)} y1=${cy(c - 1, i)} x2=${cx(c)} y2=${cy(c, j)}></line>`);
  const nodes: SVGTemplateResult[] = [];
  for (let c = 0; c < cols; c++) {
    for (let i = 0; i < sizes[c]; i++) {
      const cls = ['node', reads.has(c) ? 'reading' : '', cached.has(c) ? 'cache-read' : '', writes === c ? 'writing' : ''].join(' ');
      const [top, bottom] =
        c === 0 ? [`x${i + 1}`, f2(p.x[i])]
        : c === L + 1 ? ['L', known.has('L') ? f2(p.loss) : '']
        : [known.has(`a${c}`) ? `a ${f2(p.layers[c - 1].a[i])}` : known.has(`z${c}`) ? `z ${f2(p.layers[c - 1].z[i])}` : '', known.has(`d${c}`) ? `δ ${f2(p.layers[c - 1].delta[i])}` : ''];
      nodes.push(svg`<g class=${cls}><circle cx=${cx(c)} cy=${cy(c, i)} r="22"></circle>
        <text x=${cx(c)} y=${cy(c, i) - 3} text-anchor="middle">${top}</text>
        <text class="small" x=${cx(c)} y=${cy(c, i) + 11} text-anchor="middle">${bottom}</text></g>`);
    }
  }
  return svg`<svg class="diagram" part="diagram" viewBox="0 0 ${W} ${H}" role="img"
    aria-label=${`Network with ${L} layers; ${step ? `this step reads ${step.reads.join(', ')} and writes ${step.writes}` : 'nothing computed yet'}`}>
    <g>${edges}</g><g>${nodes}</g></svg>`;
}
