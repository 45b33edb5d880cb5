import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import katex from 'katex';
import { NnElement } from '../internal/nn-element.js';
import { ResizeController } from '../internal/resize-controller.js';
import { KATEX_CSS, katexFontFaces } from './katex-css.js';
import { KATEX_FONT_URLS } from './katex-fonts.js';
import { styles } from './nn-math.styles.js';
import { KATEX_MAX_EXPAND, KATEX_MAX_SIZE, texProblem } from './tex-limits.js';

/**
 * KaTeX's HTML for recent formulas, newest last. A student dragging a slider back and forth revisits the same
 * numbers, and typesetting is most of an update's cost in a formula; 256 short strings are a few hundred KB at most.
 */
const typeset = new Map<string, string>();
const TYPESET_CACHE = 256;

function renderTex(tex: string, display: boolean): string {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const hit = typeset.get(key);
  if (hit !== undefined) {
    typeset.delete(key);
    typeset.set(key, hit);
    return hit;
  }
  // Throws on TeX it cannot read; nothing is cached then.
  const html = katex.renderToString(tex, { displayMode: display, throwOnError: true, trust: false, strict: 'ignore', output: 'htmlAndMathml', maxSize: KATEX_MAX_SIZE, maxExpand: KATEX_MAX_EXPAND });
  typeset.set(key, html);
  if (typeset.size > TYPESET_CACHE) typeset.delete(typeset.keys().next().value!);
  return html;
}

let katexSheet: CSSStyleSheet | undefined;
/** One constructed sheet of KaTeX's rules, shared by every <nn-math> shadow root. */
function sharedKatexSheet(): CSSStyleSheet {
  if (!katexSheet) {
    katexSheet = new CSSStyleSheet();
    katexSheet.replaceSync(KATEX_CSS);
  }
  return katexSheet;
}

/**
 * Typesets TeX with KaTeX inside its shadow root, inline or as a display formula.
 *
 * The TeX comes from the `tex` property, or else from the element's own text (`<nn-math>\frac{a}{b}</nn-math>`),
 * and is typeset again whenever either changes. KaTeX runs with `trust: false` (no links, classes or HTML from the
 * TeX). A formula KaTeX cannot read is shown in place with KaTeX's message, and fires `nn-error`; it never throws.
 * KaTeX's font faces are declared once in the document (font faces inside a shadow root load no fonts); the fonts
 * come from the installed `katex` package, or from `NnMath.fontBase`.
 *
 * @tagname nn-math
 * @summary A formula typeset by KaTeX.
 * @fires nn-error - The TeX could not be typeset (`detail.value` is the TeX).
 * @csspart math - The typeset formula.
 * @csspart error - The message shown when the TeX cannot be typeset.
 * @cssprop --nn-math-size - Font size of the formula (default 1em; KaTeX itself scales by 1.21).
 */
export class NnMath extends NnElement {
  static override styles = [styles];

  /**
   * URL of a folder holding KaTeX's woff2 fonts, for a site that hosts them itself; set it before the first
   * <nn-math> renders. When unset, each font is loaded from the installed `katex` package, as a dev server or a
   * bundler (which copies them) provides it.
   */
  static fontBase?: string;

  /** The TeX to typeset (at most 600 characters, sizes up to 20em). When unset, the element's text content is used. */
  @property({ type: String, attribute: 'tex', check: texProblem }) tex?: string = undefined;

  /** Typeset as a display formula (own line, centred, larger operators) rather than inline. */
  @property({ type: Boolean, reflect: true, attribute: 'display' }) display = false;

  /** The text content, watched while no `tex` is set. */
  @state() private source = '';
  @state() private rendered = '';
  /** A display formula wider than its box scrolls; it then takes focus so keyboard users can scroll it too. */
  @state() private overflowing = false;
  private observer?: MutationObserver;
  private readonly size = new ResizeController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    installFontFaces();
    this.source = this.textContent ?? '';
    this.observer = new MutationObserver(() => (this.source = this.textContent ?? ''));
    this.observer.observe(this, { characterData: true, childList: true, subtree: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.measureFrame);
    this.measureFrame = 0;
    this.observer?.disconnect();
    this.observer = undefined;
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot() as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sharedKatexSheet()];
    return root;
  }

  private measureFrame = 0;
  /** The span last filled with KaTeX's HTML, and that HTML. */
  private filled?: HTMLElement;
  private filledWith = '';

  /** The TeX being typeset (from `tex`, else the text content). */
  get texSource(): string {
    return (this.tex ?? this.source).trim();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('tex') && !changed.has('display') && !changed.has('source')) return;
    const tex = this.texSource;
    try {
      const problem = this.tex === undefined ? texProblem(tex) : undefined;
      if (problem) throw new Error(problem);
      this.rendered = renderTex(tex, this.display);
      this.clearError();
    } catch (e) {
      this.rendered = '';
      const message = e instanceof Error ? e.message.replace(/^KaTeX parse error: /, '') : String(e);
      this.fail(`Cannot typeset: ${message}`, { attribute: this.tex === undefined ? 'textContent' : 'tex', value: tex, cause: e });
    }
  }

  protected override render() {
    if (this.errorMessage) {
      return html`<span part="error" class="nn-error" role="alert"
        ><code>${this.texSource}</code> — ${this.errorMessage}</span
      >`;
    }
    return html`<span
      part="math"
      class="math"
      tabindex=${this.display && this.overflowing ? '0' : nothing}
      role=${this.display && this.overflowing ? 'group' : nothing}
      aria-label=${this.display && this.overflowing ? 'formula, scrolls sideways' : nothing}
      ></span
    >`;
  }

  protected override updated(): void {
    // KaTeX's HTML goes straight into the span: through a Lit directive, each new formula made and cloned a
    // template first, doubling the DOM work of every retypeset.
    const span = this.renderRoot.querySelector<HTMLElement>('span.math');
    if (span && (span !== this.filled || this.filledWith !== this.rendered)) {
      span.innerHTML = this.rendered;
      this.filled = span;
      this.filledWith = this.rendered;
    }
    void this.size.width;
    // Reading scrollWidth here would force a layout on every update (several ms while a student drags a slider
    // that retypesets formulas); once per frame, before the browser lays out anyway, costs nothing extra.
    if (!this.display) {
      if (this.overflowing) this.overflowing = false;
      return;
    }
    if (this.measureFrame) return;
    this.measureFrame = requestAnimationFrame(() => {
      this.measureFrame = 0;
      const over = this.scrollWidth > this.clientWidth + 1;
      if (over !== this.overflowing) this.overflowing = over;
    });
  }
}

/** Declares KaTeX's font faces in the document once (TOOLCHAIN.md: faces in a shadow root register nothing). */
function installFontFaces(): void {
  const id = 'nn-math-katex-fonts';
  if (document.getElementById(id)) return;
  const style = document.createElement('style');
  style.id = id;
  const base = NnMath.fontBase;
  style.textContent = katexFontFaces((file) =>
    base ? new URL(file, base.endsWith('/') ? base : `${base}/`).href : (KATEX_FONT_URLS[file] ?? file),
  );
  document.head.append(style);
}
