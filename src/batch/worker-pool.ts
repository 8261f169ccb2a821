/**
 * Runs jobs on worker threads and yields their results in job order. At most `window` results
 * are ahead of the consumer, so memory stays bounded however many jobs there are; results are
 * never collected.
 */
import { Worker } from 'node:worker_threads';

export interface PoolOptions<R> {
  workerUrl: URL;
  workerData: unknown;
  threads: number;
  /** How far dispatch may run ahead of the consumer, in jobs. */
  window: number;
  /** Jobs sent to one worker before it answers, so it never waits for the main thread. */
  perWorker: number;
  /** The result standing in for a job that made its worker die (a crash, out of memory). */
  onCrash: (index: number, error: Error) => R;
}

interface Slot {
  worker: Worker;
  inFlight: Set<number>;
  /** The worker loaded its code and said so (it posts `{ ready: true }` first). */
  ready: boolean;
  /** Runs one job alone, to find out whether that job is what kills workers. */
  isolating: boolean;
}

/** Workers that may die in a row, with no result in between, before the run gives up. */
const MAX_DEATHS_WITHOUT_PROGRESS = 8;

/** The progress of one `run`: what is dispatched, what waits to be yielded, what runs again. */
interface RunState<J, R> {
  jobs: readonly J[];
  /** Results that arrived before their turn to be yielded. */
  ready: Map<number, R>;
  /** Jobs that were on a worker when it died, to be run again one at a time. */
  retry: J[];
  nextDispatch: number;
  nextYield: number;
  /** Worker deaths since the last result. */
  deaths: number;
}

export class OrderedWorkerPool<J extends { index: number }, R extends { index: number }> {
  private slots: Slot[] = [];
  private stopped = false;
  private fatal: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: PoolOptions<R>) {}

  /** Yields one result per job, in order, until all are done or `stop()` is called. */
  async *run(jobs: readonly J[]): AsyncGenerator<R> {
    const state: RunState<J, R> = {
      jobs,
      ready: new Map(),
      retry: [],
      nextDispatch: 0,
      nextYield: 0,
      deaths: 0,
    };
    try {
      const threads = Math.max(1, Math.min(this.options.threads, jobs.length));
      for (let i = 0; i < threads && jobs.length > 0; i++) this.slots.push(this.start(state));
      while (state.nextYield < jobs.length && !this.stopped) {
        const result = state.ready.get(state.nextYield);
        if (result === undefined) {
          if (this.fatal !== undefined) throw this.fatal;
          await new Promise<void>((resolve) => (this.wake = resolve));
          continue;
        }
        state.ready.delete(state.nextYield);
        state.nextYield += 1;
        this.dispatch(state);
        yield result;
      }
    } finally {
      await this.stop();
    }
  }

  /** Stops dispatching and ends the workers; `run` returns after the result it is on. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.notify();
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private send(slot: Slot, job: J): void {
    slot.inFlight.add(job.index);
    slot.worker.postMessage(job);
  }

  /** Gives idle workers the jobs to retry alone first, then new jobs up to the window. */
  private dispatch(state: RunState<J, R>): void {
    if (this.stopped) return;
    for (const slot of this.slots) {
      if (state.retry.length === 0) break;
      if (slot.ready && slot.inFlight.size === 0) {
        slot.isolating = true;
        this.send(slot, state.retry.shift() as J);
      }
    }
    const { jobs } = state;
    const { window, perWorker } = this.options;
    while (state.nextDispatch < jobs.length && state.nextDispatch < state.nextYield + window) {
      let best: Slot | undefined;
      for (const slot of this.slots) {
        if (slot.isolating || slot.inFlight.size >= perWorker) continue;
        if (best === undefined || slot.inFlight.size < best.inFlight.size) best = slot;
      }
      if (best === undefined) return;
      this.send(best, jobs[state.nextDispatch] as J);
      state.nextDispatch += 1;
    }
  }

  private settle(state: RunState<J, R>, index: number, result: R): void {
    state.ready.set(index, result);
    if (index === state.nextYield) this.notify();
  }

  private start(state: RunState<J, R>): Slot {
    const worker = new Worker(this.options.workerUrl, { workerData: this.options.workerData });
    const slot: Slot = { worker, inFlight: new Set(), ready: false, isolating: false };
    worker.on('message', (message: R | { ready: true }) => {
      if ('ready' in message) {
        slot.ready = true;
      } else {
        state.deaths = 0;
        slot.inFlight.delete(message.index);
        slot.isolating = false;
        this.settle(state, message.index, message);
      }
      this.dispatch(state);
    });
    worker.on('error', (error) => this.onDeath(state, slot, error));
    worker.on('exit', (code) =>
      this.onDeath(state, slot, new Error(`worker stopped with exit code ${code}`)),
    );
    return slot;
  }

  private onDeath(state: RunState<J, R>, slot: Slot, error: Error): void {
    if (this.stopped || !this.slots.includes(slot)) return;
    this.slots = this.slots.filter((s) => s !== slot);
    state.deaths += 1;
    if (!slot.ready || state.deaths > MAX_DEATHS_WITHOUT_PROGRESS) {
      // A worker that cannot even load, or keeps dying, will not do better the next time.
      this.fatal = error;
      this.notify();
      return;
    }
    const held = [...slot.inFlight].sort((a, b) => a - b);
    if (held.length === 1) {
      this.settle(state, held[0] as number, this.options.onCrash(held[0] as number, error));
    } else {
      // Any of them may be the culprit; each runs again alone.
      for (const index of held) state.retry.push(state.jobs[index] as J);
    }
    this.slots.push(this.start(state));
    this.dispatch(state);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
