import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { inputFromBytes } from '../../src/io/input-file.ts';
import { csvImporter, detectDelimiter, parseCanonicalCsv } from '../../src/log/canonical-csv.ts';

function errorOf(text: string): InputError {
  try {
    parseCanonicalCsv(text, 'log.csv');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseCanonicalCsv: reading', () => {
  it.each([
    [',', 'date,bleeding,sex\n2025-03-12,spotting,yes\n'],
    [';', 'date;bleeding;sex\n2025-03-12;spotting;yes\n'],
    ['tab', 'date\tbleeding\tsex\n2025-03-12\tspotting\tyes\n'],
    ['CRLF', 'date,bleeding,sex\r\n2025-03-12,spotting,yes\r\n'],
    ['BOM', '\uFEFFdate,bleeding,sex\n2025-03-12,spotting,yes\n'],
    ['header case and spaces', ' Date , BLEEDING ,Sex\n2025-03-12, Spotting ,Y\n'],
    ['no final newline', 'date,bleeding,sex\n2025-03-12,spotting,yes'],
    ['quoted cells', '"date","bleeding","sex"\n"2025-03-12","spotting","yes"\n'],
  ])('%s', (_name, text) => {
    const result = parseCanonicalCsv(text, 'log.csv');
    expect(result.format).toBe('csv');
    expect(result.log.days).toEqual([{ date: '2025-03-12', bleeding: 'spotting', sex: true }]);
    expect(result.warnings).toEqual([]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields', () => {
    const text = [
      'date,notes,bleeding',
      '2025-03-01,"a, b; c ""quoted""",light',
      '2025-03-02,"two',
      'lines",none',
      '2025-03-03,"x",heavy',
    ].join('\n');
    expect(parseCanonicalCsv(text, 'log.csv').log.days).toEqual([
      { date: '2025-03-01', bleeding: 'light', notes: 'a, b; c "quoted"' },
      { date: '2025-03-02', bleeding: 'none', notes: 'two\nlines' },
      { date: '2025-03-03', bleeding: 'heavy', notes: 'x' },
    ]);
  });

  it('reads # key: value profile lines before the header, and ignores other comments', () => {
    const text = [
      '# My cycle log',
      '# Note: kept since January',
      '# age: 32',
      '#menopause:pre',
      '# Contraception: copper-iud@2024-06-01',
      '# contraception: condom',
      '# pregnancy: start=2025-02-15 week=6@2025-03-29',
      '# not_tracked: 2025-03-20..2025-03-31, 2025-04-05..2025-04-06',
      '# last_screening: 2024-05-01 normal',
      '# as_of: 2025-04-10',
      '# birth_date:',
      '',
      'date,bleeding',
      '2025-03-12,spotting',
    ].join('\n');
    const result = parseCanonicalCsv(text, 'log.csv');
    expect(result.log.profile).toEqual({
      age: 32,
      menopause: 'pre',
      contraception: [{ method: 'copper-iud', start: '2024-06-01' }, { method: 'condom' }],
      pregnancy: { start: '2025-02-15', week: 6, week_on: '2025-03-29' },
      not_tracked: [
        { from: '2025-03-20', to: '2025-03-31' },
        { from: '2025-04-05', to: '2025-04-06' },
      ],
      last_screening: { date: '2024-05-01', result: 'normal' },
      as_of: '2025-04-10',
    });
    expect(result.warnings).toEqual([]);
  });

  it('warns once per unknown column, with a suggestion when one is close', () => {
    const text = 'date,mood,bleding,bleeding\n2025-03-01,happy,x,light\n2025-03-02,sad,y,none\n';
    const result = parseCanonicalCsv(text, 'log.csv');
    expect(result.warnings).toEqual([
      { file: 'log.csv', line: 1, message: 'unknown column "mood" (column 2) is ignored' },
      {
        file: 'log.csv',
        line: 1,
        message: 'unknown column "bleding" (column 3) is ignored; did you mean bleeding?',
      },
    ]);
    // Values of unknown columns are never used, even when they would be valid somewhere else.
    expect(result.log.days).toEqual([
      { date: '2025-03-01', bleeding: 'light' },
      { date: '2025-03-02', bleeding: 'none' },
    ]);
  });

  it('accepts odour as odor and implies sex from first_sex and pain_during_sex', () => {
    const text =
      'date,bleeding,odour,first_sex,pain_during_sex\n2025-03-01,,yes,yes,\n2025-03-02,,,,yes\n';
    expect(parseCanonicalCsv(text, 'log.csv').log.days).toEqual([
      { date: '2025-03-01', sex: true, first_sex: true, odor: true },
      { date: '2025-03-02', sex: true, pain_during_sex: true },
    ]);
  });

  it('sorts rows and merges duplicate dates with a warning', () => {
    const text = [
      'date,bleeding,cramps,sex,notes',
      '2025-03-05,light,mild,,first',
      '2025-03-01,none,,,',
      '2025-03-05,spotting,severe,yes,second',
      '2025-03-05,,,no,first',
    ].join('\n');
    const result = parseCanonicalCsv(text, 'log.csv');
    expect(result.log.days).toEqual([
      { date: '2025-03-01', bleeding: 'none' },
      {
        date: '2025-03-05',
        bleeding: 'light',
        sex: true,
        cramps: 'severe',
        notes: 'first; second',
      },
    ]);
    expect(result.warnings).toEqual([
      {
        file: 'log.csv',
        message:
          'date 2025-03-05 appears on more than one row; the rows were merged (highest amount, worst severity, yes wins)',
      },
    ]);
  });

  it('skips blank and all-empty rows', () => {
    const text = 'date,bleeding\n\n2025-03-01,light\n   \n,\n2025-03-02,none\n\n';
    expect(parseCanonicalCsv(text, 'log.csv').log.days).toHaveLength(2);
  });

  it('strips the one quote that protects formula-like text, and only there', () => {
    const text = [
      'date,notes,blood_color,bleeding',
      "2025-03-01,'=1+1,'-brown,",
      "2025-03-02,''=x,'plain,",
      "2025-03-03,'@home,it's red,",
    ].join('\n');
    expect(parseCanonicalCsv(text, 'log.csv').log.days).toEqual([
      { date: '2025-03-01', blood_color: '-brown', notes: '=1+1' },
      { date: '2025-03-02', blood_color: "'plain", notes: "'=x" },
      { date: '2025-03-03', blood_color: "it's red", notes: '@home' },
    ]);
  });

  it('gives a header-only file an empty log and says so', () => {
    const result = parseCanonicalCsv('# age: 30\ndate,bleeding\n', 'log.csv');
    expect(result.log).toEqual({ profile: { age: 30 }, days: [] });
    expect(result.warnings).toEqual([
      { file: 'log.csv', line: 2, message: 'no day rows after the header; the log is empty' },
    ]);
  });

  it('warns about profile lines after the header instead of dropping them silently', () => {
    const result = parseCanonicalCsv('date,bleeding\n# age: 30\n2025-03-01,light\n', 'log.csv');
    expect(result.log.profile).toEqual({});
    expect(result.log.days).toEqual([{ date: '2025-03-01', bleeding: 'light' }]);
    expect(result.warnings).toEqual([
      {
        file: 'log.csv',
        line: 2,
        message: 'profile line "# age: …" after the header is ignored; move it above the header',
      },
    ]);
  });

  it('warns about a comment that looks like a mistyped profile key', () => {
    const result = parseCanonicalCsv(
      '# contraceptoin: copper-iud\ndate,bleeding\n2025-03-01,\n',
      'log.csv',
    );
    expect(result.warnings[0]).toMatchObject({ line: 1 });
    expect(result.warnings[0]!.message).toMatch(/^"contraceptoin" is not a profile key/);
  });
});

describe('parseCanonicalCsv: malformed input names file:line:column and the problem', () => {
  it.each([
    [
      'bad date',
      'date,bleeding\n2025-02-30,light\n',
      'log.csv:2:1: date: "2025-02-30" is not a real calendar date (no day 30 in that month)',
    ],
    [
      'impossible month',
      'date,bleeding\n2025-13-45,light\n',
      'log.csv:2:1: date: "2025-13-45" is not a real calendar date (there is no month 13)',
    ],
    [
      'date format',
      'date,bleeding\nMarch 12 2025,light\n',
      'log.csv:2:1: date: "March 12 2025" is not a date in the form YYYY-MM-DD, e.g. 2025-03-12',
    ],
    [
      'a slash date nothing decides (issue 18: refused once, with the fix)',
      'date,bleeding\n12/03/2025,light\n',
      'log.csv:2:1: 1 date looks like "12/03/2025", which can be day/month or month/day: pass --date-format dmy or mdy',
    ],
    [
      'year zero',
      'date,bleeding\n0000-01-01,\n',
      'log.csv:2:1: date: "0000-01-01": year 0000 is outside 1900–2100',
    ],
    [
      'missing date',
      'date,bleeding\n,light\n',
      'log.csv:2:1: date: missing; expected a date in the form YYYY-MM-DD',
    ],
    [
      'unknown word',
      'date,bleeding,sex\n2025-03-01,light,yes\n2025-03-02,lots,no\n',
      'log.csv:3:2: bleeding: "lots" is not one of none, spotting, light, medium, heavy',
    ],
    [
      'bad yes/no in the 3rd column',
      'date;bleeding;sex\n2025-03-01;light;perhaps\n',
      'log.csv:2:3: sex: "perhaps" is not yes or no (use yes/no, y/n, true/false, 1/0, x, or leave it blank)',
    ],
    [
      'temperature',
      'date,temperature,bleeding\n2025-03-01,98.6,\n',
      'log.csv:2:2: temperature: 98.6 is not a plausible body temperature (30–45 °C); if that is °F, it is 37.0 °C',
    ],
    [
      'ragged row, too many',
      'date,bleeding\n2025-03-01,light,extra\n',
      'log.csv:2:3: this row has 3 fields but the header has 2 (separated by ",")',
    ],
    [
      'ragged row, too few',
      'date,bleeding,sex\n2025-03-01,light,yes\n2025-03-02,light\n',
      'log.csv:3:3: this row has 2 fields but the header has 3 (separated by ",")',
    ],
    [
      'unclosed quote',
      'date,notes\n2025-03-01,"ok"\n2025-03-02,"never closed\n2025-03-03,x\n',
      'log.csv:3:2: unclosed quote: this quoted field never ends; a quote inside a quoted field must be doubled: ""',
    ],
    [
      'text after a closing quote',
      'date,notes\n2025-03-01,"a"b\n',
      'log.csv:2:2: text continues after a closing quote; a quote inside a quoted field must be doubled: ""',
    ],
    [
      'empty file',
      '',
      'log.csv:1: the file is empty; a CSV log starts with a header line such as date,bleeding,sex,notes',
    ],
    ['whitespace only', ' \r\n\n', 'log.csv:1: the file is empty'],
    [
      'comments only',
      '# age: 30\n# menopause: pre\n',
      'log.csv:2: no header line: after the # lines there must be a line naming the columns',
    ],
    [
      'no date column',
      'day,bleeding\n2025-03-01,light\n',
      'log.csv:1:1: the header has no "date" column; name the columns in the first line, such as date,bleeding,sex,notes',
    ],
    [
      'no header at all',
      '2025-03-01,light\n',
      'log.csv:1:1: the first line is data, not a header; add a header line naming the columns, such as date,bleeding,sex,notes',
    ],
    [
      'repeated column',
      'date,odor,odour\n',
      'log.csv:1:3: column "odour" repeats column 2 ("odor"); each column may appear once',
    ],
    [
      'binary',
      'date\n2025-03-01\u0000\u0001',
      'log.csv:2: this is a binary file (it contains NUL bytes), not a CSV log',
    ],
    [
      'bad profile value',
      '# age: 7\ndate\n',
      'log.csv:1: age: 7 is not a whole number from 8 to 100',
    ],
    [
      'bad profile spec',
      '\n# contraception: coil@2024-01-01\ndate\n',
      'log.csv:2: contraception: "coil" is not a method',
    ],
    [
      'duplicate profile key',
      '# age: 30\n# age: 31\ndate\n',
      'log.csv:2: age is given twice (first on line 1)',
    ],
  ])('%s', (_name, text, message) => {
    expect(errorOf(text).message.startsWith(message), errorOf(text).message).toBe(true);
  });

  it('counts lines across multi-line quoted notes and CRLF line ends', () => {
    const text =
      'date,notes,bleeding\r\n2025-03-01,"one\r\ntwo\r\nthree",light\r\n2025-03-02,x,lots\r\n';
    expect(errorOf(text).message).toMatch(/^log\.csv:5:3: bleeding: "lots"/);
    // A bad value after a line break inside the same row is on the later line.
    expect(errorOf('date,notes,bleeding\n2025-03-01,"a\nb",lots\n').message).toMatch(
      /^log\.csv:3:3: bleeding/,
    );
  });

  it('counts comment and blank lines after the header', () => {
    const text = 'date,bleeding\n# a comment\n\n2025-03-01,light\n2025-03-02,lots\n';
    expect(errorOf(text).message).toMatch(/^log\.csv:5:2: /);
  });

  it('counts profile lines before the header', () => {
    expect(errorOf('# age: 30\n\n# menopause: pre\ndate,bleeding\n2025-02-30,\n').message).toMatch(
      /^log\.csv:5:1: /,
    );
  });

  it('carries the structured location for the CLI', () => {
    const error = errorOf('date,bleeding\n2025-03-01,lots\n');
    expect(error.file).toBe('log.csv');
    expect(error.location).toEqual({ line: 2, column: 2 });
    expect(error.exitCode).toBe(65);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['date,bleeding', ','],
    ['date;bleeding;sex', ';'],
    ['date\tbleeding', '\t'],
    ['date', ','],
    ['"a,b";c;d', ';'],
  ])('%j → %j', (line, delimiter) => expect(detectDelimiter(line)).toBe(delimiter));
});

describe('csvImporter', () => {
  const read = (bytes: Buffer) =>
    csvImporter.read(inputFromBytes('in.csv', bytes), { forced: false });

  it('reads UTF-8 bytes', async () => {
    const result = await read(Buffer.from('\uFEFFdate,notes,bleeding\n2025-03-01,café,\n'));
    expect(result.log.days).toEqual([{ date: '2025-03-01', notes: 'café' }]);
  });

  // Issue 18 changed these two: Excel's Windows-1252 and UTF-16 with a byte order mark are read
  // (they used to be refused); a byte that is neither UTF-8 nor Windows-1252 is still refused.
  it('reads Windows-1252 bytes that are not UTF-8, with one warning', async () => {
    const bytes = Buffer.from([
      ...Buffer.from('date,bleeding,notes\n2025-03-01,light,caf'),
      0xe9,
      0x0a,
      ...Buffer.from('2025-03-02,,gr'),
      0xfc,
      0x6e,
      0x0a,
    ]);
    const result = await read(bytes);
    expect(result.log.days).toEqual([
      { date: '2025-03-01', bleeding: 'light', notes: 'café' },
      { date: '2025-03-02', notes: 'grün' },
    ]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ file: 'in.csv', line: 2 });
    expect(result.warnings[0]!.message).toMatch(
      /^the file is not UTF-8 text; it was read as Windows-1252/,
    );
  });

  it.each([
    ['little-endian', Buffer.from('\uFEFFdate;bleeding\n2025-03-01;heavy\n', 'utf16le')],
    ['big-endian', Buffer.from('\uFEFFdate;bleeding\n2025-03-01;heavy\n', 'utf16le').swap16()],
  ])('reads UTF-16 %s with a byte order mark', async (_name, bytes) => {
    const result = await read(bytes);
    expect(result.log.days).toEqual([{ date: '2025-03-01', bleeding: 'heavy' }]);
    expect(result.warnings).toEqual([]);
  });

  it.each([
    [
      'bytes that are neither UTF-8 nor Windows-1252',
      Buffer.from([...Buffer.from('date,bleeding\n2025-03-01,'), 0x81, 0x0a]),
      'in.csv:2: the file is not valid UTF-8 text, nor Windows-1252 (byte 0x81 means nothing there)',
    ],
    [
      'UTF-16 cut in the middle of a character',
      Buffer.from([0xff, 0xfe, 0x64, 0x00, 0x61]),
      'in.csv:1: the file starts as UTF-16 text, but it is cut off',
    ],
    [
      'a zip archive',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]),
      'in.csv:1: this is a zip archive',
    ],
    [
      'binary',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]),
      'in.csv:3: this is a binary file (it contains NUL bytes)',
    ],
  ])('refuses %s', async (_name, bytes, message) => {
    const error = await read(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message.startsWith(message), (error as Error).message).toBe(true);
  });
});
