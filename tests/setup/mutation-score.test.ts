/** The check of the mutation report (scripts/check-mutation-score.mjs): targets, staleness, equivalents. */
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import * as check from '../../scripts/check-mutation-score.mjs';

interface Mutant {
  mutatorName: string;
  replacement: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
interface Part {
  part: string;
  score: number | undefined;
  detected: number;
  undetected: number;
  equivalent: number;
}
interface Equivalent {
  file: string;
  mutator: string;
  original: string;
  replacement: string;
  why: string;
}
const { scoreReport, originalText } = check as {
  scoreReport: (
    files: Record<string, { source: string; mutants: Mutant[] }>,
    equivalents: Equivalent[],
    current: Record<string, string>,
  ) => { parts: Part[]; survivors: string[]; problems: string[] };
  originalText: (source: string, location: Mutant['location']) => string;
};

const RULE = 'src/core/rules/a.ts';
const CORE = 'src/core/b.ts';
const SOURCE = 'const limit = 7;\nif (days >= limit) flag();\n';

/** A mutant of `>=` on line 2 of SOURCE. */
function mutant(status: string, replacement = '>'): Mutant {
  return {
    mutatorName: 'EqualityOperator',
    replacement: `days ${replacement} limit`,
    status,
    location: { start: { line: 2, column: 5 }, end: { line: 2, column: 18 } },
  };
}

/** `killed` detected and `survived` undetected mutants in each of the two parts. */
function report(killed: number, survived: number) {
  const mutants = [
    ...Array.from({ length: killed }, () => mutant('Killed')),
    ...Array.from({ length: survived }, () => mutant('Survived')),
  ];
  return { [RULE]: { source: SOURCE, mutants }, [CORE]: { source: SOURCE, mutants } };
}
const CURRENT = { [RULE]: SOURCE, [CORE]: SOURCE };

describe('scoreReport', () => {
  it('reads the text a mutant replaced from the recorded source', () => {
    expect(originalText(SOURCE, mutant('Killed').location)).toBe('days >= limit');
  });

  it('passes at the targets: 95 % on the rules, 90 % on the rest', () => {
    const { parts, problems } = scoreReport(report(19, 1), [], CURRENT);
    expect(parts.map((p) => p.score)).toEqual([95, 95]);
    expect(problems).toEqual([]);
  });

  it('fails just below a target, naming the part', () => {
    const files = report(19, 1);
    files[RULE]!.mutants.push(mutant('NoCoverage'));
    const { problems } = scoreReport(files, [], CURRENT);
    expect(problems).toEqual(['src/core/rules: mutation score 90.5 % is below the target 95 %']);
    expect(scoreReport(report(8, 1), [], CURRENT).problems).toHaveLength(2);
  });

  it('counts timeouts as detected and leaves compile errors and ignored mutants out', () => {
    const files = report(0, 0);
    files[CORE]!.mutants.push(mutant('Timeout'), mutant('CompileError'), mutant('Ignored'));
    expect(scoreReport(files, [], CURRENT).parts[1]).toMatchObject({ detected: 1, undetected: 0 });
  });

  it('lists each survivor by file, line, mutator and text', () => {
    const { survivors } = scoreReport(report(19, 1), [], CURRENT);
    expect(survivors).toEqual([
      `${RULE}:2 EqualityOperator: "days >= limit" -> "days > limit" [Survived]`,
      `${CORE}:2 EqualityOperator: "days >= limit" -> "days > limit" [Survived]`,
    ]);
  });

  it('leaves listed equivalents out of the score, matched by text even when the line moved', () => {
    const moved = `// a new first line\n${SOURCE}`;
    const files = report(1, 1);
    for (const file of Object.values(files)) {
      file.source = moved;
      for (const m of file.mutants) {
        m.location = { start: { line: 3, column: 5 }, end: { line: 3, column: 18 } };
      }
    }
    const equivalent: Equivalent = {
      file: CORE,
      mutator: 'EqualityOperator',
      original: 'days >= limit',
      replacement: 'days > limit',
      why: 'an example',
    };
    const result = scoreReport(files, [equivalent], { [RULE]: moved, [CORE]: moved });
    expect(result.parts[1]).toMatchObject({ score: 100, equivalent: 1, undetected: 0 });
    expect(result.parts[0]).toMatchObject({ score: 50, equivalent: 0 });
    expect(result.survivors).toHaveLength(1);
  });

  it('fails on a listed equivalent that no longer survives', () => {
    const equivalent: Equivalent = {
      file: CORE,
      mutator: 'EqualityOperator',
      original: 'days >= limit',
      replacement: 'days < limit',
      why: 'not a survivor',
    };
    const { problems } = scoreReport(report(1, 0), [equivalent], CURRENT);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('no longer survives');
  });

  it('accepts a file missing from the report only when it has types, `as const` and number constants only', () => {
    const types =
      "import type { A } from './a.ts';\nexport interface B { a: A }\nexport type C = B;\n";
    const current = { ...CURRENT, 'src/core/types.ts': types };
    expect(scoreReport(report(1, 0), [], current).problems).toEqual([]);
    const constants = `${types}export const CODES = ['K1', 'K2'] as const;\n`;
    expect(
      scoreReport(report(1, 0), [], { ...CURRENT, 'src/core/types.ts': constants }).problems,
    ).toEqual([]);
    // Stryker has no mutator for a number literal (src/core/windows.ts is such a file).
    const numbers = `${types}export const LOOK_BACK_DAYS = 182;\n`;
    expect(
      scoreReport(report(1, 0), [], { ...CURRENT, 'src/core/types.ts': numbers }).problems,
    ).toEqual([]);
    const code = { ...CURRENT, 'src/core/types.ts': `${types}export const d = 1 + 1;\n` };
    expect(scoreReport(report(1, 0), [], code).problems).toEqual([
      'src/core/types.ts is not in the mutation report',
    ]);
  });

  it('counts a listed equivalent that timed out (a loaded machine) as equivalent', () => {
    const files = report(1, 0);
    files[CORE]!.mutants.push(mutant('Timeout', '<'));
    const equivalent: Equivalent = {
      file: CORE,
      mutator: 'EqualityOperator',
      original: 'days >= limit',
      replacement: 'days < limit',
      why: 'an example',
    };
    const { parts, problems } = scoreReport(files, [equivalent], CURRENT);
    expect(parts[1]).toMatchObject({ detected: 1, equivalent: 1 });
    expect(problems).toEqual([]);
  });

  it('fails when a file of src/core changed since the report, or is not in it', () => {
    const current = {
      [RULE]: `${SOURCE}// changed\n`,
      [CORE]: SOURCE,
      'src/core/new.ts': 'export const x = 1 + 1;\n',
    };
    expect(scoreReport(report(1, 0), [], current).problems).toEqual([
      `${RULE} changed since the mutation report`,
      'src/core/new.ts is not in the mutation report',
    ]);
  });
});
