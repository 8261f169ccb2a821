#!/usr/bin/env node
// Apple Health benchmark: generates 250 MB and 1 GB exports into bench-out/ (reused
// when already there), then times `grep -c HKCategoryTypeIdentifierMenstrualFlow FILE` against
// `node bin/cyclecheck.js analyze FILE --json` on the same file, measures peak RSS, times the
// export.zip too, and checks the imported log against the generator's ground truth.
//
//   node scripts/bench-apple.mjs [--sizes=250,1024] [--runs=3] [--no-zip] [--strict]
//
// `runAppleBench()` returns rows { figure, value, target, pass } for scripts/bench.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { GENERATOR_VERSION, generateAppleExport, writeExportZip } from './gen-apple-export.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = 20250315;
const MiB = 1024 * 1024;

const TARGETS = {
  throughputShareOfGrep: 0.2,
  peakRssMB: 150,
  rssGrowthMB: 20,
  zipRatio: 2,
};

function seconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

function rate(bytes, ms) {
  const perSecond = bytes / (ms / 1000);
  return perSecond >= 1024 * MiB
    ? `${(perSecond / 1024 / MiB).toFixed(2)} GB/s`
    : `${Math.round(perSecond / MiB)} MB/s`;
}

/** Runs a command `runs` times; returns the fastest wall time and that run's output. */
function timeBest(command, args, runs, options = {}) {
  let best;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { maxBuffer: 256 * MiB, encoding: 'utf8', ...options });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.error) throw result.error;
    if (!best || ms < best.ms) best = { ms, result };
  }
  return best;
}

const HAVE_GNU_TIME =
  existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0;
// Without GNU time, the child reports its own peak RSS on exit.
const RSS_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\ncyclecheck-bench-maxrss-kb='+process.resourceUsage().maxRSS+'\\n'))`;

/** `node bin/cyclecheck.js analyze FILE --json`: best wall time of `runs`, peak RSS, the report. */
function timeCli(file, runs) {
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: '', NO_COLOR: '1' };
  const cli = [join(ROOT, 'bin/cyclecheck.js'), 'analyze', file, '--json'];
  const command = HAVE_GNU_TIME ? '/usr/bin/time' : process.execPath;
  const args = HAVE_GNU_TIME ? ['-v', process.execPath, ...cli] : ['--import', RSS_HOOK, ...cli];
  let best;
  let peakKb = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { env, maxBuffer: 256 * MiB, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.error) throw result.error;
    const kb = Number(
      (HAVE_GNU_TIME
        ? /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)
        : /cyclecheck-bench-maxrss-kb=(\d+)/.exec(result.stderr))?.[1] ?? NaN,
    );
    peakKb = Math.max(peakKb, kb);
    if (!best || ms < best.ms) best = { ms, result };
  }
  const { result } = best;
  let report;
  if (result.status === 0 || result.status === 1) {
    try {
      report = JSON.parse(result.stdout);
    } catch {
      report = undefined;
    }
  }
  const errorLines = result.stderr
    .split('\n')
    .filter((line) => line.startsWith('cyclecheck:') && !line.includes('warning:'))
    .slice(0, 3)
    .join(' | ');
  return { ms: best.ms, peakMB: peakKb / 1024, status: result.status, report, errorLines };
}

/** Generates (or reuses) the export, its truth and its zip for one size. */
async function ensureExport(outDir, sizeMB, withZip, log) {
  const dir = join(outDir, `apple-${sizeMB}mb`);
  const xml = join(dir, 'export.xml');
  const truthPath = join(dir, 'export.truth.json');
  const zip = join(dir, 'export.zip');
  let reuse = false;
  if (existsSync(xml) && existsSync(truthPath)) {
    const truth = JSON.parse(await readFile(truthPath, 'utf8'));
    reuse =
      truth.generator?.version === GENERATOR_VERSION &&
      truth.generator?.seed === SEED &&
      truth.generator?.targetMB === sizeMB &&
      statSync(xml).size === truth.bytes;
  }
  if (!reuse) {
    log(`generating ${xml} (${sizeMB} MB)…`);
    await mkdir(dir, { recursive: true });
    await generateAppleExport({ out: xml, targetMB: sizeMB, seed: SEED });
  }
  if (withZip && (!reuse || !existsSync(zip) || statSync(zip).mtimeMs < statSync(xml).mtimeMs)) {
    log(`zipping ${zip}…`);
    await writeExportZip(xml, zip);
  }
  const truth = JSON.parse(await readFile(truthPath, 'utf8'));
  return { xml, zip: withZip ? zip : undefined, truth };
}

function firstDifference(actual, expected) {
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    if (!isDeepStrictEqual(actual[i], expected[i]))
      return { index: i, actual: actual[i], expected: expected[i] };
  }
  return undefined;
}

/**
 * The exact check: `cyclecheck convert FILE --to json` must give the truth's days and profile.
 * Falls back to the analyze report's day count and date range when convert is not available.
 */
function checkTruth(file, truth, report) {
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: '', NO_COLOR: '1' };
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'bin/cyclecheck.js'), 'convert', file, '--to', 'json'],
    {
      env,
      maxBuffer: 1024 * MiB,
      encoding: 'utf8',
    },
  );
  const days = truth.log.days;
  if (run.status === 0) {
    let log;
    try {
      log = JSON.parse(run.stdout);
    } catch {
      return { pass: false, value: 'convert printed something that is not JSON' };
    }
    const difference = firstDifference(log.days ?? [], days);
    const profileEqual = isDeepStrictEqual(
      {
        contraception: log.profile?.contraception,
        pregnancy: log.profile?.pregnancy,
        birth_date: log.profile?.birth_date,
      },
      {
        contraception: truth.log.profile.contraception,
        pregnancy: truth.log.profile.pregnancy,
        birth_date: truth.log.profile.birth_date,
      },
    );
    if (!difference && profileEqual) {
      return {
        pass: true,
        value: `convert: all ${days.length} days and the profile equal the truth`,
      };
    }
    return {
      pass: false,
      value: difference
        ? `day ${difference.index} differs: ${JSON.stringify(difference.actual)} vs ${JSON.stringify(difference.expected)}`
        : 'the profile differs from the truth',
    };
  }
  const input = report?.input;
  const pass =
    input?.days_logged === days.length &&
    input?.first_date === days[0]?.date &&
    input?.last_date === days[days.length - 1]?.date;
  return {
    pass,
    value: pass
      ? `analyze: ${days.length} days, ${input.first_date}..${input.last_date} as the truth (convert unavailable)`
      : `analyze input ${JSON.stringify(input)} vs truth ${days.length} days`,
  };
}

/**
 * Runs the benchmark. Options: sizes (MB, default [250, 1024]), runs (best of, default 3),
 * zip (default true: time export.zip of the largest size), outDir, log (progress, to stderr).
 */
export async function runAppleBench({
  sizes = [250, 1024],
  runs = 3,
  zip = true,
  outDir = join(ROOT, 'bench-out'),
  log = (message) => process.stderr.write(`${message}\n`),
} = {}) {
  if (!existsSync(join(ROOT, 'dist/cli.cjs'))) {
    log('building dist/…');
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], {
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const rows = [];
  const rss = [];
  let largest;
  for (const sizeMB of sizes) {
    const isLargest = sizeMB === Math.max(...sizes);
    const files = await ensureExport(outDir, sizeMB, zip && isLargest, log);
    const bytes = statSync(files.xml).size;
    const label = sizeMB >= 1024 ? `${sizeMB / 1024} GB` : `${sizeMB} MB`;
    // Warm the page cache so that both tools read from memory.
    spawnSync('cat', [files.xml], { stdio: 'ignore' });
    log(`timing grep and cyclecheck on ${label}…`);
    const grep = timeBest('grep', ['-c', 'HKCategoryTypeIdentifierMenstrualFlow', files.xml], runs);
    const cli = timeCli(files.xml, runs);
    const share = grep.ms / cli.ms;
    rows.push({
      figure: `grep -c (${label})`,
      value: `${seconds(grep.ms)} (${rate(bytes, grep.ms)})`,
      target: 'reference',
      pass: true,
    });
    rows.push({
      figure: `cyclecheck analyze --json (${label})`,
      value:
        cli.status === 0 || cli.status === 1
          ? `${seconds(cli.ms)} (${rate(bytes, cli.ms)}, ${Math.round(share * 100)} % of grep)`
          : `failed with exit ${cli.status}: ${cli.errorLines}`,
      target: `≥ ${TARGETS.throughputShareOfGrep * 100} % of grep`,
      pass: (cli.status === 0 || cli.status === 1) && share >= TARGETS.throughputShareOfGrep,
    });
    rows.push({
      figure: `peak RSS (${label})`,
      value: `${Math.round(cli.peakMB)} MB`,
      target: `≤ ${TARGETS.peakRssMB} MB`,
      pass: cli.peakMB <= TARGETS.peakRssMB,
    });
    rss.push({ label, peakMB: cli.peakMB });
    const truth = checkTruth(files.xml, files.truth, cli.report);
    rows.push({
      figure: `matches the ground truth (${label})`,
      value: truth.value,
      target: 'exact',
      pass: truth.pass,
    });
    largest = { label, files, cli };
  }
  if (rss.length >= 2) {
    const first = rss[0];
    const last = rss[rss.length - 1];
    const growth = last.peakMB - first.peakMB;
    rows.push({
      figure: `peak RSS growth ${first.label} → ${last.label}`,
      value: `${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB`,
      target: `flat (≤ +${TARGETS.rssGrowthMB} MB)`,
      pass: growth <= TARGETS.rssGrowthMB,
    });
  }
  if (zip && largest?.files.zip) {
    const { label, files, cli } = largest;
    log(`timing export.zip (${label})…`);
    const zipped = timeCli(files.zip, runs);
    const ratio = zipped.ms / cli.ms;
    rows.push({
      figure: `cyclecheck analyze export.zip (${label})`,
      value:
        zipped.status === 0 || zipped.status === 1
          ? `${seconds(zipped.ms)} (${ratio.toFixed(2)}× the xml, zip ${Math.round(statSync(files.zip).size / MiB)} MB)`
          : `failed with exit ${zipped.status}: ${zipped.errorLines}`,
      target: `≤ ${TARGETS.zipRatio}× the xml`,
      pass: (zipped.status === 0 || zipped.status === 1) && ratio <= TARGETS.zipRatio,
    });
    rows.push({
      figure: `peak RSS export.zip (${label})`,
      value: `${Math.round(zipped.peakMB)} MB`,
      target: `≤ ${TARGETS.peakRssMB} MB`,
      pass: zipped.peakMB <= TARGETS.peakRssMB,
    });
    const truth = checkTruth(files.zip, files.truth, zipped.report);
    rows.push({
      figure: `matches the ground truth (export.zip, ${label})`,
      value: truth.value,
      target: 'exact',
      pass: truth.pass,
    });
  }
  return rows;
}

/** The rows as an aligned text table. */
export function formatRows(rows) {
  const header = { figure: 'figure', value: 'value', target: 'target', pass: 'ok' };
  const table = [header, ...rows.map((row) => ({ ...row, pass: row.pass ? 'yes' : 'NO' }))];
  const width = (key) => Math.max(...table.map((row) => String(row[key]).length));
  const [wf, wv, wt] = [width('figure'), width('value'), width('target')];
  return table
    .map(
      (row) =>
        `${String(row.figure).padEnd(wf)}  ${String(row.value).padEnd(wv)}  ${String(row.target).padEnd(wt)}  ${row.pass}`,
    )
    .join('\n');
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  const flags = Object.fromEntries(
    process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')),
  );
  const rows = await runAppleBench({
    sizes: flags.sizes ? flags.sizes.split(',').map(Number) : undefined,
    runs: flags.runs ? Number(flags.runs) : undefined,
    zip: !('no-zip' in flags),
  });
  const cpus = (await import('node:os')).cpus();
  console.log(
    `Apple Health benchmark — ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, Node ${process.version}, best of ${flags.runs ?? 3} runs`,
  );
  console.log(formatRows(rows));
  if ('strict' in flags && rows.some((row) => !row.pass)) process.exitCode = 1;
}
