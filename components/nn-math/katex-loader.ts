// KaTeX (about 270 KB minified, with its 21 KB stylesheet) is loaded when the first formula is typeset, not with
// the element: most elements, <nn-mathlet> included, paint their first frame without it.
import type katexModule from 'katex';

/** What typesetting needs once loaded: KaTeX itself and one stylesheet of its rules for the shadow roots. */
export interface KatexKit {
  katex: typeof katexModule;
  /** KaTeX's rules without its font faces, shared by every `<nn-math>` shadow root. */
  sheet: CSSStyleSheet;
}

let kit: KatexKit | undefined;
let loading: Promise<KatexKit> | undefined;

/** Where KaTeX's woff2 fonts are loaded from when a site hosts them itself (`configure({ fontBase })`). */
export type FontUrl = (file: string) => string;

/** KaTeX, if it has loaded: elements typeset synchronously from then on. */
export function loadedKatex(): KatexKit | undefined {
  return kit;
}

/**
 * Loads KaTeX, its stylesheet and its font list once, and declares the font faces in the document (font faces in a
 * shadow root register no fonts). The faces go in a constructed sheet, which a strict `style-src` allows where a
 * `<style>` element would be refused.
 */
export function loadKatex(fontUrl: () => FontUrl | undefined): Promise<KatexKit> {
  loading ??= Promise.all([import('katex'), import('./katex-css.js'), import('./katex-fonts.js')]).then(
    ([k, css, fonts]) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css.KATEX_CSS);
      const url = fontUrl() ?? ((file: string) => fonts.KATEX_FONT_URLS[file] ?? file);
      installFontFaces(css.katexFontFaces(url));
      kit = { katex: k.default, sheet };
      return kit;
    },
  );
  return loading;
}

const FACES_MARK = Symbol.for('nn-mathlets.katex-font-faces');

/** Adds KaTeX's font faces to the document once, even when two copies of the library are on the page. */
function installFontFaces(faces: string): void {
  const doc = document as Document & { [FACES_MARK]?: true };
  if (doc[FACES_MARK]) return;
  doc[FACES_MARK] = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(faces);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
