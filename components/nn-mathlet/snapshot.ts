// SVG snapshots made deterministic (Observable Plot's way): Lit's markers dropped, numbers rounded, attributes
// sorted. A mismatch writes `<name>-changed.svg` beside the committed snapshot for a reviewer to diff.
import { expect } from '@open-wc/testing';
import { readFile, writeFile } from '@web/test-runner-commands';

const GEOMETRY = new Set(['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'stroke-width', 'viewBox', 'points', 'd']);

export function normalizeSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const walk = (el: Element) => {
    const attrs = [...el.attributes].map((a) => [a.name, a.value] as const).sort(([a], [b]) => a.localeCompare(b));
    for (const [name] of attrs) el.removeAttribute(name);
    for (const [name, value] of attrs)
      el.setAttribute(name, (GEOMETRY.has(name) ? value.replace(/-?\d+\.\d+/g, (n) => String(Number(Number(n).toFixed(2)))) : value).replace(/\s+/g, ' ').trim());
    for (const child of [...el.children]) walk(child);
  };
  walk(clone);
  return clone.outerHTML.replace(/<!--[^>]*-->/g, '').replace(/>\s+</g, '>\n<').trim() + '\n';
}

/** Compares `content` with `__snapshots__/<name>.svg` (relative to the test file), writing it on the first run. */
export async function matchSnapshot(name: string, content: string): Promise<void> {
  const path = `__snapshots__/${name}.svg`;
  // The file plugin answers "unknown command" (rather than undefined) for a file that does not exist yet.
  const stored = await readFile({ path }).catch(() => undefined);
  if (stored === undefined) {
    await writeFile({ path, content });
    return;
  }
  if (stored !== content) await writeFile({ path: `__snapshots__/${name}-changed.svg`, content });
  expect(content, `${name} differs from its snapshot (see ${name}-changed.svg)`).to.equal(stored);
}
