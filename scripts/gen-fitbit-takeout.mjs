#!/usr/bin/env node
// Builds fixtures/imports/takeout-fitbit.zip from the invented CSVs in
// fixtures/imports/fitbit/Takeout/, as Google Takeout lays them out, plus another product's
// entry whose compressed bytes are deliberately damaged: the import only succeeds if that entry
// is never inflated (other products' gigabytes must never be read). Needs the `zip` tool.
//
//   node scripts/gen-fitbit-takeout.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = join(ROOT, 'fixtures/imports/fitbit');
const OUT = join(ROOT, 'fixtures/imports/takeout-fitbit.zip');
const HEART = 'Takeout/Fitbit/Global Export Data/heart_rate-2025-05-01.json';

const work = join(ROOT, 'fixtures/imports/.tmp-takeout');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
execFileSync('cp', ['-r', join(SOURCE, 'Takeout'), join(work, 'Takeout')]);
mkdirSync(join(work, 'Takeout/Fitbit/Global Export Data'), { recursive: true });
const beats = Array.from({ length: 2000 }, (_, i) => ({
  dateTime: `05/01/25 ${String(Math.floor(i / 120) % 24).padStart(2, '0')}:${String(Math.floor(i / 2) % 60).padStart(2, '0')}:00`,
  value: { bpm: 60 + (i % 30), confidence: 2 },
}));
writeFileSync(join(work, HEART), JSON.stringify(beats));
rmSync(OUT, { force: true });
// Heart rate first: a reader that inflates everything would hit the damaged entry.
execFileSync(
  'zip',
  ['-q', '-X', '-r', OUT, 'Takeout/Fitbit/Global Export Data', 'Takeout/Fitbit/Menstrual Health'],
  {
    cwd: work,
  },
);
rmSync(work, { recursive: true, force: true });

// Damage the heart-rate entry's deflated bytes (the central directory stays intact).
const zip = readFileSync(OUT);
const at = zip.indexOf(Buffer.from(HEART));
if (at < 30) throw new Error('heart-rate entry not found');
const header = at - 30;
const dataStart = at + HEART.length + zip.readUInt16LE(header + 28);
zip.fill(0xff, dataStart + 10, dataStart + 60);
writeFileSync(OUT, zip);
