/**
 * The read-only SQLite page reader behind the Health Connect importer: records, overflow pages,
 * interior b-tree pages, column layouts from CREATE TABLE text, and crafted files (a page linked
 * twice, a record running past its end, an impossible header) refused rather than followed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  decodeRecord,
  readVarint,
  SqliteFile,
  SqliteFormatError,
} from '../../src/importers/health-connect/sqlite-file.ts';
import {
  pickColumns,
  readSchema,
  readTableLayout,
} from '../../src/importers/health-connect/sqlite-schema.ts';

const DB = 'fixtures/imports/health_connect_export.db';
const open: SqliteFile[] = [];
const openDb = (path: string): SqliteFile => {
  const db = SqliteFile.open(path);
  open.push(db);
  return db;
};
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function tableRoot(db: SqliteFile, name: string): { root: number; sql: string } {
  const entry = readSchema(db).find((e) => e.name === name)!;
  return { root: entry.rootPage, sql: entry.sql };
}

function writeTemp(bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cyclecheck-sqlite-')), 'x.db');
  writeFileSync(path, bytes);
  return path;
}

describe('SQLite varints and records', () => {
  test.each([
    [[0x00], 0n, 1],
    [[0x7f], 127n, 1],
    [[0x81, 0x00], 128n, 2],
    [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], 2n ** 64n - 1n, 9],
  ])('varint %j is %s (%i bytes)', (bytes, value, length) => {
    expect(readVarint(Buffer.from(bytes), 0, bytes.length)).toEqual([value, length]);
  });

  test('a varint running past its page is an error, not a read past the buffer', () => {
    expect(() => readVarint(Buffer.from([0x81, 0x81]), 0, 2)).toThrow(SqliteFormatError);
  });

  test('a record of every serial type', () => {
    // header: size 8; types NULL, int8, int 0, int 1, float, text(2), blob(1)
    const record = Buffer.from([
      8, 0, 1, 8, 9, 7, 17, 14, 0xfe, 0x40, 0x42, 0x80, 0, 0, 0, 0, 0, 0x68, 0x69, 0xab,
    ]);
    expect(decodeRecord(record, 'utf8')).toEqual([null, -2, 0, 1, 37, 'hi', Buffer.from([0xab])]);
  });

  test('a value running past the record is refused', () => {
    expect(() => decodeRecord(Buffer.from([2, 17, 0x68]), 'utf8')).toThrow(
      'a record value runs past the record',
    );
  });
});

describe('reading tables of the fixture', () => {
  test('the schema (its CREATE text overflows 512-byte pages) names every table', () => {
    const db = openDb(DB);
    expect(db.header).toMatchObject({ pageSize: 512, userVersion: 14, encoding: 'utf8' });
    const names = readSchema(db)
      .filter((e) => e.type === 'table')
      .map((e) => e.name);
    expect(names).toContain('menstruation_flow_record_table');
    expect(names).toContain('heart_rate_record_series_table');
  });

  test('a table spread over interior pages yields every row, in rowid order', () => {
    const db = openDb(DB);
    const { root, sql } = tableRoot(db, 'heart_rate_record_series_table');
    const layout = readTableLayout(sql);
    const rows = [...db.rows(root)].map(({ rowid, values }) =>
      pickColumns(layout, ['row_id', 'beats_per_minute'], rowid, values),
    );
    // Two rows from the main fixture, then 300 generated ones.
    expect(rows).toHaveLength(302);
    expect(rows.map((r) => r.row_id)).toEqual(Array.from({ length: 302 }, (_, i) => i + 1));
    expect(rows[0]).toEqual({ row_id: 1, beats_per_minute: 62 });
  });

  test('columns are found by name: a column added later, one declared first, generated ones', () => {
    const flow = readTableLayout(
      'CREATE TABLE t (row_id INTEGER PRIMARY KEY AUTOINCREMENT, "time" INTEGER, local_date_time INTEGER AS (time + 1), flow INTEGER, added_later TEXT)',
    );
    expect([...flow.columns]).toEqual([
      ['row_id', 'rowid'],
      ['time', 1],
      ['local_date_time', -1],
      ['flow', 2],
      ['added_later', 3],
    ]);
    const stored = readTableLayout(
      'CREATE TABLE t (a INT, b INT GENERATED ALWAYS AS (a * 2) STORED, [c d] TEXT, CONSTRAINT x UNIQUE (a))',
    );
    expect([...stored.columns]).toEqual([
      ['a', 0],
      ['b', 1],
      ['c d', 2],
    ]);
    // Older rows lack a column added by ALTER TABLE: it reads as null.
    expect(pickColumns(flow, ['added_later', 'flow'], 5n, [null, 1, 2])).toEqual({
      added_later: null,
      flow: 2,
    });
  });

  test('a table WITHOUT ROWID or with a column named twice is refused', () => {
    expect(() => readTableLayout('CREATE TABLE t (a INT PRIMARY KEY) WITHOUT ROWID')).toThrow(
      'WITHOUT ROWID',
    );
    expect(() => readTableLayout('CREATE TABLE t (a INT, A TEXT)')).toThrow('twice');
  });
});

describe('crafted files', () => {
  test('an interior page that points back to itself is refused, not followed for ever', () => {
    const bytes = Buffer.from(readFileSync(DB));
    const db = openDb(DB);
    const { root } = tableRoot(db, 'heart_rate_record_series_table');
    const at = (root - 1) * 512;
    expect(bytes[at]).toBe(0x05);
    bytes.writeUInt32BE(root, at + 8);
    const crafted = openDb(writeTemp(bytes));
    expect(() => [...crafted.rows(root)]).toThrow(`page ${root} is linked twice`);
  });

  test('a page number beyond the file is refused', () => {
    const db = openDb(DB);
    expect(() => [...db.rows(10_000)]).toThrow('outside the file');
  });

  test('a header with an impossible page size is refused', () => {
    const bytes = Buffer.from(readFileSync(DB));
    bytes.writeUInt16BE(1000, 16);
    expect(() => SqliteFile.open(writeTemp(bytes))).toThrow('impossible page size');
  });

  test('a file that is not SQLite is refused at its header', () => {
    expect(() => SqliteFile.open('fixtures/example-log.csv')).toThrow('not an SQLite database');
  });
});
