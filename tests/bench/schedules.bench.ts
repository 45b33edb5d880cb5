/**
 * Cost of one learning-rate lookup per schedule: the optimizer calls it once per step, so it must stay far below
 * a training step (25–50 µs for the 2-D labs' networks).
 */
import { makeSchedule, SCHEDULE_DEFAULTS, SCHEDULE_NAMES } from '../../src/schedules/index.js';
import type { ScheduleSpec } from '../../src/spec/types.js';
import { timeMs, type BenchRow } from './types.js';

export default async function bench(): Promise<BenchRow[]> {
  const steps = 1_000_000;
  const rows: BenchRow[] = [];
  for (const name of SCHEDULE_NAMES) {
    const fn = makeSchedule(SCHEDULE_DEFAULTS[name] as ScheduleSpec);
    let sink = 0;
    const ms = await timeMs(() => {
      for (let step = 0; step < steps; step++) sink += fn(step);
    });
    rows.push({
      name: `${name} rate lookup`,
      value: (ms * 1e6) / steps,
      unit: 'ns/step',
      target: '< 1000 ns/step',
      note: sink > 0 ? undefined : 'no rates summed',
    });
  }
  return rows;
}
