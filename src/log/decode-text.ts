/**
 * Bytes of a text log → a string, refusing what is not UTF-8 text with a message that says
 * what the file seems to be instead (a spreadsheet, UTF-16 "Unicode text", a binary file).
 */
import { InputError } from '../errors.ts';
import type { Warning } from './import-contract.ts';

const SAVE_AS = 'Save or export the log as CSV (UTF-8) or JSON.';

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * The text of a UTF-8 file without its byte order mark. Throws an InputError when not text;
 * `hint` is the second line of that error (what to do instead).
 */
export function decodeTextFile(bytes: Uint8Array, file: string, hint: string = SAVE_AS): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(file, { line: 1 }, 'the file is UTF-16 text, not UTF-8', hint);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new InputError(
      file,
      { line: 1 },
      'this is a zip archive (such as an .xlsx spreadsheet), not a CSV or JSON log',
      hint,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new InputError(
      file,
      { line: lineAt(bytes, nul) },
      'this is a binary file (it contains NUL bytes), not a CSV or JSON log',
      hint,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(
      file,
      { line: findInvalidUtf8Line(bytes) },
      'the file is not valid UTF-8 text (perhaps saved in a legacy encoding such as Windows-1252)',
      hint,
    );
  }
  return text;
}

/** 0x0A never occurs inside a multi-byte UTF-8 sequence, so lines can be checked one by one. */
function findInvalidUtf8Line(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
    line++;
  }
  return 1;
}

// ---------------------------------------------------------------------------------------------
// Canonical logs: what spreadsheets save

/**
 * Bytes Windows-1252 leaves undefined. WHATWG's decoder turns them into C1 control characters;
 * here they mean the file is in some other encoding, and are refused rather than read.
 */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function decodeUtf16(bytes: Uint8Array, file: string, hint: string): string {
  const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
  } catch {
    throw new InputError(
      file,
      { line: 1 },
      'the file starts as UTF-16 text, but it is cut off or holds bytes that are not UTF-16',
      hint,
    );
  }
}

/**
 * The text of a canonical log as spreadsheets save it: UTF-8 (with or without a byte order
 * mark), UTF-16 with a byte order mark, or — when the bytes are not valid UTF-8 — Windows-1252,
 * Excel's default on Windows, with one warning that says so. Bytes that are neither are refused;
 * no byte ever becomes a replacement character silently.
 */
export function decodeLogText(
  bytes: Uint8Array,
  file: string,
  hint: string = SAVE_AS,
): { text: string; warnings: Warning[] } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { text: decodeUtf16(bytes, file, hint), warnings: [] };
  }
  try {
    return { text: decodeTextFile(bytes, file, hint), warnings: [] };
  } catch (error) {
    if (!(error instanceof InputError) || !error.message.includes('not valid UTF-8')) throw error;
  }
  const line = findInvalidUtf8Line(bytes);
  const undefinedAt = bytes.findIndex((byte) => UNDEFINED_IN_1252.has(byte));
  if (undefinedAt !== -1) {
    const byte = bytes[undefinedAt]!.toString(16).toUpperCase();
    throw new InputError(
      file,
      { line: lineAt(bytes, undefinedAt) },
      `the file is not valid UTF-8 text, nor Windows-1252 (byte 0x${byte} means nothing there)`,
      hint,
    );
  }
  const text = new TextDecoder('windows-1252').decode(bytes);
  return {
    text,
    warnings: [
      {
        file,
        line,
        message:
          'the file is not UTF-8 text; it was read as Windows-1252 (how Excel saves CSV on Windows): check that letters such as é or ü look right in the notes, or save the file as "CSV UTF-8"',
      },
    ],
  };
}

/**
 * The first bytes of a file as text, for format detection: UTF-8, or Windows-1252 when the
 * bytes are not UTF-8 (as decodeLogText reads them). A character cut at the end is dropped.
 */
export function decodeHeadText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
