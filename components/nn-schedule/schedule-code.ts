// The schedule's formula (with numbers and in symbols) and its Keras code with a copy button.
import { html } from 'lit';
import type { ScheduleDescription } from '../../src/schedules/index.js';
import '../nn-math/nn-math.js';

/** The Keras code, with the class it needs first when Keras lacks it (1cycle). */
export const kerasText = (d: ScheduleDescription) => [d.kerasPrelude, d.kerasCode].filter(Boolean).join('\n');

export function formulaAndCode(d: ScheduleDescription, status: string, onCopy: () => void) {
  return html`<div part="formula" class="formula">
      <nn-math display .tex=${d.tex}></nn-math>
      <nn-math display .tex=${d.texSymbolic}></nn-math>
    </div>
    <div part="code" class="code">
      <pre tabindex="0" aria-label="Keras code"><code>${kerasText(d)}</code></pre>
      <button type="button" @click=${onCopy}>Copy Keras code</button>
      <span role="status" class="status">${status}</span>
    </div>`;
}
