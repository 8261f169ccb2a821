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

export class OrderedWorkerPool<J extends { index: number }, R extends { index: number }> {
  private slots: Slot[] = [];
  private stopped = false;
  private fatal: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: PoolOptions<R>) {}

  /** Yields one result per job, in order, until all are done or `stop()` is called. */
  async *run(jobs: readonly J[]): AsyncGenerator<R> {
    const ready = new Map<number, R>();
    // Jobs that were on a worker when it died, to be run again one at a time.
    const retry: J[] = [];
    let nextDispatch = 0;
    let nextYield = 0;
    let deaths = 0;

    const send = (slot: Slot, job: J): void => {
      slot.inFlight.add(job.index);
      slot.worker.postMessage(job);
    };

    const dispatch = (): void => {
      if (this.stopped) return;
      for (const slot of this.slots) {
        if (retry.length === 0) break;
        if (slot.ready && slot.inFlight.size === 0) {
          slot.isolating = true;
          send(slot, retry.shift() as J);
        }
      }
      while (nextDispatch < jobs.length && nextDispatch < nextYield + this.options.window) {
        let best: Slot | undefined;
        for (const slot of this.slots) {
          if (slot.isolating || slot.inFlight.size >= this.options.perWorker) continue;
          if (best === undefined || slot.inFlight.size < best.inFlight.size) best = slot;
        }
        if (best === undefined) return;
        send(best, jobs[nextDispatch] as J);
        nextDispatch += 1;
      }
    };

    const settle = (index: number, result: R): void => {
      ready.set(index, result);
      if (index === nextYield) this.notify();
    };

    const start = (): Slot => {
      const worker = new Worker(this.options.workerUrl, { workerData: this.options.workerData });
      const slot: Slot = { worker, inFlight: new Set(), ready: false, isolating: false };
      worker.on('message', (message: R | { ready: true }) => {
        if ('ready' in message) {
          slot.ready = true;
        } else {
          deaths = 0;
          slot.inFlight.delete(message.index);
          slot.isolating = false;
          settle(message.index, message);
        }
        dispatch();
      });
      const onDeath = (error: Error): void => {
        if (this.stopped || !this.slots.includes(slot)) return;
        this.slots = this.slots.filter((s) => s !== slot);
        deaths += 1;
        if (!slot.ready || deaths > MAX_DEATHS_WITHOUT_PROGRESS) {
          // A worker that cannot even load, or keeps dying, will not do better the next time.
          this.fatal = error;
          this.notify();
          return;
        }
        const held = [...slot.inFlight].sort((a, b) => a - b);
        if (held.length === 1) {
          settle(held[0] as number, this.options.onCrash(held[0] as number, error));
        } else {
          // Any of them may be the culprit; each runs again alone.
          for (const index of held) retry.push(jobs[index] as J);
        }
        this.slots.push(start());
        dispatch();
      };
      worker.on('error', onDeath);
      worker.on('exit', (code) => onDeath(new Error(`worker stopped with exit code ${code}`)));
      return slot;
    };

    try {
      const threads = Math.max(1, Math.min(this.options.threads, jobs.length));
      for (let i = 0; i < threads && jobs.length > 0; i++) this.slots.push(start());
      while (nextYield < jobs.length && !this.stopped) {
        const result = ready.get(nextYield);
        if (result === undefined) {
          if (this.fatal !== undefined) throw this.fatal;
          await new Promise<void>((resolve) => (this.wake = resolve));
          continue;
        }
        ready.delete(nextYield);
        nextYield += 1;
        dispatch();
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

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
