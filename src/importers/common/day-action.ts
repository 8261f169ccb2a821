/**
 * What an app's symptom or event means for the day it is logged on, and applying it. Shared by
 * the importers whose exports are lists of named symptoms (Mensinator, Flo).
 */
import type { IsoDate } from '../../core/dates.ts';
import type { Bleeding, Discharge } from '../../core/log.ts';
import type { DayBuilder } from './day-builder.ts';
import type { ImportTally } from './tally.ts';

export type DayAction =
  | { kind: 'bleeding'; level: Bleeding; period?: boolean }
  | { kind: 'flag'; field: 'sex' | 'fever' | 'odor' | 'painful_urination' | 'dizzy' }
  | { kind: 'pain_during_sex' }
  | { kind: 'severity'; field: 'cramps' | 'pelvic_pain' }
  | { kind: 'discharge'; value: Discharge };

/** Sets the day's fields for `action` and counts it as mapped under `what`. */
export function applyDayAction(
  days: DayBuilder,
  tally: ImportTally,
  date: IsoDate,
  what: string,
  action: DayAction,
): void {
  switch (action.kind) {
    case 'bleeding':
      days.bleeding(date, action.level);
      if (action.period) days.flag(date, 'period');
      tally.mapped(what, `bleeding: ${action.level}`);
      break;
    case 'flag':
      days.flag(date, action.field);
      tally.mapped(what, action.field);
      break;
    case 'pain_during_sex':
      days.flag(date, 'pain_during_sex');
      days.flag(date, 'sex');
      tally.mapped(what, 'pain_during_sex');
      break;
    case 'severity':
      days.severity(date, action.field, 'mild');
      tally.mapped(what, `${action.field}: mild`);
      break;
    case 'discharge':
      if (action.value !== 'none') days.discharge(date, action.value);
      tally.mapped(what, `discharge: ${action.value}`);
      break;
  }
}
