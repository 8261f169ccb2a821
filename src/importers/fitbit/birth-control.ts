/**
 * menstrual_health_birth_control.csv (`birth_control_type, event_date, has_started`) to profile
 * contraception. The dates are the person's own (started / stopped), so they are kept. An IUD
 * without its kind becomes `iud` with the usual question; a pill of unknown kind is asked about,
 * not guessed. The token spellings are not in any public file: unknown ones are warned about.
 */
import type { ContraceptionInterval, Method } from '../../core/log.ts';
import { iudTypeGap, pillGap } from '../../log/profile-gaps.ts';
import type { ImportTally } from '../common/tally.ts';
import type { ProfileGap } from '../../log/import-contract.ts';
import { readFitbitDate, readFitbitTable } from './table.ts';
import type { FitbitText } from './read-files.ts';

type Reading = Method | 'pill' | 'skip';

/** The method a Fitbit birth-control token names, by the words in it. */
export function readMethodToken(token: string): Reading | undefined {
  const t = token.toLowerCase().replace(/[_-]+/g, ' ');
  if (/\b(none|no birth control)\b/.test(t)) return 'skip';
  const iud = /\biud\b|\bcoil\b|intrauterine/.test(t);
  if (iud && /copper|paragard|non hormonal/.test(t)) return 'copper-iud';
  if (iud && /hormonal|mirena|kyleena|skyla|liletta|levonorgestrel/.test(t)) return 'hormonal-iud';
  if (iud) return 'iud';
  if (/implant|nexplanon/.test(t)) return 'implant';
  if (/inject|shot|depo/.test(t)) return 'injection';
  if (/\bring\b|nuvaring/.test(t)) return 'ring';
  if (/patch/.test(t)) return 'patch';
  if (/mini ?pill|progest/.test(t)) return 'progestogen-pill';
  if (/combined/.test(t)) return 'combined-pill';
  if (/pill|oral/.test(t)) return 'pill';
  if (/condom/.test(t)) return 'condom';
  return undefined;
}

export function readBirthControl(
  source: FitbitText,
  tally: ImportTally,
): { contraception: ContraceptionInterval[]; gaps: ProfileGap[] } {
  const table = readFitbitTable(source, ['birth_control_type', 'event_date']);
  const events = table.rows.map(({ line, cell }) => ({
    line,
    token: cell('birth_control_type'),
    date: readFitbitDate(table, line, 'event_date', cell('event_date')),
    started: !/^(false|no|0)$/i.test(cell('has_started')),
  }));
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const contraception: ContraceptionInterval[] = [];
  const gaps: ProfileGap[] = [];
  const open = new Map<string, ContraceptionInterval>();
  const pills: string[] = [];
  for (const { line, token, date, started } of events) {
    const method = readMethodToken(token);
    if (method === undefined) {
      tally.unknown('birth_control_type', token || '(empty)', line);
      continue;
    }
    if (method === 'skip') continue;
    tally.mapped('birth control', 'contraception');
    if (method === 'pill') {
      pills.push(date);
      continue;
    }
    const current = open.get(method);
    if (started && current === undefined) {
      const interval: ContraceptionInterval = { method, start: date };
      open.set(method, interval);
      contraception.push(interval);
    } else if (!started && current !== undefined) {
      current.end = date;
      open.delete(method);
    } else if (!started) contraception.push({ method, end: date });
  }
  const untyped = contraception.filter((c) => c.method === 'iud');
  if (untyped.length > 0) {
    const dates = untyped.flatMap((c) => [c.start, c.end]).filter((d): d is string => !!d);
    gaps.push(iudTypeGap(dates[0]!, dates.at(-1)!));
  }
  if (pills.length > 0) gaps.push(pillGap(pills[0]!, pills.at(-1)!, 'a birth control pill'));
  return { contraception, gaps };
}
