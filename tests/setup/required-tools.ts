/**
 * Tests that need something the machine may lack (tmux for a real terminal, /dev/full for a full
 * disk) skip where it is missing, so that a developer's `npm test` still runs. In CI (CI=true)
 * a skip would hide them behind a green run, so there a missing requirement is a failing test.
 */
import { it } from 'vitest';

/** Whether the environment says it is CI, as CI services and .ci/run set it. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

export type Requirement = 'run' | 'skip' | 'fail';

export function decideRequirement(available: boolean, env: NodeJS.ProcessEnv): Requirement {
  if (available) return 'run';
  return isCi(env) ? 'fail' : 'skip';
}

/**
 * Whether the tests that need `what` may run. When it is missing in CI, registers a failing
 * test that names it (and returns false, so the tests themselves do not add noise).
 */
export function requireInCi(what: string, available: boolean, hint: string): boolean {
  const decision = decideRequirement(available, process.env);
  if (decision === 'fail') {
    it(`has ${what} (CI=true: the tests that need it may not be skipped)`, () => {
      throw new Error(`${what} is missing; ${hint}`);
    });
  }
  return decision === 'run';
}
