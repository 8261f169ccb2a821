import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { sniffFormat } from '../../src/importers/detect.ts';
import { detectFormat, FORMAT_IDS } from '../../src/importers/registry.ts';
import { inputFromBytes } from '../../src/io/input-file.ts';
import { importError, importText } from './helpers.ts';
import { encodeAppleXml, sixMonths } from './six-months.ts';

const detect = (name: string, content: string | Buffer) =>
  detectFormat(inputFromBytes(name, typeof content === 'string' ? Buffer.from(content) : content));

describe('detection from content, whatever the file is called', () => {
  test.each([
    ['fixtures/imports/drip-data.csv', 'export.json', 'drip'],
    ['fixtures/imports/clue-measurements.json', 'notes.csv', 'clue'],
    ['fixtures/imports/mensinator.json', 'backup.txt', 'mensinator'],
    ['fixtures/imports/Periodical-backup.json.gz', 'data.zip', 'periodical'],
    ['fixtures/imports/Periodical-backup.json', 'measurements.json', 'periodical'],
    ['fixtures/imports/flo.json', 'drip-data.csv', 'flo'],
    ['fixtures/example-log.csv', 'log.json', 'csv'],
  ])('%s renamed to %s is %s', async (path, name, format) => {
    expect(detect(name, await readFile(path))).toBe(format);
  });

  test('an Apple Health export.xml renamed to .csv', () => {
    expect(detect('steps.csv', encodeAppleXml(sixMonths()).bytes)).toBe('apple-health');
  });

  test.each([
    ['{"format": "cyclecheck-log/1", "profile": {}, "days": []}', 'json'],
    ['\uFEFF  {"days": [{"date": "2025-03-01"}]}', 'json'],
    ['{"profile": {"age": 30}}', 'json'],
    ['[{"date": "2025-03-01", "bleeding": "light"}]', 'json'],
    ['[{"type": "period", "id": "x", "date": "2025-03-01", "value": {"option": "light"}}]', 'clue'],
    ['[{"version":"6"},{"data":[]}]', 'periodical'],
    ['{"periods": [], "symptoms": [], "symptom_date": []}', 'mensinator'],
    ['{"operationalData": {"cycles": []}}', 'flo'],
    [
      '# age: 34\n# contraception: copper-iud@2024-06-01\ndate,bleeding,sex\n2025-03-01,light,yes\n',
      'csv',
    ],
    ['date;bleeding;sex\n2025-03-01;light;yes\n', 'csv'],
    ['Date,Bleeding\n2025-03-01,light\n', 'csv'],
    ['date,bleeding.value,bleeding.exclude\n2025-03-01,1,false', 'drip'],
  ])('%j is %s', (text, format) => {
    expect(detect('file', text)).toBe(format);
  });

  test('a JSON head cut off mid-document still shows its shape', () => {
    const records = Array.from({ length: 5000 }, (_, i) => ({
      type: 'period',
      id: String(i),
      date: '2025-03-01',
      value: { option: 'light' },
    }));
    const text = JSON.stringify(records);
    expect(text.length).toBeGreaterThan(64 * 1024);
    expect(detect('m.json', text)).toBe('clue');
  });

  test('only an empty array needs the file name: Clue calls its file measurements.json', () => {
    expect(detect('measurements.json', '[]')).toBe('clue');
    expect(detect('log.json', '[ ]')).toBe('json');
  });

  test.each([
    ['', 'the file is empty'],
    ['hello, world\n', 'not a header with a `date` column'],
    ['{"rows": []}', 'matches no supported export'],
    ['[1, 2, 3]', 'matches no supported export'],
    ['<html><body></body></html>', 'not an Apple Health export'],
    [
      '{"format": "cyclecheck-report/1", "as_of": "2025-03-01", "profile": {}}',
      'a cyclecheck-report/1 document, not a log',
    ],
  ])('%j is not recognised: %s', (text, reason) => {
    const sniffed = sniffFormat(Buffer.from(text), 'x');
    expect(sniffed.format).toBeUndefined();
    expect(sniffed.reason).toContain(reason);
  });

  test('a gzip file that is not a Periodical backup, and a zip that is not an Apple export', () => {
    expect(sniffFormat(gzipSync(Buffer.from('date,bleeding\n'))).reason).toContain(
      'gzip file that is not a Periodical backup',
    );
    const xlsx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('\0'.repeat(26) + '[Content_Types].xml'),
    ]);
    expect(sniffFormat(xlsx).reason).toContain('an Excel workbook');
    expect(sniffFormat(xlsx).hint).toContain('CSV UTF-8');
  });
});

describe('importFile', () => {
  test('an unrecognised file is an input error that lists the formats and suggests --from', async () => {
    const error = (await importError('mystery.txt', 'hello, world\n')) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.exitCode).toBe(65);
    expect(error.message).toContain('mystery.txt:1: not a log or export cyclecheck recognises');
    for (const id of FORMAT_IDS) expect(error.hint).toContain(id);
    expect(error.hint).toContain('--from');
  });

  test('--from overrides detection and says when the content looks like something else', async () => {
    const text = '[{"date": "2025-03-01", "type": "period", "value": {"option": "heavy"}}]';
    const asClue = await importText('m.json', text, 'clue');
    expect(asClue.log.days).toEqual([{ date: '2025-03-01', bleeding: 'heavy', period: true }]);
    expect(asClue.warnings).toEqual([]);
    const forced = await importText('d.csv', 'date,bleeding\n2025-03-01,light\n', 'drip');
    expect(forced.format).toBe('drip');
    expect(forced.warnings[0]?.message).toBe(
      'read as drip (--from drip), although the content looks like cyclecheck CSV log',
    );
  });

  test('--from with a file of another shape fails with that format’s hint', async () => {
    const error = (await importError(
      'x.csv',
      'date,bleeding\n2025-03-01,light\n',
      'clue',
    )) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.location.line).toBe(1);
    expect(error.hint).toContain('measurements.json');
  });
});
