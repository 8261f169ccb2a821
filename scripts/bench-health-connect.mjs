#!/usr/bin/env node
// Health Connect benchmark: a generated export of about 500 MB whose bulk is
// heart-rate rows (bench-out/health-connect/, reused when already there; never committed), read
// as "Health Connect.zip" and as the bare health_connect_export.db. Figures: the zip's import
// time as a ratio to `unzip -p ZIP > /dev/null` (the floor: inflating the one entry), and the
// peak RSS of both imports (target ≤ 200 MB: memory follows the cycle tables, not the file).
// The imported log is checked against the small committed fixture, whose cycle rows it shares.
//
//   node scripts/bench-health-connect.mjs [--mb=500] [--runs=3]
//
// Needs the `sqlite3` and `zip` tools to generate the file (skipped with a row saying so).
// `runHealthConnectBench()` returns rows { figure, value, target, pass } for scripts/bench.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'cyclecheck.js');
const MiB = 1024 * 1024;
const TARGETS = { peakRssMB: 200, zipRatio: 1.5 };
const ENV = { ...process.env, NODE_EXTRA_CA_CERTS: '', NO_COLOR: '1' };

const hasTool = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** Wall time, peak RSS (GNU time) and stdout of one command. */
function measure(command, args) {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', 'RSS_KB=%M CPU_S=%U+%S', command, ...args], {
      cwd: ROOT,
      env: ENV,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`));
      const rss = /RSS_KB=(\d+)/.exec(stderr);
      const cpu = /CPU_S=([\d.]+)\+([\d.]+)/.exec(stderr);
      resolvePromise({
        ms,
        rssMb: rss ? Number(rss[1]) / 1024 : null,
        cpuMs: cpu ? 1000 * (Number(cpu[1]) + Number(cpu[2])) : null,
        stdout,
      });
    });
  });
}

function fastest(results) {
  return results.reduce((best, r) => (r.ms < best.ms ? r : best));
}

async function ensureExport(dir, megabytes) {
  const db = join(dir, 'health_connect_export.db');
  const zip = join(dir, 'Health Connect.zip');
  const wanted = megabytes * MiB;
  const fresh = existsSync(zip) && existsSync(db) && statSync(db).size >= wanted * 0.9;
  if (fresh) return { db, zip };
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  console.error(`health-connect: generating a ${megabytes} MB export (sqlite3, then zip)…`);
  const gen = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts/gen-health-connect.mjs'), 'big', db, String(megabytes)],
    { stdio: 'inherit' },
  );
  if (gen.status !== 0) throw new Error('gen-health-connect.mjs failed');
  const zipped = spawnSync('zip', ['-q', '-j', '-X', zip, db], { stdio: 'inherit' });
  if (zipped.status !== 0) throw new Error('zip failed');
  return { db, zip };
}

/** The days of an import, to compare the big file with the committed fixture. */
function daysOf(json) {
  return JSON.stringify(JSON.parse(json).log?.days ?? JSON.parse(json).days ?? null);
}

export async function runHealthConnectBench(options = {}) {
  const megabytes = options.mb ?? 500;
  const runs = options.runs ?? 3;
  const outDir = options.outDir ?? join(ROOT, 'bench-out');
  if (!hasTool('sqlite3') || !hasTool('zip') || !hasTool('unzip') || !existsSync('/usr/bin/time')) {
    return [
      {
        figure: 'Health Connect figures',
        value: 'skipped: needs sqlite3, zip, unzip and GNU time',
      },
    ];
  }
  const { db, zip } = await ensureExport(join(outDir, 'health-connect'), megabytes);
  const size = statSync(db).size;
  const unzipRuns = [];
  const zipRuns = [];
  for (let i = 0; i < runs; i++) {
    // Taking turns, so that a drifting machine hits both alike.
    unzipRuns.push(await measure('sh', ['-c', `unzip -p "${zip}" > /dev/null`]));
    zipRuns.push(await measure(process.execPath, [BIN, 'convert', zip, '--to', 'json']));
  }
  const dbRuns = [];
  for (let i = 0; i < runs; i++) {
    dbRuns.push(await measure(process.execPath, [BIN, 'convert', db, '--to', 'json']));
  }
  const floor = fastest(unzipRuns);
  const viaZip = fastest(zipRuns);
  const viaDb = fastest(dbRuns);
  const peakZip = Math.max(...zipRuns.map((r) => r.rssMb ?? 0));
  const peakDb = Math.max(...dbRuns.map((r) => r.rssMb ?? 0));
  const fixture = spawnSync(
    process.execPath,
    [BIN, 'convert', 'fixtures/imports/health_connect_export.db', '--to', 'json'],
    { cwd: ROOT, env: ENV, encoding: 'utf8' },
  );
  const same = daysOf(fixture.stdout) === daysOf(viaZip.stdout);
  const ratio = viaZip.ms / floor.ms;
  const mb = `${Math.round(size / MiB)} MB`;
  const cpu = (r) => (r.cpuMs === null ? '?' : `${(r.cpuMs / 1000).toFixed(2)} s`);
  return [
    {
      figure: `Health Connect ${mb} zip: unzip -p (floor)`,
      value: `${(floor.ms / 1000).toFixed(2)} s (CPU ${cpu(floor)})`,
    },
    {
      figure: `Health Connect ${mb} zip: import time`,
      value: `${(viaZip.ms / 1000).toFixed(2)} s (${ratio.toFixed(2)}× unzip -p; CPU ${cpu(viaZip)})`,
      target: `≤ ${TARGETS.zipRatio}× unzip -p`,
      pass: ratio <= TARGETS.zipRatio,
    },
    {
      figure: `Health Connect ${mb} zip: peak RSS`,
      value: `${peakZip.toFixed(0)} MB`,
      target: `≤ ${TARGETS.peakRssMB} MB`,
      pass: peakZip <= TARGETS.peakRssMB,
    },
    {
      figure: `Health Connect ${mb} .db: import time`,
      value: `${(viaDb.ms / 1000).toFixed(2)} s`,
    },
    {
      figure: `Health Connect ${mb} .db: peak RSS`,
      value: `${peakDb.toFixed(0)} MB`,
      target: `≤ ${TARGETS.peakRssMB} MB`,
      pass: peakDb <= TARGETS.peakRssMB,
    },
    {
      figure: "Health Connect: big file gives the fixture's days",
      value: same ? 'yes' : 'NO',
      target: 'yes',
      pass: same,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const rows = await runHealthConnectBench({
    mb: arg('mb') ? Number(arg('mb')) : undefined,
    runs: arg('runs') ? Number(arg('runs')) : undefined,
  });
  for (const row of rows) {
    console.log(
      `${row.figure}: ${row.value}${row.target ? ` (target ${row.target}: ${row.pass ? 'pass' : 'FAIL'})` : ''}`,
    );
  }
}
