import { decodeTextFile } from '../../log/decode-text.ts';

/**
 * The UTF-8 text of an export, without the byte-order mark some Windows tools and apps prepend.
 * Anything else (UTF-16, a legacy encoding such as Windows-1252, binary data) is an InputError
 * naming the line, never silently turned into U+FFFD replacement characters.
 */
export function decodeUtf8(bytes: Buffer, file: string, hint: string): string {
  return decodeTextFile(bytes, file, hint);
}
