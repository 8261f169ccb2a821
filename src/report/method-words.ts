/** How contraceptive methods are named to people, everywhere a report or the interview names one. */
import type { ContraceptionInterval, Method } from '../core/log.ts';

export const METHOD_WORDS: Record<Method, string> = {
  'copper-iud': 'copper IUD',
  'hormonal-iud': 'hormonal IUD',
  iud: 'IUD (type not known)',
  implant: 'implant',
  injection: 'injection',
  'combined-pill': 'combined pill',
  'progestogen-pill': 'progestogen-only pill',
  ring: 'vaginal ring',
  patch: 'patch',
  condom: 'condoms',
  diaphragm: 'diaphragm or cap',
  'fertility-awareness': 'fertility awareness',
  none: 'none',
  other: 'another method',
};

/** "copper IUD since 2024-06-01", "combined pill since 2023-01-01 until 2025-02-01". */
export function formatContraception(c: ContraceptionInterval): string {
  const since = c.start ? ` since ${c.start}` : '';
  const until = c.end ? ` until ${c.end}` : '';
  return `${METHOD_WORDS[c.method]}${since}${until}`;
}
