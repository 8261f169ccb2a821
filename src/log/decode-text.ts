/**
 * Bytes of a text log → a string, refusing what is not UTF-8 text with a message that says
 * what the file seems to be instead (a spreadsheet, UTF-16 "Unicode text", a binary file).
 */
import { InputError } from '../errors.ts';

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
