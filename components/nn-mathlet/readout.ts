import { html } from 'lit';

/** The buttons that change the state: "Show best" (3 hidden units only), "Reset", "New point". */
export function renderToolbar(a: { best: boolean; showBest(): void; reset(): void; newPoint(): void }) {
  return html`<div part="toolbar" class="toolbar">
    <button part="button" type="button" @click=${a.showBest} ?disabled=${!a.best}
      title=${a.best ? '' : 'The published parameters are for 3 hidden units'}>Show best</button>
    <button part="button" type="button" @click=${a.reset}>Reset</button>
    <button part="button" type="button" @click=${a.newPoint}>New point</button>
  </div>`;
}

/** p(gold) at the point, its true class and the predicted one (● gold, ■ purple), and whether they agree. */
export function renderReadout(point: readonly [number, number], pGold: number, gold: boolean) {
  const truth = gold ? 'gold' : 'purple';
  const predicted = pGold > 0.5 ? 'gold' : 'purple';
  const right = predicted === truth;
  return html`<p part="readout" class="readout" aria-live="polite">
    <span class="p">p(gold) = <strong>${pGold.toFixed(3)}</strong></span>
    <span>at (${point[0].toFixed(2)}, ${point[1].toFixed(2)}): true class <span class="cls ${truth}">${truth}</span>,
      predicted <span class="cls ${predicted}">${predicted}</span></span>
    <strong class=${right ? 'right' : 'wrong'}>${right ? '✓ right' : '✗ wrong'}</strong>
  </p>`;
}
