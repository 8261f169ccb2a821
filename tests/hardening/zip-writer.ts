/**
 * A minimal zip writer for tests: real archives (stored or deflated) and crafted ones whose
 * headers lie about sizes (zip bombs), without committing large files.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  /** The entry's content; ignored when `deflated` is given. */
  data?: Buffer;
  /** Already deflated bytes (e.g. a bomb streamed through zlib); needs `size` and `crc`. */
  deflated?: Buffer;
  /** Stored instead of deflated. */
  store?: boolean;
  /** What the headers claim the inflated size is (default: the true size). */
  claimedSize?: number;
  /** Override for the CRC (default: the true CRC of `data`). */
  crc?: number;
}

const MAX32 = 0xffffffff;

/** Builds a zip archive; sizes over 4 GiB are written with zip64 extra fields. */
export function buildZip(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = entry.data ?? Buffer.alloc(0);
    const body = entry.deflated ?? (entry.store ? data : deflateRawSync(data));
    const method = entry.store && entry.deflated === undefined ? 0 : 8;
    const crc = entry.crc ?? crc32(data);
    const size = entry.claimedSize ?? data.length;
    const zip64 = size >= MAX32;
    const extra = zip64 ? Buffer.alloc(4 + 16) : Buffer.alloc(0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(zip64 ? MAX32 : body.length, 18);
    local.writeUInt32LE(zip64 ? MAX32 : size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(zip64 ? 45 : 20, 4);
    central.writeUInt16LE(zip64 ? 45 : 20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(zip64 ? MAX32 : body.length, 20);
    central.writeUInt32LE(zip64 ? MAX32 : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, extra, body);
    centrals.push(central, name, extra);
    offset += local.length + name.length + extra.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
