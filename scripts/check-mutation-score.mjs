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
// It writes mutation/survivors.txt: every surviving mutant not listed as equivalent.
//
// Stryker leaves out of its report the files it found nothing to mutate in (type declarations
// only, such as src/core/analysis.ts). Run with --after-run (as `npm run mutate` does), the check
// records a hash of each such file in mutation/files-without-mutants.json; without it, a file that
// is neither in the report nor recorded with the same hash is stale.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPORT = 'mutation/stryker-incremental.json';
const EQUIVALENTS = 'mutation/equivalent-mutants.json';
const SURVIVORS = 'mutation/survivors.txt';
const WITHOUT_MUTANTS = 'mutation/files-without-mutants.json';

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

export function hashText(text) {
  return createHash('sha256').update(text).digest('hex');
}

function normalise(text) {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Scores each part of src/core. `files` is the report's files (path → { source, mutants });
 * `current` maps each file of src/core to its text now.
 */
export function scoreReport(files, equivalents, current, withoutMutants = {}) {
  const problems = [];
  const survivors = [];
  const used = new Set();
  const parts = TARGETS.map((t) => ({ ...t, detected: 0, undetected: 0, equivalent: 0 }));
  for (const [file, text] of Object.entries(current)) {
    const reported = files[file];
    if (reported === undefined && withoutMutants[file] === hashText(text)) continue;
    if (reported === undefined) problems.push(`${file} is not in the mutation report`);
    else if (reported.source !== text) problems.push(`${file} changed since the mutation report`);
  }
  for (const [file, { source, mutants }] of Object.entries(files)) {
    if (!(file in current)) continue;
    const part = parts.find((p) => file.startsWith(p.prefix));
    for (const mutant of mutants) {
      if (DETECTED.has(mutant.status)) part.detected += 1;
      if (!UNDETECTED.has(mutant.status)) continue;
      const index = equivalents.findIndex((e) => matchesEquivalent(e, file, mutant, source));
      if (index === -1) {
        part.undetected += 1;
        survivors.push(`${describeMutant(file, mutant, source)} [${mutant.status}]`);
      } else {
        part.equivalent += 1;
        used.add(index);
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
  return { parts, survivors, problems };
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
  const current = readCurrentCore();
  if (process.argv.includes('--after-run')) {
    const absent = Object.keys(current).filter((file) => report.files[file] === undefined);
    const record = Object.fromEntries(absent.map((file) => [file, hashText(current[file])]));
    writeFileSync(join(ROOT, WITHOUT_MUTANTS), `${JSON.stringify(record, null, 2)}\n`);
  }
  const withoutMutants = existsSync(join(ROOT, WITHOUT_MUTANTS))
    ? JSON.parse(readFileSync(join(ROOT, WITHOUT_MUTANTS), 'utf8'))
    : {};
  const { parts, survivors, problems } = scoreReport(
    report.files,
    equivalents,
    current,
    withoutMutants,
  );
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
  for (const problem of problems) out.push(`FAIL ${problem}`);
  process.stdout.write(`${out.join('\n')}\n`);
  if (problems.length > 0) process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
