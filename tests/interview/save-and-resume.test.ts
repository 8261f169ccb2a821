import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, InterruptedError, UsageError } from '../../src/errors.ts';
import { getDraftPath, getStateDir } from '../../src/interview/draft.ts';
import { runInterviewSession } from '../../src/interview/run.ts';
import { parseCanonicalCsv } from '../../src/log/canonical-csv.ts';
import { parseCanonicalJson } from '../../src/log/canonical-json.ts';
import { CTRL_C, ScriptedPrompter, type Step } from './scripted-prompter.ts';
import {
  NO_CONTRACEPTION,
  NO_MORE_EPISODES,
  NOT_PREGNANT,
  REGULAR_PERIODS,
  depsFor,
  flagsOf,
  runScript,
  tempPlace,
} from './helpers.ts';

const STORY: Step[] = [
  ['age', '32'],
  ...NO_CONTRACEPTION,
  ...NOT_PREGNANT,
  ...REGULAR_PERIODS,
  ['episodes.more.0', true],
  ['episode.0.start', '2025-03-12'],
  ['episode.0.what', ['bleeding']],
  ['episode.0.amount', 'spotting'],
  ['episode.0.days', '1'],
  ['episode.0.color', 'bright red'],
  ['episode.0.source', 'vaginal'],
  ['episode.0.sex', 'during'],
  ['episode.0.first_sex', false],
  ['episode.0.symptoms', []],
  ['episode.0.frequency', 'once'],
  ['episode.0.note', 'after a new partner, =1+1'],
  ...NO_MORE_EPISODES(1),
  ['review', 'analyze'],
];

async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

describe('saving the log and the checklist', () => {
  it('offers the printable HTML first and adds the extension a typed name lacks', async () => {
    const place = await tempPlace();
    const run = await runScript(
      [...STORY, ['save.log', 'no'], ['save.report', 'html'], ['save.report.path', 'visit']],
      {},
      place,
    );
    const htmlPath = join(place.cwd, 'visit.html');
    expect(run.outcome.saved).toEqual([htmlPath]);
    const html = await readFile(htmlPath, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('Bleeding after sex');
    const question = run.prompter.asked.find((a) => a.id === 'save.report');
    expect(question?.choices).toEqual(['html', 'pdf', 'markdown', 'no']);
  });

  it('saves the PDF with mode 0600 and adds .pdf to a typed name', async () => {
    const place = await tempPlace();
    const run = await runScript(
      [...STORY, ['save.log', 'no'], ['save.report', 'pdf'], ['save.report.path', 'visit']],
      {},
      place,
    );
    const pdfPath = join(place.cwd, 'visit.pdf');
    expect(run.outcome.saved).toEqual([pdfPath]);
    const bytes = await readFile(pdfPath);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await stat(pdfPath)).mode & 0o777).toBe(0o600);
  });

  it('saves CSV and Markdown with mode 0600; the CSV reads back as the same log', async () => {
    const place = await tempPlace();
    const run = await runScript(
      [
        ...STORY,
        ['save.log', 'csv'],
        ['save.log.path', ''],
        ['save.report', 'markdown'],
        ['save.report.path', 'visit.md'],
      ],
      {},
      place,
    );
    const csvPath = join(place.cwd, 'cyclecheck-log-2025-03-15.csv');
    const mdPath = join(place.cwd, 'visit.md');
    expect(run.outcome.saved).toEqual([csvPath, mdPath]);
    expect(await modeOf(csvPath)).toBe(0o600);
    expect(await modeOf(mdPath)).toBe(0o600);
    const reread = parseCanonicalCsv(await readFile(csvPath, 'utf8'), csvPath);
    // The saved log does not freeze the evaluation date: days added later are analyzed.
    const { as_of: asOf, ...profile } = run.outcome.log.profile;
    expect(asOf).toBe('2025-03-15');
    expect(reread.log).toEqual({ ...run.outcome.log, profile });
    const markdown = await readFile(mdPath, 'utf8');
    expect(markdown).toContain('Bleeding after sex');
    expect(markdown).not.toContain('postcoital-bleeding');
    expect(run.prompter.notes).toContain(`Saved your log to ${csvPath} (only you can read it).`);
  });

  it('asks before replacing a file: "no" keeps it and asks for another name, "yes" replaces it', async () => {
    const place = await tempPlace();
    const kept = join(place.cwd, 'mine.json');
    const replaced = join(place.cwd, 'visit.md');
    await writeFile(kept, 'my own notes\n');
    await writeFile(replaced, 'old report\n', { mode: 0o644 });
    const run = await runScript(
      [
        ...STORY,
        ['save.log', 'json'],
        ['save.log.path', 'mine.json'],
        ['save.log.overwrite', false],
        ['save.log.path', 'mine-2.json'],
        ['save.report', 'markdown'],
        ['save.report.path', 'visit.md'],
        ['save.report.overwrite', true],
      ],
      {},
      place,
    );
    expect(await readFile(kept, 'utf8')).toBe('my own notes\n');
    const json = join(place.cwd, 'mine-2.json');
    const { as_of: _asOf, ...profile } = run.outcome.log.profile;
    void _asOf;
    expect(parseCanonicalJson(await readFile(json, 'utf8'), json).log).toEqual({
      ...run.outcome.log,
      profile,
    });
    expect(await readFile(replaced, 'utf8')).toContain('Bleeding after sex');
    expect(await modeOf(replaced)).toBe(0o600);
    const overwriteQuestion = run.prompter.asked.find((a) => a.id === 'save.log.overwrite');
    expect(overwriteQuestion?.message).toBe(`${kept} already exists. Replace it?`);
    expect(overwriteQuestion?.default).toBe(false);
  });

  it('says why a file could not be written and lets the person try another name', async () => {
    const place = await tempPlace();
    const run = await runScript(
      [
        ...STORY,
        ['save.log', 'csv'],
        ['save.log.path', 'no-such-folder/log.csv'],
        ['save.log.retry', true],
        ['save.log.path', '~/log.csv'],
        ['save.report', 'no'],
      ],
      {},
      place,
    );
    expect(run.prompter.notes.some((n) => n.startsWith('Could not save there:'))).toBe(true);
    // `~` is the home folder (the test's temporary folder).
    expect(run.outcome.saved).toEqual([join(place.cwd, 'log.csv')]);
  });
});

describe('Ctrl-C and --resume', () => {
  it('keeps every answer in a private draft, and --resume continues where it stopped', async () => {
    const place = await tempPlace();
    const draftPath = getDraftPath(place.stateDir);
    const stopAt = STORY.findIndex(([id]) => id === 'episode.0.amount');
    const first = new ScriptedPrompter([...STORY.slice(0, stopAt), ['episode.0.amount', CTRL_C]]);
    const error = await runInterviewSession(depsFor(first, place).deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterruptedError);
    expect((error as Error).message).toBe(
      `interview paused; your answers are saved in ${draftPath} (continue with: cyclecheck interview --resume)`,
    );
    expect((error as Error).message).not.toContain('\n');
    expect(await modeOf(draftPath)).toBe(0o600);
    const draft = JSON.parse(await readFile(draftPath, 'utf8'));
    expect(draft.format).toBe('cyclecheck-interview-draft/1');
    expect(draft.answers).toEqual({
      age: 32,
      'contraception.0.method': 'none',
      pregnancy: 'no',
      'periods.length': 5,
      'periods.start.0': '2025-03-01',
      'periods.start.1': '2025-02-01',
      'periods.start.2': '2025-01-04',
      'periods.start.3': null,
      'episodes.more.0': true,
      'episode.0.start': '2025-03-12',
      'episode.0.what': ['bleeding'],
    });

    const second = new ScriptedPrompter([
      ...STORY.slice(stopAt),
      ['save.log', 'no'],
      ['save.report', 'no'],
    ]);
    const { deps, printed } = depsFor(second, place, { resume: true });
    const outcome = await runInterviewSession(deps);
    expect(second.askedIds()[0]).toBe('episode.0.amount');
    expect(second.remaining).toEqual([]);
    expect(outcome.report.flags.map((f) => f.rule)).toContain('postcoital-bleeding');
    expect(printed()).toContain('cyclecheck report');
    // A completed interview removes its draft.
    await expect(stat(draftPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('offers to continue an unfinished interview when started without --resume', async () => {
    const place = await tempPlace();
    const first = new ScriptedPrompter([
      ['age', '32'],
      ['contraception.0.method', CTRL_C],
    ]);
    await expect(runInterviewSession(depsFor(first, place).deps)).rejects.toBeInstanceOf(
      InterruptedError,
    );

    const restart = new ScriptedPrompter([
      ['draft', 'restart'],
      ['age', CTRL_C],
    ]);
    const stopped = await runInterviewSession(depsFor(restart, place).deps).catch(
      (e: unknown) => e,
    );
    expect((stopped as Error).message).toBe(
      `interview stopped; your earlier answers are still saved in ${getDraftPath(place.stateDir)} (continue with: cyclecheck interview --resume)`,
    );
    expect(restart.asked[0]?.message).toBe(
      'You have an unfinished interview from 2025-03-15 (1 answer). Continue it?',
    );
    // Starting over discards nothing until a new answer is given.
    const draft = JSON.parse(await readFile(getDraftPath(place.stateDir), 'utf8'));
    expect(draft.answers).toEqual({ age: 32 });

    const resume = new ScriptedPrompter([
      ['draft', 'continue'],
      ...STORY.slice(1),
      ['save.log', 'no'],
      ['save.report', 'no'],
    ]);
    const outcome = await runInterviewSession(depsFor(resume, place).deps);
    expect(outcome.log.profile.age).toBe(32);
  });

  it('Ctrl-C before the first answer saves nothing; --resume without a draft is a usage error', async () => {
    const place = await tempPlace();
    const prompter = new ScriptedPrompter([['age', CTRL_C]]);
    const error = await runInterviewSession(depsFor(prompter, place).deps).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'interview stopped before the first answer; nothing was saved',
    );
    await expect(stat(getDraftPath(place.stateDir))).rejects.toMatchObject({ code: 'ENOENT' });

    const resume = await runInterviewSession(
      depsFor(new ScriptedPrompter([]), place, { resume: true }).deps,
    ).catch((e: unknown) => e);
    expect(resume).toBeInstanceOf(UsageError);
    expect((resume as Error).message).toContain('there is no unfinished interview to resume');
  });

  it('a draft the person edited by hand: answers of the wrong shape are asked again', async () => {
    const place = await tempPlace();
    const { mkdir } = await import('node:fs/promises');
    await mkdir(place.stateDir, { recursive: true });
    await writeFile(
      getDraftPath(place.stateDir),
      // Written as text: an object literal's __proto__ would not become a key.
      '{"format":"cyclecheck-interview-draft/1","saved":"2025-03-14","answers":' +
        '{"age":"thirty-two","contraception.0.method":"none","__proto__":{"polluted":true}}}',
    );
    const run = await runScript(
      [['age', '32'], ...STORY.slice(2), ['save.log', 'no'], ['save.report', 'no']],
      { resume: true },
      place,
    );
    expect(run.prompter.askedIds()[0]).toBe('age');
    expect(run.prompter.askedIds()).not.toContain('contraception.0.method');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(flagsOf(run)).toContain('postcoital-bleeding:soon');
  });
});

describe('a draft that is not a draft', () => {
  it('--resume stops with an input error; a new interview says so and starts afresh', async () => {
    const place = await tempPlace();
    const { mkdir } = await import('node:fs/promises');
    await mkdir(place.stateDir, { recursive: true });
    const draftPath = getDraftPath(place.stateDir);
    await writeFile(draftPath, 'not json at all');
    const error = await runInterviewSession(
      depsFor(new ScriptedPrompter([]), place, { resume: true }).deps,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      `${draftPath}: this is not an interview draft cyclecheck can read`,
    );

    const fresh = new ScriptedPrompter([['age', CTRL_C]]);
    await expect(runInterviewSession(depsFor(fresh, place).deps)).rejects.toBeInstanceOf(
      InterruptedError,
    );
    expect(fresh.notes[1]).toBe(
      `(The saved draft ${draftPath} could not be read; starting a new interview.)`,
    );
  });
});

describe('the state folder', () => {
  it.each([
    [{ XDG_STATE_HOME: '/var/state' }, '/var/state/cyclecheck'],
    [{ XDG_STATE_HOME: '' }, '/home/ana/.local/state/cyclecheck'],
    [{ XDG_STATE_HOME: 'relative/state' }, '/home/ana/.local/state/cyclecheck'],
    [{}, '/home/ana/.local/state/cyclecheck'],
  ])('%j → %s', (env, dir) => {
    expect(getStateDir(env, '/home/ana')).toBe(dir);
  });
});
