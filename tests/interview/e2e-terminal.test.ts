/**
 * The built binary in a real pseudo-terminal (tmux), answered with keystrokes. Run
 * `npm run build` first (`npm test` does).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requireInCi } from '../setup/required-tools.ts';
import { tempDir } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
// CYCLECHECK_E2E_BIN: test another build of the same sources (e.g. one outside the shared dist/).
const BIN = process.env.CYCLECHECK_E2E_BIN ?? join(ROOT, 'bin/cyclecheck.js');
const HAS_TMUX = requireInCi(
  'tmux',
  spawnSync('tmux', ['-V']).status === 0,
  'install it (apt-get install tmux; .ci/run does)',
);
// A private tmux server per run of the binary, so nothing touches anyone else's sessions.
const sockets: string[] = [];
let socket = '';
// Never reuse a socket name: a server just told to exit may still hold the old one.
let started = 0;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

/** The whole scrollback, wrapped lines joined. */
function screen(): string {
  return tmux('capture-pane', '-p', '-J', '-S', '-1000', '-t', 'cc');
}

async function waitFor(text: string | RegExp, timeoutMs = 8000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = screen();
    if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${String(text)}; screen:\n${s}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Whether the prompt waiting for an answer (the last `? ` line, after every `✔` line) says `text`. */
function isAsking(s: string, text: string): boolean {
  const lines = s.split('\n');
  const asking = lines.findLastIndex((l) => l.startsWith('? '));
  const answered = lines.findLastIndex((l) => l.startsWith('✔ '));
  return asking > answered && lines[asking]!.includes(text);
}

/** Waits until the question is the one being asked, then types the keys. */
async function answer(question: string, ...keys: string[]): Promise<void> {
  const deadline = Date.now() + 8000;
  while (!isAsking(screen(), question)) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for "${question}"; screen:\n${screen()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  // Wait for the keys to take effect before looking for the next (possibly identical) question.
  const before = screen();
  for (const key of keys) tmux('send-keys', '-t', 'cc', key);
  const settle = Date.now() + 2000;
  while (screen() === before && Date.now() < settle) await new Promise((r) => setTimeout(r, 25));
}

function start(cwd: string, state: string, args: string[]): void {
  socket = `cyclecheck-e2e-${process.pid}-${started++}`;
  sockets.push(socket);
  const command = [
    `cd '${cwd}'`,
    `env NO_COLOR=1 XDG_STATE_HOME='${state}' node '${BIN}' interview ${args.join(' ')}`,
    `echo "EXIT=$?"`,
    'sleep 60',
  ].join('; ');
  tmux('new-session', '-d', '-s', 'cc', '-x', '100', '-y', '50', command);
}

afterEach(() => {
  for (const name of sockets.splice(0)) spawnSync('tmux', ['-L', name, 'kill-server']);
});

beforeAll(() => {
  if (!existsSync(join(BIN, '../../dist/cli.cjs'))) {
    throw new Error('dist/cli.cjs is missing: run `npm run build` first');
  }
});

describe.skipIf(!HAS_TMUX)(
  `interview in a terminal (tmux)${HAS_TMUX ? '' : ': skipped, tmux is not installed'}`,
  { timeout: 60_000 },
  () => {
    it('a new user answers real prompts and gets the report; the log is saved with mode 0600', async () => {
      const cwd = await tempDir();
      const state = join(cwd, 'state');
      start(cwd, state, ['--as-of', '2025-03-15']);
      // The emergency line comes before the first question.
      const first = await waitFor('How old are you?');
      expect(first).toContain('Emergency?');
      expect(first.indexOf('call emergency services now')).toBeLessThan(
        first.indexOf('How old are you?'),
      );
      await answer('How old are you?', '7', 'Enter');
      await waitFor('> Type a number of years from 8 to 100.');
      await answer('How old are you?', 'BSpace', '32', 'Enter');
      await answer('Which contraception do you use now?', 'Enter'); // None
      await answer('Are you pregnant?', 'Enter'); // No
      await answer('How many days does your period usually last?', '5', 'Enter');
      await answer('When did your last period start?', '2025-03-01', 'Enter');
      await answer('And the one before that?', '2025-02-01', 'Enter');
      await answer('And the one before that?', '2025-01-04', 'Enter');
      await answer('And the one before that?', 'Enter');
      await answer('Is there an episode you want to go through?', 'Enter'); // Yes
      await answer('When did it start?', '3 days ago', 'Enter');
      await answer('What happened?', 'Space', 'Enter'); // bleeding or spotting
      await answer('How much blood was there', 'Enter'); // spotting
      await answer('For how many days did it bleed?', '1', 'Enter');
      await answer('What colour was it?', 'Up', 'Up', 'Up', 'Enter'); // from "not sure" to bright red
      await answer('Where did the blood seem to come from?', 'Enter'); // vagina
      await answer('Was it linked to sex', 'Down', 'Enter'); // during sex (Enter alone: not linked)
      await answer('first time you ever had penetrative sex?', 'Enter'); // no
      await answer('Any of these around that time?', 'Enter'); // none
      await answer('How often has this happened', 'Enter'); // only this time
      await answer('in your own words?', 'Enter');
      await answer('Another episode to add?', 'Enter'); // no
      const review = await waitFor('Is this right?');
      expect(review).toContain('Episode 1: 2025-03-12 (3 days ago)');
      expect(review).toContain('Spotting for 1 day, bright red, from the vagina');
      tmux('send-keys', '-t', 'cc', 'Enter');
      await answer('Save your answers as a log file', 'Enter'); // CSV
      await answer('File name?', 'Enter');
      await answer('Save the report and checklist', 'Up', 'Enter'); // No
      const final = await waitFor('EXIT=');
      expect(final).toContain('EXIT=0');
      expect(final).toContain('Bleeding after sex: 12 Mar (SOON)');
      expect(final).toMatch(/12 Mar, cycle day 12: Sex on 2025-03-12/);
      expect(final).not.toContain('postcoital-bleeding');
      expect(final).toContain('Doctor-visit checklist');
      const saved = join(cwd, 'cyclecheck-log-2025-03-15.csv');
      expect(final).toContain(`Saved your log to ${saved}`);
      expect((await stat(saved)).mode & 0o777).toBe(0o600);
      expect(await readFile(saved, 'utf8')).toContain(
        '2025-03-12,spotting,,vaginal,bright red,yes',
      );
    });

    it('Ctrl-C exits 130 saying where the draft is; --resume continues from there', async () => {
      const cwd = await tempDir();
      const state = join(cwd, 'state');
      start(cwd, state, ['--as-of', '2025-03-15']);
      await answer('How old are you?', '58', 'Enter');
      await answer('Which describes your periods best?', 'Down', 'Down', 'Enter'); // after menopause
      // Right after "after menopause": HRT, tamoxifen, blood thinners.
      await answer('Do you take any of these?', 'Space', 'Enter'); // HRT
      await answer('Which contraception do you use now?', 'C-c');
      const draft = join(state, 'cyclecheck', 'interview-draft.json');
      const stopped = await waitFor('EXIT=');
      expect(stopped).toContain(`cyclecheck: interview paused; your answers are saved in ${draft}`);
      expect(stopped).toContain('EXIT=130');
      expect((await stat(draft)).mode & 0o777).toBe(0o600);
      expect(JSON.parse(await readFile(draft, 'utf8')).answers).toEqual({
        age: 58,
        menopause: 'post',
        medicines: ['hrt'],
      });

      start(cwd, state, ['--as-of', '2025-03-15', '--resume']);
      await answer('Which contraception do you use now?', 'Enter');
      // After menopause: no pregnancy or period questions.
      await answer('Is there an episode you want to go through?', 'Enter');
      await answer('When did it start?', '2025-03-10', 'Enter');
      await answer('What happened?', 'Space', 'Enter');
      await answer('How much blood was there', 'Enter');
      await answer('For how many days did it bleed?', '1', 'Enter');
      await answer('What colour was it?', 'Up', 'Enter'); // from "not sure" to brown
      await answer('Where did the blood seem to come from?', 'Enter');
      await answer('Was it linked to sex', 'Enter'); // Enter records no sex
      await answer('Any of these around that time?', 'Enter');
      await answer('How often has this happened', 'Enter');
      await answer('in your own words?', 'Enter');
      await answer('Another episode to add?', 'Enter');
      const review = await waitFor('Is this right?');
      expect(review).toContain('Spotting for 1 day, brown, from the vagina');
      expect(review).toContain('Not linked to sex');
      await answer('Is this right?', 'Enter');
      await answer('Save your answers as a log file', 'Up', 'Enter'); // No
      await answer('Save the report and checklist', 'Up', 'Enter'); // No
      const final = await waitFor('EXIT=');
      expect(final).toContain('Continuing your unfinished interview from 2025-03-15.');
      expect(final).not.toContain('Are you pregnant?');
      expect(final).toContain('Bleeding after menopause: 10 Mar (SOON)');
      expect(final).not.toContain('Sex on');
      expect(final).toContain('Medicines: hormone replacement therapy (HRT)');
      expect(final).toContain('EXIT=0');
      expect(existsSync(draft)).toBe(false);
    });
  },
);

describe('interview without a terminal', () => {
  it('refuses with exit 2 and points at analyze', () => {
    const result = spawnSync(process.execPath, [BIN, 'interview'], {
      input: '34\n',
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('cyclecheck: the interview needs a terminal');
    expect(result.stderr).toContain('cyclecheck analyze FILE');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
