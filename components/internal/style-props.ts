import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

/** Style properties by name: camelCase (`marginTop`) or CSS (`margin-top`, `--c`); null or undefined removes one. */
export type StyleProps = Readonly<Record<string, string | number | null | undefined>>;

const cssName = (name: string) => (name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

/**
 * Lit's `styleMap`, but every update, the first included, goes through the CSSOM (`style.setProperty`).
 * `styleMap` writes its first render as a `style` attribute, which a Content-Security-Policy without
 * `'unsafe-inline'` in `style-src` refuses; properties set through the CSSOM are allowed.
 */
class StylePropsDirective extends Directive {
  private readonly set = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style') throw new Error('styleProps() belongs in a style attribute');
  }

  render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [props]: [StyleProps]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.set) {
      if (props[name] == null) {
        style.removeProperty(cssName(name));
        this.set.delete(name);
      }
    }
    for (const [name, value] of Object.entries(props)) {
      if (value == null) continue;
      style.setProperty(cssName(name), String(value));
      this.set.add(name);
    }
    return noChange;
  }
}

/** Sets style properties through the CSSOM, so that a strict CSP allows them: `style=${styleProps({ width: '3px' })}`. */
export const styleProps = directive(StylePropsDirective);
