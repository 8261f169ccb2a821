/**
 * Issue 18, end to end through the built binary: spreadsheets as people keep them are read
 * right or refused once with the fix, and a log with nothing about bleeding is never reported
 * as "no flags" by analyze, batch (table, CSV, NDJSON) or convert.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.ts';
import { runCli } from './helpers.ts';

let dir: string;
const at = (name: string) => join(dir, name);
function write(name: string, content: string | Buffer): string {
  mkdirSync(dirname(at(name)), { recursive: true });
  writeFileSync(at(name), content);
  return at(name);
}

const FLOW_LOG = [
  'date,flow,intercourse',
  '2025-03-01,heavy,',
  '2025-03-02,medium,',
  '2025-03-14,light,yes',
  '2025-03-29,heavy,',
].join('\n');

/** The example: nothing cyclecheck knows as bleeding, so nothing can be evaluated. */
const UNREAD_LOG = ['date,Blutung,Verkehr', '2025-03-01,stark,', '2025-03-14,leicht,x'].join('\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cyclecheck-sheets-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function analyzeJson(file: string, ...args: string[]): Report {
  const run = runCli(['analyze', file, '--json', ...args]);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Report;
}

describe('no false all-clear', () => {
  const MESSAGE =
    'no column about bleeding was recognised; ignored columns: Blutung, Verkehr — rename them or map them with --column Blutung=bleeding';

  it('analyze refuses a log with no bleeding column: exit 65, file:1:, the fix, no report', () => {
    const file = write('unread.csv', UNREAD_LOG);
    for (const args of [[], ['--json'], ['--to', 'markdown'], ['--fail-on', 'soon']]) {
      const run = runCli(['analyze', file, ...args]);
      expect(run.status).toBe(65);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`${file}:1: ${MESSAGE}`);
      expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });

  it('analyze refuses a period column saying yes with no bleeding read', () => {
    const noColumn = write(
      'period-only.csv',
      'date,period,sex\n2025-03-01,yes,\n2025-03-14,,yes\n',
    );
    const run = runCli(['analyze', noColumn]);
    expect(run.status).toBe(65);
    expect(run.stderr).toContain(
      `${noColumn}:1: no column about bleeding was recognised (the columns are date, period, sex)`,
    );
    const blank = write(
      'period-blank.csv',
      'date,bleeding,period\n2025-03-01,,yes\n2025-03-02,,\n',
    );
    const second = runCli(['analyze', blank]);
    expect(second.status).toBe(65);
    expect(second.stderr).toContain(
      `${blank}:1:3: the period column says yes on 1 day, but no bleeding was read on any day`,
    );
  });

  it('batch reports it as an error row in the table, the CSV and the NDJSON, never tier none', () => {
    write('batch/unread.csv', UNREAD_LOG);
    write('batch/good.csv', FLOW_LOG);
    const folder = at('batch');
    const table = runCli(['batch', folder]);
    expect(table.status).toBe(65);
    expect(table.stdout).toMatch(/unread\.csv +ERROR +.*no column about bleeding was recognised/);
    expect(table.stdout).not.toMatch(/unread\.csv .* none /);

    const csv = runCli(['batch', folder, '--to', 'csv']);
    const [header, ...rows] = csv.stdout.trimEnd().split('\n');
    const columns = header!.split(',');
    const unread = rows.find((r) => r.includes('unread.csv'))!;
    expect(unread.split(',')[columns.indexOf('highest_tier')]).toBe('');
    expect(unread).toContain('no column about bleeding was recognised');
    const good = rows.find((r) => r.includes('good.csv'))!.split(',');
    expect(good[columns.indexOf('highest_tier')]).toBe('soon');
    // The synonyms used ("flow", "intercourse") are counted as warnings.
    expect(good[columns.indexOf('warnings')]).toBe('2');

    const ndjson = runCli(['batch', folder, '--json']);
    const lines = ndjson.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { input: { files: string[] }; error?: { message: string } });
    const line = lines.find((l) => l.input.files[0]!.endsWith('unread.csv'))!;
    expect(line.error?.message).toContain(MESSAGE);
    expect(line).not.toHaveProperty('flags');
  });

  it('convert refuses too, and writes nothing', () => {
    const file = write('unread-convert.csv', UNREAD_LOG);
    const out = at('converted.csv');
    const run = runCli(['convert', file, '-o', out]);
    expect(run.status).toBe(65);
    expect(run.stderr).toContain(MESSAGE);
    expect(existsSync(out)).toBe(false);
  });

  it('--column maps the column, and then the log is analyzed', () => {
    const file = write(
      'mapped.csv',
      UNREAD_LOG.replace('stark', 'heavy').replace('leicht', 'light'),
    );
    const report = analyzeJson(file, '--column', 'Blutung=bleeding', '--column', 'Verkehr=sex');
    expect(report.flags.map((f) => f.rule)).toContain('postcoital-bleeding');
  });

  it('a "# columns:" line in the file keeps the mapping', () => {
    const text = '# columns: Blutung=bleeding, Verkehr=sex\n' + UNREAD_LOG;
    const file = write('kept.csv', text.replace('stark', 'heavy').replace('leicht', 'light'));
    expect(analyzeJson(file).flags.map((f) => f.rule)).toContain('postcoital-bleeding');
  });

  it('a log of only "none" says no bleeding was recorded, and 90+ days of it is absent periods', () => {
    const days = Array.from({ length: 91 }, (_, i) => {
      const d = new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
      return `${d},none`;
    });
    const report = analyzeJson(write('only-none.csv', ['date,bleeding', ...days].join('\n')));
    expect(report.warnings.map((w) => w.message)).toContain(
      'no day in this log records any bleeding (each is "none" or blank): if there was any bleeding in this time, it is missing from the log and was not checked',
    );
    expect(report.flags.map((f) => `${f.rule}:${f.tier}:${f.start}`)).toEqual([
      'absent-periods:soon:2025-01-01',
    ]);
  });

  it('an app export with no bleeding at all says so in the report', () => {
    const clue = JSON.parse(readFileSync('fixtures/imports/clue-measurements.json', 'utf8')) as {
      type: string;
    }[];
    const noPeriods = clue.filter((m) => m.type !== 'period' && m.type !== 'spotting');
    const report = analyzeJson(write('clue-no-bleeding.json', JSON.stringify(noPeriods)));
    expect(report.input.formats).toEqual(['clue']);
    expect(report.flags.some((f) => f.rule.includes('bleeding'))).toBe(false);
    expect(report.warnings.map((w) => w.message)).toContain(
      'no bleeding was found in this export; if you logged periods or spotting in the app, the export may be incomplete and they were not checked: export again, or keep a cyclecheck CSV log',
    );
  });
});

describe('columns as people name them', () => {
  it('reads the issue example: Flow as bleeding, Intercourse as sex, and flags both', () => {
    const file = write('flow.csv', FLOW_LOG);
    const run = runCli(['analyze', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Bleeding after sex');
    expect(run.stdout).toContain('Bleeding between periods');
    expect(run.stderr).toContain('column "flow" read as bleeding');
    const report = analyzeJson(file);
    expect(report.warnings.map((w) => w.message)).toEqual([
      'column "flow" read as bleeding',
      'column "intercourse" read as sex',
    ]);
  });

  it('a yes/no Spotting column is bleeding = spotting on its yes days', () => {
    const file = write(
      'spotting.csv',
      'Date;Menstruation;Spotting;Sex\n2025-03-01;heavy;;\n2025-03-02;medium;;\n2025-03-14;;x;yes\n',
    );
    const report = analyzeJson(file);
    expect(report.flags.map((f) => f.rule)).toContain('postcoital-bleeding');
    expect(report.warnings.map((w) => w.message)).toContain(
      'column "Spotting" read as bleeding: spotting on the days it says yes',
    );
  });

  it('a typo is refused with "did you mean"', () => {
    const file = write('typo.csv', 'date,bleding\n2025-03-01,heavy\n');
    const run = runCli(['analyze', file]);
    expect(run.status).toBe(65);
    expect(run.stderr).toContain(
      'no column about bleeding was recognised; ignored columns: bleding (did you mean bleeding?) — rename them or map them with --column bleding=bleeding',
    );
  });

  it('a basal temperature column is never read as fever', () => {
    const file = write('bbt.csv', 'date,bleeding,BBT\n2025-03-01,light,38.5\n');
    const report = analyzeJson(file);
    expect(report.warnings.map((w) => w.message).join('\n')).toContain(
      'is basal body temperature, which is ignored',
    );
  });

  it('--column SOURCE=date reads a sheet whose date column has another name, in analyze and batch', () => {
    const text = 'Datum;Blutung\n01.03.2025;heavy\n02.03.2025;light\n';
    const file = write('datum/tagebuch.csv', text);
    const mapping = ['--column', 'Datum=date', '--column', 'Blutung=bleeding'];
    expect(analyzeJson(file, ...mapping).input.last_date).toBe('2025-03-02');
    const batch = runCli(['batch', at('datum'), '--to', 'csv', ...mapping]);
    expect(batch.status, batch.stderr).toBe(0);
    expect(batch.stdout).toContain('tagebuch.csv,csv,2025-03-01,2025-03-02,2,');
  });

  it('an app export ignores --column, with a warning in the report', () => {
    const report = analyzeJson(
      'fixtures/imports/clue-measurements.json',
      '--column',
      'Flow=bleeding',
    );
    expect(report.warnings[0]!.message).toBe(
      '--column applies to cyclecheck CSV and JSON logs; it is ignored for this Clue export',
    );
  });

  it('a bad --column is a usage error', () => {
    const run = runCli(['analyze', write('x.csv', FLOW_LOG), '--column', 'Flow=blood']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("option '--column Flow=blood' is invalid");
  });
});

describe('dates as people write them', () => {
  const log = (dates: string[]) =>
    [
      'date,bleeding,sex',
      ...dates.map((d, i) => `${d},${i === 2 ? 'light' : 'heavy'},${i === 2 ? 'yes' : ''}`),
    ].join('\n');

  it.each([
    ['YYYY-M-D', ['2026-11-1', '2026-11-2', '2026-11-14'], undefined],
    [
      'Excel date-times',
      ['2026-11-01 00:00:00', '2026-11-02 00:00:00', '2026-11-14 00:00:00'],
      /time of day/,
    ],
    ['DD.MM.YYYY', ['01.11.2026', '02.11.2026', '14.11.2026'], undefined],
    [
      'day/month decided by a day over 12',
      ['01/11/2026', '02/11/2026', '14/11/2026'],
      /dates read as day\/month\/year/,
    ],
    [
      'month/day decided by a day over 12',
      ['11/01/2026', '11/02/2026', '11/14/2026'],
      /dates read as month\/day\/year/,
    ],
  ])('%s', (_name, dates, note) => {
    const report = analyzeJson(write('dates.csv', log(dates)));
    expect(report.input.first_date).toBe('2026-11-01');
    expect(report.input.last_date).toBe('2026-11-14');
    const notes = report.warnings.map((w) => w.message).join('\n');
    if (note) expect(notes).toMatch(note);
    else expect(notes).toBe('');
  });

  it('undecidable slash dates are refused once, with a count and the fix; --date-format wins', () => {
    const file = write('ambiguous.csv', log(['01/09/2026', '02/09/2026', '03/09/2026']));
    const run = runCli(['analyze', file]);
    expect(run.status).toBe(65);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(
      `${file}:2:1: 3 dates look like "01/09/2026", which can be day/month or month/day: pass --date-format dmy or mdy`,
    );
    expect(analyzeJson(file, '--date-format', 'dmy').input.last_date).toBe('2026-09-03');
    expect(analyzeJson(file, '--date-format', 'mdy').input.last_date).toBe('2026-03-09');
  });

  it('mixed forms in one column name the first row of each form', () => {
    const file = write('mixed.csv', log(['2026-11-01', '02/11/2026', '2026-11-14']));
    const run = runCli(['analyze', file]);
    expect(run.status).toBe(65);
    expect(run.stderr).toContain(
      'dates are written in more than one way: line 2 "2026-11-01" (year first), line 3 "02/11/2026" (year last)',
    );
  });
});

describe('encodings', () => {
  it("reads Excel's Windows-1252 with one warning in the report", () => {
    const bytes = Buffer.concat([
      Buffer.from('date,bleeding,notes\n2025-03-01,heavy,M'),
      Buffer.from([0xfc]),
      Buffer.from('de\n'),
    ]);
    const report = analyzeJson(write('cp1252.csv', bytes));
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]!.message).toMatch(/read as Windows-1252/);
    const converted = runCli(['convert', at('cp1252.csv')]);
    expect(converted.stdout).toContain('Müde');
  });

  it('reads UTF-16 with a byte order mark', () => {
    const file = write('utf16.csv', Buffer.from('\uFEFF' + FLOW_LOG, 'utf16le'));
    expect(analyzeJson(file).flags.length).toBeGreaterThan(0);
  });

  it('convert writes a canonical log from a spreadsheet', () => {
    const run = runCli(['convert', write('conv.csv', FLOW_LOG)]);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^date,bleeding,/);
    expect(run.stdout).toContain('2025-03-14,light,');
    expect(readFileSync(at('conv.csv'), 'utf8')).toBe(FLOW_LOG);
  });
});
