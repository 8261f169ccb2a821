import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/importers/registry.ts';
import type { InterviewDeps } from '../../src/interview/run.ts';
import { openInputFile } from '../../src/io/input-file.ts';
import { dayOn, flagsOf, runScript, tempPlace } from './helpers.ts';

const importLog: InterviewDeps['importLog'] = async (path, from) =>
  importFile(await openInputFile(path), from);

function csv(profile: string[], rows: string[]): string {
  return [...profile.map((p) => `# ${p}`), 'date,bleeding,period,sex', ...rows].join('\n') + '\n';
}

const ROWS = [
  '2025-01-04,medium,yes,',
  '2025-01-05,medium,,',
  '2025-01-06,light,,',
  '2025-02-01,medium,yes,',
  '2025-02-02,medium,,',
  '2025-02-03,light,,',
  '2025-03-01,medium,yes,',
  '2025-03-02,medium,,',
  '2025-03-03,light,,',
  '2025-03-10,none,,yes',
  '2025-03-11,spotting,,',
  '2025-03-12,none,,',
];

describe('interview --log FILE', () => {
  it('asks only the IUD type the log lacks, then analyzes the log with the answer', async () => {
    const place = await tempPlace();
    await writeFile(
      join(place.cwd, 'my-log.csv'),
      csv(['age: 30', 'contraception: iud@2024-06-01'], ROWS),
    );
    const run = await runScript(
      [
        ['log.contraception.0.iud_type', 'copper-iud'],
        ['review', 'analyze'],
        ['save.log', 'no'],
        ['save.report', 'no'],
      ],
      { logFile: 'my-log.csv', importLog },
      place,
    );
    expect(run.prompter.asked[0]?.message).toBe(
      'Your log says IUD (since 2024-06-01): copper or hormonal?',
    );
    const { log, report } = run.outcome;
    expect(log.profile.contraception).toEqual([{ method: 'copper-iud', start: '2024-06-01' }]);
    expect(log.days).toHaveLength(ROWS.length);
    expect(dayOn(log.days, '2025-03-10')).toEqual({
      date: '2025-03-10',
      bleeding: 'none',
      sex: true,
    });
    expect(flagsOf(run)).toContain('copper-iud-postcoital-bleeding:urgent');
    expect(report.input.files).toEqual(['my-log.csv', 'interview']);
    expect(report.input.formats).toEqual(['csv']);
    // Like analyze, the evaluation date is the last logged date.
    expect(report.as_of).toBe('2025-03-12');
    const summary = run.prompter.notes.find((n) => n.includes('Here is what will be analyzed'));
    expect(summary).toContain(
      'From my-log.csv (cyclecheck CSV log): 12 logged days, 2025-01-04 to 2025-03-12',
    );
    expect(summary).toContain('Contraception: copper IUD since 2024-06-01');
  });

  it('asks nothing when the log says everything, and can still add an episode from the review', async () => {
    const place = await tempPlace();
    await writeFile(join(place.cwd, 'full.csv'), csv(['age: 30', 'contraception: condom'], ROWS));
    const run = await runScript(
      [
        ['review', 'add'],
        ['episode.0.start', '2025-03-14'],
        ['episode.0.what', ['pain']],
        ['episode.0.sex', 'none'],
        ['episode.0.pain_kind', 'pelvic'],
        ['episode.0.pain_severity', 'severe'],
        ['episode.0.pain_days', '1'],
        ['episode.0.symptoms', []],
        ['episode.0.frequency', 'once'],
        ['episode.0.note', ''],
        ['episodes.more.1', false],
        ['review', 'analyze'],
        ['save.log', 'no'],
        ['save.report', 'no'],
      ],
      { logFile: 'full.csv', importLog },
      place,
    );
    expect(dayOn(run.outcome.log.days, '2025-03-14')).toEqual({
      date: '2025-03-14',
      pelvic_pain: 'severe',
    });
    expect(run.outcome.report.as_of).toBe('2025-03-14');
    expect(flagsOf(run)).toContain('severe-pelvic-pain:urgent');
  });

  it('asks age, then the pregnancy week, when the log records a pregnancy without them', async () => {
    const place = await tempPlace();
    await writeFile(
      join(place.cwd, 'preg.csv'),
      csv(
        ['pregnancy: start=2025-01-10'],
        ['2025-03-10,none,,', '2025-03-11,spotting,,', '2025-03-12,none,,'],
      ),
    );
    const run = await runScript(
      [
        ['age', '41'],
        ['menopause', 'pre'],
        ['pregnancy.dating', 'week'],
        ['pregnancy.week', '9'],
        ['review', 'analyze'],
        ['save.log', 'no'],
        ['save.report', 'no'],
      ],
      { logFile: 'preg.csv', importLog },
      place,
    );
    expect(run.outcome.log.profile).toMatchObject({
      age: 41,
      menopause: 'pre',
      pregnancy: { start: '2025-01-11', week: 9, week_on: '2025-03-15' },
    });
    expect(flagsOf(run)).toEqual(['pregnancy-bleeding-early-light:soon']);
  });
});

describe('interview --log with an app export', () => {
  it('says "export", and asks the insertion date when the IUD has none', async () => {
    const place = await tempPlace();
    await writeFile(join(place.cwd, 'iud.csv'), csv(['age: 30', 'contraception: iud'], ROWS));
    const run = await runScript(
      [
        ['log.contraception.0.iud_type', 'hormonal-iud'],
        ['log.contraception.0.start', '2025-01-01'],
        ['review', 'analyze'],
        ['save.log', 'no'],
        ['save.report', 'no'],
      ],
      { logFile: 'iud.csv', importLog },
      place,
    );
    expect(run.outcome.log.profile.contraception).toEqual([
      { method: 'hormonal-iud', start: '2025-01-01' },
    ]);
    // Inside the hormonal IUD's settling window, one day of spotting after sex that stopped.
    expect(flagsOf(run)).toContain('hormonal-breakthrough-bleeding:info');
  });

  it('drip export: the question names it an export', async () => {
    const place = await tempPlace();
    const run = await runScript(
      [
        ['age', '27'],
        ['log.contraception.0.iud_type', 'copper-iud'],
        ['log.contraception.0.start', ''],
        ['review', 'analyze'],
        ['save.log', 'no'],
        ['save.report', 'no'],
      ],
      { logFile: join(process.cwd(), 'fixtures/imports/drip-data.csv'), importLog },
      place,
    );
    const iud = run.prompter.asked.find((a) => a.id === 'log.contraception.0.iud_type');
    expect(iud?.message).toBe('Your export says IUD: copper or hormonal?');
    expect(run.outcome.report.input.formats).toEqual(['drip']);
    // What the answers settled is no longer listed as a question in the report.
    const facts = run.outcome.report.questions.map((q) => q.fact);
    expect(facts).not.toContain('iud-type');
    expect(facts).not.toContain('age');
    expect(run.outcome.log.profile.contraception).toEqual([{ method: 'copper-iud' }]);
  });
});
