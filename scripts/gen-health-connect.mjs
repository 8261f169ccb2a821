#!/usr/bin/env node
// Builds invented Android Health Connect exports (health_connect_export.db, and the zip the phone
// writes) with the `sqlite3` command-line tool, following the schema of AOSP's HealthFitness
// module. No real person's data.
//
//   node scripts/gen-health-connect.mjs fixtures      # the committed fixtures (small)
//   node scripts/gen-health-connect.mjs big OUT.db MB  # a database of about MB megabytes whose
//                                                      # bulk is heart-rate rows (bench)
//
// The fixtures are committed; this script is how they were made. Run it again after changing it.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DAY_MS = 86_400_000;

const PREFIX =
  'row_id INTEGER PRIMARY KEY AUTOINCREMENT, uuid BLOB NOT NULL UNIQUE, last_modified_time INTEGER, client_record_id TEXT, client_record_version TEXT, device_info_id INTEGER, app_info_id INTEGER, recording_method INTEGER, dedupe_hash BLOB UNIQUE';
const INSTANT = `${PREFIX}, time INTEGER, zone_offset INTEGER, local_date INTEGER`;
const INSTANT_GEN = 'local_date_time INTEGER AS (time + 1000 * zone_offset)';
const INTERVAL = `${PREFIX}, start_time INTEGER, start_zone_offset INTEGER, end_time INTEGER, end_zone_offset INTEGER, local_date INTEGER`;
const INTERVAL_GEN =
  'local_date_time_start_time INTEGER AS (start_time + 1000 * start_zone_offset), local_date_time_end_time INTEGER AS (end_time + 1000 * end_zone_offset)';

export const SCHEMA = `
PRAGMA page_size = 512;
PRAGMA user_version = 14;
CREATE TABLE application_info_table (row_id INTEGER PRIMARY KEY, package_name TEXT NOT NULL UNIQUE, app_name TEXT, app_icon BLOB, record_types_used TEXT);
CREATE TABLE device_info_table (row_id INTEGER PRIMARY KEY, manufacturer TEXT, model TEXT, device_type INTEGER);
CREATE TABLE health_data_category_priority_table (row_id INTEGER PRIMARY KEY AUTOINCREMENT, health_data_category INTEGER UNIQUE, app_id_priority_order TEXT);
CREATE TABLE heart_rate_record_table (${INTERVAL}, ${INTERVAL_GEN});
CREATE TABLE heart_rate_record_series_table (row_id INTEGER PRIMARY KEY AUTOINCREMENT, beats_per_minute INTEGER NOT NULL, epoch_millis INTEGER NOT NULL, parent_key INTEGER NOT NULL);
CREATE TABLE menstruation_flow_record_table (${INSTANT}, flow INTEGER, ${INSTANT_GEN});
CREATE TABLE menstruation_period_record_table (${INTERVAL}, ${INTERVAL_GEN});
CREATE TABLE intermenstrual_bleeding_record_table (${INSTANT}, ${INSTANT_GEN});
CREATE TABLE sexual_activity_record_table (protection_used INTEGER, ${INSTANT}, ${INSTANT_GEN});
CREATE TABLE cervical_mucus_record_table (${INSTANT}, sensation INTEGER, appearance INTEGER, ${INSTANT_GEN});
CREATE TABLE ovulation_test_record_table (${INSTANT}, result INTEGER, ${INSTANT_GEN});
CREATE TABLE basal_body_temperature_record_table (${INSTANT}, measurement_location INTEGER, temperature REAL, ${INSTANT_GEN});
CREATE TABLE body_temperature_record_table (${INSTANT}, measurement_location INTEGER, temperature REAL, ${INSTANT_GEN});
CREATE TABLE menstrual_cycle_phase_record_table (${INTERVAL}, phase INTEGER, day_of_cycle INTEGER, ${INTERVAL_GEN});
ALTER TABLE menstruation_flow_record_table ADD COLUMN added_later TEXT;
`;

/** Epoch ms of a local wall-clock time at an offset in seconds. */
function at(date, hhmm, offset) {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = hhmm.split(':').map(Number);
  return Date.UTC(y, m - 1, d, hh, mm) - offset * 1000;
}
const localDay = (time, offset) => Math.floor((time + offset * 1000) / DAY_MS);

let uuid = 0;
const blob = () => `X'${(++uuid).toString(16).padStart(32, '0')}'`;

/** An instant record written by `app` at local `date hhmm`, `offset` seconds east of UTC. */
function instant(table, app, date, hhmm, offset, own = {}) {
  const time = at(date, hhmm, offset);
  const cols = ['uuid', 'app_info_id', 'recording_method', 'time', 'zone_offset', 'local_date'];
  const vals = [blob(), app, 3, time, offset, localDay(time, offset)];
  for (const [k, v] of Object.entries(own)) {
    cols.push(k);
    vals.push(v);
  }
  return `INSERT INTO ${table}(${cols.join(', ')}) VALUES (${vals.join(', ')});`;
}

/** An instant stored at 00:00 UTC of `utcDate` (an app that saves whole days as UTC midnight). */
function utcMidnight(table, app, utcDate, offset, own = {}) {
  const time = at(utcDate, '00:00', 0);
  const cols = ['uuid', 'app_info_id', 'recording_method', 'time', 'zone_offset', 'local_date'];
  const vals = [blob(), app, 3, time, offset, localDay(time, offset)];
  for (const [k, v] of Object.entries(own)) {
    cols.push(k);
    vals.push(v);
  }
  return `INSERT INTO ${table}(${cols.join(', ')}) VALUES (${vals.join(', ')});`;
}

function period(app, first, endDate, endHhmm, offset) {
  const start = at(first, '00:00', offset);
  const end = at(endDate, endHhmm, offset);
  return `INSERT INTO menstruation_period_record_table(uuid, app_info_id, recording_method, start_time, start_zone_offset, end_time, end_zone_offset, local_date) VALUES (${blob()}, ${app}, 3, ${start}, ${offset}, ${end}, ${offset}, ${localDay(start, offset)});`;
}

const CET = 3600;
const EST = -18000;

/** The main fixture: two apps, every cycle table, a day past midnight local, the UTC trap. */
export function mainRows() {
  uuid = 0;
  return [
    "INSERT INTO application_info_table(row_id, package_name, app_name) VALUES (1, 'org.example.cycles', 'Example Cycles'), (2, 'org.example.other', 'Other Tracker'), (3, 'org.example.watch', 'Example Watch');",
    "INSERT INTO health_data_category_priority_table(health_data_category, app_id_priority_order) VALUES (3, '1,2');",
    // Period 2025-03-01..03-05, end written as the next local midnight; heavy, then medium.
    period(1, '2025-03-01', '2025-03-06', '00:00', CET),
    instant('menstruation_flow_record_table', 1, '2025-03-01', '08:00', CET, { flow: 3 }),
    instant('menstruation_flow_record_table', 1, '2025-03-02', '08:00', CET, { flow: 2 }),
    // Second period 2025-03-29..04-02, end written as a time on the last day; amount unknown.
    period(1, '2025-03-29', '2025-04-02', '18:00', CET),
    instant('menstruation_flow_record_table', 1, '2025-03-29', '07:30', CET, { flow: 0 }),
    // Sex at 23:30 local on 03-12; spotting and unusual mucus the next morning.
    instant('sexual_activity_record_table', 1, '2025-03-12', '23:30', CET, { protection_used: 2 }),
    instant('intermenstrual_bleeding_record_table', 1, '2025-03-13', '09:00', CET),
    instant('cervical_mucus_record_table', 1, '2025-03-13', '09:05', CET, {
      sensation: 0,
      appearance: 6,
    }),
    instant('cervical_mucus_record_table', 1, '2025-03-10', '09:05', CET, {
      sensation: 1,
      appearance: 5,
    }),
    // Basal 38.6 is never fever; body temperature 38.4 at 00:30 local is fever on 03-20 (UTC 03-19).
    instant('basal_body_temperature_record_table', 1, '2025-03-14', '06:30', CET, {
      measurement_location: 4,
      temperature: 36.62,
    }),
    instant('basal_body_temperature_record_table', 1, '2025-03-15', '06:30', CET, {
      measurement_location: 4,
      temperature: 38.6,
    }),
    instant('body_temperature_record_table', 3, '2025-03-20', '00:30', CET, {
      measurement_location: 1,
      temperature: 38.4,
    }),
    instant('ovulation_test_record_table', 1, '2025-03-15', '10:00', CET, { result: 1 }),
    // Other Tracker saves whole days at 00:00 UTC, five hours west: stored dates one day early.
    utcMidnight('menstruation_flow_record_table', 2, '2025-03-03', EST, { flow: 1 }),
    utcMidnight('sexual_activity_record_table', 2, '2025-04-21', EST, { protection_used: 0 }),
    utcMidnight('intermenstrual_bleeding_record_table', 2, '2025-04-22', EST),
    `INSERT INTO menstrual_cycle_phase_record_table(uuid, app_info_id, start_time, start_zone_offset, end_time, end_zone_offset, local_date, phase) VALUES (${blob()}, 1, ${at('2025-03-01', '00:00', CET)}, ${CET}, ${at('2025-03-06', '00:00', CET)}, ${CET}, ${localDay(at('2025-03-01', '00:00', CET), CET)}, 1);`,
    `INSERT INTO heart_rate_record_series_table(beats_per_minute, epoch_millis, parent_key) VALUES (62, ${at('2025-03-01', '08:00', CET)}, 1), (64, ${at('2025-03-01', '08:01', CET)}, 1);`,
  ];
}

function sqlite(dbPath, sql) {
  execFileSync('sqlite3', ['-bail', dbPath], { input: sql, stdio: ['pipe', 'ignore', 'inherit'] });
}

function build(dbPath, sql) {
  rmSync(dbPath, { force: true });
  mkdirSync(dirname(dbPath), { recursive: true });
  sqlite(dbPath, sql);
}

function zipOne(zipPath, dbPath) {
  rmSync(zipPath, { force: true });
  // A fixed time stamp, so that building the fixtures again gives the same zip.
  const fixed = new Date('2025-04-22T03:00:00Z');
  utimesSync(dbPath, fixed, fixed);
  execFileSync('zip', ['-q', '-j', '-X', zipPath, dbPath]);
}

function withName(dbPath, name) {
  const dir = join(dirname(dbPath), '.tmp-zip');
  mkdirSync(dir, { recursive: true });
  const copy = join(dir, name);
  copyFileSync(dbPath, copy);
  return { copy, done: () => rmSync(dir, { recursive: true, force: true }) };
}

function buildFixtures() {
  const imports = join(ROOT, 'fixtures/imports');
  const db = join(imports, 'health_connect_export.db');
  // 300 heart-rate rows: on 512-byte pages their table needs interior b-tree pages.
  build(db, SCHEMA + mainRows().join('\n') + heartRows(300));
  zipOne(join(imports, 'Health Connect.zip'), db);

  const bad = join(ROOT, 'fixtures/bad/health-connect');
  mkdirSync(bad, { recursive: true });
  const base = SCHEMA.replace(
    'CREATE TABLE menstruation_flow_record_table',
    'CREATE TABLE flow_real',
  ).replace('ALTER TABLE menstruation_flow_record_table', 'ALTER TABLE flow_real');
  build(
    join(bad, 'view-as-table.db'),
    base +
      'CREATE VIEW menstruation_flow_record_table AS SELECT * FROM flow_real;\n' +
      mainRows().slice(0, 2).join('\n'),
  );
  build(
    join(bad, 'trigger.db'),
    SCHEMA +
      'CREATE TRIGGER wipe AFTER INSERT ON menstruation_flow_record_table BEGIN DELETE FROM application_info_table; END;\n' +
      mainRows().join('\n'),
  );
  build(
    join(bad, 'wrong-types.db'),
    SCHEMA +
      mainRows().join('\n') +
      "\nINSERT INTO menstruation_flow_record_table(uuid, app_info_id, time, zone_offset, local_date, flow) VALUES (X'ff', 1, 1741000000000, 3600, 20150, 'heavy');",
  );
  build(
    join(bad, 'bad-local-date.db'),
    SCHEMA +
      "INSERT INTO menstruation_flow_record_table(uuid, app_info_id, time, zone_offset, local_date, flow) VALUES (X'01', 1, 1741000000000, 3600, 'yesterday', 2);",
  );
  build(
    join(bad, 'huge-values.db'),
    SCHEMA +
      mainRows().join('\n') +
      "\nINSERT INTO body_temperature_record_table(uuid, app_info_id, time, zone_offset, local_date, temperature) VALUES (X'f1', 1, 1741000000000, 3600, 20150, 1e308);" +
      `\nINSERT INTO menstruation_period_record_table(uuid, app_info_id, start_time, start_zone_offset, end_time, end_zone_offset, local_date) VALUES (X'f2', 1, ${at('2025-05-01', '00:00', CET)}, ${CET}, 9007199254740991, ${CET}, ${localDay(at('2025-05-01', '00:00', CET), CET)});`,
  );
  build(
    join(bad, 'far-future.db'),
    SCHEMA +
      "INSERT INTO menstruation_flow_record_table(uuid, app_info_id, time, zone_offset, local_date, flow) VALUES (X'01', 1, 253402214400000, 0, 2932896, 2);",
  );
  build(
    join(bad, 'hostile-names.db'),
    SCHEMA +
      mainRows().slice(1).join('\n') +
      "\nINSERT INTO application_info_table(row_id, package_name, app_name) VALUES (1, 'org.example' || char(27) || '[31m.red', 'Evil' || char(27) || ']0;owned' || char(7) || ' App');",
  );
  build(join(bad, 'no-cycle-records.db'), SCHEMA);
  // An older or newer schema without the flow column: the records still count as period days.
  build(
    join(bad, 'missing-column.db'),
    SCHEMA.replace(`${INSTANT}, flow INTEGER, ${INSTANT_GEN}`, `${INSTANT}, ${INSTANT_GEN}`) +
      "INSERT INTO menstruation_flow_record_table(uuid, app_info_id, time, zone_offset, local_date) VALUES (X'01', 1, 1741000000000, 3600, 20150);",
  );
  build(
    join(bad, 'not-health-connect.db'),
    "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('hello');",
  );
  // A database cut in half, as an interrupted download leaves it.
  const truncated = join(bad, 'truncated.db');
  build(truncated, SCHEMA + mainRows().join('\n'));
  truncateSync(truncated, Math.floor(statSync(truncated).size / 2));
  // A zip without the database; a zip whose entry is cut short.
  const { copy, done } = withName(join(bad, 'no-cycle-records.db'), 'health_connect_backup.db');
  zipOne(join(bad, 'no-database.zip'), copy);
  done();
}

/** `rows` heart-rate samples, generated by SQLite itself (no SQL text per row). */
function heartRows(rows) {
  return `
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows})
INSERT INTO heart_rate_record_series_table(beats_per_minute, epoch_millis, parent_key)
SELECT 55 + (i * 7919) % 60, 1735689600000 + i * 5000, i / 100 FROM n;`;
}

function buildBig(out, megabytes) {
  rmSync(out, { force: true });
  // About 20.5 bytes a row on disk with 4 KB pages; the cycle tables are a few pages at most.
  const rows = Math.round((megabytes * 1024 * 1024) / 20.5);
  const schema = SCHEMA.replace('PRAGMA page_size = 512;', 'PRAGMA page_size = 4096;');
  sqlite(
    out,
    'PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;' +
      schema +
      mainRows().join('\n') +
      heartRows(rows),
  );
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'fixtures') buildFixtures();
else if (mode === 'big') {
  const [out, mb] = rest;
  buildBig(out, Number(mb ?? 500));
  if (!existsSync(out)) process.exit(1);
} else if (mode !== undefined) {
  console.error('usage: gen-health-connect.mjs fixtures | big OUT.db MB');
  process.exit(2);
}
