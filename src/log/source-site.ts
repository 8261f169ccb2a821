/**
 * Where a value came from, so one parse function serves both the command line (a plain Error
 * that the CLI turns into a usage error) and files (an InputError naming file, line, column).
 */
import { InputError } from '../errors.ts';
import type { Warning } from './import-contract.ts';
import type { JsonLocations, TextPosition } from './json-text.ts';

export interface SourceSite {
  file: string;
  line?: number;
  column?: number;
  /** A JSON path such as `days[12].bleeding`. */
  path?: string;
}

/** Throws the reason as an InputError at `site`, or as a plain Error when there is no file. */
export function failAt(site: SourceSite | undefined, reason: string): never {
  if (site === undefined) throw new Error(reason);
  const { file, ...location } = site;
  throw new InputError(file, location, reason);
}

/** A position inside a parsed JSON document: its path, and its line:column when known. */
export class JsonCursor {
  private constructor(
    readonly file: string,
    readonly path: string,
    readonly position: TextPosition | undefined,
    private readonly locations: JsonLocations | undefined,
  ) {}

  static root(file: string, locations?: JsonLocations, value?: unknown): JsonCursor {
    const position =
      locations && typeof value === 'object' && value !== null ? locations.of(value) : undefined;
    return new JsonCursor(file, '', position ?? { line: 1, column: 1 }, locations);
  }

  /** A cursor rooted at a path (e.g. `profile`) without positions, for values not from a file. */
  static detached(file: string, path: string): JsonCursor {
    return new JsonCursor(file, path, undefined, undefined);
  }

  at(container: object, key: string | number): JsonCursor {
    const path =
      typeof key === 'number'
        ? `${this.path}[${key}]`
        : this.path === ''
          ? key
          : `${this.path}.${key}`;
    return new JsonCursor(this.file, path, this.locations?.member(container, key), this.locations);
  }

  get site(): SourceSite {
    const site: SourceSite = { file: this.file };
    if (this.position) {
      site.line = this.position.line;
      site.column = this.position.column;
    }
    if (this.path !== '') site.path = this.path;
    return site;
  }

  fail(reason: string): never {
    return failAt(this.site, reason);
  }

  warning(message: string): Warning {
    const warning: Warning = {
      file: this.file,
      message: this.path === '' ? message : `${this.path}: ${message}`,
    };
    if (this.position) warning.line = this.position.line;
    return warning;
  }
}
