/**
 * `cyclecheck`, `--help` and `--version` start from dist/cli-help.cjs, the CLI without the
 * commands' code (bin/cyclecheck.js picks it). It must print exactly what the full CLI prints.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_ENV, ROOT, runCli } from './helpers.ts';

/** Runs a bundle, whatever the arguments, through the same loader. (`node -e` leaves the script
 * path out of process.argv, so it is put back.) */
function runBundle(bundle: string, args: string[]) {
  const script = `require('./bin/load-bundle.cjs').loadBundle('${bundle}').exports.runCli([process.execPath, 'cyclecheck', ...process.argv.slice(1)])`;
  const result = spawnSync(process.execPath, ['-e', script, '--', ...args], {
    cwd: ROOT,
    env: CLI_ENV,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the help bundle', () => {
  it.each([[[]], [['--help']], [['-h']], [['--version']], [['-V']], [['-h', '--version']]])(
    'cyclecheck %j prints what the full CLI prints',
    (args) => {
      const viaBin = runCli(args);
      expect(viaBin).toEqual(runBundle('cli', args));
      expect(viaBin.stdout + viaBin.stderr).toMatch(/Usage: cyclecheck|^\d+\.\d+\.\d+/);
    },
  );

  it('has its own code cache, accepted by this Node', () => {
    const probe = spawnSync(
      process.execPath,
      ['-e', "console.log(require('./bin/load-bundle.cjs').loadBundle('cli-help').cacheUsed)"],
      { cwd: ROOT, env: CLI_ENV, encoding: 'utf8' },
    );
    expect(probe.stdout.trim()).toBe('true');
  });

  it('cannot run a command (the bin never asks it to)', () => {
    const result = runBundle('cli-help', ['rules']);
    expect(result.status).toBe(70);
    expect(result.stderr).toContain('is not in cli-help.cjs');
  });
});

describe('every --help', () => {
  it.each([
    [[]],
    [['analyze']],
    [['batch']],
    [['convert']],
    [['formats']],
    [['interview']],
    [['rules']],
  ])('cyclecheck %j --help leads with examples that run anywhere', (command) => {
    const help = runCli([...command, '--help']);
    expect(help.status).toBe(0);
    const lines = help.stdout.split('\n');
    expect(lines[0]).toBe('Examples:');
    const examples = lines.slice(1, lines.indexOf(''));
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(example).toMatch(/^ {2}\$ cyclecheck /);
    // Commands that read files first write the bundled example log, then use it.
    if (['analyze', 'batch', 'convert'].includes(command[0] ?? '')) {
      expect(examples[0]).toMatch(/^ {2}\$ cyclecheck example -o \S+\.csv$/);
    }
    for (const example of examples) expect(example).not.toContain('fixtures/');
  });
});
