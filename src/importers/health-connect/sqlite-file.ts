/**
 * A read-only reader of the SQLite file format (sqlite.org/fileformat.html), just enough to walk
 * the rows of named rowid tables. Why not a SQLite library: the file is hostile input, the
 * install must work offline on Node 20 without a native build, and memory must follow the cycle
 * tables, not the file (a Health Connect export is mostly heart-rate rows). This reader never
 * executes SQL from the file, never writes, and reads one page at a time at its offset, so only
 * the pages of the tables asked for are ever read.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const MAGIC = 'SQLite format 3\u0000';
const LEAF_TABLE = 0x0d;
const INTERIOR_TABLE = 0x05;
/** Deeper than any real b-tree (a 4 KB-page tree of 10^12 rows is about 8 levels). */
const MAX_DEPTH = 40;
/** A cycle record is a few dozen bytes; a bigger payload (an app icon) is still bounded. */
const MAX_PAYLOAD = 16 * 1024 * 1024;

export type SqlValue = null | number | bigint | string | Buffer;

/** A damaged or crafted file: the message says what is wrong, without a stack. */
export class SqliteFormatError extends Error {}

export interface SqliteHeader {
  pageSize: number;
  usableSize: number;
  pageCount: number;
  encoding: 'utf8' | 'utf16le' | 'utf16be';
  userVersion: number;
}

export class SqliteFile {
  readonly header: SqliteHeader;
  private readonly fd: number;
  private readonly page: Buffer;
  /** Overflow pages are read while the leaf page that points to them is still in use. */
  private readonly overflowPage: Buffer;

  private constructor(fd: number, header: SqliteHeader) {
    this.fd = fd;
    this.header = header;
    this.page = Buffer.alloc(header.pageSize);
    this.overflowPage = Buffer.alloc(header.pageSize);
  }

  /** Opens `path` read-only and checks its header. Throws SqliteFormatError on a non-database. */
  static open(path: string): SqliteFile {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      const head = Buffer.alloc(100);
      const got = readSync(fd, head, 0, 100, 0);
      if (got < 100 || head.toString('latin1', 0, 16) !== MAGIC) {
        throw new SqliteFormatError('not an SQLite database (no "SQLite format 3" header)');
      }
      return new SqliteFile(fd, readHeader(head, size));
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Reads page `number` (1-based) into `into` (a reused buffer) and returns it. */
  private readPage(number: number, into = this.page): Buffer {
    if (!Number.isInteger(number) || number < 1 || number > this.header.pageCount) {
      throw new SqliteFormatError(`page ${number} is outside the file`);
    }
    const got = readSync(
      this.fd,
      into,
      0,
      this.header.pageSize,
      (number - 1) * this.header.pageSize,
    );
    if (got < this.header.pageSize) {
      throw new SqliteFormatError('the database ends inside a page: the file is truncated');
    }
    return into;
  }

  /**
   * Every row of the rowid table whose b-tree starts at `rootPage`, in rowid order: the rowid and
   * the record's stored values. A page seen twice (a crafted loop) is an error, not a hang.
   */
  *rows(rootPage: number): Generator<{ rowid: bigint; values: SqlValue[] }> {
    const visited = new Set<number>();
    const stack: { page: number; depth: number }[] = [{ page: rootPage, depth: 0 }];
    while (stack.length > 0) {
      const { page: number, depth } = stack.pop()!;
      if (visited.has(number)) throw new SqliteFormatError(`page ${number} is linked twice`);
      if (depth > MAX_DEPTH) throw new SqliteFormatError('a table b-tree is impossibly deep');
      visited.add(number);
      const page = this.readPage(number);
      const base = number === 1 ? 100 : 0;
      const type = page[base];
      const cells = page.readUInt16BE(base + 3);
      if (type === INTERIOR_TABLE) {
        const children: number[] = [];
        for (let i = 0; i < cells; i++) {
          children.push(page.readUInt32BE(this.cellOffset(page, base, 12, i)));
        }
        children.push(page.readUInt32BE(base + 8));
        // Pushed in reverse so that the leftmost child is read first (rowid order).
        for (let i = children.length - 1; i >= 0; i--) {
          stack.push({ page: children[i]!, depth: depth + 1 });
        }
      } else if (type === LEAF_TABLE) {
        // The cells are decoded before yielding: the page buffer is reused by the next read.
        const rows: { rowid: bigint; values: SqlValue[] }[] = [];
        for (let i = 0; i < cells; i++) {
          rows.push(this.readLeafCell(page, this.cellOffset(page, base, 8, i), visited));
        }
        yield* rows;
      } else {
        throw new SqliteFormatError(
          `page ${number} is not a table b-tree page (type ${type}): the database is damaged, or the table is WITHOUT ROWID`,
        );
      }
    }
  }

  private cellOffset(page: Buffer, base: number, headerSize: number, index: number): number {
    const at = base + headerSize + 2 * index;
    if (at + 2 > this.header.usableSize) throw new SqliteFormatError('a page has too many cells');
    const offset = page.readUInt16BE(at);
    if (offset < base + headerSize || offset >= this.header.usableSize) {
      throw new SqliteFormatError('a cell points outside its page');
    }
    return offset;
  }

  private readLeafCell(
    page: Buffer,
    offset: number,
    visited: Set<number>,
  ): { rowid: bigint; values: SqlValue[] } {
    const limit = this.header.usableSize;
    const [size, afterSize] = readVarint(page, offset, limit);
    const [rowid, afterRowid] = readVarint(page, afterSize, limit);
    if (size > BigInt(MAX_PAYLOAD)) {
      throw new SqliteFormatError(`a row of ${size} bytes is too large for a health record`);
    }
    const payloadSize = Number(size);
    const inline = inlineBytes(payloadSize, limit);
    if (afterRowid + inline > limit) throw new SqliteFormatError('a cell overruns its page');
    let payload: Buffer = Buffer.from(page.subarray(afterRowid, afterRowid + inline));
    if (inline < payloadSize) {
      if (afterRowid + inline + 4 > limit) throw new SqliteFormatError('a cell overruns its page');
      const first = page.readUInt32BE(afterRowid + inline);
      payload = this.readOverflow(payload, payloadSize, first, visited);
    }
    return { rowid: BigInt.asIntN(64, rowid), values: decodeRecord(payload, this.header.encoding) };
  }

  private readOverflow(
    start: Buffer,
    total: number,
    firstPage: number,
    visited: Set<number>,
  ): Buffer {
    const parts = [start];
    let have = start.length;
    let next = firstPage;
    const chunk = this.header.usableSize - 4;
    while (have < total) {
      if (next === 0) throw new SqliteFormatError('an overflow chain ends early');
      if (visited.has(next)) throw new SqliteFormatError(`page ${next} is linked twice`);
      visited.add(next);
      const page = this.readPage(next, this.overflowPage);
      const take = Math.min(chunk, total - have);
      parts.push(Buffer.from(page.subarray(4, 4 + take)));
      have += take;
      next = page.readUInt32BE(0);
    }
    return Buffer.concat(parts, total);
  }
}

function readHeader(head: Buffer, fileSize: number): SqliteHeader {
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    throw new SqliteFormatError(`the header gives an impossible page size (${raw})`);
  }
  const reserved = head[20]!;
  const usableSize = pageSize - reserved;
  if (usableSize < 480) throw new SqliteFormatError('the header reserves too many bytes per page');
  const encodingCode = head.readUInt32BE(56);
  const encoding =
    encodingCode === 2 ? 'utf16le' : encodingCode === 3 ? 'utf16be' : ('utf8' as const);
  // The page count in the header is valid only when written by a recent SQLite; the file's own
  // size is the bound that matters for reading, so the smaller of the two is used.
  const fromSize = Math.floor(fileSize / pageSize);
  const declared = head.readUInt32BE(28);
  const valid = declared !== 0 && head.readUInt32BE(24) === head.readUInt32BE(92);
  const pageCount = valid ? Math.min(declared, fromSize) : fromSize;
  return { pageSize, usableSize, pageCount, encoding, userVersion: head.readInt32BE(60) };
}

/** How many payload bytes a table leaf cell keeps on its page (the rest overflows). */
function inlineBytes(payload: number, usable: number): number {
  const maxLocal = usable - 35;
  if (payload <= maxLocal) return payload;
  const minLocal = Math.floor(((usable - 12) * 32) / 255) - 23;
  const k = minLocal + ((payload - minLocal) % (usable - 4));
  return k <= maxLocal ? k : minLocal;
}

/** A SQLite varint (1–9 bytes, big-endian, 7 bits per byte, the ninth byte whole). */
export function readVarint(bytes: Buffer, offset: number, limit: number): [bigint, number] {
  let value = 0n;
  for (let i = 0; i < 9; i++) {
    if (offset + i >= limit) throw new SqliteFormatError('a number runs past its page');
    const byte = bytes[offset + i]!;
    if (i === 8) return [(value << 8n) | BigInt(byte), offset + 9];
    value = (value << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, offset + i + 1];
  }
  /* c8 ignore next */
  throw new SqliteFormatError('unreachable');
}

const INT_SIZES = [0, 1, 2, 3, 4, 6, 8];

/** The values of one record (header of serial types, then the values). */
export function decodeRecord(payload: Buffer, encoding: SqliteHeader['encoding']): SqlValue[] {
  const [headerSizeBig, firstType] = readVarint(payload, 0, payload.length);
  const headerSize = Number(headerSizeBig);
  if (headerSize > payload.length || headerSize < firstType) {
    throw new SqliteFormatError('a record header is longer than the record');
  }
  const values: SqlValue[] = [];
  let typeAt = firstType;
  let body = headerSize;
  while (typeAt < headerSize) {
    const [typeBig, next] = readVarint(payload, typeAt, headerSize);
    typeAt = next;
    const type = typeBig > 1_000_000_000n ? -1 : Number(typeBig);
    const size =
      type >= 12
        ? Math.floor((type - 12) / 2)
        : type >= 0 && type <= 6
          ? INT_SIZES[type]!
          : type === 7
            ? 8
            : 0;
    if (type === 10 || type === 11 || type < 0 || body + size > payload.length) {
      throw new SqliteFormatError('a record value runs past the record');
    }
    values.push(decodeValue(payload, body, type, size, encoding));
    body += size;
  }
  return values;
}

function decodeValue(
  payload: Buffer,
  at: number,
  type: number,
  size: number,
  encoding: SqliteHeader['encoding'],
): SqlValue {
  if (type === 0) return null;
  if (type === 8) return 0;
  if (type === 9) return 1;
  if (type === 7) return payload.readDoubleBE(at);
  if (type <= 6) {
    const big = readSignedInt(payload, at, size);
    const small = Number(big);
    return Number.isSafeInteger(small) ? small : big;
  }
  const bytes = payload.subarray(at, at + size);
  if (type % 2 === 0) return Buffer.from(bytes);
  if (encoding === 'utf8') return bytes.toString('utf8');
  if (encoding === 'utf16le') return bytes.toString('utf16le');
  return Buffer.from(bytes.subarray(0, size & ~1))
    .swap16()
    .toString('utf16le');
}

function readSignedInt(bytes: Buffer, at: number, size: number): bigint {
  let value = 0n;
  for (let i = 0; i < size; i++) value = (value << 8n) | BigInt(bytes[at + i]!);
  return BigInt.asIntN(size * 8, value);
}
