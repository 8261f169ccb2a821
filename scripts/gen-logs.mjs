#!/usr/bin/env node
// Generates invented canonical CSV logs for the benchmarks: one log of N years of daily entries,
// or a cohort of many one-year logs. Deterministic for a given seed.
//
//   node scripts/gen-logs.mjs log bench-out/year-10.csv --years 10 [--seed 1]
//   node scripts/gen-logs.mjs cohort bench-out/cohort --count 10000 [--years 1] [--seed 1]
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const HEADER = 'date,bleeding,period,sex,cramps,pelvic_pain,discharge,soaking,dizzy,notes';
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
 * The kinds of people in a generated cohort, so that a batch sees every tier: most have ordinary
 * cycles, some irregular ones, some a copper IUD with longer periods, a few very heavy bleeding
 * with faintness, a few bleeding after menopause.
 */
const PERSONAS = [
  { name: 'ordinary', share: 0.6 },
  { name: 'irregular', share: 0.15 },
  { name: 'copper-iud', share: 0.1 },
  { name: 'heavy', share: 0.05 },
  { name: 'postmenopausal', share: 0.1 },
];

function pickPersona(random) {
  let r = random();
  for (const persona of PERSONAS) {
    if (r < persona.share) return persona.name;
    r -= persona.share;
  }
  return 'ordinary';
}

/**
 * One person's log: a row for every day of `years` years ending on `endDate`. Periods come every
 * 24–35 days (21–45 when irregular), with cramps on the first days and sex about once a week;
 * now and then spotting after sex or between periods, so that the analyzer has work to do.
 */
export function generateLogCsv({ years = 1, seed = 1, endDate = '2025-12-31', persona } = {}) {
  const random = createRandom(seed);
  const kind = persona ?? pickPersona(random);
  const end = Math.floor(Date.parse(`${endDate}T00:00:00Z`) / DAY_MS);
  const days = Math.round(years * 365.25);
  const start = end - days + 1;
  const postmenopausal = kind === 'postmenopausal';
  const age = postmenopausal ? 55 + Math.floor(random() * 12) : 18 + Math.floor(random() * 27);
  const lines = [`# age: ${age}`];
  if (postmenopausal) lines.push('# menopause: post');
  if (kind === 'copper-iud') lines.push(`# contraception: copper-iud@${isoDate(start - 400)}`);
  lines.push(HEADER);
  const gap = kind === 'irregular' ? [21, 25] : [24, 12];
  let nextPeriod = postmenopausal ? Infinity : start + Math.floor(random() * 28);
  const lateBleed = postmenopausal && random() < 0.5 ? start + Math.floor(random() * days) : -1;
  let flow = 0;
  let flowDay = 0;
  let lastSex = -10;
  for (let day = start; day <= end; day++) {
    const row = {
      bleeding: '',
      period: '',
      sex: '',
      cramps: '',
      pelvic: '',
      discharge: '',
      soaking: '',
      dizzy: '',
      notes: '',
    };
    if (day === nextPeriod) {
      flow = kind === 'copper-iud' ? 6 + Math.floor(random() * 3) : 3 + Math.floor(random() * 5);
      flowDay = 0;
      nextPeriod = day + gap[0] + Math.floor(random() * gap[1]);
    }
    if (flow > 0) {
      const heavy = flowDay === 1 && (kind === 'heavy' || kind === 'copper-iud' || random() < 0.3);
      row.bleeding = flowDay === 0 ? 'medium' : heavy ? 'heavy' : 'light';
      row.period = 'yes';
      if (heavy && kind === 'heavy' && random() < 0.2) {
        row.soaking = 'yes';
        row.dizzy = 'yes';
      }
      if (flowDay < 2) row.cramps = random() < 0.15 ? 'moderate' : 'mild';
      flowDay += 1;
      flow -= 1;
    } else {
      if (random() < (postmenopausal ? 0.05 : 0.14)) {
        row.sex = 'yes';
        lastSex = day;
      }
      if (day === lateBleed) row.bleeding = 'spotting';
      else if (day - lastSex === 1 && random() < 0.02) row.bleeding = 'spotting';
      else if (!postmenopausal && random() < 0.003) row.bleeding = 'spotting';
      if (random() < 0.01) row.pelvic = 'mild';
      if (random() < 0.05) row.discharge = 'normal';
      if (random() < 0.02) row.notes = 'felt tired';
    }
    lines.push(
      [
        isoDate(day),
        row.bleeding,
        row.period,
        row.sex,
        row.cramps,
        row.pelvic,
        row.discharge,
        row.soaking,
        row.dizzy,
        row.notes,
      ].join(','),
    );
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
    await writeFile(target, generateLogCsv({ years, seed, persona: 'ordinary' }));
  } else if (mode === 'cohort' && target) {
    await writeCohort(target, { count: readFlag(args, '--count', 10_000), years, seed });
  } else {
    console.error('usage: gen-logs.mjs log FILE [--years N] [--seed S]');
    console.error('       gen-logs.mjs cohort DIR [--count N] [--years N] [--seed S]');
    process.exitCode = 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  await main(process.argv.slice(2));
