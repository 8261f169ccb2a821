/**
 * A vitest reporter: with CI=true, any skipped test fails the run (exit status 1) and is named.
 * required-tools.ts turns the known skips (no tmux, no /dev/full) into failures with a reason;
 * this catches every other way a test can be skipped, so a green CI run ran every test.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { isCi } from './required-tools.ts';

export default class NoSkipsInCi implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    if (!isCi()) return;
    const skipped = testModules.flatMap((module) =>
      [...module.children.allTests('skipped')].map(
        (test) => `${module.moduleId}: ${test.fullName}`,
      ),
    );
    if (skipped.length === 0) return;
    process.stderr.write(
      `\nCI=true: ${skipped.length} skipped test(s); in CI every test must run:\n` +
        skipped.map((name) => `  ${name}\n`).join(''),
    );
    process.exitCode = 1;
  }
}
