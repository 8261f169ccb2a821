/**
 * Fitbit Menstrual Health on the invented fixture: the Takeout zip (whose
 * heart-rate entry is deliberately damaged, so it must never be inflated), the unzipped folder and
 * each CSV file give the same log.
 */
import { describe, expect, test } from 'vitest';
import { readMethodToken } from '../../src/importers/fitbit/birth-control.ts';
import { importFile } from '../../src/importers/registry.ts';
import type { ImportResult } from '../../src/log/import-contract.ts';
import { openInputFile } from '../../src/io/input-file.ts';
import { importError, importText } from './helpers.ts';

const FOLDER = 'fixtures/imports/fitbit/Takeout/Fitbit/Menstrual Health';
const ZIP = 'fixtures/imports/takeout-fitbit.zip';

async function importPath(path: string): Promise<ImportResult> {
  return await importFile(await openInputFile(path));
}

describe('Fitbit Menstrual Health', () => {
  test('logged periods, flow, cramps, sex, fluids; predictions skipped and counted', async () => {
    const result = await importPath(`${FOLDER}/menstrual_health_symptoms.csv`);
    expect(result.format).toBe('fitbit');
    const days = Object.fromEntries(result.log.days.map(({ date, ...rest }) => [date, rest]));
    expect(days).toEqual({
      '2025-05-01': { bleeding: 'medium', period: true },
      '2025-05-02': { bleeding: 'heavy', period: true, cramps: 'mild' },
      '2025-05-03': { bleeding: 'light', period: true },
      '2025-05-04': { bleeding: 'light', period: true },
      '2025-05-05': { bleeding: 'light', period: true },
      '2025-05-29': { bleeding: 'medium', period: true, cramps: 'mild' },
      '2025-05-30': { bleeding: 'heavy', period: true, cramps: 'mild' },
      '2025-05-31': { bleeding: 'light', period: true },
      '2025-06-01': { bleeding: 'light', period: true },
      '2025-06-02': { bleeding: 'light', period: true },
      '2025-06-10': { discharge: 'normal', notes: 'ovulation test: positive' },
      '2025-06-13': { discharge: 'unusual', sex: true, notes: 'sex: unprotected' },
      // Spotting outside a logged period is not a period day.
      '2025-06-14': { bleeding: 'spotting' },
    });
    const row = (what: string) => result.summary.find((r) => r.what === what);
    expect(row('cycles predicted by Fitbit')).toMatchObject({ dropped: 2 });
    expect(row('period day without a flow')).toMatchObject({ mapped: 6 });
    expect(row('mood')).toMatchObject({ dropped: 2 });
    expect(row('conditions (other than cramps)')).toMatchObject({ dropped: 1 });
    expect(result.warnings.map((w) => w.message)).toEqual([
      '2 cycles predicted by Fitbit (period_source = computed) skipped; only periods you logged are read',
    ]);
  });

  test('birth control becomes profile contraception, an untyped IUD raising the question', async () => {
    const result = await importPath(`${FOLDER}/menstrual_health_cycles.csv`);
    expect(result.log.profile.contraception).toEqual([{ method: 'iud', start: '2024-11-02' }]);
    expect(result.gaps.map((g) => g.fact)).toEqual(['iud-type', 'age', 'menopause']);
  });

  test('the Takeout zip, the folder and each CSV give the same log', async () => {
    const fromCsv = await importPath(`${FOLDER}/menstrual_health_symptoms.csv`);
    for (const path of [
      ZIP,
      'fixtures/imports/fitbit',
      FOLDER,
      `${FOLDER}/menstrual_health_cycles.csv`,
      `${FOLDER}/menstrual_health_settings.csv`,
    ]) {
      const other = await importPath(path);
      expect(other.format, path).toBe('fitbit');
      expect(other.log, path).toEqual(fromCsv.log);
    }
  });

  test('a symptoms file alone says that the logged periods are missing', async () => {
    const result = await importText(
      'menstrual_health_symptoms.csv',
      'timestamp,fluids,flow,conditions,sex,ovulation_test,cycle_altering_event,mood\n2025-06-14,null,heavy,null,null,null,Plan B,null\n',
    );
    expect(result.log.days).toEqual([
      { date: '2025-06-14', bleeding: 'heavy', notes: 'cycle-altering event: Plan B' },
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'menstrual_health_cycles.csv was not found beside it: logged periods are missing from this report',
    ]);
    expect(result.gaps[0]).toMatchObject({ fact: 'pregnancy' });
    expect(result.gaps[0]!.message).toContain('cycle-altering event (Plan B) on 2025-06-14');
  });

  test('a file of predictions only is refused, never read as "no flags"', async () => {
    const error = await importError(
      'menstrual_health_cycles.csv',
      'id,cycle_start_date,cycle_end_date,period_start_date,period_end_date,period_source\n1,2025-06-26,null,2025-06-26,2025-06-30,computed\n',
    );
    expect(error.message).toContain('no day you logged');
  });

  test.each([
    ['IUD', 'iud'],
    ['Copper IUD', 'copper-iud'],
    ['hormonal_iud', 'hormonal-iud'],
    ['Implant', 'implant'],
    ['Birth Control Pill', 'pill'],
    ['mini-pill', 'progestogen-pill'],
    ['Vaginal Ring', 'ring'],
    ['Patch', 'patch'],
    ['Injection', 'injection'],
    ['None', 'skip'],
    ['Moon phases', undefined],
  ])('birth_control_type %j → %s', (token, method) => {
    expect(readMethodToken(token)).toBe(method);
  });
});
