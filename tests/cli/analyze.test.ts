import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CycleLog } from '../../src/core/log.ts';
import { higherTier, type Tier } from '../../src/core/tiers.ts';
import { formatCanonicalCsv } from '../../src/log/format-canonical.ts';
import type { Report } from '../../src/report/types.ts';
import { BIN, CLI_ENV, ROOT, runCli } from './helpers.ts';
import { requireInCi } from '../setup/required-tools.ts';

interface Example {
  id: string;
  must: Record<string, Tier>;
  must_not: string[];
  log: CycleLog;
}

const examples = (
  JSON.parse(readFileSync(new URL('../fixtures/scenarios.json', import.meta.url), 'utf8')) as {
    examples: Example[];
  }
).examples;

const dir = mkdtempSync(join(tmpdir(), 'cyclecheck-e2e-'));

function tiersOf(report: Report): Map<string, Tier> {
  const tiers = new Map<string, Tier>();
  for (const f of report.flags)
    tiers.set(f.rule, tiers.has(f.rule) ? higherTier(tiers.get(f.rule)!, f.tier) : f.tier);
  return tiers;
}

describe('examples.json through the built CLI, as JSON and as CSV', () => {
  for (const example of examples) {
    const jsonPath = join(dir, `${example.id}.json`);
    const csvPath = join(dir, `${example.id}.csv`);
    writeFileSync(jsonPath, JSON.stringify(example.log));
    writeFileSync(csvPath, formatCanonicalCsv(example.log));
    it.each([
      ['json', jsonPath],
      ['csv', csvPath],
    ])(`${example.id} (%s)`, (_kind, path) => {
      const result = runCli(['analyze', path, '--json']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const tiers = tiersOf(JSON.parse(result.stdout) as Report);
      for (const [rule, tier] of Object.entries(example.must))
        expect({ rule, tier: tiers.get(rule) }).toEqual({ rule, tier });
      for (const rule of example.must_not)
        expect({ rule, fired: tiers.has(rule) }).toEqual({ rule, fired: false });
    });
  }
});

describe('analyze', () => {
  it('prints the text report for the bundled example, with flags, checklist and disclaimer', () => {
    const result = runCli(['analyze', 'fixtures/example-log.csv']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Bleeding after sex');
    expect(result.stdout).toContain('[!!] SOON');
    expect(result.stdout).toContain('Doctor-visit checklist');
    // The checklist carries the person's own data: dates, amounts and the colour they logged.
    expect(result.stdout).toMatch(
      /2025-08-14 spotting \(bright red\),\s+2025-08-15\s+light \(pink\)/,
    );
    expect(result.stdout).toContain('informational, not a diagnosis');
    expect(result.stdout).not.toContain('\u001b[');
    // Only a source's address, which must not be broken to be copied, may be wider.
    for (const line of result.stdout.split('\n')) {
      if (!/^ +https?:\/\/\S+$/.test(line)) expect(line.length).toBeLessThanOrEqual(80);
    }
  });

  it('gives byte-identical JSON under different time zones and locales', () => {
    const outputs = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'].map(
      (tz) =>
        runCli(['analyze', 'fixtures/example-log.csv', '--json'], {
          env: { TZ: tz, LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
        }).stdout,
    );
    expect(outputs[0]!.length).toBeGreaterThan(100);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it('exits 1 with --fail-on when a flag at or above the tier exists, 0 otherwise', () => {
    expect(runCli(['analyze', 'fixtures/example-log.csv', '--fail-on', 'soon']).status).toBe(1);
    expect(runCli(['analyze', 'fixtures/example-log.csv', '--fail-on', 'urgent']).status).toBe(0);
  });

  it('profile options override the file: a copper IUD makes bleeding after sex urgent', () => {
    const result = runCli([
      'analyze',
      'fixtures/example-log.csv',
      '--json',
      '--contraception',
      'copper-iud@2024-01-10',
    ]);
    const report = JSON.parse(result.stdout) as Report;
    expect(tiersOf(report).get('copper-iud-postcoital-bleeding')).toBe('urgent');
    expect(tiersOf(report).has('postcoital-bleeding')).toBe(false);
  });

  it('writes -o files with mode 0600 and refuses to overwrite without --force', () => {
    const out = join(dir, 'report.json');
    expect(runCli(['analyze', 'fixtures/example-log.csv', '--json', '-o', out]).status).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const again = runCli(['analyze', 'fixtures/example-log.csv', '--json', '-o', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(
      runCli(['analyze', 'fixtures/example-log.csv', '--json', '-o', out, '--force']).status,
    ).toBe(0);
  });

  it.each([
    ['bad date', 'date,bleeding\n2025-13-45,light\n', 65, /:2:1: /],
    ['unknown word', 'date,bleeding\n2025-01-01,lots\n', 65, /:2:2: .*lots/],
    ['ragged row', 'date,bleeding\n2025-01-01,light,extra\n', 65, /:2/],
    ['unclosed quote', 'date,notes\n2025-01-01,"never closed\n', 65, /:2/],
    ['empty file', '', 65, /empty/i],
    ['binary file', '\u0000\u0001\u0002\u0003binary', 65, /./],
  ])('rejects a %s with one clear line, no stack', (_name, content, status, pattern) => {
    const path = join(dir, `bad-${status}-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(path, content);
    const result = runCli(['analyze', path]);
    expect(result.status).toBe(status);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).toContain(path);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('says 66 for a missing file and for a directory', () => {
    const missing = runCli(['analyze', join(dir, 'nope.csv')]);
    expect(missing.status).toBe(66);
    expect(missing.stderr).toContain('no such file');
    const folder = join(dir, 'a-folder');
    mkdirSync(folder, { recursive: true });
    const directory = runCli(['analyze', folder]);
    expect(directory.status).toBe(66);
    expect(directory.stderr).toContain('is a directory');
  });

  it('exits 2 for usage errors and points at --help', () => {
    const result = runCli(['analyze', 'fixtures/example-log.csv', '--fail-on', 'sometime']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--help');
    expect(runCli(['analyze', 'fixtures/example-log.csv', '--age', 'old']).status).toBe(2);
    expect(runCli(['analyze', 'fixtures/example-log.csv', '--nope']).status).toBe(2);
  });

  it.each([
    [['batch', 'fixtures/imports', '--jobs', '0']],
    [['batch', 'fixtures/imports', '--shard', 'x']],
    [['rules', 'nope']],
    [['analyze', 'fixtures/example-log.csv', '--age', 'old']],
    [['analyze', 'fixtures/example-log.csv', '-o', 'fixtures']],
  ])('a usage error found by a command also ends with the pointer to --help: %j', (args) => {
    const result = runCli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^cyclecheck: /);
    expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('(run with --help for usage)');
  });

  it('--age wins over a birth date in the log, and --birth-date over an age', () => {
    const log = join(dir, 'born.csv');
    writeFileSync(log, '# birth_date: 1980-01-01\ndate,bleeding\n2025-03-01,light\n');
    const age = (args: string[]) =>
      (JSON.parse(runCli(['analyze', log, '--json', ...args]).stdout) as Report).age;
    expect(age([])).toBe(45);
    expect(age(['--age', '30'])).toBe(30);
    const aged = join(dir, 'aged.csv');
    writeFileSync(aged, '# age: 30\ndate,bleeding\n2025-03-01,light\n');
    expect(
      (
        JSON.parse(
          runCli(['analyze', aged, '--json', '--birth-date', '1970-01-01']).stdout,
        ) as Report
      ).age,
    ).toBe(55);
  });

  it('refuses a birth date that gives an impossible age on the evaluation date', () => {
    const option = runCli(['analyze', 'fixtures/example-log.csv', '--birth-date', '2030-01-01']);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain(
      'birth date 2030-01-01 is after 2025-10-31, the evaluation date',
    );
    expect(runCli(['analyze', 'fixtures/example-log.csv', '--birth-date', '1925']).status).toBe(0);
    expect(runCli(['analyze', 'fixtures/example-log.csv', '--birth-date', '1924']).status).toBe(2);
    const log = join(dir, 'unborn.csv');
    writeFileSync(log, '# birth_date: 2024-01-01\ndate,bleeding\n2025-03-01,light\n');
    const inFile = runCli(['analyze', log]);
    expect(inFile.status).toBe(65);
    expect(inFile.stderr).toContain(`${log}: birth date 2024-01-01 gives age 1 on 2025-03-01`);
  });

  it('refuses an evaluation date before the first logged day: nothing would be analyzed', () => {
    const option = runCli(['analyze', 'fixtures/example-log.csv', '--as-of', '2025-04-30']);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain(
      'the evaluation date 2025-04-30 is before the first logged day, 2025-05-01: there is nothing to analyze',
    );
    const oneDay = runCli(['analyze', 'fixtures/example-log.csv', '--as-of', '2025-05-01']);
    expect(oneDay.status).toBe(0);
    expect(oneDay.stdout).toContain('Dates: 2025-05-01 (1 day logged)');
    expect(oneDay.stdout).toContain('Periods found: 0');
    const log = join(dir, 'early-as-of.csv');
    writeFileSync(log, '# as_of: 2025-02-01\ndate,bleeding\n2025-03-01,light\n');
    const inFile = runCli(['analyze', log]);
    expect(inFile.status).toBe(65);
    expect(inFile.stderr).toContain(`${log}: the evaluation date 2025-02-01 is before`);
  });

  it('warns about an unknown key in --profile FILE instead of ignoring it silently', () => {
    const profile = join(dir, 'profile.json');
    writeFileSync(profile, '{"menopose": "post", "age": 40}');
    const result = runCli(['analyze', 'fixtures/example-log.csv', '--profile', profile, '--json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/warning: .*profile\.json.*menopose/);
    expect((JSON.parse(result.stdout) as Report).age).toBe(40);
  });

  it.runIf(
    requireInCi('/dev/full', existsSync('/dev/full'), 'the full-disk test needs a Linux /dev/full'),
  )('exits 66 with a message when standard output cannot be written (a full disk)', () => {
    for (const args of [
      ['analyze', 'fixtures/example-log.csv'],
      ['rules', '--json'],
    ]) {
      const full = openSync('/dev/full', 'w');
      const result = spawnSync(process.execPath, [BIN, ...args], {
        cwd: ROOT,
        env: CLI_ENV,
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      closeSync(full);
      expect(result.status, args.join(' ')).toBe(66);
      expect(result.stderr).toBe('cyclecheck: cannot write to standard output (ENOSPC)\n');
    }
  });

  it('reads stdin with -', () => {
    const result = runCli(['analyze', '-', '--json'], {
      input: readFileSync('fixtures/example-log.csv', 'utf8'),
    });
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as Report).input.files).toEqual(['-']);
  });
});

describe('rules', () => {
  it('lists all 37 rules from the code, and one rule in full', () => {
    const all = runCli(['rules', '--json']);
    expect((JSON.parse(all.stdout) as unknown[]).length).toBe(37);
    const one = runCli(['rules', 'copper-iud-postcoital-bleeding']);
    expect(one.stdout).toContain('Tier: urgent');
    expect(one.stdout).toContain('X-PARAGARD');
    expect(runCli(['rules', 'no-such-rule']).status).toBe(2);
  });

  it('names every source of a rule, guidelines and reviews before consumer articles', () => {
    const one = runCli(['rules', 'postcoital-bleeding']).stdout;
    expect(one).toContain('[X-TARNEY] Tarney CM, Han J. Postcoital bleeding: a review');
    expect(one).toContain(
      'https://www.nhs.uk/conditions/vaginal-bleeding-between-periods-or-after-sex/',
    );
    expect(one.indexOf('[X-TARNEY]')).toBeLessThan(one.indexOf('[X-NHS-IMB]'));
    expect(one.indexOf('[X-NHS-IMB]')).toBeLessThan(one.indexOf('[S1] The Flex Company'));
    const all = runCli(['rules']).stdout;
    expect(all).toContain('Tarney & Han, Postcoital bleeding: a review, 2014 [X-TARNEY]');
  });
});
