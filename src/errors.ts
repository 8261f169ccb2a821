/**
 * The tool's small error vocabulary. Commands throw these; only the entry point turns them into
 * a message on stderr and an exit status (docs/report-format.md, "Exit status").
 */

export const EXIT = {
  ok: 0,
  failOn: 1,
  usage: 2,
  dataError: 65,
  noInput: 66,
  internal: 70,
  interrupted: 130,
} as const;

/** Errors the user can fix; printed as one line (plus an optional hint) without a stack. */
export abstract class UserError extends Error {
  abstract readonly exitCode: number;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A bad command line: unknown option, bad option value, missing argument. Exit 2. */
export class UsageError extends UserError {
  readonly exitCode = EXIT.usage;
}

/**
 * Malformed or invalid input data. Exit 65. Printed as `file:line[:column]: message`, where
 * `line` may also be a JSON path or record number for formats without lines.
 */
export class InputError extends UserError {
  readonly exitCode = EXIT.dataError;
  constructor(
    readonly file: string,
    readonly location: { line?: number; column?: number; path?: string },
    readonly reason: string,
    hint?: string,
  ) {
    super(formatLocation(file, location) + ': ' + reason, hint);
  }
}

/** Input missing or unreadable (no such file, a directory, permission denied). Exit 66. */
export class MissingInputError extends UserError {
  readonly exitCode = EXIT.noInput;
}

/** The person pressed Ctrl-C. Exit 130; `message` says what was kept. */
export class InterruptedError extends UserError {
  readonly exitCode = EXIT.interrupted;
}

export function formatLocation(
  file: string,
  location: { line?: number; column?: number; path?: string },
): string {
  let text = file;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  if (location.path !== undefined) text += `:${location.path}`;
  return text;
}
