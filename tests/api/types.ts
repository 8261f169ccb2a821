/**
 * types/index.d.ts is hand-kept (one small file a user reads, no internal module paths); this
 * file makes the typecheck (`npm test`) fail when it and src/api.ts differ: every export, every
 * field of what the API returns and accepts, and each function's signature. No test runs it.
 */
import type * as Api from '../../types/index.d.ts';
import type * as Impl from '../../src/api.ts';
import type { ReportChecklistItem, ReportFlag, ReportPeriod } from '../../src/report/types.ts';
import type {
  ContraceptionInterval,
  CycleLog,
  DateRange,
  Day,
  Pregnancy,
  Profile,
  Screening,
} from '../../src/core/log.ts';
import type { ProfileGap, Warning } from '../../src/log/import-contract.ts';

/** `true` when A and B have the same keys, and each key is optional in both or in neither. */
type SameKeys<A, B> = [
  Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>,
  Exclude<OptionalKeys<A>, OptionalKeys<B>> | Exclude<OptionalKeys<B>, OptionalKeys<A>>,
] extends [never, never]
  ? true
  : false;
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];
type Item<T> = T extends readonly (infer I)[] ? I : never;

type Report = ReturnType<typeof Impl.analyzeLog>;

export const sameFields: true[] = [
  true satisfies SameKeys<typeof Impl, typeof Api>,
  true satisfies SameKeys<Report, Api.Report>,
  true satisfies SameKeys<Report['input'], Api.Report['input']>,
  true satisfies SameKeys<ReportFlag, Api.ReportFlag>,
  true satisfies SameKeys<ReportPeriod, Api.ReportPeriod>,
  true satisfies SameKeys<ReportChecklistItem, Api.ReportChecklistItem>,
  true satisfies SameKeys<Item<Report['not_flagged']>, Item<Api.Report['not_flagged']>>,
  true satisfies SameKeys<Item<Report['not_evaluated']>, Item<Api.Report['not_evaluated']>>,
  true satisfies SameKeys<Item<Report['app_notes']>, Item<Api.Report['app_notes']>>,
  true satisfies SameKeys<Profile, Api.Profile>,
  true satisfies SameKeys<Day, Api.Day>,
  true satisfies SameKeys<CycleLog, Api.CycleLog>,
  true satisfies SameKeys<ContraceptionInterval, Api.ContraceptionInterval>,
  true satisfies SameKeys<Pregnancy, Api.Pregnancy>,
  true satisfies SameKeys<DateRange, Api.DateRange>,
  true satisfies SameKeys<Screening, Api.Screening>,
  true satisfies SameKeys<Warning, Api.Warning>,
  true satisfies SameKeys<ProfileGap, Api.ProfileGap>,
  true satisfies SameKeys<Impl.LogFile, Api.LogFile>,
  true satisfies SameKeys<Impl.ReadLogOptions, Api.ReadLogOptions>,
  true satisfies SameKeys<Impl.AnalyzeOptions, Api.AnalyzeOptions>,
];

// The implementation fits the declared signatures: it accepts everything they promise to accept
// and returns values of the declared types.
declare const impl: typeof Impl;
export const signatures: [
  typeof Api.readLog,
  typeof Api.analyzeLog,
  typeof Api.analyzeFile,
  typeof Api.REPORT_FORMAT,
  typeof Api.CANONICAL_LOG_FORMAT,
] = [
  impl.readLog,
  impl.analyzeLog,
  impl.analyzeFile,
  impl.REPORT_FORMAT,
  impl.CANONICAL_LOG_FORMAT,
];
// And what the declared readLog returns is what the implementation's analyzeLog accepts.
export const roundTrip = (file: Api.LogFile): Api.Report => impl.analyzeLog(file);
