/** `-o` takes the format from the file name; contradictions are usage errors; hidden rows warned. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getFormatOfFile, resolveReportFormat } from '../../src/commands/report-format.ts';
import { runCli } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'cyclecheck-output-'));

describe('resolveReportFormat', () => {
  it.each([
    ['visit.txt', 'text'],
    ['visit.md', 'markdown'],
    ['visit.HTML', 'html'],
    ['visit.htm', 'html'],
    ['report.json', 'json'],
    ['visit.pdf', 'pdf'],
    ['visit', undefined],
    ['visit.docx', undefined],
  ])('%s → %s', (file, format) => {
    expect(getFormatOfFile(file)).toBe(format);
  });

  it('takes --json or --to when they agree with the name, and text when nothing says', () => {
    expect(resolveReportFormat({})).toBe('text');
    expect(resolveReportFormat({ output: 'notes' })).toBe('text');
    expect(resolveReportFormat({ output: 'notes', to: 'markdown' })).toBe('markdown');
    expect(resolveReportFormat({ output: 'a.json', json: true })).toBe('json');
    expect(resolveReportFormat({ output: 'a.html', to: 'html' })).toBe('html');
  });

  it.each([
    [{ json: true, to: 'html' as const }, '--json and --to html'],
    [
      { to: 'text' as const, output: 'visit.html' },
      '--to text contradicts the file name visit.html',
    ],
    [{ json: true, output: 'visit.md' }, '--json contradicts the file name visit.md'],
  ])('refuses %j', (options, message) => {
    expect(() => resolveReportFormat(options)).toThrow(message);
  });
});

describe('analyze -o', () => {
  it.each([
    ['x.html', (t: string) => t.startsWith('<!DOCTYPE html>')],
    ['x.md', (t: string) => t.startsWith('# cyclecheck report for a clinician visit')],
    ['x.json', (t: string) => JSON.parse(t).format === 'cyclecheck-report/1'],
    ['x.txt', (t: string) => t.startsWith('cyclecheck report for a clinician visit\nFor:')],
  ])('writes %s in the format its name says', (name, check) => {
    const out = join(dir, name);
    const result = runCli(['analyze', 'fixtures/example-log.csv', '-o', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(check(readFileSync(out, 'utf8'))).toBe(true);
  });

  it('exits 2 when --to contradicts the name, and writes nothing', () => {
    const out = join(dir, 'contradiction.html');
    const result = runCli(['analyze', 'fixtures/example-log.csv', '--to', 'text', '-o', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cyclecheck: --to text contradicts the file name');
    expect(() => readFileSync(out)).toThrow();
  });
});

describe("a log's own as_of", () => {
  it('warns when it hides later rows, and not when --as-of is given', () => {
    const log = join(dir, 'frozen.csv');
    writeFileSync(
      log,
      '# as_of: 2025-01-03\ndate,bleeding\n2025-01-01,medium\n2025-01-02,medium\n2025-01-05,light\n2025-01-06,heavy\n',
    );
    const frozen = runCli(['analyze', log]);
    expect(frozen.status).toBe(0);
    expect(frozen.stderr).toContain(
      '2 logged days after the evaluation date 2025-01-03 are ignored; remove the as_of line or pass --as-of',
    );
    const chosen = runCli(['analyze', log, '--as-of', '2025-01-03']);
    expect(chosen.stderr).not.toContain('are ignored');
  });
});
