import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { MAX_GUNZIP_BYTES } from '../../src/importers/common/gzip.ts';
import { importError, importText } from './helpers.ts';

function backup(sections: { data?: object[]; symptoms?: object[]; notes?: object[] }): string {
  return JSON.stringify([
    { version: '6' },
    { data: sections.data ?? [] },
    { options: [{ name: 'period_length', value: '4' }] },
    { notes: sections.notes ?? [] },
    { symptoms: sections.symptoms ?? [] },
  ]);
}

describe('Periodical', () => {
  test('the gzip backup and the unpacked JSON give the same log', async () => {
    const gz = await importText(
      'Periodical-backup.json.gz',
      await readFile('fixtures/imports/Periodical-backup.json.gz'),
    );
    const json = await importText(
      'Periodical-backup.json',
      await readFile('fixtures/imports/Periodical-backup.json'),
    );
    expect(gz.format).toBe('periodical');
    expect(json.format).toBe('periodical');
    expect(gz.log).toEqual(json.log);
    const day = (date: string) => gz.log.days.find((d) => d.date === date);
    expect(day('2025-01-04')).toEqual({
      date: '2025-01-04',
      bleeding: 'heavy',
      period: true,
      cramps: 'mild',
    });
    expect(day('2025-01-15')).toEqual({
      date: '2025-01-15',
      bleeding: 'spotting',
      notes: 'spotting after sex, pinkish; stopped by evening',
    });
  });

  test.each([
    ['1', '1', 'light'],
    ['2', '1', 'light'],
    ['2', '2', 'medium'],
    ['2', '3', 'medium'],
    ['2', '4', 'heavy'],
    ['2', '', 'light'],
  ])('event type %s with intensity %j is %s', async (type, intensity, level) => {
    const result = await importText(
      'p.json',
      backup({ data: [{ eventtype: type, eventdate: '20250301', intensity }] }),
    );
    expect(result.log.days).toEqual([{ date: '2025-03-01', bleeding: level, period: true }]);
  });

  test('numbers are accepted where Periodical writes strings', async () => {
    const result = await importText(
      'p.json',
      backup({ data: [{ eventtype: 2, eventdate: 20250301, intensity: 4 }] }),
    );
    expect(result.log.days).toEqual([{ date: '2025-03-01', bleeding: 'heavy', period: true }]);
  });

  test.each([
    ['1', { sex: true }],
    ['2', { cramps: 'mild' }],
    ['7', { discharge: 'unusual' }],
    ['8', { discharge: 'normal' }],
    ['9', { bleeding: 'heavy' }],
    ['13', { dizzy: true }],
    ['19', { bleeding: 'spotting' }],
    ['17', {}],
  ])('symptom %s', async (symptom, fields) => {
    const result = await importText(
      'p.json',
      backup({ symptoms: [{ eventdate: '20250301', symptom }] }),
    );
    expect(result.log.days).toEqual([{ date: '2025-03-01', ...fields }]);
    expect(result.warnings).toEqual([]);
  });

  test('symptom 18 (the pill) becomes a question; unknown ids and sections are reported', async () => {
    const text = JSON.stringify([
      { version: '7' },
      { data: [] },
      {
        symptoms: [
          { eventdate: '20250301', symptom: '18' },
          { eventdate: '20250302', symptom: '99' },
        ],
      },
      { moods: [] },
    ]);
    const result = await importText('p.json', text);
    expect(result.gaps.map((g) => g.fact)).toContain('pill-type');
    expect(result.warnings.map((w) => w.message)).toEqual([
      "not used: section 'moods' ×1 (unknown to cyclecheck)",
      "not used: symptom id '99' ×1 (unknown to cyclecheck)",
    ]);
  });

  test('a gzip bomb is refused, not inflated', async () => {
    const bomb = gzipSync(Buffer.alloc(MAX_GUNZIP_BYTES + 1024, 0x20));
    const error = (await importError(
      'Periodical-backup.json.gz',
      bomb,
      'periodical',
    )) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('decompresses to more than 64 MB');
  });

  test('a corrupt gzip file is an input error', async () => {
    const gz = gzipSync(Buffer.from(backup({})));
    const error = (await importError(
      'p.json.gz',
      gz.subarray(0, gz.length - 12),
      'periodical',
    )) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('not a readable gzip file');
  });

  test.each([
    [
      'a bad date',
      backup({ data: [{ eventtype: '1', eventdate: '2025-03-01' }] }),
      '$[1].data[0].eventdate',
    ],
    ['no data section', '[{"version": "6"}]', 'no "data" section'],
  ])('%s is rejected with its location', async (_what, text, reason) => {
    const error = (await importError('p.json', text, 'periodical')) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.location.line).toBe(1);
    expect(error.message).toContain(reason);
  });
});
