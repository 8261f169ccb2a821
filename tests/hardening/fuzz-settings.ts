/**
 * Property-test settings: a fixed seed so that `npm test` (and CI) always runs the same cases,
 * few runs by default so that it stays fast, and `FUZZ_RUNS` / `FUZZ_SEED` for long local runs:
 *
 *   FUZZ_RUNS=20000 npx vitest run tests/hardening/fuzz
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20250707);

/** Runs per property: `FUZZ_RUNS`, else `defaultRuns`. */
export function fuzzRuns(defaultRuns: number): number {
  const env = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(env) && env > 0 ? env : defaultRuns;
}

/** A long run needs a longer per-test timeout. */
export function fuzzTimeout(defaultMs: number): number {
  return process.env.FUZZ_RUNS ? 24 * 60 * 60 * 1000 : defaultMs;
}

export function fuzzParameters(defaultRuns: number): { seed: number; numRuns: number } {
  return { seed: FUZZ_SEED, numRuns: fuzzRuns(defaultRuns) };
}
