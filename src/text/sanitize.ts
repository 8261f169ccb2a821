/* eslint-disable no-control-regex -- matching control characters is the point of this file */
/**
 * Text from input files (notes, colours, app names, file names) may carry terminal escape
 * sequences, carriage returns or bidi overrides. Everything printed passes through here.
 */

// ESC/CSI/OSC sequences, then remaining C0/C1 controls (tab and newline kept only where allowed),
// then bidi embedding/override/isolate controls that could reorder what a reader sees.
const ANSI =
  /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b\[[0-?]*[ -/]*[@-~]|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line of safe text: escapes removed, controls and newlines replaced by spaces. */
export function sanitizeInline(text: string): string {
  return text
    .replace(ANSI, '')
    .replace(/[\t\n]/g, ' ')
    .replace(CONTROL, ' ')
    .replace(BIDI, '');
}

// JSON.stringify escapes C0 controls (ESC among them) but leaves C1 controls, bidi controls and
// the Unicode line separators as they are, and a terminal may act on those.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON for stdout or a file that may end up in a terminal: JSON.stringify, then every character a
 * terminal might act on written as a \u escape. These characters occur only inside strings, so
 * the document parses back to exactly the same data.
 */
export function formatJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    JSON_UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
