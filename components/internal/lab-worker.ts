// The CIFAR-10 labs' training worker, as an element holds it: started on first use, its backend chosen by measuring
// the student's model, data loaded with progress, and ended (at once, if need be) when asked or when the element
// leaves the page. What was measured outlives an ended worker: the next one starts on the backend chosen then.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  type TrainingClient,
  type BackendName,
  type BackendReport,
  type DataInfo,
  type LoadDataParams,
  type MeasuredBackend,
  type MeasureParams,
} from '../../src/worker/index.js';
import { startTrainingClient } from './training-client.js';

/** A measured choice as the labs keep it (the worker's report aside). */
export type Measured = Omit<MeasuredBackend, 'report'>;

export class LabWorker implements ReactiveController {
  /** The worker's client while it runs. */
  client: TrainingClient | null = null;
  /** The backend the worker trains on. */
  backend: BackendReport | null = null;
  /** The last measurement, kept for the element's life (a re-run or a new worker does not measure again). */
  measured: Measured | null = null;
  /** Bytes loaded so far, while loading. */
  loading: { loaded: number; total: number | undefined } | null = null;
  /** The backend being timed, while measuring. */
  measuring: { label: string; index: number; count: number } | null = null;
  private measuredFor = '';

  constructor(
    host: ReactiveControllerHost,
    private readonly changed: () => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.end();
  }

  /** The worker, started and its backend chosen (the measured one, when there is one) on first use. */
  async start(backend: BackendName | 'auto'): Promise<TrainingClient> {
    if (this.client && this.backend) return this.client;
    let client = this.client;
    if (!client) {
      const made = startTrainingClient();
      made.on((e) => {
        if (e.type === 'load-progress' && made === this.client) {
          this.loading = { loaded: e.loaded, total: e.total };
          this.changed();
        }
      });
      client = this.client = made;
    }
    const measured = backend === 'auto' ? this.measured?.chosen.backend : undefined;
    // The backend measured before, when it still starts; else the usual choice.
    this.backend = measured ? await client.init({ backend: measured }).catch(() => client.init({ backend })) : await client.init({ backend });
    this.changed();
    return client;
  }

  /** Loads data into the worker, with progress in `loading`. */
  async load(params: LoadDataParams): Promise<DataInfo[]> {
    const client = this.client;
    if (!client) throw new Error('Start the worker first.');
    this.loading = { loaded: 0, total: undefined };
    this.changed();
    try {
      return await client.loadData(params);
    } finally {
      if (client === this.client) this.loading = null;
      this.changed();
    }
  }

  /**
   * Times the model's first steps on the backends (only `backend` when it is forced) and keeps the fastest active;
   * reuses the last measurement of the same model and batch size.
   */
  async measure(params: MeasureParams, backend: BackendName | 'auto'): Promise<Measured> {
    const client = this.client;
    if (!client) throw new Error('Start the worker first.');
    const key = JSON.stringify([params.spec, params.batchSize, backend]);
    if (this.measured && this.measuredFor === key && this.backend?.backend === this.measured.chosen.backend) return this.measured;
    this.measuring = { label: '', index: 0, count: 1 };
    this.changed();
    try {
      const out = await client.measure({ ...params, ...(backend !== 'auto' ? { backends: [backend] } : {}) }, (e) => {
        if (client !== this.client) return;
        this.measuring = { label: e.label, index: e.index, count: e.count };
        this.changed();
      });
      const { report, ...measured } = out;
      this.backend = report;
      this.measured = measured;
      this.measuredFor = key;
      return measured;
    } finally {
      if (client === this.client) this.measuring = null;
      this.changed();
    }
  }

  /** Ends the worker now: a step in progress is abandoned, and the model and data in it are gone. */
  end(): void {
    this.client?.terminate();
    this.client = null;
    this.backend = null;
    this.loading = null;
    this.measuring = null;
  }
}
