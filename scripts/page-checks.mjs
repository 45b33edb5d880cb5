// Checks shared by the story check and the course check, run in a puppeteer page.

/**
 * The `nn-*` tags in the page that never registered (waiting up to `waitMs` for late ones): a story or page whose
 * element was never defined renders an empty unknown tag without a word.
 */
export function unregisteredTags(page, waitMs = 5000) {
  return page.evaluate(async (wait) => {
    const tags = [...new Set([...document.querySelectorAll('*')].map((e) => e.localName).filter((t) => t.startsWith('nn-')))];
    await Promise.race([Promise.all(tags.map((t) => customElements.whenDefined(t))), new Promise((r) => setTimeout(r, wait))]);
    return tags.filter((t) => !customElements.get(t));
  }, waitMs);
}
