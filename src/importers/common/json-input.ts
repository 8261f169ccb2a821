/**
 * Reads a JSON export with the position of every value, so that each error can say
 * `file:line:column` and which record (a JSON path) is wrong.
 */
import { InputError } from '../../errors.ts';
import type { InputFile } from '../../io/input-file.ts';
import { JsonTextError, parseJsonText, type JsonLocations } from '../../log/json-text.ts';
import { decodeUtf8 } from './text.ts';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A parsed document plus the means to point at any value in it. */
export class JsonDocument {
  constructor(
    readonly file: string,
    readonly root: unknown,
    private readonly locations: JsonLocations,
    /** Said in every structural error, e.g. "this does not look like a Clue export". */
    private readonly formatHint: string,
    /** Where the document's value starts, for errors about the document as a whole. */
    private readonly rootPosition: { line: number; column: number },
  ) {}

  /** An error at `container[key]` (or at the container itself), naming the JSON path. */
  error(path: string, reason: string, container?: object, key?: string | number): InputError {
    const position =
      container === undefined
        ? this.rootPosition
        : key === undefined
          ? this.locations.of(container)
          : (this.locations.member(container, key) ?? this.locations.of(container));
    return new InputError(
      this.file,
      position ? { line: position.line, column: position.column } : {},
      `${path}: ${reason}`,
      this.formatHint,
    );
  }

  /** The line of a value, for warnings. */
  lineOf(container: object, key?: string | number): number | undefined {
    return (
      key === undefined ? this.locations.of(container) : this.locations.member(container, key)
    )?.line;
  }
}

export async function readJsonDocument(
  input: InputFile,
  formatHint: string,
): Promise<JsonDocument> {
  return parseJsonDocument(
    input.name,
    decodeUtf8(await input.readAll(), input.name, formatHint),
    formatHint,
  );
}

export function parseJsonDocument(file: string, text: string, formatHint: string): JsonDocument {
  try {
    const { value, locations } = parseJsonText(text, { maxDepth: 64 });
    const leading = /^\s*/.exec(text)![0];
    const lines = leading.split('\n');
    const rootPosition = { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
    return new JsonDocument(file, value, locations, formatHint, rootPosition);
  } catch (error) {
    if (error instanceof JsonTextError) {
      throw new InputError(file, error.position, error.reason, formatHint);
    }
    throw error;
  }
}

/** A JSON string or number as text (exports that dump SQL tables write numbers as strings). */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
