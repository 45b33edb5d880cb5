import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { describeSchedule, sampleSchedule, SCHEDULE_NAMES, SCHEDULE_TITLES } from '../../src/schedules/index.js';
import type { ScheduleDescription, ScheduleParam } from '../../src/schedules/index.js';
import type { ScheduleSpec } from '../../src/spec/types.js';
import { NnScheduleChangeEvent } from '../events/nn-schedule-change.js';
import { enumConverter, integerConverter, jsonConverter } from '../internal/attributes.js';
import { NnElement } from '../internal/nn-element.js';
import { autoSteps, buildSpec, paramFields, paramsOf, readField, specProblem } from './schedule-params.js';
import { formulaAndCode, kerasText } from './schedule-code.js';
import { PLOT, schedulePlot, tick } from './schedule-plot.js';
import { styles } from './nn-schedule.styles.js';

type ScheduleName = ScheduleSpec['name'];

/**
 * A learning-rate schedule to pick, edit and read: the rate over steps (or epochs), its formula and its Keras code.
 *
 * @tagname nn-schedule
 * @summary Pick a learning-rate schedule, edit its parameters, see its curve, formula and Keras code.
 * @fires nn-schedule-change - The student picked a schedule or edited a parameter (`event.spec`, valid).
 * @fires change - The student toggled the log scale.
 * @fires nn-error - A schedule name, parameter or spec could not be used (the last good schedule stays).
 * @csspart picker - The schedule picker and parameter fields.
 * @csspart plot - The SVG plot of the rate.
 * @csspart formula - The formula, with numbers and in symbols.
 * @csspart code - The Keras code and its copy button.
 * @csspart error - The message shown for something it cannot use.
 * @cssprop --nn-schedule-line - Colour of the rate curve (default #0072b2).
 */
export class NnSchedule extends NnElement {
  static override styles = [styles];

  /** The schedule's Keras class name: ExponentialDecay, PiecewiseConstantDecay, InverseTimeDecay, PolynomialDecay, CosineDecay, CosineDecayRestarts or OneCycle. */
  @property({ attribute: 'schedule', converter: enumConverter('schedule', SCHEDULE_NAMES) }) schedule: ScheduleName = 'ExponentialDecay';

  /**
   * Parameters over the schedule's defaults, as JSON in the attribute (`{"decayRate": 0.9}`; PiecewiseConstantDecay
   * takes at most 100 boundaries).
   */
  @property({
    attribute: 'params',
    converter: jsonConverter('params'),
    check: (p: unknown, el: NnSchedule) => {
      const built = buildSpec(el.schedule, p);
      return 'spec' in built ? undefined : built.message;
    },
  })
  params?: Record<string, unknown> = undefined;

  /** Steps to plot; 0 picks a length that shows the schedule's shape. */
  @property({ attribute: 'steps', converter: integerConverter('steps', 0, 1e9) }) steps = 0;

  /** Steps in one epoch; when above 0 the x axis counts epochs. */
  @property({ attribute: 'steps-per-epoch', converter: integerConverter('steps-per-epoch', 0, 1e9) }) stepsPerEpoch = 0;

  /** Plot the rate on a log scale. */
  @property({ type: Boolean, attribute: 'log-scale' }) logScale = false;

  /**
   * The schedule shown, as a ScheduleSpec (set it to show another; read it to hand it to a lab). Filled from
   * `schedule` and `params` at the first update.
   */
  @property({ attribute: false, check: specProblem }) spec: ScheduleSpec = undefined!;

  @state() private cursor = 0;
  @state() private status = '';
  private description!: ScheduleDescription;
  private samples: ReturnType<typeof sampleSchedule> = { steps: new Float64Array(0), values: new Float64Array(0) };

  /** The steps and rates drawn, as sampled from the schedule (for a page, or a test, to read). */
  get plotted(): ReturnType<typeof sampleSchedule> {
    return this.samples;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('spec') && this.spec !== undefined) {
      this.schedule = this.spec.name;
      this.params = paramsOf(this.spec);
    } else if (changed.has('schedule') || changed.has('params') || this.spec === undefined) {
      // A new schedule alone (or with parameters that were refused) starts from its defaults: the old one's
      // parameters would not fit it.
      const paramsGiven = changed.has('params') && this.params !== changed.get('params');
      const fresh = changed.has('schedule') && !paramsGiven && this.hasUpdated;
      const built = buildSpec(this.schedule, fresh ? undefined : this.params);
      this.spec = 'spec' in built ? built.spec : buildSpecOrThrow('ExponentialDecay');
      if (!('spec' in built)) this.fail(built.message, { attribute: built.attribute, value: this.params });
    }
    this.description = describeSchedule(this.spec);
    const last = this.steps > 0 ? this.steps : autoSteps(this.spec);
    this.samples = sampleSchedule(this.spec, last, Math.min(last + 1, 256));
    this.cursor = Math.min(this.cursor, this.samples.steps.length - 1);
  }

  /** A user's edit: validated, applied, announced. */
  private commit(spec: ScheduleSpec, what: string, value: unknown): void {
    const message = specProblem(spec);
    if (message) {
      this.fail(message, { attribute: what, value });
      return;
    }
    this.spec = spec;
    this.params = paramsOf(spec);
    this.updateComplete.then(() => this.emit(new NnScheduleChangeEvent(structuredClone(spec))));
  }

  private onPick(e: Event): void {
    const name = (e.target as HTMLSelectElement).value;
    const built = buildSpec(name, undefined);
    if ('spec' in built) this.commit(built.spec, 'schedule', name);
  }

  private onParam(p: ScheduleParam, input: HTMLInputElement): void {
    const read = readField(p, input);
    if ('message' in read) this.fail(read.message, { attribute: p.name, value: input.value });
    else this.commit({ ...this.spec, [p.name]: read.value } as ScheduleSpec, p.name, read.value);
  }

  private async copy(): Promise<void> {
    const text = kerasText(this.description);
    try {
      await navigator.clipboard.writeText(text);
      this.status = 'Copied the Keras code.';
    } catch {
      this.status = 'Copying is not allowed here: select the code and copy it.';
    }
  }

  private xOf(step: number): number {
    return this.stepsPerEpoch > 0 ? step / this.stepsPerEpoch : step;
  }

  protected override render() {
    const d = this.description;
    const { steps, values } = this.samples;
    const xs = Array.from(steps, (s) => this.xOf(s));
    const unit = this.stepsPerEpoch > 0 ? 'epoch' : 'step';
    const c = this.cursor;
    return html`
      <div part="picker" class="picker">
        <label class="field"><span>Schedule</span>
          <select @change=${this.onPick}>
            ${SCHEDULE_NAMES.map((n) => html`<option value=${n} ?selected=${n === this.spec.name}>${SCHEDULE_TITLES[n]}</option>`)}
          </select></label>
        ${paramFields(d.params, (p, input) => this.onParam(p, input))}
        <label class="field check"><input type="checkbox" .checked=${this.logScale} @change=${this.onLog} /><span>log scale</span></label>
      </div>
      ${this.renderError()}
      <svg part="plot" viewBox="0 0 ${PLOT.width} ${PLOT.height}" role="img"
        aria-label="${d.title}: learning rate over ${xs.at(-1) ?? 0} ${unit}s, from ${tick(values[0])} to ${tick(values.at(-1) ?? 0)}">
        ${schedulePlot(xs, values, xs.at(-1) ?? 0, this.logScale, unit, c)}
      </svg>
      <label class="field readout"><span>${unit}</span>
        <input type="range" min="0" max=${values.length - 1} .value=${String(c)} aria-valuetext="${unit} ${tick(xs[c])}: rate ${tick(values[c])}"
          @input=${(e: Event) => (this.cursor = Number((e.target as HTMLInputElement).value))} />
        <output>${unit} ${tick(xs[c])}: rate ${values[c]?.toPrecision(4)}</output></label>
      ${formulaAndCode(d, this.status, () => void this.copy())}`;
  }

  private onLog(e: Event): void {
    this.logScale = (e.target as HTMLInputElement).checked;
    this.emitNative('change');
  }
}

function buildSpecOrThrow(name: string): ScheduleSpec {
  const built = buildSpec(name, undefined);
  if (!('spec' in built)) throw new Error(built.message);
  return built.spec;
}
