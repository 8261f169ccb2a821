#!/usr/bin/env node
// Generates invented canonical CSV logs for the benchmarks: one log of N years of daily entries,
// or a cohort of many one-year logs. Deterministic for a given seed.
//
//   node scripts/gen-logs.mjs log bench-out/year-10.csv --years 10 [--seed 1]
//   node scripts/gen-logs.mjs cohort bench-out/cohort --count 10000 [--years 1] [--seed 1]
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const HEADER = 'date,bleeding,period,sex,cramps,pelvic_pain,discharge,notes';
const DAY_MS = 86_400_000;

/** A small seeded PRNG (mulberry32): the same seed gives the same logs on every machine. */
export function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isoDate(dayNumber) {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/**
 * One person's log: a row for every day of `years` years ending on `endDate`, with periods every
 * 24–35 days, cramps on the first days, sex about twice a week, and now and then spotting after
 * sex or between periods, so that the analyzer has episodes to flag.
 */
export function generateLogCsv({ years = 1, seed = 1, endDate = '2025-12-31' } = {}) {
  const random = createRandom(seed);
  const end = Math.floor(Date.parse(`${endDate}T00:00:00Z`) / DAY_MS);
  const days = Math.round(years * 365.25);
  const start = end - days + 1;
  const age = 18 + Math.floor(random() * 27);
  const lines = [`# age: ${age}`, HEADER];
  let nextPeriod = start + Math.floor(random() * 28);
  let flow = 0;
  let flowDay = 0;
  let lastSex = -10;
  for (let day = start; day <= end; day++) {
    let bleeding = '';
    let period = '';
    let sex = '';
    let cramps = '';
    let pelvic = '';
    let discharge = '';
    let notes = '';
    if (day === nextPeriod) {
      flow = 3 + Math.floor(random() * 5);
      flowDay = 0;
      nextPeriod = day + 24 + Math.floor(random() * 12);
    }
    if (flow > 0) {
      bleeding = flowDay === 0 ? 'medium' : flowDay === 1 ? (random() < 0.3 ? 'heavy' : 'medium') : 'light';
      period = 'yes';
      if (flowDay < 2) cramps = random() < 0.15 ? 'moderate' : 'mild';
      flowDay += 1;
      flow -= 1;
    } else {
      if (random() < 0.28) {
        sex = 'yes';
        lastSex = day;
      }
      if (day - lastSex === 1 && random() < 0.04) bleeding = 'spotting';
      else if (random() < 0.006) bleeding = 'spotting';
      if (random() < 0.01) pelvic = 'mild';
      if (random() < 0.05) discharge = 'normal';
      if (random() < 0.02) notes = 'felt tired';
    }
    lines.push(`${isoDate(day)},${bleeding},${period},${sex},${cramps},${pelvic},${discharge},${notes}`);
  }
  return lines.join('\n') + '\n';
}

/** `count` one-person logs in folders of 100: DIR/g000/p00000.csv … */
export async function writeCohort(dir, { count = 10_000, years = 1, seed = 1 } = {}) {
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `g${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) await mkdir(folder, { recursive: true });
    const text = generateLogCsv({ years, seed: seed * 1_000_003 + i });
    await writeFile(join(folder, `p${String(i).padStart(5, '0')}.csv`), text);
  }
}

function readFlag(args, name, fallback) {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`);
  return value;
}

async function main(args) {
  const [mode, target] = args;
  const seed = readFlag(args, '--seed', 1);
  const years = readFlag(args, '--years', 1);
  if (mode === 'log' && target) {
    await writeFile(target, generateLogCsv({ years, seed }));
  } else if (mode === 'cohort' && target) {
    await writeCohort(target, { count: readFlag(args, '--count', 10_000), years, seed });
  } else {
    console.error('usage: gen-logs.mjs log FILE [--years N] [--seed S]');
    console.error('       gen-logs.mjs cohort DIR [--count N] [--years N] [--seed S]');
    process.exitCode = 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
