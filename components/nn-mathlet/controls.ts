/** The panels `<nn-mathlet controls="...">` can show. */
export const PANELS = ['network', 'boundary', 'buttons', 'readout', 'derivative', 'dead-regions', 'paths'] as const;
export type Panel = (typeof PANELS)[number];

/**
 * "all" (default), "none", or a list of panels separated by spaces or commas. Returns the set, or a message
 * naming the unknown word.
 */
export function parseControls(text: string): Set<Panel> | string {
  const words = text.trim().toLowerCase().split(/[\s,]+/).filter(Boolean);
  if (words.length === 0 || (words.length === 1 && words[0] === 'all')) return new Set(PANELS);
  if (words.length === 1 && words[0] === 'none') return new Set();
  const bad = words.filter((w) => !(PANELS as readonly string[]).includes(w));
  if (bad.length) return `controls="${text}": unknown panel ${bad.map((b) => `"${b}"`).join(', ')} (use ${PANELS.join(', ')}, all or none)`;
  return new Set(words as Panel[]);
}
