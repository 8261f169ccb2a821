/**
 * Correction 5: bleeding between periods is not a short cycle. An unlabelled run with two flow
 * days is a period by shape (D4), but when the person's own cycle pattern is established (a
 * prediction exists), the run starts well before the predicted period, and the next period then
 * arrives on schedule, it was bleeding between periods: the cycle went on around it.
 */
import { CycleModel, type Episode } from './episodes.ts';
import type { States } from './states.ts';
import type { Timeline } from './timeline.ts';

/** "Well before": at least this many days before the predicted start. */
export const MID_CYCLE_EARLY_DAYS = 7;
/** "On schedule": the following period starts within this many days of that prediction. */
export const ON_SCHEDULE_DAYS = 3;

/** The episodes with each mid-cycle run reclassified as a non-period episode. */
export function reclassifyMidCycleRuns(
  episodes: Episode[],
  tl: Timeline,
  states: States,
): Episode[] {
  let current = episodes;
  let model = new CycleModel(current, tl, states);
  for (let k = 0; k + 1 < model.periods.length;) {
    const run = model.periods[k]!;
    if (!isMidCycleRun(model, run, model.periods[k + 1]!)) {
      k++;
      continue;
    }
    const demoted: Episode = { ...run, isPeriod: false, start: undefined };
    current = current.map((e) => (e === run ? demoted : e));
    // The periods after it now move up one place; re-read them from the changed list.
    model = new CycleModel(current, tl, states);
  }
  return current;
}

function isMidCycleRun(model: CycleModel, run: Episode, next: Episode): boolean {
  if (run.labeled) return false;
  const predicted = model.predict(run.first);
  if (predicted === undefined) return false;
  if (run.start! > predicted - MID_CYCLE_EARLY_DAYS) return false;
  return Math.abs(next.start! - predicted) <= ON_SCHEDULE_DAYS;
}
