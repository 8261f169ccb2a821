/** The progress line on stderr: files done of total, rate, time left. Only on a terminal. */

export interface ProgressLine {
  update(done: number): void;
  /** Erases the line, so that what follows starts clean. */
  clear(): void;
}

const REDRAW_MS = 100;

export function createProgressLine(
  stream: NodeJS.WriteStream,
  total: number,
  now: () => number = () => performance.now(),
): ProgressLine {
  if (!stream.isTTY || total === 0) return { update() {}, clear() {} };
  const started = now();
  let last = -Infinity;
  let shown = false;
  return {
    update(done) {
      const t = now();
      if (t - last < REDRAW_MS && done < total) return;
      last = t;
      shown = true;
      stream.write(`\r\u001b[K${formatProgress(done, total, (t - started) / 1000)}`);
    },
    clear() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
      // Redraw at the next update: the line was erased for other output.
      last = -Infinity;
    },
  };
}

export function formatProgress(done: number, total: number, seconds: number): string {
  const rate = seconds > 0 ? done / seconds : 0;
  const percent = Math.floor((100 * done) / total);
  let text = `batch: ${done}/${total} logs (${percent} %)`;
  if (done > 0 && seconds >= 0.5) {
    text += ` · ${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} logs/s`;
    if (done < total) text += ` · about ${formatDuration((total - done) / rate)} left`;
  }
  return text;
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${String(rest).padStart(2, '0')}`
    : `${m}:${String(rest).padStart(2, '0')}`;
}
