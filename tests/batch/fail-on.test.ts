/**
 * `--fail-on TIER` (README–2): exit 1 when a flag at or above TIER exists, else 0.
 * The expected codes are written out, never computed from the program's own output: five logs
 * whose highest tier is known (tests/fixtures/fail-on/*.csv: four regular cycles, plus one event),
 * run against every threshold, so both sides of every tier boundary are pinned, including the
 * "below the threshold → 0" side and the log with no flag at all.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/run-cli.ts';

const DIR = join(ROOT, 'tests/fixtures/fail-on');

/** Each log's highest tier (checked below), and the event that produces it. */
const LOGS = {
  urgent: 'severe pelvic pain on one day',
  soon: 'unusual discharge with an odour on two days',
  'next-visit': 'three days of spotting mid-cycle',
  info: 'one day of spotting mid-cycle',
  none: 'nothing but the periods',
} as const;
type LogName = keyof typeof LOGS;

/** log → threshold → exit status. Rows: the log's highest tier; columns: --fail-on. */
const EXPECTED: Record<LogName, Record<'urgent' | 'soon' | 'next-visit' | 'info', number>> = {
  urgent: { urgent: 1, soon: 1, 'next-visit': 1, info: 1 },
  soon: { urgent: 0, soon: 1, 'next-visit': 1, info: 1 },
  'next-visit': { urgent: 0, soon: 0, 'next-visit': 1, info: 1 },
  info: { urgent: 0, soon: 0, 'next-visit': 0, info: 1 },
  none: { urgent: 0, soon: 0, 'next-visit': 0, info: 0 },
};

const CASES = Object.entries(EXPECTED).flatMap(([log, row]) =>
  Object.entries(row).map(([threshold, code]) => ({ log, threshold, code })),
);

describe('the --fail-on fixtures', () => {
  it('have the highest tier their name says', async () => {
    const run = await runCli(['batch', 'tests/fixtures/fail-on', '--to', 'csv', '--jobs', '1']);
    expect(run.code).toBe(0);
    const [header = '', ...rows] = run.stdout.trim().split('\n');
    const file = header.split(',').indexOf('file');
    const tier = header.split(',').indexOf('highest_tier');
    const highest = rows.map((row) => row.split(',')).map((cells) => [cells[file], cells[tier]]);
    expect(Object.fromEntries(highest)).toEqual(
      Object.fromEntries(
        Object.keys(LOGS).map((name) => [`tests/fixtures/fail-on/${name}.csv`, name]),
      ),
    );
  });
});

/**
 * batch spawns worker threads, so it gets both sides of each boundary rather than the full
 * matrix (analyze, below, runs that): the log at the tier exits 1, the log one tier below exits 0.
 */
const BOUNDARIES = CASES.filter(({ log, threshold }) => {
  const order = ['urgent', 'soon', 'next-visit', 'info', 'none'];
  const gap = order.indexOf(log) - order.indexOf(threshold);
  return gap === 0 || gap === 1;
});

describe.concurrent('batch --fail-on', () => {
  it.each(BOUNDARIES)(
    '$log log, --fail-on $threshold → exit $code',
    async ({ log, threshold, code }) => {
      const run = await runCli([
        'batch',
        join(DIR, `${log}.csv`),
        '--fail-on',
        threshold,
        '--jobs',
        '1',
      ]);
      expect(run.stderr).not.toContain('error');
      expect(run.code).toBe(code);
    },
  );

  it('exits 1 when one log of many reaches the tier, 0 when none of them does', async () => {
    const below = ['info', 'next-visit', 'none'].map((name) => join(DIR, `${name}.csv`));
    const soon = ['batch', ...below, '--fail-on', 'soon', '--jobs', '2'];
    expect((await runCli(soon)).code).toBe(0);
    const withSoon = ['batch', ...below, join(DIR, 'soon.csv'), '--fail-on', 'soon', '--jobs', '2'];
    expect((await runCli(withSoon)).code).toBe(1);
  });

  it('without --fail-on, exits 0 whatever the tiers', async () => {
    expect((await runCli(['batch', DIR, '--jobs', '1'])).code).toBe(0);
  });
});

describe.concurrent('analyze --fail-on', () => {
  it.each(CASES)(
    '$log log, --fail-on $threshold → exit $code',
    async ({ log, threshold, code }) => {
      const run = await runCli(['analyze', join(DIR, `${log}.csv`), '--fail-on', threshold]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(code);
    },
  );
});
