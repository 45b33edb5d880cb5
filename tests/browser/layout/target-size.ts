/**
 * WCAG 2.2's target size (minimum), 2.5.8: every pointer target is at least 24×24 CSS px, or sits where a 24 px
 * circle centred on it touches no other target (and no other small target's circle). A checkbox or radio button
 * inside its label is targeted through the label, so the label's box counts.
 */

/** One control that misses the size and the spacing. */
export interface TargetMiss {
  what: string;
  width: number;
  height: number;
}

const CONTROLS = 'button, input:not([type=hidden]), select, textarea, summary, a[href], [role=slider], [tabindex]:not([tabindex="-1"])';

/** Every control in `root` and the shadow roots below it, with its target box. */
function targets(root: ParentNode): Array<{ el: Element; box: DOMRect }> {
  const out: Array<{ el: Element; box: DOMRect }> = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.matches(CONTROLS)) {
        const style = getComputedStyle(el);
        const own = el.getBoundingClientRect();
        if (own.width > 0 && own.height > 0 && style.visibility !== 'hidden' && style.pointerEvents !== 'none') {
          const label = (el as HTMLInputElement).type === 'checkbox' || (el as HTMLInputElement).type === 'radio' ? el.closest('label') : null;
          out.push({ el, box: label ? label.getBoundingClientRect() : own });
        }
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  return out;
}

const name = (el: Element) =>
  `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : ''}${el.getAttribute('class') ? `.${el.getAttribute('class')!.trim().split(/\s+/).join('.')}` : ''}${
    el.getAttribute('aria-label') ? ` "${el.getAttribute('aria-label')}"` : el.textContent?.trim() ? ` "${el.textContent.trim().slice(0, 30)}"` : ''}`;

/** The controls under `root` that are smaller than 24×24 and too close to another target. */
export function smallTargets(root: ParentNode, min = 24): TargetMiss[] {
  const all = targets(root);
  const centre = (b: DOMRect) => [b.left + b.width / 2, b.top + b.height / 2];
  const small = all.filter((t) => t.box.width < min - 0.5 || t.box.height < min - 0.5);
  const r = min / 2;
  return small
    .filter((t) => {
      const [cx, cy] = centre(t.box);
      return all.some((o) => {
        if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) return false;
        if (small.includes(o)) {
          const [ox, oy] = centre(o.box);
          return Math.hypot(cx - ox, cy - oy) < min - 0.5;
        }
        // The circle meets the other target's box.
        const dx = Math.max(o.box.left - cx, 0, cx - o.box.right);
        const dy = Math.max(o.box.top - cy, 0, cy - o.box.bottom);
        return Math.hypot(dx, dy) < r - 0.5;
      });
    })
    .map((t) => ({ what: name(t.el), width: Math.round(t.box.width), height: Math.round(t.box.height) }));
}
