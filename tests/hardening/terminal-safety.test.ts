/* eslint-disable no-control-regex -- matching control characters is the point of this file */
/**
 * Terminal safety: text from input files — notes, blood colours, column and category names,
 * app names, and the FILE NAMES themselves — may carry ANSI/OSC escape sequences, carriage
 * returns, bell characters and bidi overrides. None of them reaches the terminal: the built
 * binary's text and Markdown output and everything on stderr is checked byte by byte.
 * CSV written by `convert` cannot carry spreadsheet formulas either.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { dayNumber, formatIsoDate } from '../../src/core/dates.ts';
import { makeTempDir, ROOT, runBin, UNSAFE_TERMINAL_TEXT, type RunResult } from './helpers.ts';

/** Every trick at once: colour, screen clear, window title, hyperlink, CR overwrite, C1 CSI,
 * bell, bidi override and isolate. */
const EVIL =
  '\u001b[31mRED\u001b[0m \u001b[2J \u001b]0;owned\u0007 \u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\ ' +
  'safe\rOVERWRITTEN \u202eevil\u202c \u2066iso\u2069 \u009b31m \u0007';
const EVIL_NAME = 'log\u001b[2J\u202e\r\u0007x';

const csvCell = (text: string): string => `"${text.replaceAll('"', '""')}"`;

function evilCanonicalCsv(): string {
  const rows = ['# age: 30', `date,bleeding,sex,blood_color,notes,${csvCell(`col${EVIL}`)}`];
  for (let d = 1; d <= 60; d++) {
    const date = formatIsoDate(dayNumber(2025, 1, 1) + d - 1);
    const bleeding = d <= 5 || (d >= 29 && d <= 33) ? 'medium' : d === 14 ? 'spotting' : '';
    rows.push(
      [
        date,
        bleeding,
        d === 13 ? 'yes' : '',
        bleeding === '' ? '' : csvCell(EVIL),
        csvCell(`=HYPERLINK("http://x") ${EVIL}`),
        '',
      ].join(','),
    );
  }
  return rows.join('\n') + '\n';
}

function evilMensinator(): string {
  const doc = JSON.parse(readFileSync(join(ROOT, 'fixtures/imports/mensinator.json'), 'utf8')) as {
    symptoms: object[];
    symptom_date: object[];
  };
  doc.symptoms.push({ id: '77', symptom_name: `Odd${EVIL}`, active: '1', color: EVIL });
  doc.symptom_date.push({ id: '77', symptom_date: '2025-01-03', symptom_id: '77' });
  return JSON.stringify(doc);
}

function evilApple(): string {
  const xml = readFileSync(join(ROOT, 'fixtures/apple/export.xml'), 'utf8');
  const at = xml.indexOf('<Record');
  const attr = (text: string): string =>
    text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    xml.slice(0, at) +
    `<Record type="HKCategoryTypeIdentifierOdd${attr(EVIL)}" sourceName="${attr(EVIL)}" value="x" ` +
    'startDate="2025-01-03 10:00:00 +0000" endDate="2025-01-03 10:00:00 +0000"/>\n' +
    xml.slice(at)
  );
}

function evilPeriodical(): string {
  const doc = JSON.parse(
    readFileSync(join(ROOT, 'fixtures/imports/Periodical-backup.json'), 'utf8'),
  ) as { notes?: { eventdate: string; content: string }[] }[];
  const notes = doc.find((section) => section.notes !== undefined)!.notes!;
  notes.push({ eventdate: '20250120', content: `=cmd|' /C calc'!A0 ${EVIL}` });
  notes.push({ eventdate: '20250121', content: '+1 phoned the clinic' });
  notes.push({ eventdate: '20250122', content: '@SUM(A1:A9)' });
  notes.push({ eventdate: '20250123', content: '-2+3' });
  notes.push({ eventdate: '20250124', content: '\tindented' });
  return JSON.stringify(doc);
}

const temp = makeTempDir();
afterAll(temp.cleanup);

function write(name: string, content: string): string {
  const path = join(temp.dir, name);
  writeFileSync(path, content);
  return path;
}

function expectClean(result: RunResult): void {
  expect(result.timedOut).toBe(false);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  for (const [stream, text] of [
    ['stdout', result.stdout],
    ['stderr', result.stderr],
  ] as const) {
    const bad = UNSAFE_TERMINAL_TEXT.exec(text);
    expect(
      bad,
      `${stream} carries U+${bad?.[0].charCodeAt(0).toString(16)} near ${JSON.stringify(text.slice(Math.max(0, (bad?.index ?? 0) - 40), (bad?.index ?? 0) + 20))}`,
    ).toBeNull();
  }
}

describe('text from input files cannot drive the terminal', () => {
  const log = write(`${EVIL_NAME}.csv`, evilCanonicalCsv());

  it.each([
    ['text, with --explain and --calendar', ['--explain', '--calendar']],
    ['markdown', ['--to', 'markdown']],
  ])('analyze, %s', async (_what, args) => {
    const result = await runBin(['analyze', log, ...args]);
    expect(result.code, result.stderr).toBe(0);
    // The hostile text is there, defused: the blood colour reaches the checklist, the column
    // name the warning, the file name the header.
    expect(result.stdout).toContain('RED');
    expect(result.stdout).toContain('evil');
    expect(result.stderr).toContain('colRED');
    expectClean(result);
  });

  it('analyze with colour forced keeps only its own escape sequences', async () => {
    const result = await runBin(['analyze', log], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\u001b\[[0-9;]*m/);
    // Colour codes the tool writes itself are SGR sequences; nothing else may appear.
    const withoutSgr = result.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expectClean({ ...result, stdout: withoutSgr });
  });

  it('an error about a file with a hostile name', async () => {
    const bad = write(`bad${EVIL_NAME}.csv`, 'date,bleeding\n2025-02-30,light\n');
    const result = await runBin(['analyze', bad]);
    expect(result.code).toBe(65);
    expect(result.stderr).toContain(':2:1: date: "2025-02-30" is not a real calendar date');
    expectClean(result);
  });

  it('a missing file with a hostile name', async () => {
    const result = await runBin(['analyze', join(temp.dir, `missing${EVIL}.csv`)]);
    expect(result.code).toBe(66);
    expectClean(result);
  });

  it('category and symptom names from app exports (Mensinator, Apple Health)', async () => {
    const men = write(`mensinator${EVIL_NAME}.json`, evilMensinator());
    const apple = write('export.xml', evilApple());
    for (const file of [men, apple]) {
      const result = await runBin(['analyze', file, '--explain']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('Odd');
      expectClean(result);
    }
  });

  it('JSON on stdout escapes the hostile text and still carries it exactly', async () => {
    const folder = join(temp.dir, 'json-batch');
    mkdirSync(folder);
    const inFolder = join(folder, `${EVIL_NAME}.csv`);
    writeFileSync(inFolder, evilCanonicalCsv());
    type Parsed = { input?: { files: string[] }; days?: { notes?: string }[] };
    const runJson = async (args: string[]): Promise<Parsed[]> => {
      const result = await runBin(args);
      expect(result.code, result.stderr).toBe(0);
      expectClean(result);
      const lines = args[0] === 'batch' ? result.stdout.trim().split('\n') : [result.stdout];
      return lines.map((line) => JSON.parse(line) as Parsed);
    };
    // Reports name their input file, hostile name and all.
    expect((await runJson(['analyze', log, '--json']))[0]!.input!.files).toEqual([log]);
    expect((await runJson(['batch', folder, '--json']))[0]!.input!.files).toEqual([inFolder]);
    // A converted log keeps the notes, C1 CSI and bidi override included.
    const notes = (await runJson(['convert', log, '--to', 'json']))[0]!.days!.map((d) => d.notes);
    expect(notes.some((n) => n?.includes('\u009b31m') && n.includes('\u202eevil\u202c'))).toBe(
      true,
    );
  });

  it('convert and batch print file names and warnings safely', async () => {
    const folder = join(temp.dir, 'batch');
    mkdirSync(folder);
    writeFileSync(join(folder, `${EVIL_NAME}.csv`), evilCanonicalCsv());
    writeFileSync(join(folder, `bad${EVIL_NAME}.csv`), 'date,bleeding\n2025-02-30,light\n');
    const converted = await runBin(['convert', log]);
    expect(converted.code).toBe(0);
    // The CSV on stdout is data, not terminal text: only its newlines are structure.
    expectClean({ ...converted, stdout: converted.stdout.replace(EVIL_DATA, '') });
    const batch = await runBin(['batch', folder]);
    expect(batch.code).toBe(65);
    expectClean(batch);
  });
});

/** The hostile text itself, as `convert` faithfully keeps it inside quoted CSV cells. */
const EVIL_DATA = /"[^"]*(?:""[^"]*)*"/g;

describe('CSV written by convert cannot carry spreadsheet formulas', () => {
  it.each([
    ['a canonical log', () => write('formula-log.csv', evilCanonicalCsv())],
    ['a Periodical backup', () => write('Periodical-backup.json', evilPeriodical())],
  ])('%s', async (_what, make) => {
    const result = await runBin(['convert', make()]);
    expect(result.code, result.stderr).toBe(0);
    const body = result.stdout
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n');
    const cells = (parse(body, { relax_column_count: true }) as string[][]).flat();
    const texts = cells.filter((cell) => /HYPERLINK|cmd\||SUM|phoned|indented|-2\+3/.test(cell));
    expect(texts.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    // The protection is a leading apostrophe, which cyclecheck removes again on reading.
    for (const text of texts) expect(text).toMatch(/^'?[^'=+\-@\t\r]|^'[=+\-@\t]/);
  });

  it('reads its own protected CSV back to the same notes', async () => {
    const original = write('Periodical-backup.json', evilPeriodical());
    const first = await runBin(['convert', original, '--to', 'json']);
    const csv = await runBin(['convert', original]);
    const back = write('round-trip.csv', csv.stdout);
    const second = await runBin(['convert', back, '--to', 'json']);
    expect(second.code, second.stderr).toBe(0);
    const notes = (json: string) =>
      (JSON.parse(json) as { days: { notes?: string }[] }).days.map((d) => d.notes);
    expect(notes(second.stdout)).toEqual(notes(first.stdout));
    expect(notes(first.stdout)).toContain('+1 phoned the clinic');
  });
});
