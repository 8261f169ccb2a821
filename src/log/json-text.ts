/**
 * A small strict JSON parser that remembers where every value sits. `JSON.parse` on Node 20
 * names no position for many syntax errors, cannot limit nesting and silently accepts
 * `__proto__` keys; this one gives line:column for every error and value, stops at a depth
 * limit before the stack can overflow, and rejects keys that could pollute prototypes.
 */

export interface TextPosition {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
}

/** A syntax error, or a forbidden key, at a position in the text. */
export class JsonTextError extends Error {
  constructor(
    readonly position: TextPosition,
    readonly reason: string,
    /** False for well-formed JSON that is refused (a forbidden key). */
    readonly isSyntaxError = true,
  ) {
    super(`${position.line}:${position.column}: ${reason}`);
    this.name = 'JsonTextError';
  }
}

/** Keys that are never field names and that could reach an object's prototype chain. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

export const DEFAULT_MAX_DEPTH = 32;

/** Where a container's members are: the position of the value at each key or index. */
export interface JsonLocations {
  /** Where a value (object or array) starts. */
  of(node: object): TextPosition | undefined;
  /** Where the value at `container[key]` starts. */
  member(container: object, key: string | number): TextPosition | undefined;
}

export interface ParsedJson {
  value: unknown;
  locations: JsonLocations;
}

export function parseJsonText(text: string, options: { maxDepth?: number } = {}): ParsedJson {
  const parser = new Parser(text, options.maxDepth ?? DEFAULT_MAX_DEPTH);
  const value = parser.parseDocument();
  const starts = parser.starts;
  const members = parser.members;
  const at = (offset: number | undefined): TextPosition | undefined =>
    offset === undefined ? undefined : parser.positionAt(offset);
  return {
    value,
    locations: {
      of: (node) => at(starts.get(node)),
      member: (container, key) => {
        const where = members.get(container);
        if (where === undefined) return undefined;
        if (Array.isArray(where)) return typeof key === 'number' ? at(where[key]) : undefined;
        return typeof key === 'string' ? at(where.get(key)) : undefined;
      },
    },
  };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Parser {
  private pos = 0;
  // Offsets, turned into line:column only when asked: a position object per value would cost
  // far more memory than the values themselves (a 10 MB array of numbers needed over 256 MB).
  readonly starts = new WeakMap<object, number>();
  /** Where each member's value starts: offsets by key for objects, by index for arrays. */
  readonly members = new WeakMap<object, Map<string, number> | number[]>();
  /** Offsets of line starts, so positions are computed only when needed. */
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {
    for (let i = 0; i < text.length; i++)
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  parseDocument(): unknown {
    this.skipSpace();
    if (this.pos >= this.text.length) throw this.error('no JSON value (the file is empty)');
    const value = this.parseValue(0);
    this.skipSpace();
    if (this.pos < this.text.length) {
      throw this.error(`unexpected ${this.describeHere()} after the end of the JSON value`);
    }
    return value;
  }

  positionAt(offset: number): TextPosition {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1 };
  }

  private error(reason: string, offset = this.pos, isSyntaxError = true): JsonTextError {
    return new JsonTextError(this.positionAt(offset), reason, isSyntaxError);
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return 'end of file';
    const ch = this.text[this.pos]!;
    return /[\x21-\x7e]/.test(ch)
      ? `"${ch}"`
      : `character U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  }

  private skipSpace(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else break;
    }
  }

  private parseValue(depth: number): unknown {
    const ch = this.text[this.pos];
    switch (ch) {
      case '{':
        return this.parseObject(depth + 1);
      case '[':
        return this.parseArray(depth + 1);
      case '"':
        return this.parseString();
      case 't':
        return this.parseWord('true', true);
      case 'f':
        return this.parseWord('false', false);
      case 'n':
        return this.parseWord('null', null);
      default:
        if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.parseNumber();
        throw this.error(`expected a JSON value, found ${this.describeHere()}`);
    }
  }

  private enter(depth: number): void {
    if (depth > this.maxDepth) {
      throw this.error(`nesting deeper than ${this.maxDepth} levels; this is not a cycle log`);
    }
  }

  private parseObject(depth: number): Record<string, unknown> {
    this.enter(depth);
    // A plain object is several times faster than Object.create(null), and safe here because
    // the only keys with special meaning on assignment are refused before anything is assigned.
    const object: Record<string, unknown> = {};
    const where = new Map<string, number>();
    this.starts.set(object, this.pos);
    this.members.set(object, where);
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return object;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') {
        throw this.error(`expected a property name in double quotes, found ${this.describeHere()}`);
      }
      const keyOffset = this.pos;
      const key = this.parseString();
      if (FORBIDDEN_KEYS.has(key)) {
        throw this.error(`"${key}" is not allowed as a key`, keyOffset, false);
      }
      // JSON.parse would keep the last of two equal keys and drop the first without a word.
      if (where.has(key)) {
        const first = this.positionAt(where.get(key)!);
        throw this.error(
          `duplicate key ${showKey(key)} (first given on line ${first.line}); give each key once`,
          keyOffset,
          false,
        );
      }
      this.skipSpace();
      if (this.text[this.pos] !== ':') {
        throw this.error(
          `expected ":" after property name ${showKey(key)}, found ${this.describeHere()}`,
        );
      }
      this.pos++;
      this.skipSpace();
      where.set(key, this.pos);
      object[key] = this.parseValue(depth);
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === '}') {
        this.pos++;
        return object;
      }
      throw this.error(`expected "," or "}" after a property value, found ${this.describeHere()}`);
    }
  }

  private parseArray(depth: number): unknown[] {
    this.enter(depth);
    const array: unknown[] = [];
    const where: number[] = [];
    this.starts.set(array, this.pos);
    this.members.set(array, where);
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return array;
    }
    for (;;) {
      this.skipSpace();
      where.push(this.pos);
      array.push(this.parseValue(depth));
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === ']') {
        this.pos++;
        return array;
      }
      throw this.error(`expected "," or "]" after an array element, found ${this.describeHere()}`);
    }
  }

  private parseString(): string {
    const text = this.text;
    const start = this.pos;
    this.pos++;
    let out = '';
    let chunkStart = this.pos;
    for (;;) {
      if (this.pos >= text.length) throw this.error('unterminated string', start);
      const c = text.charCodeAt(this.pos);
      if (c === 0x22) {
        out += text.slice(chunkStart, this.pos);
        this.pos++;
        return out;
      }
      if (c < 0x20) {
        throw this.error(
          c === 0x0a
            ? 'unterminated string (a line break inside a string must be written \\n)'
            : 'control character inside a string',
        );
      }
      if (c === 0x5c) {
        out += text.slice(chunkStart, this.pos);
        out += this.parseEscape();
        chunkStart = this.pos;
        continue;
      }
      this.pos++;
    }
  }

  private parseEscape(): string {
    const esc = this.text[this.pos + 1];
    const simple: Record<string, string> = {
      '"': '"',
      '\\': '\\',
      '/': '/',
      b: '\b',
      f: '\f',
      n: '\n',
      r: '\r',
      t: '\t',
    };
    if (esc !== undefined && Object.hasOwn(simple, esc)) {
      this.pos += 2;
      return simple[esc]!;
    }
    if (esc === 'u') {
      const hex = this.text.slice(this.pos + 2, this.pos + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex))
        throw this.error('invalid \\u escape (expected 4 hex digits)');
      this.pos += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    if (esc === undefined) throw this.error('unterminated string');
    throw this.error(
      /[\x21-\x7e]/.test(esc)
        ? `invalid escape "\\${esc}" in a string`
        : `invalid escape: a backslash before character U+${esc.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} in a string`,
    );
  }

  private parseWord<T>(word: string, value: T): T {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    throw this.error(`expected a JSON value, found ${this.describeHere()}`);
  }

  private parseNumber(): number {
    const start = this.pos;
    NUMBER.lastIndex = start;
    const m = NUMBER.exec(this.text);
    if (!m) throw this.error('invalid number');
    this.pos += m[0].length;
    const next = this.text[this.pos];
    if (next !== undefined && /[0-9.eE+\-a-zA-Z]/.test(next))
      throw this.error('invalid number', start);
    return Number(m[0]);
  }
}

/** A key as a message shows it: quoted and escaped (one line whatever it holds), and short. */
function showKey(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 39)}…` : key);
}
