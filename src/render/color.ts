/**
 * The one place that decides whether output is coloured. chalk 5 ignores NO_COLOR, so the
 * decision is made here and passed to renderers as a Chalk instance (level 0 = no colour).
 */
import { Chalk, type ChalkInstance } from 'chalk';

export interface ColorChoice {
  /** --no-color was passed (commander sets `color: false`). */
  noColorFlag?: boolean;
  env?: NodeJS.ProcessEnv;
  isTTY?: boolean;
}

export function shouldUseColor({ noColorFlag, env = process.env, isTTY }: ColorChoice): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (env.TERM === 'dumb') return false;
  return isTTY === true;
}

export function makeChalk(useColor: boolean): ChalkInstance {
  return new Chalk({ level: useColor ? 1 : 0 });
}
