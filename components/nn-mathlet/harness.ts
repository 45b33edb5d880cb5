// Drives an nn-mathlet the way a student does: real mouse and keyboard through @web/test-runner-commands.
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { NnMathlet } from './nn-mathlet.component.js';
import type { NnBoundary } from '../nn-boundary/nn-boundary.component.js';
import type { NnNetwork } from '../nn-network/nn-network.component.js';

export class MathletHarness {
  constructor(readonly el: NnMathlet) {}

  get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }
  get boundary(): NnBoundary {
    return this.root.querySelector('nn-boundary')!;
  }
  get network(): NnNetwork {
    return this.root.querySelector('nn-network')!;
  }
  button(name: string): HTMLButtonElement {
    const b = [...this.root.querySelectorAll('button')].find((x) => x.textContent!.trim().startsWith(name));
    if (!b) throw new Error(`no button "${name}"`);
    return b;
  }
  slider(key: string): HTMLInputElement {
    return this.network.shadowRoot!.querySelector(`input[data-key="${key}"]`)!;
  }
  text(selector: string): string {
    return this.root.querySelector(selector)?.textContent?.trim() ?? '';
  }

  /** Clicks the centre of an element with the real mouse. */
  async click(el: Element): Promise<void> {
    const r = el.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    await this.settle();
  }

  /** Drags the boundary's probe to (x, y) in the unit square. */
  async dragPointTo(x: number, y: number): Promise<void> {
    const svg = this.boundary.shadowRoot!.querySelector('svg')!;
    const box = svg.getBoundingClientRect();
    const probe = this.boundary.shadowRoot!.querySelector('.probe circle')!.getBoundingClientRect();
    const from: [number, number] = [Math.round(probe.left + probe.width / 2), Math.round(probe.top + probe.height / 2)];
    const to: [number, number] = [Math.round(box.left + x * box.width), Math.round(box.top + (1 - y) * box.height)];
    await sendMouse({ type: 'move', position: from });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round((from[0] + to[0]) / 2), Math.round((from[1] + to[1]) / 2)] });
    await sendMouse({ type: 'move', position: to });
    await sendMouse({ type: 'up' });
    await this.settle();
  }

  /** Presses a key, with a modifier held (Shift, Alt …) if given. */
  async press(key: string, modifier?: string): Promise<void> {
    if (modifier) await sendKeys({ down: modifier });
    await sendKeys({ press: key });
    if (modifier) await sendKeys({ up: modifier });
    await this.settle();
  }

  async settle(): Promise<void> {
    await this.el.updateComplete;
    await this.network?.updateComplete;
    await this.boundary?.updateComplete;
  }
}
