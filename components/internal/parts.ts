/**
 * The CSS parts of the elements that others nest, for `exportparts`: a page styles a nested element's pieces
 * through the outer one (`nn-mathlet::part(boundary-probe)`). Each list holds the names its element documents
 * with `@csspart` (tests/embed/manifest.test.ts checks that), plus the extra names some parts also carry.
 */
export const NESTED_PARTS = {
  'nn-boundary': ['plot', 'canvas', 'overlay', 'probe', 'error'],
  'nn-network': ['network', 'node', 'input', 'hidden', 'output', 'dead', 'edge', 'slider', 'weight', 'bias', 'detail', 'error'],
  'nn-curves': ['controls', 'plot', 'legend', 'readout', 'error'],
  // Its own parts, and its <nn-curves>' parts as it exports them.
  'nn-gradient-flow': ['controls', 'curves', 'error', 'curves-controls', 'curves-plot', 'curves-legend', 'curves-readout', 'curves-error'],
} as const;

/** `exportparts` for a nested `tag`: each of its parts exposed as `<prefix>-<part>`. */
export function exportParts(tag: keyof typeof NESTED_PARTS, prefix: string): string {
  return NESTED_PARTS[tag].map((p) => `${p}:${prefix}-${p}`).join(', ');
}
