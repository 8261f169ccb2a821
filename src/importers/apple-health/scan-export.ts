/**
 * A byte scanner for Apple Health's export.xml, not an XML parser. Real exports are 100 MB to
 * several GB, and almost all of it is heart-rate and step records we skip at memchr speed: we
 * search the raw chunks for the type prefix `HKCategoryTypeIdentifier` and read only the
 * `<Record>` elements around the hits. Between chunks only an unfinished record is kept, so
 * memory stays flat however large the file is.
 *
 * The prolog is checked properly: Apple writes an XML declaration, an internal DTD subset of
 * element and attribute declarations, and `<HealthData>`. Entity declarations, external DTDs
 * and undefined entity references are refused, never expanded or fetched.
 */
import { InputError } from '../../errors.ts';
import { LineCounter } from './line-counter.ts';
import { TagSyntaxError, findTagEnd, readStartTag } from './xml-tag.ts';

/** One `<Record>` of interest, with its `MetadataEntry` children. */
export interface AppleRecord {
  /** The full type, e.g. `HKCategoryTypeIdentifierMenstrualFlow`. */
  type: string;
  attributes: Map<string, string>;
  metadata: Map<string, string>;
  /** Line of the `<Record` start. */
  line: number;
}

/** What the export says about itself before the records. */
export interface ExportHeader {
  locale?: string;
  /** `ExportDate value`, e.g. `2025-03-15 09:41:07 +0100`. */
  exportDate?: string;
  /** `Me HKCharacteristicTypeIdentifierDateOfBirth`, `YYYY-MM-DD` or empty. */
  dateOfBirth?: string;
}

export interface ScanHandlers {
  /** For each category record type: read it whole ('parse') or only count it ('count'). */
  interest(type: string): 'parse' | 'count';
  onRecord(record: AppleRecord): void;
}

/** A category type that was only counted: how many records, and the line of the first. */
export interface CountedType {
  type: string;
  count: number;
  line: number;
}

export interface ScanResult {
  header: ExportHeader;
  counted: CountedType[];
}

export const CATEGORY_PREFIX = 'HKCategoryTypeIdentifier';
const NEEDLE = Buffer.from(CATEGORY_PREFIX, 'latin1');
const RECORD_OPEN = Buffer.from('<Record', 'latin1');
const RECORD_CLOSE = Buffer.from('</Record', 'latin1');
const ROOT_CLOSE = Buffer.from('</HealthData>', 'latin1');

const LT = 0x3c;
const GT = 0x3e;
const QUOT = 0x22;
const APOS = 0x27;

/** No Apple prolog (declaration, DTD, HealthData, ExportDate, Me) comes near this. */
const PROLOG_LIMIT = 8 * 1024 * 1024;
/** A single `<Record>` longer than this means a damaged file, not a real record. */
const RECORD_LIMIT = 16 * 1024 * 1024;
/** Apple has about 200 record types; thousands of distinct ones mean this is not an export. */
const TYPE_LIMIT = 10_000;

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function startsWithAt(buf: Buffer, offset: number, text: string): boolean {
  if (offset + text.length > buf.length) return false;
  for (let i = 0; i < text.length; i++) if (buf[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** Whether `<Record` followed by whitespace starts at `lt`. */
function isRecordTagAt(buf: Buffer, lt: number): boolean {
  return startsWithAt(buf, lt, '<Record') && isSpace(buf[lt + 7]);
}

/** Whether the bytes from `lt` to the end could still grow into a `<Record ` start tag. */
function couldBeRecordTag(buf: Buffer, lt: number): boolean {
  const available = buf.length - lt;
  if (available > RECORD_OPEN.length) return isRecordTagAt(buf, lt);
  return buf.compare(RECORD_OPEN, 0, available, lt, buf.length) === 0;
}

function equalBytes(buf: Buffer, start: number, other: Buffer): boolean {
  for (let i = 0; i < other.length; i++) if (buf[start + i] !== other[i]) return false;
  return true;
}

function countLines(buf: Buffer, end: number): number {
  let line = 1;
  let i = 0;
  while ((i = buf.indexOf(0x0a, i)) !== -1 && i < end) {
    line++;
    i++;
  }
  return line;
}

type PrologResult =
  { done: false } | { done: true; bodyStart: number; header: ExportHeader; empty: boolean };

class PrologReader {
  constructor(private readonly file: string) {}

  private fail(buf: Buffer, offset: number, reason: string, hint?: string): never {
    throw new InputError(this.file, { line: countLines(buf, offset) }, reason, hint);
  }

  private notApple(buf: Buffer, offset: number, what: string): never {
    this.fail(
      buf,
      offset,
      `not an Apple Health export: ${what}`,
      "Apple Health exports start with <?xml …?>, Apple's <!DOCTYPE HealthData [...]> and <HealthData>.",
    );
  }

  /** Parses the prolog if `buf` holds all of it; `{done: false}` asks for more bytes. */
  read(buf: Buffer, atEnd: boolean): PrologResult {
    let i = 0;
    if (buf[0] === 0xfe || buf[0] === 0xff) {
      this.notApple(buf, 0, 'the file is UTF-16; Apple Health writes UTF-8');
    }
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
    const more = (): PrologResult => {
      if (atEnd) this.notApple(buf, buf.length, 'the file ends before a <HealthData> element');
      if (buf.length > PROLOG_LIMIT)
        this.notApple(buf, i, 'no <HealthData> element near the start');
      return { done: false };
    };
    for (;;) {
      while (isSpace(buf[i])) i++;
      if (i >= buf.length) return more();
      if (buf[i] !== LT) this.notApple(buf, i, 'it does not start with XML markup');
      if (buf.length - i < 9) return more();
      if (startsWithAt(buf, i, '<?')) {
        const end = buf.indexOf('?>', i + 2, 'latin1');
        if (end === -1) return more();
        if (startsWithAt(buf, i, '<?xml') && isSpace(buf[i + 5]))
          this.checkDeclaration(buf, i, end);
        i = end + 2;
      } else if (startsWithAt(buf, i, '<!--')) {
        const end = buf.indexOf('-->', i + 4, 'latin1');
        if (end === -1) return more();
        i = end + 3;
      } else if (startsWithAt(buf, i, '<!DOCTYPE')) {
        const end = this.readDoctype(buf, i);
        if (end === undefined) return more();
        i = end;
      } else {
        return this.readRoot(buf, i, atEnd, more);
      }
    }
  }

  private checkDeclaration(buf: Buffer, start: number, end: number): void {
    const text = buf.toString('latin1', start, end);
    const encoding = /\sencoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
    if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
      this.notApple(
        buf,
        start,
        `the XML declaration says encoding="${encoding}"; Apple Health writes UTF-8`,
      );
    }
  }

  /** Returns the offset after the DOCTYPE, or undefined when more bytes are needed. */
  private readDoctype(buf: Buffer, start: number): number | undefined {
    let i = start + '<!DOCTYPE'.length;
    if (i >= buf.length) return undefined;
    if (!isSpace(buf[i])) this.notApple(buf, i, 'malformed <!DOCTYPE');
    while (isSpace(buf[i])) i++;
    const nameStart = i;
    while (i < buf.length && !isSpace(buf[i]) && buf[i] !== 0x5b && buf[i] !== GT) i++;
    if (i >= buf.length) return undefined;
    const name = buf.toString('utf8', nameStart, i);
    if (name !== 'HealthData')
      this.notApple(buf, nameStart, `the document type is "${name}", not HealthData`);
    while (isSpace(buf[i])) i++;
    if (i + 6 >= buf.length) return undefined;
    if (startsWithAt(buf, i, 'SYSTEM') || startsWithAt(buf, i, 'PUBLIC')) {
      this.fail(
        buf,
        i,
        'the DOCTYPE refers to an external DTD; Apple Health never writes one, and cyclecheck does not fetch it',
      );
    }
    if (buf[i] === GT) return i + 1;
    if (buf[i] !== 0x5b) this.notApple(buf, i, 'malformed <!DOCTYPE');
    i++;
    for (;;) {
      while (isSpace(buf[i])) i++;
      if (i + 9 >= buf.length) return undefined;
      const byte = buf[i];
      if (byte === 0x5d) {
        i++;
        while (isSpace(buf[i])) i++;
        if (i >= buf.length) return undefined;
        if (buf[i] !== GT) this.notApple(buf, i, 'malformed <!DOCTYPE: expected "]>"');
        return i + 1;
      }
      if (byte === 0x25) {
        this.fail(
          buf,
          i,
          'the DOCTYPE uses a parameter entity (%…;); Apple Health never does, and cyclecheck does not expand entities',
        );
      }
      if (startsWithAt(buf, i, '<!--')) {
        const end = buf.indexOf('-->', i + 4, 'latin1');
        if (end === -1) return undefined;
        i = end + 3;
      } else if (startsWithAt(buf, i, '<?')) {
        const end = buf.indexOf('?>', i + 2, 'latin1');
        if (end === -1) return undefined;
        i = end + 2;
      } else if (startsWithAt(buf, i, '<!ENTITY')) {
        const end = findTagEnd(buf, i);
        const text = buf.toString('utf8', i, end === -1 ? Math.min(buf.length, i + 400) : end);
        const external = /\s(SYSTEM|PUBLIC)\s/.test(text);
        this.fail(
          buf,
          i,
          external
            ? 'the DOCTYPE declares an external entity (<!ENTITY … SYSTEM/PUBLIC); Apple Health never does, and cyclecheck refuses it'
            : 'the DOCTYPE declares an entity (<!ENTITY); Apple Health never does, and cyclecheck does not expand entities',
          'This file was not written by the Health app, or it was edited. Export it again from the iPhone.',
        );
      } else if (startsWithAt(buf, i, '<!')) {
        const end = findTagEnd(buf, i);
        if (end === -1) return undefined;
        i = end + 1;
      } else {
        this.notApple(buf, i, 'unexpected text inside <!DOCTYPE HealthData [...]>');
      }
    }
  }

  private readRoot(
    buf: Buffer,
    start: number,
    atEnd: boolean,
    more: () => PrologResult,
  ): PrologResult {
    let root;
    try {
      root = readStartTag(buf, start);
    } catch (error) {
      if (error instanceof TagSyntaxError) this.fail(buf, error.offset, error.message);
      throw error;
    }
    if (root === undefined) return more();
    if (root.name !== 'HealthData') {
      this.notApple(buf, start, `the root element is <${root.name}>, not <HealthData>`);
    }
    const header: ExportHeader = {};
    const locale = root.attributes.get('locale');
    if (locale !== undefined) header.locale = locale;
    if (root.selfClosing) return { done: true, bodyStart: root.end, header, empty: true };
    // ExportDate and Me come first when present; stop at the first other element.
    let i = root.end;
    const body = (): PrologResult => ({ done: true, bodyStart: root.end, header, empty: false });
    for (;;) {
      while (i < buf.length && buf[i] !== LT) i++;
      if (i + 12 >= buf.length) return atEnd ? body() : more();
      if (startsWithAt(buf, i, '<!--')) {
        const end = buf.indexOf('-->', i + 4, 'latin1');
        if (end === -1) return atEnd ? body() : more();
        i = end + 3;
        continue;
      }
      const isExportDate =
        startsWithAt(buf, i, '<ExportDate') && (isSpace(buf[i + 11]) || buf[i + 11] === 0x2f);
      const isMe = startsWithAt(buf, i, '<Me') && (isSpace(buf[i + 3]) || buf[i + 3] === 0x2f);
      if (!isExportDate && !isMe) return body();
      let tag;
      try {
        tag = readStartTag(buf, i);
      } catch (error) {
        if (error instanceof TagSyntaxError) this.fail(buf, error.offset, error.message);
        throw error;
      }
      if (tag === undefined) return atEnd ? body() : more();
      if (isExportDate) {
        const value = tag.attributes.get('value');
        if (value !== undefined) header.exportDate = value;
      } else {
        const birth = tag.attributes.get('HKCharacteristicTypeIdentifierDateOfBirth');
        if (birth !== undefined) header.dateOfBirth = birth;
      }
      i = tag.end;
    }
  }
}

/** A parsed record, or undefined when the buffer ends before `</Record>`. */
function readRecordElement(
  buf: Buffer,
  lt: number,
  type: string,
): { attributes: Map<string, string>; metadata: Map<string, string>; end: number } | undefined {
  const tag = readStartTag(buf, lt);
  if (tag === undefined) return undefined;
  if (tag.attributes.get('type') !== type) {
    throw new TagSyntaxError('the type attribute of this <Record> could not be read', lt);
  }
  const metadata = new Map<string, string>();
  if (tag.selfClosing) return { attributes: tag.attributes, metadata, end: tag.end };
  let i = tag.end;
  for (;;) {
    i = buf.indexOf(LT, i);
    if (i === -1) return undefined;
    if (buf.length - i < 10) return undefined;
    if (buf.compare(RECORD_CLOSE, 0, RECORD_CLOSE.length, i, i + RECORD_CLOSE.length) === 0) {
      let j = i + RECORD_CLOSE.length;
      while (isSpace(buf[j])) j++;
      if (j >= buf.length) return undefined;
      if (buf[j] !== GT) throw new TagSyntaxError('malformed </Record>', j);
      return { attributes: tag.attributes, metadata, end: j + 1 };
    }
    if (startsWithAt(buf, i, '<!--')) {
      const end = buf.indexOf('-->', i + 4, 'latin1');
      if (end === -1) return undefined;
      i = end + 3;
      continue;
    }
    if (buf[i + 1] === 0x2f) {
      const end = findTagEnd(buf, i);
      // Quote at most 40 bytes of one line: a damaged file can have anything up to the next '>'.
      const stop = end === -1 ? buf.length : end;
      const raw = buf.toString('utf8', i + 2, Math.min(stop, i + 42));
      const name = raw.split(/[\r\n]/)[0]!.trim();
      const cut = name.length < raw.trim().length || stop > i + 42 ? '…' : '';
      throw new TagSyntaxError(`unexpected </${name}${cut}> inside <Record>`, i);
    }
    const child = readStartTag(buf, i);
    if (child === undefined) return undefined;
    if (child.name === 'MetadataEntry') {
      const key = child.attributes.get('key');
      const value = child.attributes.get('value');
      if (key !== undefined && value !== undefined) metadata.set(key, value);
    }
    if (child.name === 'Record') throw new TagSyntaxError('a <Record> inside a <Record>', i);
    if (child.selfClosing) {
      i = child.end;
    } else {
      const close = buf.indexOf(`</${child.name}`, child.end, 'utf8');
      if (close === -1) return undefined;
      i = close + 2;
    }
  }
}

interface TypeEntry extends CountedType {
  bytes: Buffer;
  parse: boolean;
}

/**
 * The scanner's state between chunks: the prolog until the root element opens, then the bytes
 * kept from one chunk to the next (an unfinished record), the line they start on, and the record
 * types seen so far, found by comparing bytes (no string is made for the common skipped ones).
 */
class AppleExportScanner {
  private readonly prolog: PrologReader;
  private readonly lines = new LineCounter();
  private header: ExportHeader | undefined;
  private emptyRoot = false;
  private carry: Buffer = Buffer.alloc(0);
  private carryLine = 1;
  private tail: Buffer = Buffer.alloc(0);
  private readonly typesByLength = new Map<number, TypeEntry[]>();
  private readonly types: TypeEntry[] = [];

  constructor(
    private readonly file: string,
    private readonly handlers: ScanHandlers,
  ) {
    this.prolog = new PrologReader(file);
  }

  private fail(offset: number, reason: string, hint?: string): never {
    throw new InputError(this.file, { line: this.lines.lineAt(offset) }, reason, hint);
  }

  private lookupType(buf: Buffer, start: number, end: number): TypeEntry {
    const length = end - start;
    let list = this.typesByLength.get(length);
    if (list) {
      for (const entry of list) if (equalBytes(buf, start, entry.bytes)) return entry;
    } else {
      list = [];
      this.typesByLength.set(length, list);
    }
    if (this.types.length >= TYPE_LIMIT)
      this.fail(
        start,
        `more than ${TYPE_LIMIT} different record types: this is not an Apple Health export`,
      );
    const bytes = Buffer.from(buf.subarray(start, end));
    const type = bytes.toString('utf8');
    const entry: TypeEntry = {
      bytes,
      type,
      parse: this.handlers.interest(type) === 'parse',
      count: 0,
      line: 0,
    };
    list.push(entry);
    this.types.push(entry);
    return entry;
  }

  /** Scans `buf` from `start`; returns the offset from which bytes must be kept. */
  private scanBody(buf: Buffer, start: number): number {
    let pos = start;
    let lastHandledTag = -1;
    for (;;) {
      const hit = buf.indexOf(NEEDLE, pos);
      if (hit === -1) break;
      pos = hit + NEEDLE.length;
      const quote = buf[hit - 1];
      if (quote !== QUOT && quote !== APOS) continue;
      const lt = buf.lastIndexOf(LT, hit);
      if (lt < start || lt === lastHandledTag || !isRecordTagAt(buf, lt)) continue;
      if (!startsWithAt(buf, hit - 6, 'type=') || !isSpace(buf[hit - 7])) continue;
      const typeEnd = buf.indexOf(quote, pos);
      if (typeEnd === -1) return lt;
      const entry = this.lookupType(buf, hit, typeEnd);
      lastHandledTag = lt;
      if (!entry.parse) {
        if (entry.count++ === 0) entry.line = this.lines.lineAt(hit);
        pos = typeEnd;
        continue;
      }
      const end = this.handleRecord(buf, lt, entry);
      if (end === undefined) return lt;
      pos = end;
    }
    return this.keepUnfinishedTag(buf, start, lastHandledTag);
  }

  /** Reads one record of interest and hands it on; undefined when it continues past `buf`. */
  private handleRecord(buf: Buffer, lt: number, entry: TypeEntry): number | undefined {
    let element;
    try {
      element = readRecordElement(buf, lt, entry.type);
    } catch (error) {
      if (error instanceof TagSyntaxError) this.fail(error.offset, error.message);
      throw error;
    }
    if (element === undefined) {
      if (buf.length - lt > RECORD_LIMIT) {
        this.fail(lt, 'this <Record> is longer than 16 MB; the file is damaged');
      }
      return undefined;
    }
    this.handlers.onRecord({
      type: entry.type,
      attributes: element.attributes,
      metadata: element.metadata,
      line: this.lines.lineAt(lt),
    });
    return element.end;
  }

  /** Keep an unfinished `<Record` start tag whose type we have not seen yet. */
  private keepUnfinishedTag(buf: Buffer, start: number, lastHandledTag: number): number {
    const lastLt = buf.lastIndexOf(LT);
    if (
      lastLt >= start &&
      lastLt !== lastHandledTag &&
      couldBeRecordTag(buf, lastLt) &&
      findTagEnd(buf, lastLt) === -1
    ) {
      if (buf.length - lastLt > RECORD_LIMIT) {
        this.fail(lastLt, 'this <Record> start tag is longer than 16 MB; the file is damaged');
      }
      return lastLt;
    }
    return buf.length;
  }

  /** Scans `buf` (its first line numbered `line`) from `start`; keeps what must be kept. */
  private scanAndKeep(buf: Buffer, start: number, line: number): void {
    this.lines.reset(buf, line);
    const keep = this.scanBody(buf, start);
    this.carryLine = this.lines.lineAt(keep);
    this.carry = keep < buf.length ? buf.subarray(keep) : Buffer.alloc(0);
  }

  /**
   * Scans a chunk that follows kept bytes. Usually the kept bytes are the start of one tag that
   * ends before the chunk's first `<`: that short seam is scanned on its own, then the chunk in
   * place, so the chunk is never copied. Only a record whose children cross the boundary needs
   * the two joined.
   */
  private scanAfterCarry(chunk: Buffer): void {
    const firstLt = chunk.indexOf(LT);
    if (firstLt !== -1) {
      const seam = Buffer.concat([this.carry, chunk.subarray(0, firstLt)]);
      this.lines.reset(seam, this.carryLine);
      const keepFrom = this.scanBody(seam, 0);
      if (keepFrom === seam.length) {
        this.scanAndKeep(chunk, firstLt, this.lines.lineAt(this.carry.length));
        return;
      }
    }
    this.scanAndKeep(Buffer.concat([this.carry, chunk]), 0, this.carryLine);
  }

  private scanChunk(chunk: Buffer): void {
    if (this.header !== undefined) {
      if (this.carry.length > 0) this.scanAfterCarry(chunk);
      else this.scanAndKeep(chunk, 0, this.carryLine);
      return;
    }
    const buf = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    if (chunk.indexOf(GT) === -1 && buf.length <= PROLOG_LIMIT) {
      this.carry = buf;
      return;
    }
    const result = this.prolog.read(buf, false);
    if (!result.done) {
      this.carry = buf;
      return;
    }
    this.header = result.header;
    this.emptyRoot = result.empty;
    this.scanAndKeep(buf, result.bodyStart, 1);
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.scanChunk(chunk);
    // Chunk sources may reuse their buffers: keep copies, never views.
    this.tail = Buffer.from(
      chunk.length >= 64 ? chunk.subarray(-64) : Buffer.concat([this.tail, chunk]).subarray(-64),
    );
    if (this.carry.length > 0) this.carry = Buffer.from(this.carry);
  }

  finish(): ScanResult {
    if (this.header === undefined) {
      const result = this.prolog.read(this.carry, true);
      if (!result.done) throw new Error('unreachable: prolog.read at end returned not done');
      this.header = result.header;
      this.emptyRoot = result.empty;
      this.scanAndKeep(this.carry, result.bodyStart, 1);
    }
    if (this.carry.length > 0) {
      throw new InputError(
        this.file,
        { line: this.carryLine },
        'the file ends inside this <Record> element: the export is truncated',
        'Export the data again from the Health app (Profile → Export All Health Data).',
      );
    }
    if (!this.emptyRoot) this.checkRootClosed();
    const counted = this.types
      .filter((entry) => !entry.parse && entry.count > 0)
      .map(({ type, count, line }) => ({ type, count, line }));
    return { header: this.header, counted };
  }

  private checkRootClosed(): void {
    const tail = this.tail;
    let end = tail.length;
    while (end > 0 && isSpace(tail[end - 1])) end--;
    const closed =
      end >= ROOT_CLOSE.length &&
      tail.compare(ROOT_CLOSE, 0, ROOT_CLOSE.length, end - ROOT_CLOSE.length, end) === 0;
    if (!closed) {
      throw new InputError(
        this.file,
        { line: this.carryLine },
        'the file ends without </HealthData>: the export is truncated or damaged',
        'Export the data again from the Health app (Profile → Export All Health Data).',
      );
    }
  }
}

/**
 * Scans an export.xml given as chunks and reports the category records to `handlers`.
 * `file` names the input in errors. Throws InputError for anything malformed.
 */
export async function scanAppleExport(
  chunks: AsyncIterable<Buffer>,
  file: string,
  handlers: ScanHandlers,
): Promise<ScanResult> {
  const scanner = new AppleExportScanner(file, handlers);
  for await (const chunk of chunks) scanner.push(chunk);
  return scanner.finish();
}
