import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleProps } from '../internal/style-props.js';
import { NnElement } from '../internal/nn-element.js';
import { ResizeController } from '../internal/resize-controller.js';
import { setting } from '../internal/settings.js';
import { loadKatex, loadedKatex, type KatexKit } from './katex-loader.js';
import { reserveBox } from './reserve.js';
import { styles } from './nn-math.styles.js';
import { KATEX_MAX_EXPAND, KATEX_MAX_SIZE, texProblem } from './tex-limits.js';

/**
 * KaTeX's nodes for recent formulas, newest last. A student dragging a slider back and forth revisits the same
 * numbers, and typesetting is most of an update's cost in a formula; 256 small trees are a few hundred KB at most.
 */
const typeset = new Map<string, HTMLElement>();
const TYPESET_CACHE = 256;

/**
 * Formulas up to this length are typeset in the update that asked for them (a 200-character one takes about 6 ms);
 * a longer one in a task of its own.
 */
const SYNC_TEX_LENGTH = 200;

/**
 * KaTeX builds DOM nodes (`render`), setting their styles through the CSSOM: a page whose Content-Security-Policy
 * refuses inline styles, or whose Trusted Types refuse HTML strings, shows them as any other page does. A shown
 * formula is a clone of the cached tree (cloning copies styles, which CSP allows).
 */
function renderTex(kit: KatexKit, tex: string, display: boolean): HTMLElement {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const hit = typeset.get(key);
  if (hit !== undefined) {
    typeset.delete(key);
    typeset.set(key, hit);
    return hit;
  }
  const root = document.createElement('span');
  // Throws on TeX it cannot read; nothing is cached then.
  kit.katex.render(tex, root, {
    displayMode: display,
    throwOnError: true,
    trust: false,
    strict: 'ignore',
    output: 'htmlAndMathml',
    maxSize: KATEX_MAX_SIZE,
    maxExpand: KATEX_MAX_EXPAND,
  });
  typeset.set(key, root);
  if (typeset.size > TYPESET_CACHE) typeset.delete(typeset.keys().next().value!);
  return root;
}

function fontUrl(): ((file: string) => string) | undefined {
  const base = NnMath.fontBase ?? setting('fontBase');
  return base ? (file) => new URL(file, base.endsWith('/') ? base : `${base}/`).href : undefined;
}

/**
 * Typesets TeX with KaTeX inside its shadow root, inline or as a display formula.
 *
 * The TeX comes from the `tex` property, or else from the element's own text (`<nn-math>\frac{a}{b}</nn-math>`),
 * and is typeset again whenever either changes. KaTeX runs with `trust: false` (no links, classes or HTML from the
 * TeX). A formula KaTeX cannot read is shown in place with KaTeX's message, and fires `nn-error`; it never throws.
 * KaTeX itself is loaded when the first formula is typeset; until then the formula's room is kept free (a guess
 * from its TeX), so the text around it does not jump. KaTeX's font faces are declared once in the document (font
 * faces inside a shadow root load no fonts); the fonts come from beside the library, or from `fontBase`
 * (`configure({ fontBase })` or `<meta name="nn-mathlets:font-base">`).
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
   * <nn-math> renders (or use `configure({ fontBase })`). When unset, each font is loaded from beside the library
   * (`dist/fonts/`, or the installed `katex` package as a dev server or a bundler provides it).
   */
  static fontBase?: string;

  /** The TeX to typeset (at most 600 characters, sizes up to 20em). When unset, the element's text content is used. */
  @property({ type: String, attribute: 'tex', check: texProblem }) tex?: string = undefined;

  /** Typeset as a display formula (own line, centred, larger operators) rather than inline. */
  @property({ type: Boolean, reflect: true, attribute: 'display' }) display = false;

  /** The text content, watched while no `tex` is set. */
  @state() private source = '';
  /** KaTeX's tree for the formula (null until KaTeX has loaded, or when it cannot be typeset). */
  @state() private rendered: HTMLElement | null = null;
  /** A display formula wider than its box scrolls; it then takes focus so keyboard users can scroll it too. */
  @state() private overflowing = false;
  private observer?: MutationObserver;
  private readonly size = new ResizeController(this);

  override connectedCallback(): void {
    super.connectedCallback();
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
    const kit = loadedKatex();
    if (kit) root.adoptedStyleSheets = [...root.adoptedStyleSheets, kit.sheet];
    return root;
  }

  private measureFrame = 0;
  /** The span last filled with a formula, and the tree it was cloned from. */
  private filled?: HTMLElement;
  private filledWith: HTMLElement | null = null;

  /** The TeX being typeset (from `tex`, else the text content). */
  get texSource(): string {
    return (this.tex ?? this.source).trim();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('tex') && !changed.has('display') && !changed.has('source')) return;
    this.typeset();
  }

  private typeset(): void {
    const tex = this.texSource;
    // The text content is checked here (a `tex` property already passed its rule): refused before KaTeX loads.
    const problem = this.tex === undefined ? texProblem(tex) : undefined;
    if (problem) {
      this.rendered = null;
      this.fail(`Cannot typeset: ${problem}`, { attribute: 'textContent', value: tex });
      return;
    }
    const kit = loadedKatex();
    if (!kit) {
      this.rendered = null;
      void loadKatex(fontUrl).then(
        (k) => {
          const root = this.renderRoot as ShadowRoot | undefined;
          if (root && !root.adoptedStyleSheets.includes(k.sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, k.sheet];
          this.typeset();
        },
        (e: unknown) => this.fail(`Cannot load KaTeX to typeset formulas: ${e instanceof Error ? e.message : String(e)}`, { cause: e }),
      );
      return;
    }
    const display = this.display;
    if (tex.length > SYNC_TEX_LENGTH) {
      // Typeset in a task of its own, even from the cache: KaTeX's script, and the browser's layout of a long formula
      // (its MathML most of all), would each take half of a long task if they ran with the update of the element
      // that set the TeX (part (c) of <nn-mathlet>). The formula shown so far stays meanwhile.
      this.inSlices('typeset', async () => this.typesetNow(kit, tex, display));
      return;
    }
    this.cancelSlices('typeset');
    this.typesetNow(kit, tex, display);
  }

  private typesetNow(kit: KatexKit, tex: string, display: boolean): void {
    try {
      this.rendered = renderTex(kit, tex, display);
      this.clearError();
    } catch (e) {
      this.rendered = null;
      const message = e instanceof Error ? e.message.replace(/^KaTeX parse error: /, '') : String(e);
      this.fail(`Cannot typeset: ${message}`, { attribute: this.tex === undefined ? 'textContent' : 'tex', value: tex, cause: e });
    }
  }


  /** Also waits for KaTeX while it loads, so that a resolved `updateComplete` means the formula is typeset. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (loadedKatex() || !this.isConnected) return done;
    await loadKatex(fontUrl).catch(() => undefined);
    return super.getUpdateComplete();
  }

  protected override render() {
    if (this.errorMessage) {
      return html`<span part="error" class="nn-error" role="alert"
        ><code>${this.texSource}</code> — ${this.errorMessage}</span
      >`;
    }
    if (!this.rendered) {
      // KaTeX is loading: its room is kept, and the TeX is what a screen reader reads meanwhile.
      const box = reserveBox(this.texSource, this.display);
      return html`<span part="math" class="math pending" role="img" aria-label=${this.texSource} aria-busy="true"
        ><span class="reserve" style=${styleProps({ width: `${box.width}em`, height: `${box.height}em`, verticalAlign: `-${box.depth}em` })}></span
      ></span>`;
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
    // KaTeX's nodes go straight into the span, cloned from the cache; no HTML string is parsed.
    const span = this.renderRoot.querySelector<HTMLElement>('span.math:not(.pending)');
    if (span && this.rendered && (span !== this.filled || this.filledWith !== this.rendered)) {
      span.replaceChildren(...[...this.rendered.childNodes].map((n) => n.cloneNode(true)));
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
