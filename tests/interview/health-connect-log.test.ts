/**
 * `interview --log "Health Connect.zip"`: Health Connect has no record type for contraception,
 * pregnancy or pain, so the interview asks for them, and the answers change the flags.
 */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/importers/registry.ts';
import type { InterviewDeps } from '../../src/interview/run.ts';
import { openInputFile } from '../../src/io/input-file.ts';
import { flagsOf, runScript, tempPlace } from './helpers.ts';

const importLog: InterviewDeps['importLog'] = async (path, from) =>
  importFile(await openInputFile(path), from);

describe('interview --log with a Health Connect export', () => {
  it('asks for contraception, pregnancy and episodes of pain, and uses the answers', async () => {
    const place = await tempPlace();
    await copyFile('fixtures/imports/Health Connect.zip', join(place.cwd, 'hc.zip'));
    const run = await runScript(
      [
        ['age', '31'],
        ['contraception.0.method', 'iud'],
        ['contraception.0.iud_type', 'copper-iud'],
        ['contraception.0.start', '2024-01-10'],
        ['contraception.0.more', false],
        ['pregnancy', 'no'],
        ['episodes.more.0', false],
        ['review', 'analyze'],
        ['save.log', 'no'],
        ['save.report', 'no'],
      ],
      { logFile: 'hc.zip', importLog },
      place,
    );
    const asked = run.prompter.asked.map((q) => q.id);
    expect(asked.slice(0, 7)).toEqual([
      'age',
      'contraception.0.method',
      'contraception.0.iud_type',
      'contraception.0.start',
      'contraception.0.more',
      'pregnancy',
      'episodes.more.0',
    ]);
    expect(run.outcome.log.profile.contraception).toEqual([
      { method: 'copper-iud', start: '2024-01-10' },
    ]);
    // With the copper IUD the interview supplied, bleeding after sex is urgent.
    expect(flagsOf(run)).toContain('copper-iud-postcoital-bleeding:urgent');
  });
});
