// Checks the mutation report of src/core against the targets (README "Mutation testing"):
// ≥ 95 % on src/core/rules, ≥ 90 % on the rest of src/core. `npm run mutate` runs it after
// Stryker; `npm run mutate:check` (and .ci/run) run it alone on the checked-in report.
//
// The score leaves out the mutants listed in mutation/equivalent-mutants.json (a change that
// cannot alter behaviour), each with one line why. It fails when
//   - a part of src/core is below its target;
//   - the report is stale: a file of src/core is missing from it, or its text differs from the
//     file as it is now (the report records the source it mutated), so the score is not about
//     this code;
//   - a listed equivalent mutant no longer exists or no longer survives (the list stays true).
// With --fresh-only (.ci/run) it fails only on a stale report and prints the other findings.
// It writes mutation/survivors.txt: every surviving mutant not listed as equivalent.
//
// Stryker leaves out of its report the files it finds nothing to mutate in: type declarations
// (src/core/analysis.ts) and `as const` constants (src/core/rules/checklist-codes.ts). The check
// accepts a file missing from the report only when the TypeScript parser finds nothing else.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPORT = 'mutation/stryker-incremental.json';
const EQUIVALENTS = 'mutation/equivalent-mutants.json';
const SURVIVORS = 'mutation/survivors.txt';

/** Parts of src/core and their targets; a file belongs to the first part whose prefix it has. */
export const TARGETS = [
  { part: 'src/core/rules', prefix: 'src/core/rules/', target: 95 },
  { part: 'src/core (without rules)', prefix: 'src/core/', target: 90 },
];

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** The text a mutant replaced (location lines and columns start at 1; end is exclusive). */
export function originalText(source, location) {
  const lines = source.split('\n');
  const { start, end } = location;
  if (start.line === end.line) {
    return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  }
  const first = lines[start.line - 1].slice(start.column - 1);
  const middle = lines.slice(start.line, end.line - 1);
  const last = lines[end.line - 1].slice(0, end.column - 1);
  return [first, ...middle, last].join('\n');
}

/** One line that names a mutant well enough to find it again after the code above it moved. */
export function describeMutant(file, mutant, source) {
  const original = originalText(source, mutant.location).replace(/\s+/g, ' ');
  const replacement = (mutant.replacement ?? '').replace(/\s+/g, ' ');
  return `${file}:${mutant.location.start.line} ${mutant.mutatorName}: ${JSON.stringify(
    original.length > 120 ? `${original.slice(0, 117)}...` : original,
  )} -> ${JSON.stringify(replacement)}`;
}

/** Whether an entry of the equivalents list names this mutant (by text, not by line). */
export function matchesEquivalent(entry, file, mutant, source) {
  return (
    entry.file === file &&
    entry.mutator === mutant.mutatorName &&
    normalise(entry.original) === normalise(originalText(source, mutant.location)) &&
    normalise(entry.replacement) === normalise(mutant.replacement ?? '')
  );
}

/**
 * Whether a TypeScript file has nothing Stryker mutates: type-only imports, exports and
 * declarations, `as const` constants and number constants (which Stryker leaves alone).
 */
export function hasNothingToMutate(text) {
  const source = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true);
  const isAsConst = (init) =>
    init !== undefined &&
    ts.isAsExpression(init) &&
    ts.isTypeReferenceNode(init.type) &&
    init.type.typeName.getText(source) === 'const';
  return source.statements.every((statement) => {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return true;
    if (ts.isImportDeclaration(statement)) return statement.importClause?.isTypeOnly === true;
    if (ts.isExportDeclaration(statement)) return statement.isTypeOnly;
    if (ts.isVariableStatement(statement)) {
      // Stryker has no mutator for a number literal: a file of numeric constants (windows.ts)
      // has nothing to mutate either.
      return statement.declarationList.declarations.every(
        (d) =>
          isAsConst(d.initializer) ||
          (d.initializer !== undefined && ts.isNumericLiteral(d.initializer)),
      );
    }
    return false;
  });
}

function normalise(text) {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Scores each part of src/core. `files` is the report's files (path → { source, mutants });
 * `current` maps each file of src/core to its text now.
 */
export function scoreReport(files, equivalents, current) {
  const problems = [];
  /** The subset of problems that say the report is not about the code as it is. */
  const stale = [];
  const survivors = [];
  const used = new Set();
  const parts = TARGETS.map((t) => ({ ...t, detected: 0, undetected: 0, equivalent: 0 }));
  for (const [file, text] of Object.entries(current)) {
    const reported = files[file];
    if (reported === undefined && hasNothingToMutate(text)) continue;
    if (reported === undefined) stale.push(`${file} is not in the mutation report`);
    else if (reported.source !== text) stale.push(`${file} changed since the mutation report`);
  }
  for (const [file, { source, mutants }] of Object.entries(files)) {
    if (!(file in current)) continue;
    const part = parts.find((p) => file.startsWith(p.prefix));
    for (const mutant of mutants) {
      if (!DETECTED.has(mutant.status) && !UNDETECTED.has(mutant.status)) continue;
      // A listed equivalent that "timed out" did so on a loaded machine: it is still equivalent.
      const index =
        mutant.status === 'Killed'
          ? -1
          : equivalents.findIndex((e) => matchesEquivalent(e, file, mutant, source));
      if (index !== -1) {
        part.equivalent += 1;
        used.add(index);
      } else if (DETECTED.has(mutant.status)) {
        part.detected += 1;
      } else {
        part.undetected += 1;
        survivors.push(`${describeMutant(file, mutant, source)} [${mutant.status}]`);
      }
    }
  }
  equivalents.forEach((entry, index) => {
    if (!used.has(index)) {
      problems.push(
        `${entry.file}: the equivalent mutant ${entry.mutator} ${JSON.stringify(entry.original)} -> ${JSON.stringify(entry.replacement)} no longer survives: remove it from ${EQUIVALENTS}`,
      );
    }
  });
  for (const part of parts) {
    const valid = part.detected + part.undetected;
    part.score = valid === 0 ? undefined : (100 * part.detected) / valid;
    if (part.score !== undefined && part.score < part.target) {
      problems.push(
        `${part.part}: mutation score ${part.score.toFixed(1)} % is below the target ${part.target} %`,
      );
    }
  }
  return { parts, survivors, stale, problems: [...stale, ...problems] };
}

function readCurrentCore() {
  const current = {};
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        current[relative(ROOT, path).split(sep).join('/')] = readFileSync(path, 'utf8');
      }
    }
  };
  walk(join(ROOT, 'src', 'core'));
  return current;
}

function main() {
  const report = JSON.parse(readFileSync(join(ROOT, REPORT), 'utf8'));
  const equivalents = JSON.parse(readFileSync(join(ROOT, EQUIVALENTS), 'utf8')).mutants;
  const result = scoreReport(report.files, equivalents, readCurrentCore());
  const { parts, survivors } = result;
  // --fresh-only (.ci/run): fail only when the report is not about this code; print the rest.
  const freshOnly = process.argv.includes('--fresh-only');
  const problems = freshOnly ? result.stale : result.problems;
  const notes = freshOnly ? result.problems.filter((p) => !result.stale.includes(p)) : [];
  const out = [];
  for (const p of parts) {
    const score = p.score === undefined ? 'no mutants' : `${p.score.toFixed(1)} %`;
    out.push(
      `${p.part}: ${score} (target ${p.target} %): ${p.detected} killed, ${p.undetected} survived, ${p.equivalent} listed as equivalent`,
    );
  }
  writeFileSync(
    join(ROOT, SURVIVORS),
    `# Surviving mutants of src/core not listed in ${EQUIVALENTS} (written by\n` +
      `# scripts/check-mutation-score.mjs from ${REPORT}; ${survivors.length} mutants).\n` +
      survivors.map((line) => `${line}\n`).join(''),
  );
  out.push(`${survivors.length} survivors not listed as equivalent: ${SURVIVORS}`);
  for (const note of notes) out.push(`note: ${note}`);
  for (const problem of problems) out.push(`FAIL ${problem}`);
  if (problems.length > 0) out.push('Run npm run mutate and commit mutation/.');
  process.stdout.write(`${out.join('\n')}\n`);
  if (problems.length > 0) process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
